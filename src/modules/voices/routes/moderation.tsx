// The moderator's pages: the queue, one voice's desk, and each moderation action. Each handler
// parses, calls one service, and shows the outcome.
import type { Context, Hono } from 'hono';
import { z } from '@hono/zod-openapi';
import type { AppEnv, AppServices } from '../../../core/http/index.ts';
import { parseForm } from '../../../core/http/index.ts';
import { notFound, type Result } from '../../../core/result.ts';
import { unseal } from '../../../core/crypto.ts';
import type { FieldIssue } from '../../../core/validation.ts';
import { AddToPriorityInput, HideInput, MergeInput, PriorityInput, ReplyInput, StatusInput } from '../schemas.ts';
import { publishVoice } from '../services/publish-voice.ts';
import { hideVoice } from '../services/hide-voice.ts';
import { replyToVoice } from '../services/reply-to-voice.ts';
import { changeVoiceStatus } from '../services/change-voice-status.ts';
import { mergeVoices } from '../services/merge-voices.ts';
import { createPriority } from '../services/create-priority.ts';
import { addVoiceToPriority } from '../services/add-voice-to-priority.ts';
import { moderationQueue, QUEUE_VIEWS, type QueueView } from '../queries/moderation-queue.ts';
import { getSealedContact, getVoice, listVoiceUpdates } from '../queries/get-voice.ts';
import { listPriorities } from '../queries/priorities.ts';
import { normaliseReference } from '../reference.ts';
import { textOutbox } from '../texts/outbox.ts';
import { canModerate } from '../permissions.ts';
import { ModerateVoicePage, QueuePage } from '../views/Moderation.tsx';
import { restrictedCityContext, type CityContext } from './city-context.ts';

const moderatorContext = (c: Context<AppEnv>) => restrictedCityContext(c, canModerate);

const ERROR_ISSUES: Record<string, FieldIssue> = {
  'already-published': { field: 'form', messageKey: 'error.moderation.alreadyPublished', values: {} },
  merged: { field: 'form', messageKey: 'error.moderation.merged', values: {} },
  'already-hidden': { field: 'reason', messageKey: 'error.moderation.alreadyHidden', values: {} },
  'invalid-transition': { field: 'status', messageKey: 'error.moderation.invalidTransition', values: {} },
  'same-voice': { field: 'into', messageKey: 'error.moderation.sameVoice', values: {} },
  'already-merged': { field: 'into', messageKey: 'error.moderation.merged', values: {} },
  'target-not-found': { field: 'into', messageKey: 'error.moderation.targetNotFound', values: {} },
  'target-merged': { field: 'into', messageKey: 'error.moderation.targetMerged', values: {} },
  'priority-not-found': { field: 'priority', messageKey: 'error.field.choose', values: {} },
};

