// The shared frame of every moderation step: check the moderator's role in this city, lock the
// voice, apply the step, record what the resident will see and the audit entry, all in one
// transaction.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { err, forbidden, type Result } from '../../../core/result.ts';
import { updates, voices } from '../schema.ts';
import { canModerate, type City } from '../permissions.ts';
import { auditView, lockVoice, type LockedVoice } from '../queries/lock-voice.ts';

export type Step<E extends string> = (
  tx: Db,
  voice: LockedVoice,
) => Promise<Result<{ change: Partial<typeof voices.$inferInsert>; update?: Omit<typeof updates.$inferInsert, 'tenantId' | 'voiceId'> }, E>>;

export async function moderateVoice<E extends string>(
  db: Db,
  action: string,
  reference: string,
  actor: Actor | null,
  city: City,
  step: Step<E>,
): Promise<Result<LockedVoice, E | 'not-found'>> {
  if (!canModerate(actor, city)) throw forbidden();
  return db.transaction(async (tx) => {
    const voice = await lockVoice(tx, city.id, reference);
    if (!voice) return err('not-found');
    const decided = await step(tx, voice);
    if (!decided.ok) return decided;
    const [after] = await tx
      .update(voices)
      .set({ ...decided.value.change, updatedAt: new Date() })
      .where(and(eq(voices.tenantId, city.id), eq(voices.id, voice.id)))
      .returning();
    if (decided.value.update) {
      await tx.insert(updates).values({ ...decided.value.update, tenantId: city.id, voiceId: voice.id, actorId: actor!.userId });
    }
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action, objectType: 'voice', objectId: voice.id,
      before: auditView(voice), after: { ...auditView(after!), update: decided.value.update ?? null },
    });
    return { ok: true as const, value: after! };
  });
}
