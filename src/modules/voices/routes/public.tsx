// Residents' pages: list and search voices, raise one, follow it by reference, support it,
// and see the city's priorities.
import type { Context, Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import type { AppEnv } from '../../../core/http/index.ts';
import { parseForm, rateLimit, uploadedText } from '../../../core/http/index.ts';
import { AppError, notFound } from '../../../core/result.ts';
import type { FieldIssue } from '../../../core/validation.ts';
import { VoiceFilters, VoiceInput } from '../schemas.ts';
import { submitVoice } from '../services/submit-voice.ts';
import { SUBMIT_ERROR_ISSUES } from '../submit-errors.ts';
import { supportVoice } from '../services/support-voice.ts';
import { listVoices } from '../queries/list-voices.ts';
import { getVoice, hasSupported, listVoicePriorities, listVoiceUpdates } from '../queries/get-voice.ts';
import { listAreas, listCategories } from '../queries/list-taxonomy.ts';
import { getPriority, listPriorities } from '../queries/priorities.ts';
import { normaliseReference } from '../reference.ts';
import { canAssist, canModerate, canSubmitVoice } from '../permissions.ts';
import { VoiceList } from '../views/VoiceList.tsx';
import { VoiceForm } from '../views/VoiceForm.tsx';
import { ImportPage } from '../views/ImportPage.tsx';
import { PaperForm } from '../views/PaperForm.tsx';
import { importVoices } from '../services/import-voices.ts';
import { VoicePage } from '../views/VoicePage.tsx';
import { PriorityList, PriorityPage } from '../views/Priorities.tsx';
import { cityContext, restrictedCityContext, type CityContext } from './city-context.ts';
import { mayReadWords, rememberSubmission } from './own-submissions.ts';


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function publicPages(app: Hono<AppEnv>): void {
  const postLimit = rateLimit({ bucket: 'public-post', limit: (c) => c.rateLimitPosts });

  app.get('/c/:city', async (c) => {
    const { base } = await cityContext(c);
    return c.redirect(`${base}/voices`, 303);
  });

  app.get('/c/:city/voices', async (c) => {
    const ctx = await cityContext(c);
    const parsed = VoiceFilters.safeParse(c.req.query());
    if (!parsed.success) throw new AppError('invalid-filters', 400, 'error.voice.filters');
    const filters = parsed.data;
    const [list, categories, areas] = [
      await listVoices(ctx.db, ctx.city.id, filters, ctx.v.locale),
      await listCategories(ctx.db, ctx.city.id, ctx.v.locale),
      await listAreas(ctx.db, ctx.city.id),
    ];
    return ctx.page('voices', {
      title: ctx.v.t('voices.listTitle', { city: ctx.city.name }),
      children: <VoiceList v={ctx.v} base={ctx.base} cityName={ctx.city.name} filters={filters} {...list} categories={categories} areas={areas} />,
    });
  });

  const renderForm = async (ctx: CityContext, values: Record<string, string>, issues: FieldIssue[], status: 200 | 400 | 422, assisted = false) => {
    const categories = await listCategories(ctx.db, ctx.city.id, ctx.v.locale);
    const areas = await listAreas(ctx.db, ctx.city.id);
    const key = values.submissionKey && UUID.test(values.submissionKey) ? values.submissionKey : randomUUID();
    return ctx.page(assisted ? 'assist' : 'new', {
      status, hasErrors: issues.length > 0, title: ctx.v.t(assisted ? 'assist.title' : 'voiceForm.title'),
      children: <VoiceForm v={ctx.v} base={ctx.base} categories={categories} areas={areas} values={values} issues={issues} submissionKey={key} assisted={assisted} />,
    });
  };

  app.get('/c/:city/voices/new', async (c) => {
    const ctx = await cityContext(c);
    if (!canSubmitVoice(ctx.v.actor, ctx.city)) return c.redirect(`/account/login?next=${encodeURIComponent(`${ctx.base}/voices/new`)}`, 303);
    return renderForm(ctx, {}, [], 200);
  });

  app.post('/c/:city/voices', postLimit, async (c) => {
    const ctx = await cityContext(c);
    const form = parseForm(c, VoiceInput);
    if (!form.ok) return renderForm(ctx, form.raw, form.issues, 400);
    const { config } = c.get('services');
    const result = await submitVoice(ctx.db, { ...form.data, lang: ctx.v.locale, channel: 'web', secret: config.secret }, ctx.v.actor, ctx.city);
    if (!result.ok) {
      if (result.error === 'sign-in-required') throw new AppError('sign-in-required', 403, 'error.signInRequired');
      return renderForm(ctx, form.raw, [SUBMIT_ERROR_ISSUES[result.error]], 422);
    }
    rememberSubmission(c, result.value.reference);
    return c.redirect(`${ctx.base}/voices/${result.value.reference}?done=submitted`, 303);
  });

  // A blank form to print, for places with no connection; anyone may print it.
  app.get('/c/:city/paper-form', async (c) => {
    const ctx = await cityContext(c);
    const [categories, areas] = [await listCategories(ctx.db, ctx.city.id, ctx.v.locale), await listAreas(ctx.db, ctx.city.id)];
    return ctx.page(null, {
      title: ctx.v.t('paper.title', { city: ctx.city.name }),
      children: <PaperForm v={ctx.v} cityName={ctx.city.name} categories={categories} areas={areas} />,
    });
  });

  // A facilitator enters a voice for someone offline, once that person has agreed.
  const assistContext = (c: Context<AppEnv>) => restrictedCityContext(c, canAssist);
  app.get('/c/:city/assist', async (c) => {
    const ctx = await assistContext(c);
    if (ctx instanceof Response) return ctx;
    return renderForm(ctx, {}, [], 200, true);
  });

  app.post('/c/:city/assist', postLimit, async (c) => {
    const ctx = await assistContext(c);
    if (ctx instanceof Response) return ctx;
    const form = parseForm(c, VoiceInput);
    const consented = form.raw.consent === 'yes';
    if (!form.ok || !consented) {
      const issues = [...(consented ? [] : [SUBMIT_ERROR_ISSUES['consent-required']]), ...(form.ok ? [] : form.issues)];
      return renderForm(ctx, form.raw, issues, 400, true);
    }
    const { config } = c.get('services');
    const result = await submitVoice(ctx.db, { ...form.data, lang: ctx.v.locale, channel: 'assisted', secret: config.secret, consent: true }, ctx.v.actor, ctx.city);
    if (!result.ok) {
      if (result.error === 'sign-in-required') throw new AppError('sign-in-required', 403, 'error.signInRequired');
      return renderForm(ctx, form.raw, [SUBMIT_ERROR_ISSUES[result.error]], 422, true);
    }
    rememberSubmission(c, result.value.reference);
    return c.redirect(`${ctx.base}/voices/${result.value.reference}?done=submitted`, 303);
  });

  const showImport = (ctx: CityContext, props: Omit<Parameters<typeof ImportPage>[0], 'v' | 'base'>, status: 200 | 400 | 422 = 200) =>
    ctx.page('assist', { status, hasErrors: status !== 200, title: ctx.v.t('import.title'), children: <ImportPage v={ctx.v} base={ctx.base} {...props} /> });

  app.get('/c/:city/assist/import', async (c) => {
    const ctx = await assistContext(c);
    if (ctx instanceof Response) return ctx;
    return showImport(ctx, {});
  });

  app.post('/c/:city/assist/import', postLimit, async (c) => {
    const ctx = await assistContext(c);
    if (ctx instanceof Response) return ctx;
    const upload = await uploadedText(c.get('files').file);
    if ('problem' in upload) return showImport(ctx, { fileIssue: { messageKey: upload.problem } }, 400);
    const result = await importVoices(ctx.db, { csv: upload.text, lang: ctx.v.locale, secret: c.get('services').config.secret }, ctx.v.actor, ctx.city);
    if (!result.ok) return showImport(ctx, { problems: result.problems }, 422);
    return showImport(ctx, { imported: { references: result.references, created: result.created } });
  });

  app.get('/c/:city/find', async (c) => {
    const ctx = await cityContext(c);
    const reference = normaliseReference(c.req.query('ref') ?? '');
    if (!reference) throw new AppError('invalid-reference', 400, 'error.voice.referenceFormat');
    const voice = await getVoice(ctx.db, ctx.city.id, reference, ctx.v.locale);
    if (!voice) throw new AppError('not-found', 404, 'error.voice.referenceNotFound');
    return c.redirect(`${ctx.base}/voices/${reference}`, 303);
  });

  app.get('/c/:city/voices/:reference', async (c) => {
    const ctx = await cityContext(c);
    const voice = await getVoice(ctx.db, ctx.city.id, c.req.param('reference'), ctx.v.locale);
    if (!voice) throw notFound();
    const [updates, priorities, supported] = [
      await listVoiceUpdates(ctx.db, ctx.city.id, voice.id),
      await listVoicePriorities(ctx.db, ctx.city.id, voice.id),
      ctx.v.actor ? await hasSupported(ctx.db, ctx.city.id, voice.id, ctx.v.actor.userId) : false,
    ];
    const done = c.req.query('done');
    const notice = done === 'submitted' ? ctx.v.t('voice.submitted', { reference: voice.reference }) : done === 'supported' ? ctx.v.t('voice.supportedNotice') : undefined;
    const wordsShown = mayReadWords(c, voice, ctx.v.actor, ctx.city);
    return ctx.page(null, {
      title: wordsShown ? voice.title : ctx.v.t(voice.visibility === 'hidden' ? 'voice.hiddenTitle' : 'voice.pendingTitle'),
      children: (
        <VoicePage v={ctx.v} base={ctx.base} voice={voice} updates={updates} priorities={priorities} supported={supported}
          notice={notice} canModerate={canModerate(ctx.v.actor, ctx.city)} wordsShown={wordsShown} />
      ),
    });
  });

  app.post('/c/:city/voices/:reference/support', postLimit, async (c) => {
    const ctx = await cityContext(c);
    if (!ctx.v.actor) throw new AppError('sign-in-required', 403, 'error.signInRequired');
    const reference = c.req.param('reference');
    const result = await supportVoice(ctx.db, { reference }, ctx.v.actor, ctx.city);
    if (!result.ok) {
      if (result.error === 'not-found') throw notFound();
      throw new AppError('not-public', 409, 'error.voice.notPublic');
    }
    return c.redirect(`${ctx.base}/voices/${reference}?done=supported`, 303);
  });

  app.get('/c/:city/priorities', async (c) => {
    const ctx = await cityContext(c);
    const items = await listPriorities(ctx.db, ctx.city.id);
    return ctx.page('priorities', {
      title: ctx.v.t('priority.listTitle', { city: ctx.city.name }),
      children: <PriorityList v={ctx.v} base={ctx.base} cityName={ctx.city.name} items={items} />,
    });
  });

  app.get('/c/:city/priorities/:id', async (c) => {
    const ctx = await cityContext(c);
    const id = c.req.param('id');
    const priority = UUID.test(id) ? await getPriority(ctx.db, ctx.city.id, id) : null;
    if (!priority) throw notFound();
    return ctx.page('priorities', { title: priority.title, children: <PriorityPage v={ctx.v} base={ctx.base} priority={priority} /> });
  });
}

