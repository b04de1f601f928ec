// A resident votes: signed in, or with a one-time voting code. They choose projects for the
// city-wide budget and for their own district's, within the ballot's limits. One counted
// ballot per person per process: the budgeting_voter primary key decides, even when two
// submissions race. Where the city allows it, voting again replaces the earlier ballot until
// the vote closes; a code works once. The ballot row carries no voter and no time.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { keyedHash } from '../../../core/crypto.ts';
import { checkBallot, type BallotProblem } from '../ballots/ballot-rules.ts';
import { acceptsBallots } from '../ballots/process-phases.ts';
import { getProcess } from '../queries/get-process.ts';
import { listProjects } from '../queries/list-projects.ts';
import type { Process } from '../process.ts';
import { listAreas } from '../../voices/index.ts';

export type Voter = { kind: 'account' } | { kind: 'code'; code: string };
export type BallotChannel = 'web' | 'code' | 'sms' | 'ussd' | 'paper';

export interface CastBallotInput {
  process: string;
  voter: Voter;
  channel: BallotChannel;
  /** The district the voter lives in; needed when the process has district budgets. */
  area?: string | undefined;
  /** The voter says they are at least the process's minimum age. */
  ageConfirmed: boolean;
  sex?: 'female' | 'male' | 'other' | undefined;
  ageBand?: string | undefined;
  /** By budget id: project codes (best first for a ranking) and, for cumulative ballots, points. */
  choices: Record<string, { projects: string[]; points?: number[] }>;
  secret: string;
}

export type CastBallotError =
  | { error: 'closed' } | { error: 'sign-in-required' } | { error: 'code-unknown' } | { error: 'code-used' }
  | { error: 'already-voted' } | { error: 'area-required' } | { error: 'age' } | { error: 'empty' }
  | { error: 'wrong-budget' } | { error: 'ballot'; budgetId: string; problem: BallotProblem };

export type CastBallotResult = { ok: true; replaced: boolean } | { ok: false; refusal: CastBallotError };

