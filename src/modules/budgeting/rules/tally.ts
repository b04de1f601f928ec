// One entry point for every rule, as `baraza tally` and the results page name them.
import type { PbElection } from '../pb/parse-pb.ts';
import { greedy } from './greedy.ts';
import { methodOfEqualShares, type Completion } from './mes.ts';
import { sequentialPhragmen } from './phragmen.ts';
import { costOf, profileOf, type Satisfaction } from './profile.ts';

export const RULES = ['greedy', 'greedy-cost', 'greedy-points', 'mes', 'mes-cardinality', 'mes-points', 'phragmen'] as const;
export type RuleName = (typeof RULES)[number];
export const COMPLETIONS = ['none', 'add1', 'add1-max', 'add1-greedy'] as const;

export interface Tally {
  rule: RuleName;
  completion: Completion;
  /** Funded project ids: in numeric order when all are whole numbers (as pabulib lists them), else in string order. */
  selected: string[];
  /** Their total cost, exact. */
  cost: string;
}

export class RuleRefused extends Error {}

export function tally(election: PbElection, rule: RuleName, completion: Completion = 'none'): Tally {
  if (completion !== 'none' && !rule.startsWith('mes')) throw new RuleRefused(`completion ${completion} applies to the Method of Equal Shares only`);
  if (rule.endsWith('-points') && election.voteType !== 'cumulative' && election.voteType !== 'scoring') {
    throw new RuleRefused(`${rule} needs cumulative or scoring ballots; this election's are ${election.voteType}`);
  }
  if (rule === 'phragmen' && election.voteType !== 'approval') throw new RuleRefused(`sequential Phragmén needs approval ballots; this election's are ${election.voteType}`);
  const profile = profileOf(election, satisfactionOf(rule));
  const selected = rule.startsWith('greedy') ? greedy(profile) : rule === 'phragmen' ? sequentialPhragmen(profile) : methodOfEqualShares(profile, completion);
  return { rule, completion, selected: inListingOrder(selected), cost: costOf(profile, selected).toString() };
}

/** How each rule values a funded project for a voter who chose it (see profile.ts). */
export const satisfactionOf = (rule: RuleName): Satisfaction =>
  rule === 'greedy' || rule === 'mes' || rule === 'phragmen' ? 'cost' : rule.endsWith('-points') ? 'points' : 'cardinality';

function inListingOrder(ids: readonly string[]): string[] {
  const numeric = ids.every((id) => /^\d+$/.test(id));
  return [...ids].sort(numeric ? (a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0) : undefined);
}
