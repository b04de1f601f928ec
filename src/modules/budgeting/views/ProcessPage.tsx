// One process: what it is for, where it stands, its money, the projects on the ballot, and
// every idea with what became of it (rejections with their reasons, for all to read).
import { Button, PostForm, type ViewContext } from '../../../core/views/index.ts';
import { formatDate } from '../../../core/i18n/index.ts';
import { nextPhase } from '../ballots/process-phases.ts';
import type { Process } from '../process.ts';
import type { Idea } from '../queries/list-ideas.ts';
import type { Project } from '../queries/list-projects.ts';
import { budgetName, money } from './labels.ts';

export function ProcessPage(props: {
  v: ViewContext; base: string; process: Process; projects: readonly Project[]; ideas: readonly Idea[]; areaNames: ReadonlyMap<string, string>;
  canRun: boolean; canReview: boolean; canEnterPaper: boolean; ussdAddress: string;
  /** Paper sheets not yet counted (waiting for a second entry, or for review): closing the vote leaves them out. */
  paperPending: number; notice?: string | undefined; problem?: string;
}) {
  const { v, process: p } = props;
  const here = `${props.base}/budgets/${p.slug}`;
  const next = nextPhase(p.phase);
  const date = (d: string) => formatDate(v.locale, new Date(`${d}T12:00:00Z`));
  return (
    <>
      {props.problem ? <div class="error-summary" role="alert"><p>{v.t(props.problem)}</p></div> : null}
      {props.notice ? <p class="notice" role="status">{v.t(props.notice, { phase: v.t(`budgeting.phase.${p.phase}`) })}</p> : null}
      <h1>{p.title}</h1>
      <p><strong>{v.t(`budgeting.phase.${p.phase}`)}</strong>
        {p.votingFrom && p.votingUntil ? <> · {v.t('budgeting.votingDates', { from: date(p.votingFrom), until: date(p.votingUntil) })}</> : null}</p>
      <p class="pre-line">{p.description}</p>
      <ul>
        {p.phase === 'ideas' ? <li><a href={`${here}/ideas/new`}>{v.t('budgeting.sendIdea')}</a></li> : null}
        {p.phase === 'voting' ? <li><a href={`${here}/vote`}>{v.t('budgeting.vote')}</a></li> : null}
        {p.phase === 'results' || p.phase === 'implementation' ? <li><a href={`${here}/results`}>{v.t('budgeting.seeResults')}</a></li> : null}
        {props.canReview ? <li><a href={`${here}/review`}>{v.t('budgeting.review')}</a></li> : null}
        {p.phase === 'voting' && props.canEnterPaper ? <li><a href={`${here}/paper`}>{v.t('budgeting.paper.title')}</a></li> : null}
        {props.canRun ? <li><a href={`${here}/codes`}>{v.t('budgeting.codes')}</a></li> : null}
        {props.canRun && ['draft', 'ideas', 'review'].includes(p.phase) ? <li><a href={`${here}/edit`}>{v.t('budgeting.edit')}</a></li> : null}
      </ul>
      {props.canRun && p.phase === 'voting' ? <p>{v.t('budgeting.ussdAddress')} <code class="hash">{props.ussdAddress}</code></p> : null}
      {props.canRun && next ? (
        <PostForm v={v} action={`${here}/phase`}>
          {p.phase === 'voting' && props.paperPending > 0 ? <p class="notice">{v.t('budgeting.paperPending', { count: props.paperPending })}</p> : null}
          <input type="hidden" name="to" value={next} />
          <Button variant="secondary">{v.t('budgeting.moveTo', { phase: v.t(`budgeting.phase.${next}`) })}</Button>
        </PostForm>
      ) : null}
      <h2>{v.t('budgeting.budgets')}</h2>
      <dl>
        {p.budgets.map((b) => <><dt>{budgetName(v, b, props.areaNames)}</dt><dd>{money(v, b.amount, p.currency)}</dd></>)}
      </dl>
      <h2>{v.t('budgeting.projects')}</h2>
      {props.projects.length === 0 ? <p>{v.t('budgeting.noProjects')}</p> : p.budgets.map((b) => (
        <section aria-labelledby={`projects-${b.id}`}>
          <h3 id={`projects-${b.id}`}>{budgetName(v, b, props.areaNames)}</h3>
          <ul>
            {props.projects.filter((pr) => pr.budgetId === b.id).map((pr) => (
              <li><strong>{v.t('budgeting.projectCode', { code: pr.code })}</strong> <a href={`${here}/projects/${pr.code}`}>{pr.title}</a> · {money(v, pr.cost, p.currency)}
                {pr.funded ? <> · {v.t('budgeting.results.funded')}</> : null}
                {pr.funded && p.phase === 'implementation' ? <> · {v.t(`budgeting.progress.${pr.progress}`)}</> : null}</li>
            ))}
          </ul>
        </section>
      ))}
      <h2>{v.t('budgeting.ideas')}</h2>
      {props.ideas.length === 0 ? <p>{v.t('budgeting.noIdeas')}</p> : (
        <ul>
          {props.ideas.map((i) => (
            <li>
              <strong>{i.title}</strong> · {v.t(`budgeting.ideaStatus.${i.status}`, { code: i.projectCode ?? '' })}
              {i.reason ? <p>{v.t('budgeting.reason')} {i.reason}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
