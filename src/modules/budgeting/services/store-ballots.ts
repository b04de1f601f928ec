// First ballots are written in batches: ballots that arrive while others are being stored go
// together, as one statement and one commit (core/db/group-commit.ts), which is what lets a
// city take a thousand ballots a second on two cores. One statement checks that voting is open
// (and holds the process row so the vote cannot close halfway), spends each voting code, lets
// the voter's primary key admit one ballot per person, stores the ballots apart from the
// voters, and appends the audit entries.
import { sql } from 'drizzle-orm';
import { groupCommit, queryRowsPrepared, type Db } from '../../../core/db/index.ts';
import { appendAuditEntries } from '../../../core/audit/index.ts';

/** A ballot ready to store, named as the statement reads it. `choices` is JSON text. */
export type PendingBallot = {
  tenant_id: string; process_id: string; voter_key: string; channel: string; area: string | null; sex: string | null; age_band: string | null;
  ballot_id: string; choices: string; code_hash: string | null; actor_id: string | null; at: string; after_hash: string | null; fields: string;
};

export type StoredBallot = 'counted' | 'closed' | 'code-unknown' | 'code-used' | 'voted-before';

const writers = new WeakMap<Db, (ballot: PendingBallot) => Promise<StoredBallot>>();
export function ballotWriter(db: Db) {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = groupCommit((batch: PendingBallot[]) => storeBallots(db, batch))));
  return writer;
}

async function storeBallots(db: Db, batch: PendingBallot[]): Promise<StoredBallot[]> {
  const rows = await queryRowsPrepared<{ i: number; counted: boolean; open: boolean; code_known: boolean | null }>(db, 'budgeting.cast', sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(batch.map((b, i) => ({ ...b, i })))}::jsonb) as x(
        i int, tenant_id uuid, process_id uuid, voter_key text, channel text, area text, sex text, age_band text, ballot_id uuid,
        choices text, code_hash text, actor_id uuid, at timestamptz, after_hash text, fields text)
    ), open as (
      select p.tenant_id, p.id from budgeting_process p
      where (p.tenant_id, p.id) in (select tenant_id, process_id from input)
        and p.phase = 'voting' and (p.voting_until is null or current_date <= p.voting_until)
      for share
    ), code_known as (
      select x.i from input x
      where exists (select from budgeting_code c where c.tenant_id = x.tenant_id and c.process_id = x.process_id and c.code_hash = x.code_hash)
    ), spent as (
      update budgeting_code c set used = true from input x
      where x.code_hash is not null and c.tenant_id = x.tenant_id and c.process_id = x.process_id and c.code_hash = x.code_hash and not c.used
        and exists (select from open o where o.tenant_id = x.tenant_id and o.id = x.process_id)
      returning x.i
    ), eligible as (
      select x.* from input x join open o on o.tenant_id = x.tenant_id and o.id = x.process_id
      where x.code_hash is null or x.i in (select i from spent)
    ), voter as (
      insert into budgeting_voter (tenant_id, process_id, voter_key, channel, area, sex, age_band, ballot_id)
      select tenant_id, process_id, voter_key, channel, area, sex, age_band, ballot_id from eligible order by i
      on conflict do nothing
      returning ballot_id
    ), counted as (
      select e.* from eligible e join voter v on v.ballot_id = e.ballot_id
    ), ballot as (
      insert into budgeting_ballot (tenant_id, id, process_id, choices)
      select tenant_id, ballot_id, process_id, choices::jsonb from counted
    ), ${appendAuditEntries(sql`select tenant_id, i as ord, at, actor_id, 'budgeting.ballot.cast'::text as action, 'budgeting-process'::text as object_type,
        process_id::text as object_id, null::text as before_hash, after_hash, fields from counted`)}
    select x.i, x.i in (select i from counted) as counted,
      exists (select from open o where o.tenant_id = x.tenant_id and o.id = x.process_id) as open,
      case when x.code_hash is null then null else x.i in (select i from code_known) end as code_known
    from input x`);
  const byIndex = new Map(rows.map((r) => [r.i, r]));
  return batch.map((_, i): StoredBallot => {
    const r = byIndex.get(i)!;
    if (r.counted) return 'counted';
    if (!r.open) return 'closed';
    if (r.code_known === false) return 'code-unknown';
    if (r.code_known === true) return 'code-used';
    return 'voted-before';
  });
}
