// Counts one ballot inside a caller's transaction (paper ballots, once two entries agree or a
// reviewer settles them): the voter's primary key admits it once, the ballot is stored apart,
// and the audit entry says that someone voted, never what.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';

export interface BallotToCount {
  tenantId: string; processId: string; voterKey: string; channel: string;
  area: string | null; sex: string | null; ageBand: string | null; choices: string;
}

/** False when this voter (this sheet) was counted before. */
export async function countInTransaction(tx: Db, b: BallotToCount, actorId: string | null): Promise<boolean> {
  const [voter] = await queryRows<{ ballot_id: string }>(tx, sql`
    insert into budgeting_voter (tenant_id, process_id, voter_key, channel, area, sex, age_band, ballot_id)
    values (${b.tenantId}, ${b.processId}, ${b.voterKey}, ${b.channel}, ${b.area}, ${b.sex}, ${b.ageBand}, gen_random_uuid())
    on conflict do nothing
    returning ballot_id`);
  if (!voter) return false;
  await tx.execute(sql`insert into budgeting_ballot (tenant_id, id, process_id, choices) values (${b.tenantId}, ${voter.ballot_id}, ${b.processId}, ${b.choices}::jsonb)`);
  await recordAudit(tx, {
    tenantId: b.tenantId, actorId, action: 'budgeting.ballot.cast', objectType: 'budgeting-process', objectId: b.processId, after: { channel: b.channel },
  });
  return true;
}

/** The process row, held `for share` while voting is open, so the vote cannot close meanwhile. */
export async function lockOpenVote(tx: Db, tenantId: string, processId: string): Promise<boolean> {
  const [open] = await queryRows<{ id: string }>(tx, sql`
    select id from budgeting_process where tenant_id = ${tenantId} and id = ${processId}
      and phase = 'voting' and (voting_until is null or current_date <= voting_until) for share`);
  return !!open;
}
