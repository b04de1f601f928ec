// A resident votes: signed in, or with a one-time voting code. They choose projects for the
// city-wide budget and for their own district's, within the ballot's limits. One counted
// ballot per person per process: the budgeting_voter primary key decides, even when two
// submissions race. Where the city allows it, voting again replaces the earlier ballot until
// the vote closes; a code works once. The ballot row carries no voter and no time.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit, prepareAuditEntry } from '../../../core/audit/index.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { keyedHash } from '../../../core/crypto.ts';
import { checkBallot, type BallotProblem } from '../ballots/ballot-rules.ts';
import { acceptsBallots } from '../ballots/process-phases.ts';
import { cachedProcess, cachedProjects } from '../queries/process-cache.ts';
import { listAreas } from '../../voices/index.ts';
import { ballotWriter, type PendingBallot } from './store-ballots.ts';

/**
 * Who votes: the signed-in account, a one-time code, a paper sheet's number (typed in by
 * facilitators), or a phone number a gateway vouches for (USSD, SMS).
 */
export type Voter = { kind: 'account' } | { kind: 'code'; code: string } | { kind: 'paper'; sheet: string } | { kind: 'phone'; phone: string };
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

export async function castBallot(db: Db, input: CastBallotInput, actor: Actor | null, city: TenantScope): Promise<CastBallotResult> {
  const refuse = (refusal: CastBallotError): CastBallotResult => ({ ok: false, refusal });
  // Paper ballots count only when two people typed them in alike (enter-paper-ballot.ts).
  if (input.voter.kind === 'paper') throw new Error('paper ballots are entered twice, not cast');
  const prepared = await prepareBallot(db, input, actor, city);
  if (!prepared.ok) return prepared;
  const { ballot, revote } = prepared;
  const stored = await ballotWriter(db)(ballot);
  if (stored === 'counted') return { ok: true, replaced: false };
  if (stored === 'closed' || stored === 'code-unknown' || stored === 'code-used') return refuse({ error: stored });
  // Voted before. The earlier ballot is replaced only where re-voting is allowed, by an
  // account or a phone (a code works once).
  if (!revote || (input.voter.kind !== 'account' && input.voter.kind !== 'phone')) return refuse({ error: 'already-voted' });
  return (await replaceBallot(db, ballot, actor)) ? { ok: true, replaced: true } : refuse({ error: 'closed' });
}

/**
 * Checks a ballot as every channel must (open vote, eligibility, the voter's budgets, the
 * ballot's limits) and makes it ready to store, with the voter's key: an account, a code, or a
 * paper sheet's number.
 */
