// A resident raises a voice: what they need, where, and (if they wish) how to reach them and
// who they are. They get a reference to follow it. Sending the same form twice (a slow network,
// a double tap) creates it once.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../core/db/index.ts';
import { queryRows } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { seal } from '../../../core/crypto.ts';
import { err, ok, type Result } from '../../../core/result.ts';
import { voices, type Channel } from '../schema.ts';
import { loadTaxonomy } from '../queries/list-taxonomy.ts';
import { formatReference } from '../reference.ts';
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

  if (input.submissionKey) {
    const earlier = await findBySubmissionKey(db, tenantId, input.submissionKey);
    if (earlier) return ok({ ...earlier, created: false });
  }

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
  return db.transaction(async (tx) => {
    const [counter] = await queryRows<{ last: number }>(
      tx,
      sql`insert into voices_reference_counter (tenant_id, year, last) values (${tenantId}, ${year}, 1)
          on conflict (tenant_id, year) do update set last = voices_reference_counter.last + 1 returning last`,
    );
    const reference = formatReference(city.code ?? 'VOI', year, counter!.last);
    // One round trip for the voice, its first step, and (apart from the content) the sealed
    // contact and the demographic answers, each only when given.
    const [voice] = await queryRows<{ id: string; reference: string }>(
      tx,
      sql`with voice as (
            insert into voices_voice (tenant_id, reference, submission_key, title, description, lang, category_id, area_id,
              latitude, longitude, channel, visibility, author_id)
            values (${tenantId}, ${reference}, ${input.submissionKey ?? null}, ${input.title}, ${input.description}, ${input.lang},
              ${category.id}, ${areaId}, ${input.latitude ?? null}, ${input.longitude ?? null}, ${input.channel},
              ${published ? 'published' : 'pending'}, ${actorId})
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
          )
          select id, reference from voice`,
    );
    if (!voice) {
      // The same submission key won a race with this request: answer with the first voice.
      const earlier = await findBySubmissionKey(tx, tenantId, input.submissionKey!);
      return ok({ ...earlier!, created: false });
    }
    await recordAudit(tx, {
      tenantId, actorId, action: 'voice.submit', objectType: 'voice', objectId: voice.id,
      after: { reference, title: input.title, description: input.description, category: input.category, areaId, channel: input.channel },
    });
    return ok({ ...voice, created: true });
  });
}

async function findBySubmissionKey(db: Db, tenantId: string, key: string) {
  const [row] = await db
    .select({ id: voices.id, reference: voices.reference })
    .from(voices)
    .where(and(eq(voices.tenantId, tenantId), eq(voices.submissionKey, key)))
    .limit(1);
  return row;
}
