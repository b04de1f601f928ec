// Ballots as the rules read them: each voter's satisfaction with each project, with identical
// ballots grouped (a group of 300 voters who approved the same three projects is one entry of
// weight 300), which is what makes exact arithmetic fast enough for large elections.
import type { PbElection } from '../pb/parse-pb.ts';
import { Rational } from './rational.ts';

/**
 * How a voter values a funded project they voted for: `cost` (its cost: "greedy by votes" and
 * the usual Method of Equal Shares), `cardinality` (1 each), `points` (the points they gave).
 */
export type Satisfaction = 'cost' | 'cardinality' | 'points';

export interface VoterGroup {
  weight: bigint;
  /** Satisfaction by project id; only projects with a positive satisfaction. */
  sat: Map<string, Rational>;
}

export interface Profile {
  budget: Rational;
  /** Project costs by id, ids in the reference order (string order). */
  costs: Map<string, Rational>;
  ids: string[];
  groups: VoterGroup[];
  /** Every ballot, the empty ones included: the number the budget is shared by. */
  voters: bigint;
}

/** Project ids compare as strings, code unit by code unit ("10" before "9"), as the reference does. */
export const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function profileOf(election: PbElection, satisfaction: Satisfaction): Profile {
  const costs = new Map(election.projects.map((p) => [p.id, p.cost]));
  const groups = new Map<string, VoterGroup>();
  for (const ballot of election.ballots) {
    const sat = new Map<string, Rational>();
    ballot.projects.forEach((id, i) => {
      const value = satisfaction === 'cost' ? costs.get(id)! : satisfaction === 'cardinality' ? Rational.ONE : ballot.points?.[i] ?? Rational.ONE;
      if (value.gt(Rational.ZERO)) sat.set(id, value);
    });
    // With cost or approval utilities the projects alone say what a ballot is worth.
    const ids = [...sat.keys()].sort(byId);
    const key = satisfaction === 'points' ? ids.map((id) => `${id}=${sat.get(id)}`).join('\n') : ids.join('\n');
    const group = groups.get(key);
    if (group) group.weight += 1n;
    else groups.set(key, { weight: 1n, sat });
  }
  return { budget: election.budget, costs, ids: [...costs.keys()].sort(byId), groups: [...groups.values()], voters: BigInt(election.ballots.length) };
}

export const costOf = (profile: Profile, selected: Iterable<string>) => {
  let total = Rational.ZERO;
  for (const id of selected) total = total.add(profile.costs.get(id)!);
  return total;
};

/** Total satisfaction with a project, every voter counted. */
export function totalSatisfaction(profile: Profile, id: string): Rational {
  let total = Rational.ZERO;
  for (const g of profile.groups) {
    const s = g.sat.get(id);
    if (s) total = total.add(s.mul(Rational.of(g.weight)));
  }
  return total;
}

/** No project outside `selected` (among `among`) still fits the budget. */
export function isExhaustive(profile: Profile, selected: readonly string[], among: readonly string[] = profile.ids): boolean {
  const spent = costOf(profile, selected);
  const chosen = new Set(selected);
  return among.every((id) => chosen.has(id) || spent.add(profile.costs.get(id)!).gt(profile.budget));
}
