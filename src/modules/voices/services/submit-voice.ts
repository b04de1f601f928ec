// A resident raises a voice: what they need, where, and (if they wish) how to reach them and
// who they are. They get a reference to follow it. Sending the same form twice (a slow network,
// a double tap) creates it once.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../core/db/index.ts';
import { queryRowsPrepared } from '../../../core/db/index.ts';
import { appendAudit } from '../../../core/audit/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { seal, timeOrderedUuid } from '../../../core/crypto.ts';
import { err, ok, type Result } from '../../../core/result.ts';
import { voices, type Channel } from '../schema.ts';
import { loadTaxonomy } from '../queries/list-taxonomy.ts';
import { referenceSql } from '../reference.ts';
import type { VoiceInput } from '../schemas.ts';
import { areaContaining, pointInBoundary } from '../geo.ts';
import { canSubmitVoice, type City } from '../permissions.ts';

export type SubmitVoiceError = 'sign-in-required' | 'unknown-category' | 'unknown-area' | 'outside-area' | 'outside-city';

export interface SubmittedVoice {
  id: string;
  reference: string;
  /** False when this submission key had already been used: the earlier voice is returned. */
  created: boolean;
}

export async function submitVoice(
  db: Db,
  input: VoiceInput & { lang: string; channel: Channel; secret: string },
  actor: Actor | null,
  city: City & { code: string | null },
): Promise<Result<SubmittedVoice, SubmitVoiceError>> {
  if (!canSubmitVoice(actor, city)) return err('sign-in-required');
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

  const published = city.settings.moderation === 'post';
  const year = new Date().getUTCFullYear();
  const actorId = actor?.userId ?? null;
  const sealedContact = input.contact ? seal(input.secret, input.contact) : null;
  const answers = [input.sex, input.ageBand, input.wgSeeing, input.wgHearing, input.wgWalking, input.wgRemembering, input.wgSelfCare, input.wgCommunicating];
  const answered = answers.some((a) => a !== undefined);
  const id = timeOrderedUuid();
  const key = input.submissionKey ?? null;
  const audit = appendAudit(
    { tenantId, actorId, action: 'voice.submit', objectType: 'voice', objectId: id,
      after: { title: input.title, description: input.description, category: input.category, areaId, channel: input.channel } },
    sql`exists (select from voice)`,
  );
  // One statement, so one round trip and one commit: it draws the reference number (unless
  // this submission key was already used), inserts the voice, its first step, the sealed
  // contact and the demographic answers (each only when given, and apart from the content),
  // and appends the audit entry. Its text never varies, so PostgreSQL plans it once.
  const [voice] = await queryRowsPrepared<{ id: string; reference: string }>(
    db,
    'voices.submit',
    sql`with counter as (
          insert into voices_reference_counter (tenant_id, year, last)
          select ${tenantId}, ${year}, 1
          where not exists (select from voices_voice where tenant_id = ${tenantId} and submission_key = ${key})
          on conflict (tenant_id, year) do update set last = voices_reference_counter.last + 1
          returning last
        ), voice as (
          insert into voices_voice (id, tenant_id, reference, submission_key, title, description, lang, category_id, area_id,
            latitude, longitude, channel, visibility, author_id)
          select ${id}, ${tenantId}, ${referenceSql(city.code ?? 'VOI', year, sql`counter.last`)}, ${key}, ${input.title},
            ${input.description}, ${input.lang}, ${category.id}, ${areaId}, ${input.latitude ?? null}::float8,
            ${input.longitude ?? null}::float8, ${input.channel}, ${published ? 'published' : 'pending'}, ${actorId}
          from counter
          on conflict do nothing
          returning id, reference
        ), first_step as (
          insert into voices_update (tenant_id, voice_id, kind, status, actor_id)
          select ${tenantId}, id, 'submitted', 'received', ${actorId} from voice
        ), contact as (
          insert into voices_contact (tenant_id, voice_id, sealed)
          select ${tenantId}, id, ${sealedContact} from voice where ${sealedContact !== null}
        ), respondent as (
          insert into voices_respondent (tenant_id, voice_id, sex, age_band, wg_seeing, wg_hearing, wg_walking, wg_remembering, wg_self_care, wg_communicating)
          select ${tenantId}, id, ${input.sex ?? null}, ${input.ageBand ?? null}, ${input.wgSeeing ?? null}::smallint, ${input.wgHearing ?? null}::smallint,
            ${input.wgWalking ?? null}::smallint, ${input.wgRemembering ?? null}::smallint, ${input.wgSelfCare ?? null}::smallint,
            ${input.wgCommunicating ?? null}::smallint
          from voice where ${answered}
        ), ${audit}
        select id, reference from voice`,
  );
  if (voice) return ok({ ...voice, created: true });
  // This submission key was used before, or won a race with this request: answer with that voice.
  const earlier = key ? await findBySubmissionKey(db, tenantId, key) : undefined;
  if (!earlier) throw new Error('voice not stored and no earlier submission found');
  return ok({ ...earlier, created: false });
}

async function findBySubmissionKey(db: Db, tenantId: string, key: string) {
  const [row] = await db
    .select({ id: voices.id, reference: voices.reference })
    .from(voices)
    .where(and(eq(voices.tenantId, tenantId), eq(voices.submissionKey, key)))
    .limit(1);
  return row;
}
