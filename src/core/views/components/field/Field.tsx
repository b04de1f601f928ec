// Form fields assembled from label, hint, error message and control; aria-describedby lists the
// hint then the error, as GOV.UK Frontend does.
import type { ComponentChildren as Child } from 'preact';
import type { ViewContext, FieldErrors } from '../../view-context.ts';
import { fieldId } from '../error-summary/ErrorSummary.tsx';

interface Common {
  v: ViewContext;
  name: string;
  label: string;
  hint?: string | undefined;
  errors?: FieldErrors | undefined;
}

function describedBy(name: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Parts(props: Common & { children: Child; legend?: boolean }) {
  const issue = props.errors?.[props.name];
  const id = fieldId(props.name);
  return (
    <>
      {props.hint ? <p class="hint" id={`${id}-hint`}>{props.hint}</p> : null}
      {issue ? (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{props.v.t('form.errorPrefix')}</span> {props.v.t(issue.messageKey, issue.values)}
        </p>
      ) : null}
      {props.children}
    </>
  );
}

interface ControlAttributes {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': 'true' | undefined;
}

/** A labelled control: the wrapper, label, hint and message are the same for every kind. */
function Labelled(props: Common & { control: (attributes: ControlAttributes) => Child }) {
  const issue = props.errors?.[props.name];
  const id = fieldId(props.name);
  const attributes: ControlAttributes = {
    id, 'aria-describedby': describedBy(props.name, props.hint, issue), 'aria-invalid': issue ? 'true' : undefined,
  };
  return (
    <div class={issue ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <Parts {...props}>{props.control(attributes)}</Parts>
    </div>
  );
}

export function TextInput(props: Common & { value?: string | undefined; type?: 'text' | 'email' | 'password' | 'search' | 'tel' | 'url' | 'number'; autocomplete?: string; width?: 'short' | 'full' }) {
  return (
    <Labelled {...props} control={(a) => {
      // One input for every type: preact types each input type apart, so the attributes are built loose.
      const input: Record<string, string | undefined> = {
        ...a, name: props.name, type: props.type ?? 'text', value: props.value ?? '',
        autocomplete: props.autocomplete, class: props.width === 'short' ? 'short' : undefined,
      };
      return <input {...input} />;
    }} />
  );
}

export function TextArea(props: Common & { value?: string | undefined; rows?: number }) {
  return (
    <Labelled {...props} control={(a) => (
      <textarea {...a} name={props.name} rows={props.rows ?? 6}>{props.value ?? ''}</textarea>
    )} />
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function Select(props: Common & { value?: string | undefined; choices: readonly Choice[]; blank?: string }) {
  return (
    <Labelled {...props} control={(a) => (
      <select {...a} name={props.name}>
        {props.blank !== undefined ? <option value="">{props.blank}</option> : null}
        {props.choices.map((c) => (
          <option value={c.value} selected={c.value === props.value}>{c.label}</option>
        ))}
      </select>
    )} />
  );
}

/** Radios in a fieldset whose legend is the question; the first radio carries the field id. */
export function Radios(props: Common & { value?: string | undefined; choices: readonly Choice[]; inline?: boolean }) {
  const issue = props.errors?.[props.name];
  const id = fieldId(props.name);
  return (
    <div class={issue ? 'field field-error' : 'field'}>
      <fieldset aria-describedby={describedBy(props.name, props.hint, issue)}>
        <legend>{props.label}</legend>
        <Parts {...props}>
          <div class={props.inline ? 'radios inline' : 'radios'}>
            {props.choices.map((c, i) => (
              <div class="radio">
                <input type="radio" id={i === 0 ? id : `${id}-${i}`} name={props.name} value={c.value} checked={c.value === props.value} />
                <label for={i === 0 ? id : `${id}-${i}`}>{c.label}</label>
              </div>
            ))}
          </div>
        </Parts>
      </fieldset>
    </div>
  );
}

/** One checkbox whose label says what ticking it means (a consent, say); it sends `yes` when ticked. */
export function Checkbox(props: Common & { checked?: boolean }) {
  const issue = props.errors?.[props.name];
  const id = fieldId(props.name);
  return (
    <div class={issue ? 'field field-error' : 'field'}>
      <Parts {...props}>
        <div class="radio">
          <input type="checkbox" id={id} name={props.name} value="yes" checked={props.checked}
            aria-describedby={describedBy(props.name, props.hint, issue)} aria-invalid={issue ? 'true' : undefined} />
          <label for={id}>{props.label}</label>
        </div>
      </Parts>
    </div>
  );
}

/** A file to send (an upload); the form around it must be an upload form. */
export function FileInput(props: Common & { accept?: string }) {
  return (
    <Labelled {...props} control={(a) => {
      const input: Record<string, string | undefined> = { ...a, name: props.name, type: 'file', accept: props.accept };
      return <input {...input} />;
    }} />
  );
}
