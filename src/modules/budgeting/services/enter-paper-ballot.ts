// A facilitator types in a paper ballot, by the number on its sheet. It counts only when a
// second person has typed the same sheet in alike; when the two differ, both entries go to a
// reviewer, who counts the right one or sets the sheet aside.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { forbidden } from '../../../core/result.ts';
import { canEnterPaperBallots } from '../permissions.ts';
import { normaliseCode, prepareBallot, type CastBallotError, type CastBallotInput } from './cast-ballot.ts';
import { countInTransaction, lockOpenVote } from './count-in-transaction.ts';

export type PaperEntryState = 'waiting' | 'counted' | 'mismatch';
export type PaperRefusal = CastBallotError | { error: 'sheet' } | { error: 'sheet-counted' } | { error: 'entered-already' };

/** Sheet numbers as printed: letters and digits; spaces and dashes are ignored like in codes. */
export const normaliseSheet = (sheet: string) => normaliseCode(sheet);
const SHEET = /^[A-Z0-9]{1,20}$/;

export async function enterPaperBallot(
  db: Db, input: Omit<CastBallotInput, 'voter' | 'channel'> & { sheet: string }, actor: Actor | null, city: TenantScope,
): Promise<{ ok: true; state: PaperEntryState; sheet: string } | { ok: false; refusal: PaperRefusal }> {
  if (!canEnterPaperBallots(actor, city)) throw forbidden();
  const sheet = normaliseSheet(input.sheet);
  if (!SHEET.test(sheet)) return { ok: false, refusal: { error: 'sheet' } };
  const prepared = await prepareBallot(db, { ...input, voter: { kind: 'paper', sheet }, channel: 'paper' }, actor, city);
  if (!prepared.ok) return prepared;
  const b = prepared.ballot;
  return db.transaction(async (tx) => {
    if (!(await lockOpenVote(tx, city.id, b.process_id))) return { ok: false as const, refusal: { error: 'closed' as const } };
    // The sheet's entries are read and written one facilitator at a time, even for its first
    // two entries, which have no row yet to lock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`budgeting-paper:${city.id}:${b.process_id}:${sheet}`}))`);
    const entries = await queryRows<{ id: string; entered_by: string; status: string; same: boolean }>(tx, sql`
      select id, entered_by, status,
        (area is not distinct from ${b.area} and sex is not distinct from ${b.sex} and age_band is not distinct from ${b.age_band}
          and age_confirmed = ${input.ageConfirmed} and choices = ${b.choices}::jsonb) as same
      from budgeting_paper_entry where tenant_id = ${city.id} and process_id = ${b.process_id} and sheet = ${sheet}
      for update`);
    if (entries.some((e) => e.status === 'counted')) return { ok: false as const, refusal: { error: 'sheet-counted' as const } };
    if (entries.some((e) => e.entered_by === actor!.userId)) return { ok: false as const, refusal: { error: 'entered-already' as const } };
    const [entry] = await queryRows<{ id: string }>(tx, sql`
      insert into budgeting_paper_entry (tenant_id, process_id, sheet, entered_by, area, sex, age_band, age_confirmed, choices)
      values (${city.id}, ${b.process_id}, ${sheet}, ${actor!.userId}, ${b.area}, ${b.sex}, ${b.age_band}, ${input.ageConfirmed}, ${b.choices}::jsonb)
      returning id`);
    const open = entries.filter((e) => e.status === 'waiting' || e.status === 'mismatch');
    const twin = open.find((e) => e.status === 'waiting' && e.same);
    let state: PaperEntryState = 'waiting';
    if (twin) {
      const counted = await countInTransaction(tx, {
        tenantId: city.id, processId: b.process_id, voterKey: b.voter_key, channel: 'paper', area: b.area, sex: b.sex, ageBand: b.age_band, choices: b.choices,
      }, actor!.userId);
      if (!counted) throw new Error(`paper sheet ${sheet} has a voter but no counted entry`);
      await tx.execute(sql`update budgeting_paper_entry set status = case when id in (${entry!.id}::uuid, ${twin.id}::uuid) then 'counted' else 'set-aside' end
        where tenant_id = ${city.id} and process_id = ${b.process_id} and sheet = ${sheet}`);
      state = 'counted';
    } else if (open.length > 0) {
      await tx.execute(sql`update budgeting_paper_entry set status = 'mismatch'
        where tenant_id = ${city.id} and process_id = ${b.process_id} and sheet = ${sheet} and status in ('waiting', 'mismatch')`);
      state = 'mismatch';
    }
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action: 'budgeting.paper.enter', objectType: 'budgeting-paper-sheet', objectId: `${b.process_id}:${sheet}`,
      after: { state },
    });
    return { ok: true as const, state, sheet };
  });
}
