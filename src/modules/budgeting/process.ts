// A process as the services and pages see it, read from its row.
import type { BallotDesign } from './ballots/ballot-rules.ts';
import type { Phase } from './ballots/process-phases.ts';
import type { Completion } from './rules/mes.ts';
import type { RuleName } from './rules/tally.ts';

export interface Budget {
  id: string;
  /** null: the city-wide budget; otherwise a district's slug. */
  area: string | null;
  /** Integer minor units of the process's currency. */
  amount: number;
}

export interface Process {
  id: string;
  slug: string;
  title: string;
  description: string;
  phase: Phase;
  currency: string;
  design: BallotDesign;
  minAge: number;
  revote: boolean;
  rule: RuleName;
  completion: Completion;
  votingFrom: string | null;
  votingUntil: string | null;
  budgets: Budget[];
}

export interface ProcessRow {
  id: string; slug: string; title: string; description: string; phase: Phase; currency: string;
  ballot_kind: BallotDesign['kind']; ballot_k: number | null; ballot_points: number | null; ballot_per_project: number | null;
  min_age: number; revote: boolean; rule: RuleName; completion: Completion; voting_from: string | null; voting_until: string | null;
}

export function designOf(row: Pick<ProcessRow, 'ballot_kind' | 'ballot_k' | 'ballot_points' | 'ballot_per_project'>): BallotDesign {
  switch (row.ballot_kind) {
    case 'approval-budget': return { kind: 'approval-budget' };
    case 'approval-k': return { kind: 'approval-k', k: row.ballot_k! };
    case 'ranking': return { kind: 'ranking', k: row.ballot_k! };
    case 'cumulative': return { kind: 'cumulative', points: row.ballot_points!, perProject: row.ballot_per_project! };
  }
}

export function processOf(row: ProcessRow, budgets: Budget[]): Process {
  return {
    id: row.id, slug: row.slug, title: row.title, description: row.description, phase: row.phase, currency: row.currency,
    design: designOf(row), minAge: row.min_age, revote: row.revote, rule: row.rule, completion: row.completion,
    votingFrom: row.voting_from, votingUntil: row.voting_until,
    // The city-wide budget first, then districts by name.
    budgets: [...budgets].sort((a, b) => (a.area ?? '').localeCompare(b.area ?? '')),
  };
}
