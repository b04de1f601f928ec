// The ideas sent to a process, oldest first, with what became of each.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';

export interface Idea {
  id: string;
  title: string;
  description: string;
  area: string | null;
  voiceReference: string | null;
  status: 'submitted' | 'accepted' | 'merged' | 'rejected';
  reason: string | null;
  /** The project it became or was merged into. */
  projectCode: string | null;
}

export async function listIdeas(db: Db, cityId: string, processId: string): Promise<Idea[]> {
  const rows = await queryRows<{ id: string; title: string; description: string; area: string | null; voice_reference: string | null; status: Idea['status']; reason: string | null; code: string | null }>(db, sql`
    select i.id, i.title, i.description, i.area, i.voice_reference, i.status, i.reason, p.code
    from budgeting_idea i left join budgeting_project p on p.tenant_id = i.tenant_id and p.id = i.project_id
    where i.tenant_id = ${cityId} and i.process_id = ${processId}
    order by i.submitted_at, i.id`);
  return rows.map((r) => ({ id: r.id, title: r.title, description: r.description, area: r.area, voiceReference: r.voice_reference, status: r.status, reason: r.reason, projectCode: r.code }));
}
