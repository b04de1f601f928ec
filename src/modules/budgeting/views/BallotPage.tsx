// The ballot. Without JavaScript, "Update the total" posts the choices back and the page shows
// what is left; with it, the same figure updates as the voter chooses. Eligibility questions
// and the voting code (for people without an account) come after the choices.
import { Button, Checkbox, ErrorSummary, PostForm, Radios, Select, TextInput, byField, fieldId, type ViewContext } from '../../../core/views/index.ts';
import { formatNumber } from '../../../core/i18n/index.ts';
import type { FieldIssue } from '../../../core/validation.ts';
import type { Budget, Process } from '../process.ts';
import type { Project } from '../queries/list-projects.ts';
import { budgetName, money } from './labels.ts';
import { AGE_BANDS, SEXES } from '../../voices/index.ts';


export interface BallotPageProps {
  v: ViewContext; base: string; process: Process; projects: readonly Project[]; areaNames: ReadonlyMap<string, string>;
  /** The budgets this voter votes on (city-wide and their district's), or null while the district is not chosen. */
  open: readonly Budget[] | null;
  area: string | undefined;
  signedIn: boolean;
  values: Record<string, string>;
  issues: readonly FieldIssue[];
}

export function BallotPage(props: BallotPageProps) {
  const { v, process: p, values } = props;
  const errors = byField(props.issues);
  const here = `${props.base}/budgets/${p.slug}/vote`;
  const districts = p.budgets.filter((b) => b.area !== null);
  return (
    <>
      <ErrorSummary v={v} issues={props.issues} />
      <h1>{v.t('budgeting.ballot.title', { process: p.title })}</h1>
      <p>{v.t(`budgeting.ballot.how.${p.design.kind}`, 'k' in p.design ? { k: p.design.k } : p.design.kind === 'cumulative' ? { points: p.design.points, max: p.design.perProject } : {})}</p>
      {districts.length > 0 && props.open === null ? (
        <form method="get" action={here}>
          <Select v={v} name="area" label={v.t('budgeting.ballot.area')} hint={v.t('budgeting.ballot.areaHint')} value={props.area} errors={errors}
            choices={[...props.areaNames].map(([slug, name]) => ({ value: slug, label: name }))} />
          <Button>{v.t('budgeting.ballot.continue')}</Button>
        </form>
      ) : (
        <PostForm v={v} action={here}>
          {props.area ? <input type="hidden" name="area" value={props.area} /> : null}
          {(props.open ?? []).map((budget) => <BudgetChoices {...props} budget={budget} errors={errors} />)}
          <section class="group" aria-labelledby="about-you">
            <h2 id="about-you">{v.t('budgeting.ballot.aboutYou')}</h2>
            {p.minAge > 0 ? <Checkbox v={v} name="ageConfirmed" label={v.t('budgeting.ballot.age', { age: p.minAge })} checked={values.ageConfirmed === 'yes'} errors={errors} /> : null}
            <p class="hint">{v.t('budgeting.ballot.whyAsk')}</p>
            <Radios v={v} name="sex" label={v.t('demographics.sex')} value={values.sex ?? ''} inline errors={errors}
              choices={[...SEXES.map((s) => ({ value: s, label: v.t(`demographics.sex.${s}`) })), { value: '', label: v.t('demographics.preferNotToSay') }]} />
            <Select v={v} name="ageBand" label={v.t('demographics.ageBand')} value={values.ageBand} blank={v.t('demographics.preferNotToSay')} errors={errors}
              choices={AGE_BANDS.map((a) => ({ value: a, label: v.t(`demographics.age.${a}`) }))} />
            {props.signedIn ? null : (
              <TextInput v={v} name="code" label={v.t('budgeting.ballot.code')} hint={v.t('budgeting.ballot.codeHint')} value={values.code} width="short" autocomplete="off" errors={errors} />
            )}
          </section>
          <Button name="action" value="cast">{v.t('budgeting.ballot.cast')}</Button>
        </PostForm>
      )}
    </>
  );
}

export function BudgetChoices(props: BallotPageProps & { budget: Budget; errors: ReturnType<typeof byField> }) {
  const { v, process: p, budget, values, errors } = props;
  const design = p.design;
  const projects = props.projects.filter((pr) => pr.onBallot && pr.budgetId === budget.id);
  const name = budgetName(v, budget, props.areaNames);
  const issue = errors[`budget-${budget.id}`];
  // What is left, from what was posted: the running total without JavaScript.
  const limit = design.kind === 'approval-budget' ? budget.amount : design.kind === 'cumulative' ? design.points : null;
  const used = design.kind === 'approval-budget'
    ? projects.filter((pr) => values[`p-${pr.code}`] === 'yes').reduce((sum, pr) => sum + pr.cost, 0)
    : design.kind === 'cumulative' ? projects.reduce((sum, pr) => sum + (Number(values[`points-${pr.code}`]) || 0), 0) : 0;
  const show = (amount: number) => (design.kind === 'cumulative' ? formatNumber(v.locale, amount) : money(v, amount, p.currency));
  const leftText = v.t(design.kind === 'cumulative' ? 'budgeting.ballot.pointsLeft' : 'budgeting.ballot.left', { amount: '{amount}' });
  const overText = v.t(design.kind === 'cumulative' ? 'budgeting.ballot.pointsOver' : 'budgeting.ballot.over', { amount: '{amount}' });
  return (
    <fieldset class={issue ? 'group field-error' : 'group'} id={fieldId(`budget-${budget.id}`)}
      data-limit={limit ?? undefined} data-currency={design.kind === 'approval-budget' ? p.currency : undefined}>
      <legend>{design.kind === 'cumulative' ? name : v.t('budgeting.ballot.budgetLegend', { budget: name, amount: money(v, budget.amount, p.currency) })}</legend>
      {issue ? <p class="error-message" id={`${fieldId(`budget-${budget.id}`)}-error`}><span class="visually-hidden">{v.t('form.errorPrefix')}</span> {v.t(issue.messageKey, issue.values)}</p> : null}
      {projects.map((pr) => {
        const id = `p-${pr.code}`;
        const label = `${v.t('budgeting.projectCode', { code: pr.code })} ${pr.title} · ${money(v, pr.cost, p.currency)}`;
        if (design.kind === 'approval-budget' || design.kind === 'approval-k') {
          return (
            <div class="radio">
              <input type="checkbox" id={id} name={id} value="yes" checked={values[id] === 'yes'} data-cost={design.kind === 'approval-budget' ? pr.cost : undefined} />
              <label for={id}>{label}</label>
              <p class="hint">{pr.description}</p>
            </div>
          );
        }
        const field = design.kind === 'ranking' ? `rank-${pr.code}` : `points-${pr.code}`;
        return (
          <TextInput v={v} name={field} type="number" label={label} hint={pr.description} value={values[field]} width="short" errors={errors} />
        );
      })}
      {limit !== null ? (
        <p>
          <output data-left={leftText} data-over={overText} aria-live="polite" class={limit - used < 0 ? 'over' : undefined}>
            {(limit - used < 0 ? overText : leftText).replace('{amount}', show(Math.abs(limit - used)))}
          </output>{' '}
          <Button variant="secondary" name="action" value="check">{v.t('budgeting.ballot.update')}</Button>
        </p>
      ) : null}
    </fieldset>
  );
}
