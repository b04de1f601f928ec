// JSON API for voices under /api/v1, described in the OpenAPI document from the same zod
// schemas that validate requests.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../core/http/index.ts';
import { findCity } from './city-context.ts';
import { mayReadWords, rememberSubmission } from './own-submissions.ts';
import { SUBMIT_ERROR_ISSUES } from '../submit-errors.ts';
import { AppError, notFound } from '../../../core/result.ts';
import { VoiceFilters, VoiceInput } from '../schemas.ts';
import { STATUSES } from '../status.ts';
import { listVoices } from '../queries/list-voices.ts';
import { getVoice, listVoiceUpdates } from '../queries/get-voice.ts';
import { submitVoice } from '../services/submit-voice.ts';
import { rateLimit } from '../../../core/http/index.ts';

const CityParam = z.object({ city: z.string().max(63).openapi({ param: { name: 'city', in: 'path' }, example: 'kisumu' }) });
const ReferenceParam = CityParam.extend({
  reference: z.string().max(40).openapi({ param: { name: 'reference', in: 'path' }, example: 'KSM-2026-000123' }),
});

const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

const Status = z.enum(STATUSES);
const VoiceSummary = z
  .object({
    reference: z.string(), title: z.string(), excerpt: z.string(), lang: z.string(), status: Status,
    category: z.object({ slug: z.string(), name: z.string() }), area: z.object({ slug: z.string(), name: z.string() }),
    supportCount: z.number().int(), createdAt: z.string().datetime(),
  })
  .openapi('VoiceSummary');

const VoicePage = z
  .object({ data: z.array(VoiceSummary), page: z.number().int(), nextPage: z.number().int().nullable() })
  .openapi('VoicePage');

const VoiceUpdate = z.object({
  kind: z.enum(['submitted', 'published', 'hidden', 'status', 'reply', 'merged']),
  status: Status.nullable(), body: z.string().nullable(), at: z.string().datetime(),
});

const Voice = z
  .object({
    reference: z.string(),
    visibility: z.enum(['pending', 'published', 'hidden']),
    hiddenReason: z.string().nullable(),
    mergedInto: z.string().nullable(),
    title: z.string().nullable(), description: z.string().nullable(), lang: z.string().nullable(), status: Status,
    category: z.object({ slug: z.string(), name: z.string() }).nullable(),
    area: z.object({ slug: z.string(), name: z.string() }).nullable(),
    supportCount: z.number().int(), createdAt: z.string().datetime(), updates: z.array(VoiceUpdate),
  })
  .openapi('Voice');

const Created = z.object({ reference: z.string(), url: z.string(), created: z.boolean() }).openapi('VoiceCreated');

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

const listRoute = createRoute({
  method: 'get', path: '/cities/{city}/voices', tags: ['voices'], summary: 'List, filter and search public voices',
  request: { params: CityParam, query: VoiceFilters },
  responses: { 200: json(VoicePage, 'A page of voices, newest first'), 400: json(ErrorBody, 'Invalid filters'), 404: json(ErrorBody, 'No such city') },
});

const getRoute = createRoute({
  method: 'get', path: '/cities/{city}/voices/{reference}', tags: ['voices'], summary: 'One voice with its public timeline',
  request: { params: ReferenceParam },
  responses: { 200: json(Voice, 'The voice; the words of a hidden voice, and of a pending one for anyone but its author and the moderators, are null'), 404: json(ErrorBody, 'No such city or voice') },
});

const createVoiceRoute = createRoute({
  method: 'post', path: '/cities/{city}/voices', tags: ['voices'], summary: 'Raise a voice',
  description: 'Anonymous where the city allows it; otherwise send the session cookie of a signed-in resident.',
  request: { params: CityParam, body: { content: { 'application/json': { schema: VoiceInput } }, required: true } },
  responses: {
    201: json(Created, 'Created'),
    200: json(Created, 'This submissionKey was used before: the earlier voice'),
    400: json(ErrorBody, 'Invalid input: each problem with its field'),
    403: json(ErrorBody, 'The city requires residents to sign in'),
    404: json(ErrorBody, 'No such city'),
    413: json(ErrorBody, 'Body too large'),
    415: json(ErrorBody, 'Body is not JSON'),
    422: json(ErrorBody, 'Unknown category or area, or a point outside it'),
  },
});



export function voicesApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(listRoute, async (c) => {
    const { city: slug } = c.req.valid('param');
    const filters = c.req.valid('query');
    const city = await findCity(c.get('services').database.db, slug);
    const { items, hasNext } = await listVoices(c.get('services').database.db, city.id, filters, c.get('locale'));
    return c.json(
      {
        data: items.map((v) => ({
          reference: v.reference, title: v.title, excerpt: v.excerpt, lang: v.lang, status: v.status,
          category: { slug: v.categorySlug, name: v.category }, area: { slug: v.areaSlug, name: v.area },
          supportCount: v.supportCount, createdAt: v.createdAt.toISOString(),
        })),
        page: filters.page,
        nextPage: hasNext ? filters.page + 1 : null,
      },
      200,
    );
  });

  api.openapi(getRoute, async (c) => {
    const { city: slug, reference } = c.req.valid('param');
    const city = await findCity(c.get('services').database.db, slug);
    const db = c.get('services').database.db;
    const voice = await getVoice(db, city.id, reference, c.get('locale'));
    if (!voice) throw notFound();
    const updates = await listVoiceUpdates(db, city.id, voice.id);
    const hidden = !mayReadWords(c, voice, c.get('actor'), city);
    return c.json(
      {
        reference: voice.reference, visibility: voice.visibility, hiddenReason: voice.hiddenReason, mergedInto: voice.mergedInto,
        title: hidden ? null : voice.title, description: hidden ? null : voice.description, lang: hidden ? null : voice.lang,
        status: voice.status,
        category: hidden ? null : { slug: voice.categorySlug, name: voice.category },
        area: hidden ? null : { slug: voice.areaSlug, name: voice.area },
        supportCount: voice.supportCount, createdAt: voice.createdAt.toISOString(),
        updates: updates.map((u) => ({ kind: u.kind, status: u.status, body: u.body, at: u.at.toISOString() })),
      },
      200,
    );
  });

  api.use('/cities/:city/voices', rateLimit({ bucket: 'api-post', limit: (config) => config.rateLimitPosts }));
  api.openapi(createVoiceRoute, async (c) => {
    const { city: slug } = c.req.valid('param');
    const input = c.req.valid('json');
    const city = await findCity(c.get('services').database.db, slug);
    const { database, config } = c.get('services');
    const t = c.get('t');
    const result = await submitVoice(database.db, { ...input, lang: c.get('locale'), channel: 'api', secret: config.secret }, c.get('actor'), city);
    if (!result.ok) {
      if (result.error === 'sign-in-required') throw new AppError('sign-in-required', 403, 'error.signInRequired');
      const issue = SUBMIT_ERROR_ISSUES[result.error];
      const message = t(issue.messageKey);
      return c.json({ error: { code: result.error, message, fields: [{ field: issue.field, code: issue.messageKey, message }] } }, 422);
    }
    rememberSubmission(c, result.value.reference);
    const body = { reference: result.value.reference, url: `/c/${city.slug}/voices/${result.value.reference}`, created: result.value.created };
    return c.json(body, result.value.created ? 201 : 200);
  });
}
