// Staff review the ideas waiting for a decision: accept one as a project (with its cost and
// budget), merge it into a project that covers it, or reject it with a public reason.
import { Button, ErrorSummary, PostForm, Select, TextArea, TextInput, byField, type ViewContext } from '../../../core/views/index.ts';
import type { FieldIssue } from '../../../core/validation.ts';
import type { Process } from '../process.ts';
import type { Idea } from '../queries/list-ideas.ts';
import type { Project } from '../queries/list-projects.ts';
import { budgetName } from './labels.ts';

export function ReviewPage(props: {
  v: ViewContext; base: string; process: Process; ideas: readonly Idea[]; projects: readonly Project[]; areaNames: ReadonlyMap<string, string>;
  current?: string | undefined; failed?: { idea: string; issues: readonly FieldIssue[]; values: Record<string, string> }; done?: string;
}) {
  const { v, process: p } = props;
  const waiting = props.ideas.filter((i) => i.status === 'submitted');
  const here = `${props.base}/budgets/${p.slug}`;
  // One idea's forms at a time: field ids stay unique, and the page stays short on a phone.
  const current = props.failed?.idea ?? (waiting.some((i) => i.id === props.current) ? props.current : waiting[0]?.id);
  return (
    <>
      <ErrorSummary v={v} issues={props.failed?.issues ?? []} />
      <h1>{v.t('budgeting.review')}</h1>
      {props.done ? <p class="notice" role="status">{v.t(props.done)}</p> : null}
      <p><a href={here}>{p.title}</a></p>
      {waiting.length === 0 ? <p>{v.t('budgeting.reviewNone')}</p> : waiting.map((idea) => {
        const failed = props.failed?.idea === idea.id ? props.failed : undefined;
        const errors = byField(failed?.issues ?? []);
        const values = failed?.values ?? {};
        return (
          <section class="group" aria-labelledby={`idea-${idea.id}`}>
            <h2 id={`idea-${idea.id}`}>{idea.title}</h2>
            <p class="pre-line">{idea.description}</p>
            {idea.area ? <p>{budgetName(v, { area: idea.area }, props.areaNames)}</p> : null}
            {idea.voiceReference ? <p><a href={`${props.base}/voices/${encodeURIComponent(idea.voiceReference)}`}>{idea.voiceReference}</a></p> : null}
            {idea.id === current ? (
              <>
                <h3>{v.t('budgeting.accept')}</h3>
                <PostForm v={v} action={`${here}/ideas/${idea.id}/accept`}>
                  <TextInput v={v} name={'title'} label={v.t('budgeting.idea.name')} value={values.title ?? idea.title} errors={errors} />
                  <TextArea v={v} name={'description'} label={v.t('budgeting.idea.description')} value={values.description ?? idea.description} rows={3} errors={errors} />
                  <TextInput v={v} name={'cost'} label={v.t('budgeting.cost', { currency: p.currency })} value={values.cost} width="short" errors={errors} />
                  <Select v={v} name={'budget'} label={v.t('budgeting.budget')} value={values.budget} errors={errors}
                    choices={p.budgets.map((b) => ({ value: b.id, label: budgetName(v, b, props.areaNames) }))} />
                  <Button>{v.t('budgeting.accept')}</Button>
                </PostForm>
                {props.projects.length ? (
                  <>
                    <h3>{v.t('budgeting.merge')}</h3>
                    <PostForm v={v} action={`${here}/ideas/${idea.id}/merge`}>
                      <Select v={v} name={'project'} label={v.t('budgeting.mergeInto')} value={values.project} errors={errors}
                        choices={props.projects.map((pr) => ({ value: pr.code, label: `${pr.code} · ${pr.title}` }))} />
                      <Button variant="secondary">{v.t('budgeting.merge')}</Button>
                    </PostForm>
                  </>
                ) : null}
                <h3>{v.t('budgeting.reject')}</h3>
                <PostForm v={v} action={`${here}/ideas/${idea.id}/reject`}>
                  <TextArea v={v} name={'reason'} label={v.t('budgeting.rejectReason')} hint={v.t('budgeting.rejectHint')} value={values.reason} rows={3} errors={errors} />
                  <Button variant="warning">{v.t('budgeting.reject')}</Button>
                </PostForm>
              </>
            ) : <p><a href={`${here}/review?idea=${idea.id}`}>{v.t('budgeting.reviewThis')}</a></p>}
          </section>
        );
      })}
    </>
  );
}
