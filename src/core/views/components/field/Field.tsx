// Form fields assembled from label, hint, error message and control; aria-describedby lists the
// hint then the error, as GOV.UK Frontend does.
import type { Child } from 'hono/jsx';
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

export function TextInput(props: Common & { value?: string | undefined; type?: string; autocomplete?: string; width?: 'short' | 'full' }) {
  const issue = props.errors?.[props.name];
  const id = fieldId(props.name);
  return (
    <div class={issue ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <Parts {...props}>
        <input
          id={id} name={props.name} type={props.type ?? 'text'} value={props.value ?? ''}
          autocomplete={props.autocomplete} class={props.width === 'short' ? 'short' : undefined}
          aria-describedby={describedBy(props.name, props.hint, issue)} aria-invalid={issue ? 'true' : undefined}
        />
      </Parts>
    </div>
  );
}

export function TextArea(props: Common & { value?: string | undefined; rows?: number }) {
  const issue = props.errors?.[props.name];
  const id = fieldId(props.name);
  return (
    <div class={issue ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <Parts {...props}>
        <textarea id={id} name={props.name} rows={props.rows ?? 6}
          aria-describedby={describedBy(props.name, props.hint, issue)} aria-invalid={issue ? 'true' : undefined}>
          {props.value ?? ''}
        </textarea>
      </Parts>
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function Select(props: Common & { value?: string | undefined; choices: readonly Choice[]; blank?: string }) {
  const issue = props.errors?.[props.name];
  const id = fieldId(props.name);
  return (
    <div class={issue ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <Parts {...props}>
        <select id={id} name={props.name}
          aria-describedby={describedBy(props.name, props.hint, issue)} aria-invalid={issue ? 'true' : undefined}>
          {props.blank !== undefined ? <option value="">{props.blank}</option> : null}
          {props.choices.map((c) => (
            <option value={c.value} selected={c.value === props.value}>{c.label}</option>
          ))}
        </select>
      </Parts>
    </div>
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
