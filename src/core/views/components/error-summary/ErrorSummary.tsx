// GOV.UK error summary: at the top of a failed form, focused on load (autofocus, so no script
// is needed), each message a link to its field. Built from the same issues as the inline
// messages so the two never disagree.
import type { FieldIssue } from '../../../validation.ts';
import type { ViewContext } from '../../view-context.ts';

export function ErrorSummary(props: { v: ViewContext; issues: readonly FieldIssue[] }) {
  if (props.issues.length === 0) return null;
  const { t } = props.v;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
      <h2 id="error-summary-title">{t('form.errorSummaryTitle')}</h2>
      <ul>
        {props.issues.map((issue) => (
          <li>
            <a href={`#${fieldId(issue.field)}`}>{t(issue.messageKey, issue.values)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Ids derive from the field name: `title`, `title-hint`, `title-error`; dots become dashes. */
export const fieldId = (name: string) => name.replaceAll('.', '-');
