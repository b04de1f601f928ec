// The results of a closed vote, budget by budget: which projects the process's rule funds,
// what a simpler rule would have funded beside it, why each unfunded project lost (under
// equal shares: how much its supporters had left, and how much was missing), how many voters
// see at least one project they chose funded, and who voted, with small groups withheld.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { suppress, type PublishedTable } from '../../inclusion/index.ts';
import type { PbElection } from '../pb/parse-pb.ts';
import { writePb } from '../pb/write-pb.ts';
import { explainEqualShares } from '../rules/explain.ts';
import { profileOf } from '../rules/profile.ts';
import type { Completion } from '../rules/mes.ts';
import { satisfactionOf, tally, type RuleName } from '../rules/tally.ts';
import type { Rational } from '../rules/rational.ts';
import type { Budget, Process } from '../process.ts';
import { budgetElection } from './budget-election.ts';
import type { Project } from './list-projects.ts';

export interface ProjectResult {
  project: Project;
  /** Ballots that chose it. */
  votes: number;
  /** Points given to it, on cumulative ballots. */
  points: number | null;
  funded: boolean;
  fundedByComparison: boolean;
  /** Under equal shares, for an unfunded project its voters chose. */
  shortfall: { supportersLeft: Rational; missing: Rational } | null;
}

export interface BudgetResult {
  budget: Budget;
  election: PbElection;
  /** The anonymised ballots as a pabulib file, and its SHA-256: what anyone downloads and recounts. */
  pb: { text: string; sha256: string };
  voters: number;
  projects: ProjectResult[];
  /** Minor units. */
  fundedCost: number;
  comparison: { rule: RuleName; completion: Completion };
  /** Voters with at least one funded project among those they chose. */
  votersWithFunded: number;
}

export interface ProcessResults {
  budgets: BudgetResult[];
  turnout: { total: number; dimensions: { dimension: TurnoutDimension; table: PublishedTable }[] };
}

export const TURNOUT_DIMENSIONS = ['channel', 'sex', 'age_band', 'area'] as const;
export type TurnoutDimension = (typeof TURNOUT_DIMENSIONS)[number];

// Once voting has closed the ballots never change, so each app process counts a process's
// results once and keeps them: equal shares with add1 on a large city's ballots takes seconds,
// and a results page may be read by thousands.
const counted = new WeakMap<Db, Map<string, Promise<ProcessResults>>>();

export function processResults(db: Db, city: { id: string; name: string }, process: Process, projects: readonly Project[]): Promise<ProcessResults> {
  if (process.phase !== 'results' && process.phase !== 'implementation') return countResults(db, city, process, projects);
  let byProcess = counted.get(db);
  if (!byProcess) counted.set(db, (byProcess = new Map()));
  let results = byProcess.get(process.id);
  if (!results) {
    results = countResults(db, city, process, projects);
    byProcess.set(process.id, results);
    results.catch(() => byProcess.delete(process.id));
  }
  return results;
}

async function countResults(db: Db, city: { id: string; name: string }, process: Process, projects: readonly Project[]): Promise<ProcessResults> {
  const budgets: BudgetResult[] = [];
  for (const budget of process.budgets) {
    const election = await budgetElection(db, city, process, budget, projects);
    budgets.push(budgetResult(process, budget, election, projects.filter((p) => p.onBallot && p.budgetId === budget.id)));
  }
  return { budgets, turnout: await turnout(db, city.id, process.id) };
}

function budgetResult(process: Process, budget: Budget, election: PbElection, projects: readonly Project[]): BudgetResult {
  const outcome = new Set(tally(election, process.rule, process.completion).selected);
  const comparison = comparisonFor(process.rule);
  const compared = new Set(tally(election, comparison.rule, comparison.completion).selected);
  const shortfalls = new Map<string, { supportersLeft: Rational; missing: Rational }>();
  // The explanation covers cost and approval utilities (each voter values a project alike), the
  // usual equal shares; with points, and after a greedy completion, a project is only "not funded".
  if ((process.rule === 'mes' || process.rule === 'mes-cardinality') && process.completion !== 'add1-greedy') {
    const report = explainEqualShares(profileOf(election, satisfactionOf(process.rule)), process.completion);
    for (const s of report.shortfalls) shortfalls.set(s.id, { supportersLeft: s.supportersLeft, missing: s.missing });
  }
  const votes = new Map<string, number>();
  const points = new Map<string, number>();
  let votersWithFunded = 0;
  for (const ballot of election.ballots) {
    ballot.projects.forEach((id, i) => {
      votes.set(id, (votes.get(id) ?? 0) + 1);
      if (ballot.points) points.set(id, (points.get(id) ?? 0) + Number(ballot.points[i]!.toString()));
    });
    if (ballot.projects.some((id) => outcome.has(id))) votersWithFunded++;
  }
  const rows = projects.map((project) => ({
    project,
    votes: votes.get(project.code) ?? 0,
    points: process.design.kind === 'cumulative' ? points.get(project.code) ?? 0 : null,
    funded: outcome.has(project.code),
    fundedByComparison: compared.has(project.code),
    shortfall: outcome.has(project.code) ? null : shortfalls.get(project.code) ?? null,
  }));
  // Funded first, then by votes: the order people read a results table in.
  rows.sort((a, b) => Number(b.funded) - Number(a.funded) || b.votes - a.votes || a.project.code.localeCompare(b.project.code, 'en', { numeric: true }));
  const text = writePb(election);
  return {
    budget, election, pb: { text, sha256: createHash('sha256').update(text).digest('hex') }, voters: election.ballots.length, projects: rows, comparison, votersWithFunded,
    fundedCost: rows.filter((r) => r.funded).reduce((sum, r) => sum + r.project.cost, 0),
  };
}

/** Equal shares is shown beside greedy, and greedy beside anything else. */
function comparisonFor(rule: RuleName): { rule: RuleName; completion: Completion } {
  const points = rule.endsWith('-points');
  if (rule.startsWith('mes')) return { rule: points ? 'greedy-points' : 'greedy', completion: 'none' };
  return { rule: points ? 'mes-points' : 'mes', completion: 'add1' };
}

async function turnout(db: Db, cityId: string, processId: string): Promise<ProcessResults['turnout']> {
  const rows = await queryRows<{ channel: string; sex: string | null; age_band: string | null; area: string | null; n: number }>(db, sql`
    select channel, sex, age_band, area, count(*)::int as n from budgeting_voter
    where tenant_id = ${cityId} and process_id = ${processId} group by 1, 2, 3, 4`);
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  const dimensions = TURNOUT_DIMENSIONS.map((dimension) => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r[dimension] ?? 'unknown', (counts.get(r[dimension] ?? 'unknown') ?? 0) + r.n);
    const cells = [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key === 'unknown' ? 1 : b.key === 'unknown' ? -1 : a.key.localeCompare(b.key)));
    return { dimension, table: suppress(cells) };
  });
  return { total, dimensions };
}
