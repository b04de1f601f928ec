// A city admin corrects a process before voting opens: its wording, dates, ballot, rule, age
// and budgets. Once people vote, the rules of the vote are fixed. The short name stays (it is
// in every address, code and file), a budget that has projects stays, and the currency stays
// once projects are costed in it.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { err, forbidden, notFound, ok, type Result } from '../../../core/result.ts';
import type { BudgetInput, ProcessInput } from '../schemas.ts';
import { canRunProcess } from '../permissions.ts';
import { forgetProcesses } from '../queries/process-cache.ts';

const EDITABLE: readonly string[] = ['draft', 'ideas', 'review'];

export async function updateProcess(
  db: Db, input: Omit<ProcessInput, 'slug'> & { process: string; budgets: BudgetInput[] }, actor: Actor | null, city: TenantScope,
): Promise<Result<null, 'voting-started' | 'budget-in-use' | 'currency-in-use'>> {
  if (!canRunProcess(actor, city)) throw forbidden();
  const usesK = input.ballotKind === 'approval-k' || input.ballotKind === 'ranking';
  const cumulative = input.ballotKind === 'cumulative';
  const result = await db.transaction(async (tx) => {
    const [before] = await queryRows<Record<string, unknown> & { id: string; phase: string; currency: string }>(tx, sql`
      select id, phase, title, description, currency, ballot_kind, ballot_k, ballot_points, ballot_per_project, min_age, revote, rule, completion,
        voting_from::text, voting_until::text
      from budgeting_process where tenant_id = ${city.id} and slug = ${input.process} for update`);
    if (!before) throw notFound();
    if (!EDITABLE.includes(before.phase)) return err('voting-started');
    const budgets = await queryRows<{ id: string; area: string | null; amount: string; projects: number }>(tx, sql`
      select b.id, b.area, b.amount::text, (select count(*) from budgeting_project p where p.tenant_id = b.tenant_id and p.budget_id = b.id)::int as projects
      from budgeting_budget b where b.tenant_id = ${city.id} and b.process_id = ${before.id}`);
    if (budgets.some((b) => b.projects > 0 && !input.budgets.some((n) => n.area === b.area))) return err('budget-in-use');
    if (input.currency !== before.currency && budgets.some((b) => b.projects > 0)) return err('currency-in-use');
    await tx.execute(sql`
      update budgeting_process set title = ${input.title}, description = ${input.description}, currency = ${input.currency},
        ballot_kind = ${input.ballotKind}, ballot_k = ${usesK ? input.k! : null}, ballot_points = ${cumulative ? input.points! : null},
        ballot_per_project = ${cumulative ? input.perProject! : null}, min_age = ${input.minAge}, revote = ${input.revote}, rule = ${input.rule},
        completion = ${input.completion}, voting_from = ${input.votingFrom ?? null}, voting_until = ${input.votingUntil ?? null}
      where tenant_id = ${city.id} and id = ${before.id}`);
    for (const b of budgets.filter((b) => !input.budgets.some((n) => n.area === b.area))) {
      await tx.execute(sql`delete from budgeting_budget where tenant_id = ${city.id} and id = ${b.id}`);
    }
    for (const b of input.budgets) {
      await tx.execute(sql`
        insert into budgeting_budget (tenant_id, process_id, area, amount) values (${city.id}, ${before.id}, ${b.area}, ${b.amount})
        on conflict (tenant_id, process_id, area) do update set amount = excluded.amount`);
    }
    const { id, phase, ...was } = before;
    void phase;
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action: 'budgeting.process.update', objectType: 'budgeting-process', objectId: id,
      before: { ...was, budgets: budgets.map((b) => ({ area: b.area, amount: Number(b.amount) })) }, after: { ...input },
    });
    return ok(null);
  });
  forgetProcesses(db, city.id);
  return result;
}
