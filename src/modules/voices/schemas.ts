// Input schemas for voices, shared by the HTML form and the JSON API (the OpenAPI document is
// generated from these same schemas).
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../core/i18n/index.ts';
import { z } from '@hono/zod-openapi';
import { optionalText, text } from '../../core/validation.ts';
import { STATUSES } from './status.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const slugString = (message: string) => z.string({ error: message }).regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message });
const slug = (message: string) => z.preprocess(blankToUndefined, slugString(message));
// Optional inside the preprocess: an empty field becomes "absent" rather than failing.
const optionalSlug = (message: string) => z.preprocess(blankToUndefined, slugString(message).optional());

const coordinate = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim().replace(',', '.'))) : v),
    z
      .number({ error: 'error.voice.coordinate' })
      .refine(Number.isFinite, { message: 'error.voice.coordinate' })
      .min(min, { message: 'error.voice.coordinate' })
      .max(max, { message: 'error.voice.coordinate' })
      .optional(),
  );

/** Washington Group short set answers: 1 no difficulty … 4 cannot do at all. */
export const WG_DOMAINS = ['wgSeeing', 'wgHearing', 'wgWalking', 'wgRemembering', 'wgSelfCare', 'wgCommunicating'] as const;
export const WG_ANSWERS = ['1', '2', '3', '4'] as const;
export const SEXES = ['female', 'male', 'other'] as const;
export const AGE_BANDS = ['under-18', '18-24', '25-34', '35-49', '50-64', '65-plus'] as const;

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { message: 'error.field.choose' }).optional());

const wgAnswer = () =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : typeof v === 'number' ? String(v) : v),
    z.enum(WG_ANSWERS, { message: 'error.field.choose' }).transform(Number).optional(),
  );

export const Demographics = z
  .object({
    sex: optionalChoice(SEXES),
    ageBand: optionalChoice(AGE_BANDS),
    wgSeeing: wgAnswer(),
    wgHearing: wgAnswer(),
    wgWalking: wgAnswer(),
    wgRemembering: wgAnswer(),
    wgSelfCare: wgAnswer(),
    wgCommunicating: wgAnswer(),
  })
  .openapi('Demographics', {
    description:
      'Optional answers, stored apart from the voice and published only aggregated with small cells suppressed. ' +
      'Washington Group short set: 1 no difficulty, 2 some difficulty, 3 a lot of difficulty, 4 cannot do at all.',
  });
export type Demographics = z.infer<typeof Demographics>;

export const VoiceInput = z
  .object({
    title: text({ min: 5, max: 120 }).openapi({ example: 'No water at the Kondele kiosk since Monday' }),
    description: text({ min: 10, max: 4000, multiline: true }),
    category: slug('error.voice.category').openapi({ description: 'Category slug of the city', example: 'water' }),
    area: optionalSlug('error.voice.area').openapi({ description: 'Area (ward) slug; may be left out when a point is given' }),
    latitude: coordinate(-90, 90).openapi({ type: 'number' }),
    longitude: coordinate(-180, 180).openapi({ type: 'number' }),
    contact: optionalText({ max: 200 }).openapi({ type: 'string', description: 'E-mail or phone, seen only by moderators' }),
    submissionKey: z.preprocess(blankToUndefined, z.uuid({ message: 'error.field.invalid' }).optional()).openapi({
      type: 'string',
      description: 'A UUID chosen by the client; sending the same key twice creates the voice once',
    }),
  })
  .extend(Demographics.shape)
  .superRefine((v, ctx) => {
    if (!v.area && (v.latitude === undefined || v.longitude === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['area'], message: 'error.voice.areaOrPoint' });
    }
    if ((v.latitude === undefined) !== (v.longitude === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.latitude === undefined ? 'latitude' : 'longitude'], message: 'error.voice.bothCoordinates' });
    }
  })
  .openapi('VoiceInput');
export type VoiceInput = z.infer<typeof VoiceInput>;

export const PAGE_SIZE = 20;

export const VoiceFilters = z.object({
  q: z.preprocess(blankToUndefined, z.string().max(200).optional()).openapi({ description: 'Full-text search' }),
  status: z.preprocess(blankToUndefined, z.enum(STATUSES).optional()),
  category: z.preprocess(blankToUndefined, z.string().max(63).optional()),
  area: z.preprocess(blankToUndefined, z.string().max(63).optional()),
  page: z.preprocess(
    (v) => (v === undefined || v === '' ? 1 : Number(v)),
    z.number().int().min(1).max(10_000),
  ).openapi({ type: 'integer', minimum: 1 }),
});
export type VoiceFilters = z.infer<typeof VoiceFilters>;

// Moderation forms.
export const HideInput = z.object({ reason: text({ min: 3, max: 500, multiline: true }) });
export const ReplyInput = z.object({ body: text({ min: 2, max: 4000, multiline: true }) });
export const StatusInput = z.object({
  status: z.enum(STATUSES, { message: 'error.field.choose' }),
  note: optionalText({ max: 2000, multiline: true }),
});
export const MergeInput = z.object({ into: text({ max: 40 }) });
export const PriorityInput = z.object({
  title: text({ min: 3, max: 150 }),
  description: text({ min: 3, max: 4000, multiline: true }),
});
export const AddToPriorityInput = z.object({ priority: z.uuid({ message: 'error.field.choose' }) });

// City configuration forms.
/** A category's name in every language the app has: `name_en` is required, the others optional. */
export const CategoryInput = z.object({
  slug: slug('error.field.slug'),
  ...Object.fromEntries(LOCALES.map((l) => [`name_${l}`, l === DEFAULT_LOCALE ? text({ max: 80 }) : optionalText({ max: 80 })])),
}) as unknown as z.ZodType<{ slug: string } & Record<`name_${Locale}`, string | undefined>>;
export const AreaInput = z.object({
  slug: slug('error.field.slug'),
  name: text({ max: 80 }),
  boundary: optionalText({ max: 60_000, multiline: true }),
});
/** A city's defaults for texts that name no topic or area; empty means none. */
export const TextDefaultsInput = z.object({
  category: optionalSlug('error.field.choose'),
  area: optionalSlug('error.field.choose'),
});
