// A resident raises a voice: what they need, where, and (if they wish) how to reach them and
// who they are. They get a reference to follow it. Sending the same form twice (a slow network,
// a double tap) creates it once.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../core/db/index.ts';
import { groupCommit, queryRowsPrepared } from '../../../core/db/index.ts';
import { appendAuditEntries, prepareAuditEntry } from '../../../core/audit/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { seal, timeOrderedUuid } from '../../../core/crypto.ts';
import { err, forbidden, ok, type Result } from '../../../core/result.ts';
import { voices, type Channel } from '../schema.ts';
import { loadTaxonomy } from '../queries/list-taxonomy.ts';
import { referenceSql } from '../reference.ts';
import type { VoiceInput } from '../schemas.ts';
import { areaContaining, pointInBoundary } from '../geo.ts';
import { canAssist, canSubmitVoice, type City } from '../permissions.ts';

export type SubmitVoiceError = 'sign-in-required' | 'consent-required' | 'unknown-category' | 'unknown-area' | 'outside-area' | 'outside-city';

export interface SubmittedVoice {
  id: string;
  reference: string;
  /** False when this submission key had already been used: the earlier voice is returned. */
  created: boolean;
}

export async function submitVoice(
  db: Db,
  /** `consent`: for an assisted voice, that the facilitator confirmed the person agreed. */
  input: VoiceInput & { lang: string; channel: Channel; secret: string; consent?: boolean },
  actor: Actor | null,
  city: City & { code: string | null },
): Promise<Result<SubmittedVoice, SubmitVoiceError>> {
  if (!canSubmitVoice(actor, city, input.channel)) return err('sign-in-required');
  const assisted = input.channel === 'assisted';
  if (assisted && !canAssist(actor, city)) throw forbidden();
  if (assisted && input.consent !== true) return err('consent-required');
  const tenantId = city.id;

  const { categories: cityCategories, areas: cityAreas } = await loadTaxonomy(db, tenantId);
  const category = cityCategories.find((c) => c.slug === input.category);
  if (!category) return err('unknown-category');

  const hasPoint = input.latitude !== undefined && input.longitude !== undefined;
  let areaId: string;
  if (input.area) {
    const area = cityAreas.find((a) => a.slug === input.area);
    if (!area) return err('unknown-area');
    if (hasPoint && area.boundary && !pointInBoundary(area.boundary, input.longitude!, input.latitude!)) return err('outside-area');
    areaId = area.id;
  } else {
    const area = areaContaining(cityAreas, input.longitude!, input.latitude!);
    if (!area) return err('outside-city');
    areaId = area.id;
  }

  const actorId = actor?.userId ?? null;
  // An assisted voice is the person's, not the facilitator's: no author, and who entered it.
  const authorId = assisted ? null : actorId;
  const id = timeOrderedUuid();
  const key = input.submissionKey ?? null;
  const audit = prepareAuditEntry({
    tenantId, actorId, action: 'voice.submit', objectType: 'voice', objectId: id,
    after: { title: input.title, description: input.description, category: input.category, areaId, channel: input.channel, ...(assisted ? { consent: true } : {}) },
  });
  const answers = {
    sex: input.sex ?? null, age_band: input.ageBand ?? null, wg_seeing: input.wgSeeing ?? null, wg_hearing: input.wgHearing ?? null,
    wg_walking: input.wgWalking ?? null, wg_remembering: input.wgRemembering ?? null, wg_self_care: input.wgSelfCare ?? null,
    wg_communicating: input.wgCommunicating ?? null,
  };
  const stored = await writerFor(db)({
    id, tenant_id: tenantId, code: city.code ?? 'VOI', year: new Date().getUTCFullYear(), submission_key: key,
    title: input.title, description: input.description, lang: input.lang, category_id: category.id, area_id: areaId,
    latitude: input.latitude ?? null, longitude: input.longitude ?? null, channel: input.channel,
    visibility: city.settings.moderation === 'post' ? 'published' : 'pending', author_id: authorId,
    assisted_by: assisted ? actorId : null, consented_at: assisted ? new Date().toISOString() : null,
    sealed: input.contact ? seal(input.secret, input.contact) : null,
    answered: Object.values(answers).some((a) => a !== null), ...answers,
    at: audit.at, after_hash: audit.afterHash, fields: audit.fields,
  });
  if (stored) return ok({ ...stored, created: true });
  // This submission key was used before, or won a race with this request: answer with that voice.
  const earlier = key ? await findBySubmissionKey(db, tenantId, key) : undefined;
  if (!earlier) throw new Error('voice not stored and no earlier submission found');
  return ok({ ...earlier, created: false });
}

