// One project: what it is, what it costs, whether it won, and every progress report since, for
// anyone to follow (also as a feed); staff post reports here while it is built.
import { Button, ErrorSummary, PostForm, Select, TextArea, byField, type ViewContext } from '../../../core/views/index.ts';
import { formatDate } from '../../../core/i18n/index.ts';
import type { FieldIssue } from '../../../core/validation.ts';
import type { Process } from '../process.ts';
import type { Project } from '../queries/list-projects.ts';
import type { ProjectUpdate } from '../queries/project-updates.ts';
import { budgetName, money } from './labels.ts';

export function ProjectPage(props: {
  v: ViewContext; base: string; process: Process; project: Project; updates: readonly ProjectUpdate[]; areaNames: ReadonlyMap<string, string>;
  canReport: boolean; values: Record<string, string>; issues: readonly FieldIssue[]; done?: boolean | undefined;
}) {
  const { v, process: p, project: pr } = props;
  const here = `${props.base}/budgets/${p.slug}`;
  const budget = p.budgets.find((b) => b.id === pr.budgetId)!;
  const errors = byField(props.issues);
  return (
    <>
      <ErrorSummary v={v} issues={props.issues} />
      <p><a href={here}>{p.title}</a></p>
      <h1>{v.t('budgeting.projectCode', { code: pr.code })} {pr.title}</h1>
      {props.done ? <p class="notice" role="status">{v.t('budgeting.progressPosted')}</p> : null}
      <p class="pre-line">{pr.description}</p>
      <dl>
        <dt>{v.t('budgeting.budget')}</dt><dd>{budgetName(v, budget, props.areaNames)}</dd>
        <dt>{v.t('budgeting.results.cost')}</dt><dd>{money(v, pr.cost, p.currency)}</dd>
        {pr.funded !== null ? <><dt>{v.t('budgeting.outcome')}</dt><dd>{v.t(pr.funded ? 'budgeting.results.funded' : 'budgeting.results.notFunded')}</dd></> : null}
        {pr.funded ? <><dt>{v.t('budgeting.progressLabel')}</dt><dd>{v.t(`budgeting.progress.${pr.progress}`)}</dd></> : null}
      </dl>
      {pr.funded ? (
        <>
          <h2>{v.t('budgeting.updates')}</h2>
          <p><a href={`${here}/updates.atom`}>{v.t('budgeting.feed')}</a></p>
          {props.updates.length === 0 ? <p>{v.t('budgeting.noUpdates')}</p> : (
            <ol class="timeline">
              {props.updates.map((u) => (
                <li><strong>{v.t(`budgeting.progress.${u.progress}`)}</strong> · <time datetime={u.at.toISOString()}>{formatDate(v.locale, u.at, v.timeZone)}</time>
                  <p class="pre-line">{u.note}</p></li>
              ))}
            </ol>
          )}
        </>
      ) : null}
      {props.canReport && pr.funded && p.phase === 'implementation' ? (
        <PostForm v={v} action={`${here}/projects/${pr.code}/progress`}>
          <h2>{v.t('budgeting.report')}</h2>
          <Select v={v} name="progress" label={v.t('budgeting.progressLabel')} value={props.values.progress ?? pr.progress} errors={errors}
            choices={(['planned', 'in-progress', 'done', 'cancelled'] as const).map((s) => ({ value: s, label: v.t(`budgeting.progress.${s}`) }))} />
          <TextArea v={v} name="note" label={v.t('budgeting.note')} hint={v.t('budgeting.noteHint')} value={props.values.note} rows={3} errors={errors} />
          <Button>{v.t('budgeting.postReport')}</Button>
        </PostForm>
      ) : null}
    </>
  );
}
