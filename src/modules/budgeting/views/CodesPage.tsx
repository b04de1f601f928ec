// One-time voting codes: a form to generate a batch, and the batch itself as a sheet to print
// and cut into slips (the print stylesheet hides everything else on the page).
import { Button, ErrorSummary, PostForm, TextArea, TextInput, byField, type ViewContext } from '../../../core/views/index.ts';
import type { FieldIssue } from '../../../core/validation.ts';

export function CodesPage(props: {
  v: ViewContext; base: string; process: { slug: string; title: string }; issues: readonly FieldIssue[]; values: Record<string, string>;
  batch?: { number: number; codes: readonly string[] } | undefined; voteUrl: string; texted?: { sent: number; optedOut: number } | undefined;
}) {
  const { v } = props;
  const errors = byField(props.issues);
  return (
    <>
      <ErrorSummary v={v} issues={props.issues} />
      <h1 class="no-print">{v.t('budgeting.codes')}</h1>
      {props.texted ? <p class="notice" role="status">{v.t('budgeting.codesTexted', props.texted)}</p> : null}
      {props.batch ? (
        <>
          <p class="notice no-print" role="status">{v.t('budgeting.codesMade', { count: props.batch.codes.length, batch: props.batch.number })}</p>
          <ul class="slips" aria-label={v.t('budgeting.codesSheet')}>
            {props.batch.codes.map((code) => (
              <li class="slip">
                <strong>{props.process.title}</strong>
                <span>{v.t('budgeting.slipHow', { url: props.voteUrl })}</span>
                <code class="code">{code}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div class="no-print">
        <p>{v.t('budgeting.codesIntro')}</p>
        <PostForm v={v} action={`${props.base}/budgets/${props.process.slug}/codes`}>
          <TextInput v={v} name="count" type="number" label={v.t('budgeting.codesCount')} hint={v.t('budgeting.codesCountHint', { max: 2000 })} value={props.values.count ?? '100'} width="short" errors={errors} />
          <Button>{v.t('budgeting.codesGenerate')}</Button>
        </PostForm>
        <h2>{v.t('budgeting.codesBySms')}</h2>
        <PostForm v={v} action={`${props.base}/budgets/${props.process.slug}/codes/sms`}>
          <TextArea v={v} name="phones" label={v.t('budgeting.codesPhones')} hint={v.t('budgeting.codesPhonesHint')} value={props.values.phones} rows={5} errors={errors} />
          <Button>{v.t('budgeting.codesSend')}</Button>
        </PostForm>
      </div>
    </>
  );
}
