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
import { areas, categories, contacts, respondents, updates, voices, type Channel } from '../schema.ts';
import type { VoiceInput } from '../schemas.ts';
import { areaContaining, pointInBoundary } from '../geo.ts';
import { formatReference } from '../reference.ts';
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

  const [category] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.tenantId, tenantId), eq(categories.slug, input.category)))
    .limit(1);
  if (!category) return err('unknown-category');

  const hasPoint = input.latitude !== undefined && input.longitude !== undefined;
  let areaId: string;
  if (input.area) {
    const [area] = await db
      .select({ id: areas.id, boundary: areas.boundary })
      .from(areas)
      .where(and(eq(areas.tenantId, tenantId), eq(areas.slug, input.area)))
      .limit(1);
    if (!area) return err('unknown-area');
    if (hasPoint && area.boundary && !pointInBoundary(area.boundary, input.longitude!, input.latitude!)) return err('outside-area');
    areaId = area.id;
  } else {
    const all = await db.select({ id: areas.id, boundary: areas.boundary }).from(areas).where(eq(areas.tenantId, tenantId));
    const area = areaContaining(all, input.longitude!, input.latitude!);
    if (!area) return err('outside-city');
    areaId = area.id;
  }

  const published = city.settings.moderation === 'post';
  return db.transaction(async (tx) => {
    const year = new Date().getUTCFullYear();
    const [counter] = await queryRows<{ last: number }>(
      tx,
      sql`insert into voices_reference_counter (tenant_id, year, last) values (${tenantId}, ${year}, 1)
          on conflict (tenant_id, year) do update set last = voices_reference_counter.last + 1 returning last`,
    );
    const reference = formatReference(city.code ?? 'VOI', year, counter!.last);
    const [voice] = await tx
      .insert(voices)
      .values({
        tenantId, reference, submissionKey: input.submissionKey ?? null, title: input.title, description: input.description,
        lang: input.lang, categoryId: category.id, areaId, latitude: input.latitude ?? null, longitude: input.longitude ?? null,
        channel: input.channel, visibility: published ? 'published' : 'pending', authorId: actor?.userId ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: voices.id, reference: voices.reference });
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
    await tx.insert(updates).values({ tenantId, voiceId: voice.id, kind: 'submitted', status: 'received', actorId: actor?.userId ?? null });
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
