// A city's processes, read with their budgets.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { processOf, type Budget, type Process, type ProcessRow } from '../process.ts';

const COLUMNS = sql`id, slug, title, description, phase, currency, ballot_kind, ballot_k, ballot_points, ballot_per_project,
  min_age, revote, rule, completion, voting_from::text, voting_until::text`;

export async function getProcess(db: Db, cityId: string, slug: string): Promise<Process | null> {
  const [row] = await queryRows<ProcessRow>(db, sql`select ${COLUMNS} from budgeting_process where tenant_id = ${cityId} and slug = ${slug}`);
  if (!row) return null;
  return processOf(row, await budgetsOf(db, cityId, [row.id]).then((b) => b.get(row.id) ?? []));
}

/** Newest first. */
export async function listProcesses(db: Db, cityId: string): Promise<Process[]> {
  const rows = await queryRows<ProcessRow>(db, sql`select ${COLUMNS} from budgeting_process where tenant_id = ${cityId} order by created_at desc, slug`);
  const budgets = await budgetsOf(db, cityId, rows.map((r) => r.id));
  return rows.map((r) => processOf(r, budgets.get(r.id) ?? []));
}

async function budgetsOf(db: Db, cityId: string, processIds: string[]): Promise<Map<string, Budget[]>> {
  const out = new Map<string, Budget[]>();
  if (processIds.length === 0) return out;
  const rows = await queryRows<{ process_id: string; id: string; area: string | null; amount: string }>(db, sql`
    select process_id, id, area, amount::text from budgeting_budget
    where tenant_id = ${cityId} and process_id in (select jsonb_array_elements_text(${JSON.stringify(processIds)}::jsonb)::uuid)`);
  for (const r of rows) {
    const list = out.get(r.process_id) ?? [];
    list.push({ id: r.id, area: r.area, amount: Number(r.amount) });
    out.set(r.process_id, list);
  }
  return out;
}