export async function prepareBallot(
  db: Db, input: CastBallotInput, actor: Actor | null, city: TenantScope,
): Promise<{ ok: true; ballot: PendingBallot; revote: boolean } | { ok: false; refusal: CastBallotError }> {
  const refuse = (refusal: CastBallotError) => ({ ok: false as const, refusal });
  const process = await cachedProcess(db, city.id, input.process);
  // Dates are whole days in UTC here; the write checks them again against the database's clock.
  if (!process || !acceptsBallots(process.phase) || (process.votingUntil && new Date().toISOString().slice(0, 10) > process.votingUntil)) return refuse({ error: 'closed' });
  if ((input.voter.kind === 'account' || input.voter.kind === 'paper') && !actor) return refuse({ error: 'sign-in-required' });
  if ((process.minAge > 0 && !input.ageConfirmed) || (process.minAge >= 18 && input.ageBand === 'under-18')) return refuse({ error: 'age' });

  // Where districts have budgets of their own, a voter says where they live (any area of the
  // city: one without a budget of its own still votes city-wide).
  const hasDistricts = process.budgets.some((b) => b.area !== null);
  const areas = hasDistricts ? (await listAreas(db, city.id)).map((a) => a.slug) : [];
  const area = input.area && areas.includes(input.area) ? input.area : undefined;
  if (hasDistricts && !area) return refuse({ error: 'area-required' });
  const open = process.budgets.filter((b) => b.area === null || b.area === area);
  if (Object.keys(input.choices).some((id) => !open.some((b) => b.id === id))) return refuse({ error: 'wrong-budget' });

  const projects = (await cachedProjects(db, city.id, process.id)).filter((p) => p.onBallot);
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

  const code = input.voter.kind === 'code' ? codeHash(input.secret, process.id, input.voter.code) : null;
  const identity = input.voter.kind === 'code' ? `code:${code}`
    : input.voter.kind === 'paper' ? `paper:${normaliseCode(input.voter.sheet)}`
    : input.voter.kind === 'phone' ? `phone:${input.voter.phone.replace(/\D/g, '')}`
    : `account:${actor!.userId}`;
  // The audit entry says that someone voted, never what: the choices stay unlinked.
  const audit = prepareAuditEntry({
    tenantId: city.id, actorId: actor?.userId ?? null, action: 'budgeting.ballot.cast', objectType: 'budgeting-process', objectId: process.id,
    after: { channel: input.channel },
  });
  const ballot: PendingBallot = {
    tenant_id: city.id, process_id: process.id, voter_key: keyedHash(input.secret, `${process.id}:${identity}`), channel: input.channel,
    area: area ?? null, sex: input.sex ?? null, age_band: input.ageBand ?? null, ballot_id: randomUUID(),
    // Keys in budget order, so two entries of the same paper ballot compare equal as text.
    choices: JSON.stringify(Object.fromEntries(Object.entries(choices).sort(([a], [b]) => (a < b ? -1 : 1)))),
    code_hash: code, actor_id: actor?.userId ?? null, at: audit.at, after_hash: audit.afterHash, fields: audit.fields,
  };
  return { ok: true, ballot, revote: process.revote };
}

/**
 * A re-vote, rarer than a first ballot: in one transaction, with the voter's row locked so
 * racing re-votes take turns, the earlier ballot goes and the new one takes its place.
 */
async function replaceBallot(db: Db, ballot: PendingBallot, actor: Actor | null): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [open] = await queryRows<{ id: string }>(tx, sql`
      select id from budgeting_process where tenant_id = ${ballot.tenant_id} and id = ${ballot.process_id}
        and phase = 'voting' and (voting_until is null or current_date <= voting_until) for share`);
    if (!open) return false;
    const [before] = await queryRows<{ ballot_id: string | null }>(tx, sql`
      select ballot_id from budgeting_voter where tenant_id = ${ballot.tenant_id} and process_id = ${ballot.process_id} and voter_key = ${ballot.voter_key} for update`);
    if (before?.ballot_id) await tx.execute(sql`delete from budgeting_ballot where tenant_id = ${ballot.tenant_id} and id = ${before.ballot_id}`);
    await tx.execute(sql`insert into budgeting_ballot (tenant_id, id, process_id, choices) values (${ballot.tenant_id}, ${ballot.ballot_id}, ${ballot.process_id}, ${ballot.choices}::jsonb)`);
    await tx.execute(sql`
      update budgeting_voter set ballot_id = ${ballot.ballot_id}, channel = ${ballot.channel}, area = ${ballot.area}, sex = ${ballot.sex}, age_band = ${ballot.age_band}
      where tenant_id = ${ballot.tenant_id} and process_id = ${ballot.process_id} and voter_key = ${ballot.voter_key}`);
    await recordAudit(tx, {
      tenantId: ballot.tenant_id, actorId: actor?.userId ?? null, action: 'budgeting.ballot.replace', objectType: 'budgeting-process', objectId: ballot.process_id,
      after: { channel: ballot.channel },
    });
    return true;
  });
}

/** Codes are stored only as keyed hashes, salted with the process so a code means nothing elsewhere. */
export const codeHash = (secret: string, processId: string, code: string) => keyedHash(secret, `budgeting-code:${processId}:${normaliseCode(code)}`);

/** People type codes with spaces, dashes and either case; none of that is part of the code. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