export function moderationPages(app: Hono<AppEnv>): void {
  app.get('/c/:city/moderate', async (c) => {
    const ctx = await moderatorContext(c);
    if (ctx instanceof Response) return ctx;
    const viewParam = c.req.query('view') ?? 'pending';
    const view: QueueView = (QUEUE_VIEWS as readonly string[]).includes(viewParam) ? (viewParam as QueueView) : 'pending';
    const page = Math.min(Math.max(Number.parseInt(c.req.query('page') ?? '1', 10) || 1, 1), 10_000);
    const queue = await moderationQueue(ctx.db, ctx.city.id, view, page);
    const notice = c.req.query('done') === 'priority' ? ctx.v.t('priority.created') : undefined;
    return ctx.page('moderate', {
      title: ctx.v.t('moderation.title'),
      children: <QueuePage v={ctx.v} base={ctx.base} view={view} page={page} {...queue} notice={notice} />,
    });
  });

  app.post('/c/:city/moderate/priorities', async (c) => {
    const ctx = await moderatorContext(c);
    if (ctx instanceof Response) return ctx;
    const form = parseForm(c, PriorityInput);
    if (!form.ok) {
      const queue = await moderationQueue(ctx.db, ctx.city.id, 'pending', 1);
      return ctx.page('moderate', {
        status: 400, hasErrors: true, title: ctx.v.t('moderation.title'),
        children: <QueuePage v={ctx.v} base={ctx.base} view="pending" page={1} {...queue} issues={form.issues} values={form.raw} />,
      });
    }
    const created = await createPriority(ctx.db, { ...form.data, lang: ctx.v.locale }, ctx.v.actor, ctx.city);
    return c.redirect(`${ctx.base}/priorities/${created.ok ? created.value.id : ''}`, 303);
  });

  const desk = async (c: Context<AppEnv>, ctx: CityContext, reference: string, extra: { issues?: FieldIssue[]; values?: Record<string, string>; status?: 200 | 400 | 409; notice?: string }) => {
    const voice = await getVoice(ctx.db, ctx.city.id, reference, ctx.v.locale);
    if (!voice) throw notFound();
    const sealed = await getSealedContact(ctx.db, ctx.city.id, voice.id);
    const contact = sealed ? unseal(c.get('services').config.secret, sealed) : null;
    const [updates, priorities] = [await listVoiceUpdates(ctx.db, ctx.city.id, voice.id), await listPriorities(ctx.db, ctx.city.id)];
    return ctx.page('moderate', {
      status: extra.status ?? 200, hasErrors: !!extra.issues?.length, title: `${ctx.v.t('moderation.title')}: ${voice.reference}`,
      children: <ModerateVoicePage v={ctx.v} base={ctx.base} voice={voice} updates={updates} contact={contact} priorities={priorities} {...extra} />,
    });
  };

  app.get('/c/:city/moderate/voices/:reference', async (c) => {
    const ctx = await moderatorContext(c);
    if (ctx instanceof Response) return ctx;
    const done = c.req.query('done');
    return desk(c, ctx, c.req.param('reference'), done ? { notice: ctx.v.t(done === 'merge' ? 'moderation.done.merge' : 'moderation.done.saved') } : {});
  });

  /** One moderation action: parse its form, run its service, then back to the desk. */
  const action = <S extends z.ZodType>(
    name: string,
    schema: S,
    run: (ctx: CityContext, reference: string, data: z.infer<S>, services: AppServices) => Promise<Result<unknown, string>>,
  ) => {
    app.post(`/c/:city/moderate/voices/:reference/${name}`, async (c) => {
      const ctx = await moderatorContext(c);
      if (ctx instanceof Response) return ctx;
      const reference = c.req.param('reference');
      const form = parseForm(c, schema);
      if (!form.ok) return desk(c, ctx, reference, { issues: form.issues, values: form.raw, status: 400 });
      const result = await run(ctx, reference, form.data, c.get('services'));
      if (!result.ok) {
        if (result.error === 'not-found') throw notFound();
        const issue = ERROR_ISSUES[result.error] ?? { field: 'form', messageKey: 'error.field.invalid', values: {} };
        return desk(c, ctx, reference, { issues: [issue], values: c.get('form'), status: 409 });
      }
      return c.redirect(`${ctx.base}/moderate/voices/${reference}?done=${name}`, 303);
    });
  };

  action('publish', z.object({}), (ctx, reference) => publishVoice(ctx.db, { reference }, ctx.v.actor, ctx.city));
  action('hide', HideInput, (ctx, reference, d) => hideVoice(ctx.db, { reference, reason: d.reason }, ctx.v.actor, ctx.city));
  action('reply', ReplyInput, (ctx, reference, d) => replyToVoice(ctx.db, { reference, body: d.body }, ctx.v.actor, ctx.city));
  action('status', StatusInput, (ctx, reference, d, services) =>
    changeVoiceStatus(ctx.db, { reference, status: d.status, note: d.note }, ctx.v.actor, ctx.city, textOutbox(services)),
  );
  action('merge', MergeInput, async (ctx, reference, d) => {
    const into = normaliseReference(d.into);
    if (!into) return { ok: false, error: 'target-not-found' };
    return mergeVoices(ctx.db, { reference, into }, ctx.v.actor, ctx.city);
  });
  action('priority', AddToPriorityInput, (ctx, reference, d) =>
    addVoiceToPriority(ctx.db, { reference, priorityId: d.priority }, ctx.v.actor, ctx.city),
  );
}
