// A reviewer rejects an idea (not feasible, not the city's to do, too costly) with a reason
// that everyone can read beside the idea: no idea disappears without an explanation.
import type { Db } from '../../../core/db/index.ts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { err, forbidden, ok, type Result } from '../../../core/result.ts';
import { canReviewIdeas } from '../permissions.ts';
import { lockIdea, REVIEW_PHASES } from '../queries/lock-idea.ts';

export async function rejectIdea(
  db: Db, input: { process: string; idea: string; reason: string }, actor: Actor | null, city: TenantScope,
): Promise<Result<null, 'reviewed' | 'not-reviewing'>> {
  if (!canReviewIdeas(actor, city)) throw forbidden();
  return db.transaction(async (tx) => {
    const idea = await lockIdea(tx, city.id, input.process, input.idea);
    if (idea.status !== 'submitted') return err('reviewed');
    if (!REVIEW_PHASES.includes(idea.phase)) return err('not-reviewing');
    await tx.execute(sql`update budgeting_idea set status = 'rejected', reason = ${input.reason} where tenant_id = ${city.id} and id = ${idea.id}`);
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action: 'budgeting.idea.reject', objectType: 'budgeting-idea', objectId: idea.id,
      before: { status: idea.status }, after: { status: 'rejected', reason: input.reason },
    });
    return ok(null);
  });
}
