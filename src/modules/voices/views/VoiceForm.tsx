// Raising a voice. Questions about the person come last, are all optional, and say plainly why
// they are asked.
import type { ViewContext } from '../../../core/views/index.ts';
import type { FieldIssue } from '../../../core/validation.ts';
import { Button, Checkbox, ErrorSummary, PostForm, Radios, Select, TextArea, TextInput, byField } from './view-helpers.ts';
import type { AreaOption, CategoryOption } from '../queries/list-taxonomy.ts';
import { AGE_BANDS, SEXES, WG_ANSWERS, WG_DOMAINS } from '../schemas.ts';

export function VoiceForm(props: {
  v: ViewContext;
  base: string;
  categories: CategoryOption[];
  areas: AreaOption[];
  values: Record<string, string>;
  issues: readonly FieldIssue[];
  submissionKey: string;
  /** Entered by a facilitator for someone else: posted to /assist, with the person's consent. */
  assisted?: boolean;
}) {
  const { v, values } = props;
  const errors = byField(props.issues);
  const skip = { value: '', label: v.t('demographics.preferNotToSay') };
  return (
    <>
      <ErrorSummary v={v} issues={props.issues} />
      <h1>{v.t(props.assisted ? 'assist.title' : 'voiceForm.title')}</h1>
      <p>{v.t(props.assisted ? 'assist.intro' : 'voiceForm.intro')}</p>
      {props.assisted ? (
        <ul>
          <li><a href={`${props.base}/paper-form`}>{v.t('assist.paperLink')}</a></li>
          <li><a href={`${props.base}/assist/import`}>{v.t('assist.importLink')}</a></li>
        </ul>
      ) : null}
      <PostForm v={v} action={`${props.base}/${props.assisted ? 'assist' : 'voices'}`}>
        {props.assisted ? (
          <Checkbox v={v} name="consent" label={v.t('assist.consent')} hint={v.t('assist.consentHint')} checked={values.consent === 'yes'} errors={errors} />
        ) : null}
        <input type="hidden" name="submissionKey" value={props.submissionKey} />
        <TextInput v={v} name="title" label={v.t('voiceForm.titleLabel')} hint={v.t('voiceForm.titleHint')} value={values.title} errors={errors} />
        <TextArea v={v} name="description" label={v.t('voiceForm.descriptionLabel')} hint={v.t('voiceForm.descriptionHint')} value={values.description} errors={errors} />
        <Select v={v} name="category" label={v.t('voiceForm.categoryLabel')} value={values.category} blank={v.t('voiceForm.choose')}
          choices={props.categories.map((c) => ({ value: c.slug, label: c.name }))} errors={errors} />
        <Select v={v} name="area" label={v.t('voiceForm.areaLabel')} hint={v.t('voiceForm.areaHint')} value={values.area} blank={v.t('voiceForm.areaUnknown')}
          choices={props.areas.map((a) => ({ value: a.slug, label: a.name }))} errors={errors} />
        <fieldset class="group">
          <legend>{v.t('voiceForm.pointLegend')}</legend>
          <p class="hint">{v.t('voiceForm.pointHint')}</p>
          <TextInput v={v} name="latitude" label={v.t('voiceForm.latitude')} value={values.latitude} width="short" errors={errors} />
          <TextInput v={v} name="longitude" label={v.t('voiceForm.longitude')} value={values.longitude} width="short" errors={errors} />
        </fieldset>
        <TextInput v={v} name="contact" label={v.t(props.assisted ? 'assist.contactLabel' : 'voiceForm.contactLabel')} hint={v.t('voiceForm.contactHint')}
          value={values.contact} autocomplete={props.assisted ? 'off' : 'email'} errors={errors} />
        <section class="group" aria-labelledby="about-you">
          <h2 id="about-you">{v.t('demographics.title')}</h2>
          <p>{v.t('demographics.why')}</p>
          <Radios v={v} name="sex" label={v.t('demographics.sex')} value={values.sex ?? ''} inline errors={errors}
            choices={[...SEXES.map((s) => ({ value: s, label: v.t(`demographics.sex.${s}`) })), skip]} />
          <Select v={v} name="ageBand" label={v.t('demographics.ageBand')} value={values.ageBand} blank={v.t('demographics.preferNotToSay')} errors={errors}
            choices={AGE_BANDS.map((a) => ({ value: a, label: v.t(`demographics.age.${a}`) }))} />
          <p class="hint">{v.t('demographics.wgIntro')}</p>
          {WG_DOMAINS.map((domain) => (
            <Radios v={v} name={domain} label={v.t(`demographics.${domain}`)} value={values[domain] ?? ''} inline errors={errors}
              choices={[...WG_ANSWERS.map((a) => ({ value: a, label: v.t(`demographics.wgAnswer.${a}`) })), skip]} />
          ))}
        </section>
        <Button>{v.t('voiceForm.submit')}</Button>
      </PostForm>
    </>
  );
}
