// The projects of a process, by budget, as ballots and result pages show them.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';

export const PROGRESS = ['not-started', 'planned', 'in-progress', 'done', 'cancelled'] as const;
export type Progress = (typeof PROGRESS)[number];

export interface Project {
  id: string;
  budgetId: string;
  /** Short number that identifies it on every channel (USSD, SMS, paper) and in .pb files. */
  code: string;
  title: string;
  description: string;
  /** Minor units. */
  cost: number;
  onBallot: boolean;
  /** Chosen by the process's rule; null until the results are published. */
  funded: boolean | null;
  progress: Progress;
}

export async function listProjects(db: Db, cityId: string, processId: string): Promise<Project[]> {
  const rows = await queryRows<{ id: string; budget_id: string; code: string; title: string; description: string; cost: string; on_ballot: boolean; funded: boolean | null; progress: Progress }>(db, sql`
    select id, budget_id, code, title, description, cost::text, on_ballot, funded, progress from budgeting_project
    where tenant_id = ${cityId} and process_id = ${processId}
    order by length(code), code`);
  return rows.map((r) => ({ id: r.id, budgetId: r.budget_id, code: r.code, title: r.title, description: r.description, cost: Number(r.cost), onBallot: r.on_ballot, funded: r.funded, progress: r.progress }));
}
