// A reviewer merges an idea into a project that already covers it, so overlapping ideas are
// voted on once; the idea's page points to that project.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { err, forbidden, ok, type Result } from '../../../core/result.ts';
import { canReviewIdeas } from '../permissions.ts';
import { lockIdea, REVIEW_PHASES } from '../queries/lock-idea.ts';

export async function mergeIdea(
  db: Db, input: { process: string; idea: string; project: string }, actor: Actor | null, city: TenantScope,
): Promise<Result<{ code: string }, 'reviewed' | 'not-reviewing' | 'unknown-project'>> {
  if (!canReviewIdeas(actor, city)) throw forbidden();
  return db.transaction(async (tx) => {
    const idea = await lockIdea(tx, city.id, input.process, input.idea);
    if (idea.status !== 'submitted') return err('reviewed');
    if (!REVIEW_PHASES.includes(idea.phase)) return err('not-reviewing');
    const [project] = await queryRows<{ id: string; code: string }>(tx, sql`
      select id, code from budgeting_project where tenant_id = ${city.id} and process_id = ${idea.processId} and code = ${input.project}`);
    if (!project) return err('unknown-project');
    await tx.execute(sql`update budgeting_idea set status = 'merged', project_id = ${project.id} where tenant_id = ${city.id} and id = ${idea.id}`);
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action: 'budgeting.idea.merge', objectType: 'budgeting-idea', objectId: idea.id,
      before: { status: idea.status }, after: { status: 'merged', project: project.code },
    });
    return ok({ code: project.code });
  });
}
