// A city admin opens a new participatory budgeting process: what it is for, its money (one
// city-wide budget and/or one per district), the ballot residents will fill in, the rule
// that will pick the winners, and who may vote. It starts as a draft nobody can vote in.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { err, forbidden, ok, type Result } from '../../../core/result.ts';
import type { BudgetInput, ProcessInput } from '../schemas.ts';
import { canRunProcess } from '../permissions.ts';
import { forgetProcesses } from '../queries/process-cache.ts';

export async function createProcess(
  db: Db, input: ProcessInput & { budgets: BudgetInput[] }, actor: Actor | null, city: TenantScope,
): Promise<Result<{ id: string }, 'slug-taken'>> {
  if (!canRunProcess(actor, city)) throw forbidden();
  const usesK = input.ballotKind === 'approval-k' || input.ballotKind === 'ranking';
  const cumulative = input.ballotKind === 'cumulative';
  const result = await db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(tx, sql`
      insert into budgeting_process (tenant_id, slug, title, description, currency, ballot_kind, ballot_k, ballot_points, ballot_per_project,
        min_age, revote, rule, completion, voting_from, voting_until)
      values (${city.id}, ${input.slug}, ${input.title}, ${input.description}, ${input.currency}, ${input.ballotKind},
        ${usesK ? input.k! : null}, ${cumulative ? input.points! : null}, ${cumulative ? input.perProject! : null},
        ${input.minAge}, ${input.revote}, ${input.rule}, ${input.completion}, ${input.votingFrom ?? null}, ${input.votingUntil ?? null})
      on conflict (tenant_id, slug) do nothing
      returning id`);
    if (!row) return err('slug-taken');
    for (const b of input.budgets) {
      await tx.execute(sql`insert into budgeting_budget (tenant_id, process_id, area, amount) values (${city.id}, ${row.id}, ${b.area}, ${b.amount})`);
    }
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action: 'budgeting.process.create', objectType: 'budgeting-process', objectId: row.id,
      after: { ...input },
    });
    return ok({ id: row.id });
  });
  forgetProcesses(db, city.id);
  return result;
}
