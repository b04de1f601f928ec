// A signed-in resident supports a public voice ("me too"). Each person counts once, even when
// the same click arrives twice at the same instant.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { err, forbidden, ok, type Result } from '../../../core/result.ts';
import { supports, voices } from '../schema.ts';
import { canSupportVoice, type City } from '../permissions.ts';

export async function supportVoice(
  db: Db,
  input: { reference: string },
  actor: Actor | null,
  city: City,
): Promise<Result<{ supportCount: number; added: boolean }, 'not-found' | 'not-public'>> {
  if (!canSupportVoice(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const [voice] = await tx
      .select({ id: voices.id, visibility: voices.visibility, mergedIntoId: voices.mergedIntoId, supportCount: voices.supportCount })
      .from(voices)
      .where(and(eq(voices.tenantId, city.id), eq(voices.reference, input.reference)))
      .limit(1);
    if (!voice) return err('not-found');
    if (voice.visibility !== 'published' || voice.mergedIntoId) return err('not-public');
    // The primary key (voice, supporter) is what makes a double click count once.
    const inserted = await tx
      .insert(supports)
      .values({ tenantId: city.id, voiceId: voice.id, supporter: `user:${actor!.userId}` })
      .onConflictDoNothing()
      .returning({ voiceId: supports.voiceId });
    if (!inserted.length) return ok({ supportCount: voice.supportCount, added: false });
    const [after] = await tx
      .update(voices)
      .set({ supportCount: sql`${voices.supportCount} + 1` })
      .where(and(eq(voices.tenantId, city.id), eq(voices.id, voice.id)))
      .returning({ supportCount: voices.supportCount });
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action: 'voice.support', objectType: 'voice', objectId: voice.id,
      after: { supportCount: after!.supportCount },
    });
    return ok({ supportCount: after!.supportCount, added: true });
  });
}
