// Facilitators type in paper ballots: the sheet's number, where the voter lives, their choices
// as marked on the paper. Each sheet is typed in by two different people; it counts when both
// agree, and goes to review when they differ.
import { Button, Checkbox, ErrorSummary, PostForm, Select, TextInput, byField, type ViewContext } from '../../../core/views/index.ts';
import type { FieldIssue } from '../../../core/validation.ts';
import type { Process } from '../process.ts';
import type { Project } from '../queries/list-projects.ts';
import { AGE_BANDS, SEXES } from '../../voices/index.ts';
import { BudgetChoices } from './BallotPage.tsx';

export function PaperPage(props: {
  v: ViewContext; base: string; process: Process; projects: readonly Project[]; areaNames: ReadonlyMap<string, string>;
  values: Record<string, string>; issues: readonly FieldIssue[]; counts: { waiting: number; mismatched: number; counted: number };
  entered?: { sheet: string; state: 'waiting' | 'counted' | 'mismatch' } | undefined; canSettle: boolean;
}) {
  const { v, process: p, values } = props;
  const errors = byField(props.issues);
  const here = `${props.base}/budgets/${p.slug}`;
  const hasDistricts = p.budgets.some((b) => b.area !== null);
  return (
    <>
      <ErrorSummary v={v} issues={props.issues} />
      <p><a href={here}>{p.title}</a></p>
      <h1>{v.t('budgeting.paper.title')}</h1>
      {props.entered ? <p class="notice" role="status">{v.t(`budgeting.paper.${props.entered.state}`, { sheet: props.entered.sheet })}</p> : null}
      <p>{v.t('budgeting.paper.intro')}</p>
      <p>{v.t('budgeting.paper.counts', props.counts)}
        {props.canSettle && props.counts.mismatched > 0 ? <> <a href={`${here}/paper/review`}>{v.t('budgeting.paper.toReview')}</a></> : null}</p>
      <PostForm v={v} action={`${here}/paper`}>
        <TextInput v={v} name="sheet" label={v.t('budgeting.paper.sheet')} hint={v.t('budgeting.paper.sheetHint')} value={values.sheet} width="short" autocomplete="off" errors={errors} />
        {hasDistricts ? (
          <Select v={v} name="area" label={v.t('budgeting.ballot.area')} value={values.area} blank={v.t('voiceForm.choose')} errors={errors}
            choices={[...props.areaNames].map(([slug, name]) => ({ value: slug, label: name }))} />
        ) : null}
        {p.budgets.map((budget) => (
          <BudgetChoices v={v} base={props.base} process={p} projects={props.projects} areaNames={props.areaNames} open={p.budgets} area={values.area}
            signedIn values={values} issues={props.issues} budget={budget} errors={errors} />
        ))}
        {p.minAge > 0 ? <Checkbox v={v} name="ageConfirmed" label={v.t('budgeting.paper.age', { age: p.minAge })} checked={values.ageConfirmed === 'yes'} errors={errors} /> : null}
        <Select v={v} name="sex" label={v.t('demographics.sex')} value={values.sex} blank={v.t('budgeting.results.unknown')} errors={errors}
          choices={SEXES.map((s) => ({ value: s, label: v.t(`demographics.sex.${s}`) }))} />
        <Select v={v} name="ageBand" label={v.t('demographics.ageBand')} value={values.ageBand} blank={v.t('budgeting.results.unknown')} errors={errors}
          choices={AGE_BANDS.map((a) => ({ value: a, label: v.t(`demographics.age.${a}`) }))} />
        <Button name="action" value="cast">{v.t('budgeting.paper.enter')}</Button>
      </PostForm>
    </>
  );
}
