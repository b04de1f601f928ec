// The progress reports on a process's funded projects, newest first.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import type { Progress } from './list-projects.ts';

export interface ProjectUpdate { id: string; projectCode: string; projectTitle: string; progress: Progress; note: string; at: Date }

/** Bounded: a feed or a page shows the latest reports, the audit log keeps them all. */
const LATEST = 200;

export async function projectUpdates(db: Db, cityId: string, processId: string, projectCode?: string): Promise<ProjectUpdate[]> {
  const rows = await queryRows<{ id: string; code: string; title: string; progress: Progress; note: string; created_at: string | Date }>(db, sql`
    select u.id, pr.code, pr.title, u.progress, u.note, u.created_at
    from budgeting_project_update u join budgeting_project pr on pr.tenant_id = u.tenant_id and pr.id = u.project_id
    where u.tenant_id = ${cityId} and pr.process_id = ${processId} ${projectCode ? sql`and pr.code = ${projectCode}` : sql``}
    order by u.created_at desc, u.id desc
    limit ${LATEST}`);
  return rows.map((r) => ({ id: r.id, projectCode: r.code, projectTitle: r.title, progress: r.progress, note: r.note, at: new Date(r.created_at) }));
}