export async function castBallot(
  db: Db, input: CastBallotInput, actor: Actor | null, city: TenantScope,
): Promise<CastBallotResult> {
  const refuse = (refusal: CastBallotError): CastBallotResult => ({ ok: false, refusal });
  const process = await getProcess(db, city.id, input.process);
  if (!process || !acceptsBallots(process.phase) || (await votingEnded(db, process))) return refuse({ error: 'closed' });
  if (input.voter.kind === 'account' && !actor) return refuse({ error: 'sign-in-required' });
  if ((process.minAge > 0 && !input.ageConfirmed) || (process.minAge >= 18 && input.ageBand === 'under-18')) return refuse({ error: 'age' });

  // Where districts have budgets of their own, a voter says where they live (any area of the
  // city: one without a budget of its own still votes city-wide).
  const hasDistricts = process.budgets.some((b) => b.area !== null);
  const areas = hasDistricts ? (await listAreas(db, city.id)).map((a) => a.slug) : [];
  const area = input.area && areas.includes(input.area) ? input.area : undefined;
  if (hasDistricts && !area) return refuse({ error: 'area-required' });
  const open = process.budgets.filter((b) => b.area === null || b.area === area);
  if (Object.keys(input.choices).some((id) => !open.some((b) => b.id === id))) return refuse({ error: 'wrong-budget' });

  const projects = (await listProjects(db, city.id, process.id)).filter((p) => p.onBallot);
  const choices: Record<string, { projects: string[]; points: number[] | null }> = {};
  for (const budget of open) {
    const chosen = input.choices[budget.id];
    if (!chosen || chosen.projects.length === 0) continue;
    const onThisBudget = projects.filter((p) => p.budgetId === budget.id).map((p) => ({ id: p.code, cost: p.cost }));
    const checked = checkBallot(process.design, chosen, onThisBudget, budget.amount);
    if (!checked.ok) return refuse({ error: 'ballot', budgetId: budget.id, problem: checked.refusal });
    choices[budget.id] = { projects: checked.projects, points: checked.points };
  }
  if (Object.keys(choices).length === 0) return refuse({ error: 'empty' });

  const identity = input.voter.kind === 'account' ? `account:${actor!.userId}` : `code:${codeHash(input.secret, process.id, input.voter.code)}`;
  const voterKey = keyedHash(input.secret, `${process.id}:${identity}`);
  return db.transaction(async (tx) => {
    if (input.voter.kind === 'code') {
      const [code] = await queryRows<{ used: boolean }>(tx, sql`
        select used from budgeting_code where tenant_id = ${city.id} and process_id = ${process.id}
          and code_hash = ${codeHash(input.secret, process.id, input.voter.code)} for update`);
      if (!code) return refuse({ error: 'code-unknown' });
      if (code.used) return refuse({ error: 'code-used' });
    }
    const [ballot] = await queryRows<{ id: string }>(tx, sql`
      insert into budgeting_ballot (tenant_id, process_id, choices) values (${city.id}, ${process.id}, ${JSON.stringify(choices)}::jsonb) returning id`);
    const [voter] = await queryRows<{ inserted: boolean; previous: string | null }>(tx, sql`
      insert into budgeting_voter (tenant_id, process_id, voter_key, channel, area, sex, age_band, ballot_id)
      values (${city.id}, ${process.id}, ${voterKey}, ${input.channel}, ${area ?? null}, ${input.sex ?? null}, ${input.ageBand ?? null}, ${ballot!.id})
      on conflict (tenant_id, process_id, voter_key) do nothing
      returning true as inserted, null::uuid as previous`);
    let replaced = false;
    if (!voter) {
      // Voted before. The earlier ballot is replaced only where re-voting is allowed, by an
      // account (a code works once); the row lock makes racing re-votes take turns.
      if (!process.revote || input.voter.kind !== 'account') {
        await tx.execute(sql`delete from budgeting_ballot where tenant_id = ${city.id} and id = ${ballot!.id}`);
        return refuse({ error: 'already-voted' });
      }
      const [before] = await queryRows<{ ballot_id: string | null }>(tx, sql`
        select ballot_id from budgeting_voter where tenant_id = ${city.id} and process_id = ${process.id} and voter_key = ${voterKey} for update`);
      if (before?.ballot_id) await tx.execute(sql`delete from budgeting_ballot where tenant_id = ${city.id} and id = ${before.ballot_id}`);
      await tx.execute(sql`
        update budgeting_voter set ballot_id = ${ballot!.id}, channel = ${input.channel}, area = ${area ?? null}, sex = ${input.sex ?? null}, age_band = ${input.ageBand ?? null}
        where tenant_id = ${city.id} and process_id = ${process.id} and voter_key = ${voterKey}`);
      replaced = true;
    }
    if (input.voter.kind === 'code') {
      await tx.execute(sql`update budgeting_code set used = true where tenant_id = ${city.id} and process_id = ${process.id}
        and code_hash = ${codeHash(input.secret, process.id, input.voter.code)}`);
    }
    // The audit entry says that someone voted, never what: the choices stay unlinked.
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor?.userId ?? null, action: replaced ? 'budgeting.ballot.replace' : 'budgeting.ballot.cast',
      objectType: 'budgeting-process', objectId: process.id, after: { channel: input.channel },
    });
    return { ok: true, replaced };
  });
}

/** Codes are stored only as keyed hashes, salted with the process so a code means nothing elsewhere. */
export const codeHash = (secret: string, processId: string, code: string) => keyedHash(secret, `budgeting-code:${processId}:${normaliseCode(code)}`);

/** People type codes with spaces, dashes and either case; none of that is part of the code. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

async function votingEnded(db: Db, process: Process): Promise<boolean> {
  if (!process.votingUntil) return false;
  const [row] = await queryRows<{ ended: boolean }>(db, sql`select current_date > ${process.votingUntil}::date as ended`);
  return !!row?.ended;
}
