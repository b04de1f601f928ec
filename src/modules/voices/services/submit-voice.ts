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
import { contacts, respondents, voices, type Channel } from '../schema.ts';
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
  // The number is taken in its own short statement, outside the transaction, so the city's
  // counter row is locked for one statement instead of a whole submission. A submission that
  // fails after this leaves a gap in the numbering; references need to be unique, not gapless.
  const [counter] = await queryRows<{ last: number }>(
    db,
    sql`insert into voices_reference_counter (tenant_id, year, last) values (${tenantId}, ${year}, 1)
        on conflict (tenant_id, year) do update set last = voices_reference_counter.last + 1 returning last`,
  );
  const reference = formatReference(city.code ?? 'VOI', year, counter!.last);
  return db.transaction(async (tx) => {
    const actorId = actor?.userId ?? null;
    // One round trip: the voice and its first step.
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
          )
          select id, reference from voice`,
    );
    if (!voice) {
      // The same submission key won a race with this request: answer with the first voice.
      const earlier = await findBySubmissionKey(tx, tenantId, input.submissionKey!);
      return ok({ ...earlier!, created: false });
    }
    if (input.contact) await tx.insert(contacts).values({ tenantId, voiceId: voice.id, sealed: seal(input.secret, input.contact) });
    const demographics = {
      sex: input.sex ?? null, ageBand: input.ageBand ?? null, wgSeeing: input.wgSeeing ?? null, wgHearing: input.wgHearing ?? null,
      wgWalking: input.wgWalking ?? null, wgRemembering: input.wgRemembering ?? null, wgSelfCare: input.wgSelfCare ?? null,
      wgCommunicating: input.wgCommunicating ?? null,
    };
    if (Object.values(demographics).some((v) => v !== null)) {
      await tx.insert(respondents).values({ tenantId, voiceId: voice.id, ...demographics });
    }
    await recordAudit(tx, {
      tenantId, actorId: actor?.userId ?? null, action: 'voice.submit', objectType: 'voice', objectId: voice.id,
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
