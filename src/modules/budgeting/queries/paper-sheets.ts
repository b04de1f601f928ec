// Paper sheets as facilitators and reviewers see them: how many wait for a second entry, and
// the entries of every sheet whose two entries differ.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';

export interface PaperEntry {
  id: string; sheet: string; enteredBy: string; area: string | null; sex: string | null; ageBand: string | null; ageConfirmed: boolean;
  choices: Record<string, { projects: string[]; points: number[] | null }>;
}

export async function paperCounts(db: Db, cityId: string, processId: string): Promise<{ waiting: number; mismatched: number; counted: number }> {
  const [row] = await queryRows<{ waiting: number; mismatched: number; counted: number }>(db, sql`
    select count(distinct sheet) filter (where status = 'waiting')::int as waiting,
           count(distinct sheet) filter (where status = 'mismatch')::int as mismatched,
           count(distinct sheet) filter (where status = 'counted')::int as counted
    from budgeting_paper_entry where tenant_id = ${cityId} and process_id = ${processId}`);
  return row ?? { waiting: 0, mismatched: 0, counted: 0 };
}

/** At most 50 sheets at a time: a reviewer works through them with the paper in hand. */
export async function mismatchedSheets(db: Db, cityId: string, processId: string): Promise<PaperEntry[][]> {
  const rows = await queryRows<{ id: string; sheet: string; entered_by: string; area: string | null; sex: string | null; age_band: string | null; age_confirmed: boolean; choices: PaperEntry['choices'] }>(db, sql`
    select e.id, e.sheet, u.name as entered_by, e.area, e.sex, e.age_band, e.age_confirmed, e.choices
    from budgeting_paper_entry e join core_user u on u.id = e.entered_by
    where e.tenant_id = ${cityId} and e.process_id = ${processId} and e.status = 'mismatch'
      and e.sheet in (select distinct sheet from budgeting_paper_entry where tenant_id = ${cityId} and process_id = ${processId} and status = 'mismatch' order by sheet limit 50)
    order by e.sheet, e.entered_at`);
  const bySheet = new Map<string, PaperEntry[]>();
  for (const r of rows) {
    const list = bySheet.get(r.sheet) ?? [];
    list.push({ id: r.id, sheet: r.sheet, enteredBy: r.entered_by, area: r.area, sex: r.sex, ageBand: r.age_band, ageConfirmed: r.age_confirmed, choices: r.choices });
    bySheet.set(r.sheet, list);
  }
  return [...bySheet.values()];
}
