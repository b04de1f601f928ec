// A city admin sets up a process: its purpose, money, ballot, rule and who may vote.
import { Button, Checkbox, ErrorSummary, PostForm, Radios, Select, TextArea, TextInput, byField, type ViewContext } from '../../../core/views/index.ts';
import type { FieldIssue } from '../../../core/validation.ts';
import { COMPLETIONS, RULES } from '../rules/tally.ts';
import { BALLOT_KINDS } from '../schemas.ts';

export function ProcessForm(props: {
  v: ViewContext; base: string; areas: readonly { slug: string; name: string }[]; values: Record<string, string>; issues: readonly FieldIssue[];
  /** Changing an existing process: its short name stays. */
  editing?: { slug: string } | undefined;
}) {
  const { v, values } = props;
  const errors = byField(props.issues);
  return (
    <>
      <ErrorSummary v={v} issues={props.issues} />
      <h1>{v.t(props.editing ? 'budgeting.edit' : 'budgeting.new')}</h1>
      {props.editing ? <p>{v.t('budgeting.editIntro')}</p> : null}
      <PostForm v={v} action={props.editing ? `${props.base}/budgets/${props.editing.slug}/edit` : `${props.base}/budgets`}>
        <TextInput v={v} name="title" label={v.t('budgeting.form.title')} value={values.title} errors={errors} />
        {props.editing ? null : <TextInput v={v} name="slug" label={v.t('budgeting.form.slug')} hint={v.t('budgeting.form.slugHint')} value={values.slug} width="short" errors={errors} />}
        <TextArea v={v} name="description" label={v.t('budgeting.form.description')} value={values.description} errors={errors} />
        <TextInput v={v} name="currency" label={v.t('budgeting.form.currency')} hint={v.t('budgeting.form.currencyHint')} value={values.currency} width="short" errors={errors} />
        <fieldset class="group">
          <legend>{v.t('budgeting.form.budgets')}</legend>
          <p class="hint">{v.t('budgeting.form.budgetsHint')}</p>
          <TextInput v={v} name="budget" label={v.t('budgeting.cityWide')} value={values.budget} width="short" errors={errors} />
          {props.areas.map((a) => (
            <TextInput v={v} name={`budget-${a.slug}`} label={v.t('budgeting.district', { area: a.name })} value={values[`budget-${a.slug}`]} width="short" errors={errors} />
          ))}
        </fieldset>
        <Radios v={v} name="ballotKind" label={v.t('budgeting.form.ballotKind')} value={values.ballotKind ?? 'approval-budget'} errors={errors}
          choices={BALLOT_KINDS.map((k) => ({ value: k, label: v.t(`budgeting.ballotKind.${k}`) }))} />
        <TextInput v={v} name="k" label={v.t('budgeting.form.k')} hint={v.t('budgeting.form.kHint')} value={values.k} width="short" errors={errors} />
        <TextInput v={v} name="points" label={v.t('budgeting.form.points')} value={values.points} width="short" errors={errors} />
        <TextInput v={v} name="perProject" label={v.t('budgeting.form.perProject')} value={values.perProject} width="short" errors={errors} />
        <Select v={v} name="rule" label={v.t('budgeting.form.rule')} hint={v.t('budgeting.form.ruleHint')} value={values.rule ?? 'mes'} errors={errors}
          choices={RULES.map((r) => ({ value: r, label: v.t(`budgeting.rule.${r}`) }))} />
        <Select v={v} name="completion" label={v.t('budgeting.form.completion')} hint={v.t('budgeting.form.completionHint')} value={values.completion ?? 'add1'} errors={errors}
          choices={COMPLETIONS.map((c) => ({ value: c, label: v.t(`budgeting.completion.${c}`) }))} />
        <TextInput v={v} name="minAge" label={v.t('budgeting.form.minAge')} value={values.minAge ?? '16'} width="short" errors={errors} />
        <Checkbox v={v} name="revote" label={v.t('budgeting.form.revote')} checked={values.revote === 'yes'} errors={errors} />
        <TextInput v={v} name="votingFrom" type="text" label={v.t('budgeting.form.votingFrom')} hint={v.t('budgeting.form.dateHint')} value={values.votingFrom} width="short" errors={errors} />
        <TextInput v={v} name="votingUntil" type="text" label={v.t('budgeting.form.votingUntil')} hint={v.t('budgeting.form.dateHint')} value={values.votingUntil} width="short" errors={errors} />
        <Button>{v.t(props.editing ? 'budgeting.form.save' : 'budgeting.form.create')}</Button>
      </PostForm>
    </>
  );
}