/** A voice ready to store, named as the statement below reads it. */
type PendingVoice = Record<string, string | number | boolean | null>;

// One writer per database: submissions that arrive while others are being stored go together.
const writers = new WeakMap<Db, (voice: PendingVoice) => Promise<{ id: string; reference: string } | null>>();
function writerFor(db: Db) {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = groupCommit((batch: PendingVoice[]) => storeVoices(db, batch))));
  return writer;
}

/**
 * Stores a batch of voices, of any cities, in one statement, so one round trip and one commit:
 * it skips those whose submission key was already used, draws each city's reference numbers in
 * one step, inserts the voices, their first steps, the sealed contacts and the demographic
 * answers (each only when given, and apart from the content), and appends the audit entries.
 * Its text never varies, so PostgreSQL plans it once. Answers, per voice, its id and
 * reference, or null when it was not stored because its key had been used.
 */
async function storeVoices(db: Db, batch: PendingVoice[]): Promise<({ id: string; reference: string } | null)[]> {
  const rows = await queryRowsPrepared<{ i: number; id: string; reference: string }>(
    db,
    'voices.submit',
    sql`with input as (
          select * from jsonb_to_recordset(${JSON.stringify(batch.map((voice, i) => ({ ...voice, i })))}::jsonb) as x(
            i int, id uuid, tenant_id uuid, code text, year int, submission_key uuid, title text, description text, lang text,
            category_id uuid, area_id uuid, latitude float8, longitude float8, channel text, visibility text, author_id uuid,
            assisted_by uuid, consented_at timestamptz, sealed text, answered boolean, sex text, age_band text, wg_seeing smallint, wg_hearing smallint, wg_walking smallint,
            wg_remembering smallint, wg_self_care smallint, wg_communicating smallint, at timestamptz, after_hash text, fields text)
        ), fresh as (
          select x.* from input x
          where x.submission_key is null
            or not exists (select from voices_voice v where v.tenant_id = x.tenant_id and v.submission_key = x.submission_key)
        ), drawn as (
          insert into voices_reference_counter as counter (tenant_id, year, last)
          select tenant_id, year, count(*) from fresh group by tenant_id, year order by tenant_id, year
          on conflict (tenant_id, year) do update set last = counter.last + excluded.last
          returning tenant_id, year, last
        ), numbered as (
          select f.*, d.last - count(*) over (partition by f.tenant_id, f.year) + row_number() over (partition by f.tenant_id, f.year order by f.i) as number
          from fresh f join drawn d on d.tenant_id = f.tenant_id and d.year = f.year
        ), voice as (
          insert into voices_voice (id, tenant_id, reference, submission_key, title, description, lang, category_id, area_id,
            latitude, longitude, channel, visibility, author_id, assisted_by, consented_at)
          select id, tenant_id, ${referenceSql(sql`code`, sql`year`, sql`number`)}, submission_key, title, description, lang,
            category_id, area_id, latitude, longitude, channel, visibility, author_id, assisted_by, consented_at
          from numbered
          on conflict do nothing
          returning id, reference
        ), submitted as (
          select x.*, v.reference from voice v join input x on x.id = v.id
        ), first_step as (
          insert into voices_update (tenant_id, voice_id, kind, status, actor_id)
          select tenant_id, id, 'submitted', 'received', coalesce(author_id, assisted_by) from submitted
        ), contact as (
          insert into voices_contact (tenant_id, voice_id, sealed)
          select tenant_id, id, sealed from submitted where sealed is not null
        ), respondent as (
          insert into voices_respondent (tenant_id, voice_id, sex, age_band, wg_seeing, wg_hearing, wg_walking, wg_remembering, wg_self_care, wg_communicating)
          select tenant_id, id, sex, age_band, wg_seeing, wg_hearing, wg_walking, wg_remembering, wg_self_care, wg_communicating
          from submitted where answered
        ), ${appendAuditEntries(sql`select tenant_id, i as ord, at, coalesce(author_id, assisted_by) as actor_id, 'voice.submit'::text as action, 'voice'::text as object_type,
            id::text as object_id, null::text as before_hash, after_hash, fields from submitted`)}
        select i, id, reference from submitted`,
  );
  const stored = new Map(rows.map((r) => [r.i, { id: r.id, reference: r.reference }]));
  return batch.map((_, i) => stored.get(i) ?? null);
}

async function findBySubmissionKey(db: Db, tenantId: string, key: string) {
  const [row] = await db
    .select({ id: voices.id, reference: voices.reference })
    .from(voices)
    .where(and(eq(voices.tenantId, tenantId), eq(voices.submissionKey, key)))
    .limit(1);
  return row;
}
