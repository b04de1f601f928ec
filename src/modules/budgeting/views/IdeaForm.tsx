// A resident sends an idea for a project.
import { Button, ErrorSummary, PostForm, Select, TextArea, TextInput, byField, type ViewContext } from '../../../core/views/index.ts';
import type { FieldIssue } from '../../../core/validation.ts';

export function IdeaForm(props: {
  v: ViewContext; base: string; process: { slug: string; title: string }; areas: readonly { slug: string; name: string }[];
  values: Record<string, string>; issues: readonly FieldIssue[];
}) {
  const { v, values } = props;
  const errors = byField(props.issues);
  return (
    <>
      <ErrorSummary v={v} issues={props.issues} />
      <h1>{v.t('budgeting.idea.title')}</h1>
      <p>{v.t('budgeting.idea.intro', { process: props.process.title })}</p>
      <PostForm v={v} action={`${props.base}/budgets/${props.process.slug}/ideas`}>
        <TextInput v={v} name="title" label={v.t('budgeting.idea.name')} value={values.title} errors={errors} />
        <TextArea v={v} name="description" label={v.t('budgeting.idea.description')} hint={v.t('budgeting.idea.descriptionHint')} value={values.description} errors={errors} />
        <Select v={v} name="area" label={v.t('budgeting.idea.area')} value={values.area} blank={v.t('budgeting.cityWide')} errors={errors}
          choices={props.areas.map((a) => ({ value: a.slug, label: a.name }))} />
        <TextInput v={v} name="voiceReference" label={v.t('budgeting.idea.voice')} hint={v.t('budgeting.idea.voiceHint')} value={values.voiceReference} width="short" errors={errors} />
        <Button>{v.t('budgeting.idea.send')}</Button>
      </PostForm>
    </>
  );
}
