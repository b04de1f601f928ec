// One budget's vote as a pabulib election: what the results page counts and what anyone can
// download and recount with `baraza tally`. Both read this same election, so the published
// file gives the published result. Money is in major units (as pabulib files carry it), which
// also makes `add1` raise each voter's share by one currency unit, as the reference does.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { minorToPlain } from '../../../core/money.ts';
import type { PbElection, VoteType } from '../pb/parse-pb.ts';
import { Rational } from '../rules/rational.ts';
import type { Budget, Process } from '../process.ts';
import type { Project } from './list-projects.ts';

const VOTE_TYPE: Record<Process['design']['kind'], VoteType> = {
  'approval-budget': 'approval', 'approval-k': 'approval', ranking: 'ordinal', cumulative: 'cumulative',
};

export async function budgetElection(
  db: Db, city: { id: string; name: string }, process: Process, budget: Budget, projects: readonly Project[],
): Promise<PbElection> {
  // Voter ids are numbers in the order of the ballots' random ids: no name, no time, no account.
  const rows = await queryRows<{ projects: string[]; points: number[] | null }>(db, sql`
    select choices -> ${budget.id} -> 'projects' as projects, choices -> ${budget.id} -> 'points' as points
    from budgeting_ballot where tenant_id = ${city.id} and process_id = ${process.id} and choices ? ${budget.id}
    order by id`);
  const money = (minor: number) => Rational.parse(minorToPlain(minor, process.currency))!;
  const onBallot = projects.filter((p) => p.onBallot && p.budgetId === budget.id);
  const design = process.design;
  return {
    meta: {
      description: process.title,
      unit: city.name,
      ...(budget.area ? { subunit: budget.area } : {}),
      instance: process.slug,
      num_projects: String(onBallot.length),
      num_votes: String(rows.length),
      currency: process.currency,
      rule: process.rule,
      ...(design.kind === 'approval-k' || design.kind === 'ranking' ? { max_length: String(design.k) } : {}),
      ...(design.kind === 'cumulative' ? { max_sum_points: String(design.points), max_points: String(design.perProject) } : {}),
      ...(process.votingFrom ? { date_begin: process.votingFrom } : {}),
      ...(process.votingUntil ? { date_end: process.votingUntil } : {}),
    },
    budget: money(budget.amount),
    voteType: VOTE_TYPE[design.kind],
    projects: onBallot.map((p) => ({ id: p.code, cost: money(p.cost), fields: { name: p.title } })),
    ballots: rows.map((r, i) => ({
      voterId: String(i + 1), projects: r.projects, points: r.points ? r.points.map((n) => Rational.int(n)) : null, fields: {},
    })),
  };
}
