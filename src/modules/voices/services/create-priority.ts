// A moderator names a theme the city commits to, so that voices can be grouped under it.
import type { Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { forbidden, ok, type Result } from '../../../core/result.ts';
import { priorities } from '../schema.ts';
import { canModerate, type City } from '../permissions.ts';

export async function createPriority(
  db: Db,
  input: { title: string; description: string; lang: string },
  actor: Actor | null,
  city: City,
): Promise<Result<{ id: string }, never>> {
  if (!canModerate(actor, city)) throw forbidden();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(priorities).values({ tenantId: city.id, ...input, createdBy: actor!.userId }).returning();
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action: 'priority.create', objectType: 'priority', objectId: row!.id, after: row,
    });
    return ok({ id: row!.id });
  });
}
