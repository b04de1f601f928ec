// A moderator groups a voice under one of the city's priorities.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { err, forbidden, ok, type Result } from '../../../core/result.ts';
import { priorities, priorityVoices, voices } from '../schema.ts';
import { canModerate, type City } from '../permissions.ts';

export async function addVoiceToPriority(
  db: Db,
  input: { reference: string; priorityId: string },
  actor: Actor | null,
  city: City,
): Promise<Result<{ added: boolean }, 'not-found' | 'priority-not-found' | 'merged'>> {
  if (!canModerate(actor, city)) throw forbidden();
  return db.transaction(async (tx) => {
    const [voice] = await tx
      .select({ id: voices.id, mergedIntoId: voices.mergedIntoId })
      .from(voices)
      .where(and(eq(voices.tenantId, city.id), eq(voices.reference, input.reference)))
      .limit(1);
    if (!voice) return err('not-found');
    if (voice.mergedIntoId) return err('merged');
    const [priority] = await tx
      .select({ id: priorities.id })
      .from(priorities)
      .where(and(eq(priorities.tenantId, city.id), eq(priorities.id, input.priorityId)))
      .limit(1);
    if (!priority) return err('priority-not-found');
    const inserted = await tx
      .insert(priorityVoices)
      .values({ tenantId: city.id, priorityId: priority.id, voiceId: voice.id })
      .onConflictDoNothing()
      .returning();
    if (inserted.length) {
      await recordAudit(tx, {
        tenantId: city.id, actorId: actor!.userId, action: 'priority.add-voice', objectType: 'priority', objectId: priority.id,
        after: { voice: input.reference },
      });
    }
    return ok({ added: inserted.length > 0 });
  });
}
