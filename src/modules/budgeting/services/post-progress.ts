// Staff report on a funded project as it is built: planned, in progress, done (or cancelled,
// with the reason), each update with a note that everyone who voted can read and follow.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { err, forbidden, notFound, ok, type Result } from '../../../core/result.ts';
import { canReviewIdeas } from '../permissions.ts';
import { forgetProcesses } from '../queries/process-cache.ts';
import type { Progress } from '../queries/list-projects.ts';

export async function postProgress(
  db: Db, input: { process: string; project: string; progress: Progress; note: string }, actor: Actor | null, city: TenantScope,
): Promise<Result<null, 'not-implementing' | 'not-funded'>> {
  if (!canReviewIdeas(actor, city)) throw forbidden();
  const result = await db.transaction(async (tx) => {
    const [project] = await queryRows<{ id: string; funded: boolean | null; progress: Progress; phase: string }>(tx, sql`
      select pr.id, pr.funded, pr.progress, p.phase
      from budgeting_project pr join budgeting_process p on p.tenant_id = pr.tenant_id and p.id = pr.process_id
      where pr.tenant_id = ${city.id} and p.slug = ${input.process} and pr.code = ${input.project}
      for update of pr`);
    if (!project) throw notFound();
    if (project.phase !== 'implementation') return err('not-implementing');
    if (!project.funded) return err('not-funded');
    await tx.execute(sql`update budgeting_project set progress = ${input.progress} where tenant_id = ${city.id} and id = ${project.id}`);
    const [update] = await queryRows<{ id: string }>(tx, sql`
      insert into budgeting_project_update (tenant_id, project_id, progress, note, created_by)
      values (${city.id}, ${project.id}, ${input.progress}, ${input.note}, ${actor!.userId}) returning id`);
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action: 'budgeting.project.progress', objectType: 'budgeting-project', objectId: project.id,
      before: { progress: project.progress }, after: { progress: input.progress, note: input.note, update: update!.id },
    });
    return ok(null);
  });
  forgetProcesses(db, city.id);
  return result;
}
