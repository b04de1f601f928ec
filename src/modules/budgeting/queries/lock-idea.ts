// An idea waiting for review, locked for the reviewer's decision, with its process.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { notFound } from '../../../core/result.ts';

export interface IdeaUnderReview { id: string; status: string; processId: string; phase: string; currency: string }

/** Staff review while ideas come in and during the review phase; after that the ballot is fixed. */
export const REVIEW_PHASES: readonly string[] = ['ideas', 'review'];

export async function lockIdea(tx: Db, cityId: string, processSlug: string, ideaId: string): Promise<IdeaUnderReview> {
  if (!/^[0-9a-f-]{36}$/i.test(ideaId)) throw notFound();
  const [row] = await queryRows<{ id: string; status: string; process_id: string; phase: string; currency: string }>(tx, sql`
    select i.id, i.status, i.process_id, p.phase, p.currency
    from budgeting_idea i join budgeting_process p on p.tenant_id = i.tenant_id and p.id = i.process_id
    where i.tenant_id = ${cityId} and p.slug = ${processSlug} and i.id = ${ideaId}
    for update of i`);
  if (!row) throw notFound();
  return { id: row.id, status: row.status, processId: row.process_id, phase: row.phase, currency: row.currency };
}
