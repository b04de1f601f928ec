// A city admin's configuration: the categories and areas residents choose from.
import type { ViewContext } from '../../../core/views/index.ts';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../core/i18n/index.ts';

/** A language's name in the page's language ("French", "francés"), from the platform's ICU data. */
const languageName = (pageLocale: Locale, language: Locale) => new Intl.DisplayNames([pageLocale], { type: 'language' }).of(language) ?? language;
import type { FieldIssue } from '../../../core/validation.ts';
import { Button, ErrorSummary, PostForm, Select, TextArea, TextInput, byField } from './view-helpers.ts';
import type { AreaOption, CategoryOption } from '../queries/list-taxonomy.ts';

export function SettingsPage(props: {
  v: ViewContext; base: string; categories: CategoryOption[]; areas: AreaOption[]; ussdCallback: string;
  textCallbacks: readonly { gateway: string; url: string }[]; textDefaults: { category?: string | undefined; area?: string | undefined };
  form?: 'category' | 'area' | 'texts'; issues?: readonly FieldIssue[]; values?: Record<string, string>; notice?: string | undefined;
}) {
  const { v } = props;
  const categoryErrors = byField(props.form === 'category' ? props.issues ?? [] : []);
  const areaErrors = byField(props.form === 'area' ? props.issues ?? [] : []);
  const textErrors = byField(props.form === 'texts' ? props.issues ?? [] : []);
  const values = (form: 'category' | 'area' | 'texts') => (props.form === form ? props.values ?? {} : {});
  return (
    <>
      <ErrorSummary v={v} issues={props.issues ?? []} />
      <h1>{v.t('settings.title')}</h1>
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      <h2>{v.t('settings.categories')}</h2>
      <ul>{props.categories.map((c) => <li>{c.name} <span class="meta">({c.slug})</span></li>)}</ul>
      <PostForm v={v} action={`${props.base}/settings/categories`} label={v.t('settings.addCategory')}>
        <TextInput v={v} name="slug" label={v.t('settings.slug')} hint={v.t('settings.slugHint')} width="short" value={values('category').slug} errors={categoryErrors} />
        {LOCALES.map((l) => (
          <TextInput v={v} name={`name_${l}`} label={v.t(l === DEFAULT_LOCALE ? 'settings.nameIn' : 'settings.nameInOptional', { language: languageName(v.locale, l) })}
            value={values('category')[`name_${l}`]} errors={categoryErrors} />
        ))}
        <Button>{v.t('settings.addCategory')}</Button>
      </PostForm>
      <h2>{v.t('settings.areas')}</h2>
      <ul>{props.areas.map((a) => <li>{a.name} <span class="meta">({a.slug}{a.boundary ? `, ${v.t('settings.hasBoundary')}` : ''})</span></li>)}</ul>
      <PostForm v={v} action={`${props.base}/settings/areas`} label={v.t('settings.addArea')}>
        <TextInput v={v} name="slug" label={v.t('settings.slug')} hint={v.t('settings.slugHint')} width="short" value={values('area').slug} errors={areaErrors} />
        <TextInput v={v} name="name" label={v.t('settings.areaName')} value={values('area').name} errors={areaErrors} />
        <TextArea v={v} name="boundary" label={v.t('settings.boundary')} hint={v.t('settings.boundaryHint')} rows={4} value={values('area').boundary} errors={areaErrors} />
        <Button>{v.t('settings.addArea')}</Button>
      </PostForm>
      <h2>{v.t('settings.ussdTitle')}</h2>
      <p id="ussd-help">{v.t('settings.ussdHelp')}</p>
      <p><code class="secret" aria-describedby="ussd-help">{props.ussdCallback}</code></p>
      <h2>{v.t('settings.textsTitle')}</h2>
      <p id="texts-help">{v.t('settings.textsHelp')}</p>
      <table>
        <thead><tr><th scope="col">{v.t('settings.textsGateway')}</th><th scope="col">{v.t('settings.textsAddress')}</th></tr></thead>
        <tbody>{props.textCallbacks.map((cb) => <tr><th scope="row">{cb.gateway}</th><td><code class="secret" aria-describedby="texts-help">{cb.url}</code></td></tr>)}</tbody>
      </table>
      <p><a href={`${props.base}/settings/texts`}>{v.t('settings.textLogLink')}</a></p>
      <h3>{v.t('settings.textsDefaults')}</h3>
      <p>{v.t('settings.textsDefaultsHelp')}</p>
      <PostForm v={v} action={`${props.base}/settings/texts`} label={v.t('settings.textsDefaults')}>
        <Select v={v} name="category" label={v.t('settings.textCategory')} blank={v.t('settings.noDefault')} errors={textErrors}
          value={values('texts').category ?? props.textDefaults.category} choices={props.categories.map((c) => ({ value: c.slug, label: c.name }))} />
        <Select v={v} name="area" label={v.t('settings.textArea')} blank={v.t('settings.noDefault')} errors={textErrors}
          value={values('texts').area ?? props.textDefaults.area} choices={props.areas.map((a) => ({ value: a.slug, label: a.name }))} />
        <Button>{v.t('settings.saveTextDefaults')}</Button>
      </PostForm>
    </>
  );
}
