// A reviewer settles a paper sheet whose two entries differ, with the sheet in hand: they count
// the entry that matches the paper, or set the sheet aside (unreadable, spoilt). Someone who
// typed the sheet in may not settle it.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { keyedHash } from '../../../core/crypto.ts';
import { err, forbidden, notFound, ok, type Result } from '../../../core/result.ts';
import { canReviewIdeas } from '../permissions.ts';
import { countInTransaction, lockOpenVote } from './count-in-transaction.ts';
import { normaliseSheet } from './enter-paper-ballot.ts';

export async function settlePaperSheet(
  db: Db, input: { process: string; sheet: string; keep: string | null; secret: string }, actor: Actor | null, city: TenantScope,
): Promise<Result<'counted' | 'set-aside', 'closed' | 'own-entry' | 'not-mismatched' | 'sheet-counted'>> {
  if (!canReviewIdeas(actor, city)) throw forbidden();
  const sheet = normaliseSheet(input.sheet);
  return db.transaction(async (tx) => {
    const [process] = await queryRows<{ id: string }>(tx, sql`select id from budgeting_process where tenant_id = ${city.id} and slug = ${input.process}`);
    if (!process) throw notFound();
    if (!(await lockOpenVote(tx, city.id, process.id))) return err('closed');
    const entries = await queryRows<{ id: string; entered_by: string; status: string; area: string | null; sex: string | null; age_band: string | null; choices: unknown }>(tx, sql`
      select id, entered_by, status, area, sex, age_band, choices from budgeting_paper_entry
      where tenant_id = ${city.id} and process_id = ${process.id} and sheet = ${sheet} for update`);
    if (entries.length === 0) throw notFound();
    if (entries.some((e) => e.entered_by === actor!.userId)) return err('own-entry');
    const mismatched = entries.filter((e) => e.status === 'mismatch');
    if (mismatched.length === 0) return err('not-mismatched');
    const kept = input.keep ? mismatched.find((e) => e.id === input.keep) : undefined;
    if (input.keep && !kept) throw notFound();
    if (kept) {
      const counted = await countInTransaction(tx, {
        tenantId: city.id, processId: process.id, voterKey: keyedHash(input.secret, `${process.id}:paper:${sheet}`), channel: 'paper',
        area: kept.area, sex: kept.sex, ageBand: kept.age_band, choices: JSON.stringify(kept.choices),
      }, actor!.userId);
      if (!counted) return err('sheet-counted');
    }
    await tx.execute(sql`update budgeting_paper_entry set status = case when id = ${kept?.id ?? null}::uuid then 'counted' else 'set-aside' end
      where tenant_id = ${city.id} and process_id = ${process.id} and sheet = ${sheet} and status = 'mismatch'`);
    const outcome = kept ? 'counted' as const : 'set-aside' as const;
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action: 'budgeting.paper.settle', objectType: 'budgeting-paper-sheet', objectId: `${process.id}:${sheet}`,
      after: { outcome, entry: kept?.id ?? null },
    });
    return ok(outcome);
  });
}
