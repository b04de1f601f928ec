// A reviewer accepts an idea: it becomes a project on the ballot, under one of the process's
// budgets, with the cost the city estimated and the next short code (the number voters type
// on USSD, SMS and paper).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { parseMoney } from '../../../core/money.ts';
import { err, forbidden, ok, type Result } from '../../../core/result.ts';
import { canReviewIdeas } from '../permissions.ts';
import { forgetProcesses } from '../queries/process-cache.ts';
import type { AcceptInput } from '../schemas.ts';
import { lockIdea, REVIEW_PHASES } from '../queries/lock-idea.ts';

export type AcceptIdeaError = 'reviewed' | 'not-reviewing' | 'unknown-budget' | 'money-invalid' | 'money-ambiguous' | 'money-too-precise' | 'money-too-large';

export async function acceptIdea(
  db: Db, input: AcceptInput & { process: string; idea: string }, actor: Actor | null, city: TenantScope,
): Promise<Result<{ code: string }, AcceptIdeaError>> {
  if (!canReviewIdeas(actor, city)) throw forbidden();
  const result = await db.transaction(async (tx) => {
    const idea = await lockIdea(tx, city.id, input.process, input.idea);
    if (idea.status !== 'submitted') return err('reviewed');
    if (!REVIEW_PHASES.includes(idea.phase)) return err('not-reviewing');
    const cost = parseMoney(input.cost, idea.currency);
    if (!cost.ok) return err(`money-${cost.problem}`);
    if (cost.minor <= 0) return err('money-invalid');
    const [budget] = await queryRows<{ id: string }>(tx, sql`
      select id from budgeting_budget where tenant_id = ${city.id} and process_id = ${idea.processId} and id::text = ${input.budget}`);
    if (!budget) return err('unknown-budget');
    // Codes count up from 1; the process row lock keeps two reviewers from taking the same one.
    await tx.execute(sql`select 1 from budgeting_process where tenant_id = ${city.id} and id = ${idea.processId} for update`);
    const [project] = await queryRows<{ id: string; code: string }>(tx, sql`
      insert into budgeting_project (tenant_id, process_id, budget_id, code, title, description, cost)
      select ${city.id}, ${idea.processId}, ${budget.id}, (coalesce(max(code::int), 0) + 1)::text, ${input.title}, ${input.description}, ${cost.minor}
      from budgeting_project where tenant_id = ${city.id} and process_id = ${idea.processId}
      returning id, code`);
    await tx.execute(sql`update budgeting_idea set status = 'accepted', project_id = ${project!.id} where tenant_id = ${city.id} and id = ${idea.id}`);
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action: 'budgeting.idea.accept', objectType: 'budgeting-idea', objectId: idea.id,
      before: { status: idea.status }, after: { status: 'accepted', project: project!.code, cost: cost.minor, budget: budget.id },
    });
    return ok({ code: project!.code });
  });
  forgetProcesses(db, city.id);
  return result;
}
