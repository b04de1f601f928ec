// A city admin moves a process to its next phase: ideas open, review starts, voting opens,
// results are published, implementation begins. Only forward, one step at a time. Closing the
// vote cuts the last link between voters and ballots (see migrations/0001_processes.ts).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { err, forbidden, notFound, ok, type Result } from '../../../core/result.ts';
import { canMovePhase, type Phase } from '../ballots/process-phases.ts';
import { canRunProcess } from '../permissions.ts';
import { forgetProcesses } from '../queries/process-cache.ts';
import { getProcess } from '../queries/get-process.ts';
import { listProjects } from '../queries/list-projects.ts';
import { budgetElection } from '../queries/budget-election.ts';
import { tally } from '../rules/tally.ts';

export async function movePhase(
  db: Db, input: { process: string; to: Phase }, actor: Actor | null, city: TenantScope,
): Promise<Result<{ phase: Phase }, 'not-next' | 'no-projects'>> {
  if (!canRunProcess(actor, city)) throw forbidden();
  const result = await db.transaction(async (tx) => {
    const [process] = await queryRows<{ id: string; phase: Phase }>(tx, sql`
      select id, phase from budgeting_process where tenant_id = ${city.id} and slug = ${input.process} for update`);
    if (!process) throw notFound();
    if (!canMovePhase(process.phase, input.to)) return err('not-next');
    if (input.to === 'voting') {
      const [count] = await queryRows<{ n: number }>(tx, sql`
        select count(*)::int as n from budgeting_project where tenant_id = ${city.id} and process_id = ${process.id} and on_ballot`);
      if (!count?.n) return err('no-projects');
    }
    await tx.execute(sql`update budgeting_process set phase = ${input.to} where tenant_id = ${city.id} and id = ${process.id}`);
    if (process.phase === 'voting') {
      await tx.execute(sql`update budgeting_voter set ballot_id = null where tenant_id = ${city.id} and process_id = ${process.id}`);
      await recordOutcome(tx, city.id, input.process);
    }
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action: 'budgeting.process.phase', objectType: 'budgeting-process', objectId: process.id,
      before: { phase: process.phase }, after: { phase: input.to },
    });
    return ok({ phase: input.to });
  });
  forgetProcesses(db, city.id);
  return result;
}

/** The process's rule applied to each budget's ballots, as the results page will show it. */
async function recordOutcome(tx: Db, cityId: string, slug: string): Promise<void> {
  const process = (await getProcess(tx, cityId, slug))!;
  const projects = await listProjects(tx, cityId, process.id);
  const funded: string[] = [];
  for (const budget of process.budgets) {
    const election = await budgetElection(tx, { id: cityId, name: '' }, process, budget, projects);
    funded.push(...tally(election, process.rule, process.completion).selected);
  }
  await tx.execute(sql`
    update budgeting_project set funded = on_ballot and code in (select jsonb_array_elements_text(${JSON.stringify(funded)}::jsonb))
    where tenant_id = ${cityId} and process_id = ${process.id}`);
}
