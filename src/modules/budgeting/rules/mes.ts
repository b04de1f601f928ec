// The Method of Equal Shares: the budget is split equally among the voters, and a project is
// funded when its supporters can pay for it from their shares; each round funds the project
// whose supporters pay the least (per unit of satisfaction), each paying an equal amount or all
// they have left. Computed exactly as the reference library pabutools does (exact rationals;
// ties by project id in string order), so published elections give the same outcome.
import { Rational } from './rational.ts';
import { byId, costOf, isExhaustive, totalSatisfaction, type Profile, type VoterGroup } from './profile.ts';
import { greedy } from './greedy.ts';

export type Completion = 'none' | 'add1' | 'add1-max' | 'add1-greedy';

interface Candidate {
  id: string;
  cost: Rational;
  totalSat: Rational;
  supporters: { group: number; sat: Rational; weight: Rational }[];
  /** Last known price per unit of satisfaction: a lower bound, since shares only shrink. */
  affordability: Rational;
}

/** Projects MES can fund at all: wanted by someone, at a positive cost. */
export function mesCandidates(profile: Profile): string[] {
  return profile.ids.filter((id) => !profile.costs.get(id)!.isZero() && !totalSatisfaction(profile, id).isZero());
}

/** One run of MES with each voter's share of the budget set to `share`. */
export function equalShares(profile: Profile, share: Rational = profile.voters === 0n ? Rational.ZERO : profile.budget.div(Rational.of(profile.voters))): string[] {
  if (profile.voters === 0n) return [];
  const budgets = profile.groups.map(() => share);
  const selected: string[] = [];
  let candidates: Candidate[] = [];
  for (const id of profile.ids) {
    const supporters = profile.groups.flatMap((g: VoterGroup, group) => {
      const sat = g.sat.get(id);
      return sat ? [{ group, sat, weight: Rational.of(g.weight) }] : [];
    });
    const totalSat = supporters.reduce((sum, s) => sum.add(s.sat.mul(s.weight)), Rational.ZERO);
    const cost = profile.costs.get(id)!;
    if (totalSat.isZero()) continue;
    if (cost.isZero()) selected.push(id);
    else candidates.push({ id, cost, totalSat, supporters, affordability: cost.div(totalSat) });
  }
  for (;;) {
    let best: Rational | null = null;
    let tied: Candidate[] = [];
    const removed = new Set<Candidate>();
    for (const c of [...candidates].sort((a, b) => a.affordability.cmp(b.affordability))) {
      const available = c.supporters.reduce((sum, s) => sum.add(budgets[s.group]!.mul(s.weight)), Rational.ZERO);
      if (available.lt(c.cost)) {
        removed.add(c);
        continue;
      }
      if (best && c.affordability.gt(best)) break;
      const paying = [...c.supporters].sort((a, b) => budgets[a.group]!.div(a.sat).cmp(budgets[b.group]!.div(b.sat)));
      let paid = Rational.ZERO;
      let denominator = c.totalSat;
      for (const s of paying) {
        const rho = c.cost.sub(paid).div(denominator);
        if (rho.mul(s.sat).le(budgets[s.group]!)) {
          c.affordability = rho;
          break;
        }
        paid = paid.add(budgets[s.group]!.mul(s.weight));
        denominator = denominator.sub(s.sat.mul(s.weight));
      }
      if (!best || c.affordability.lt(best)) {
        best = c.affordability;
        tied = [c];
      } else if (c.affordability.eq(best)) tied.push(c);
    }
    candidates = candidates.filter((c) => !removed.has(c));
    if (!best || tied.length === 0) break;
    const chosen = tied.sort((a, b) => byId(a.id, b.id))[0]!;
    for (const s of chosen.supporters) budgets[s.group] = budgets[s.group]!.sub(budgets[s.group]!.min(best.mul(s.sat)));
    candidates = candidates.filter((c) => c !== chosen);
    selected.push(chosen.id);
  }
  return selected.sort(byId);
}

/**
 * MES with a completion, as the reference names them:
 * - `add1`: raise every voter's share by one unit a round, from the exact equal share, and stop
 *   at the first outcome that is exhaustive (pabutools `voter_budget_increment=1`); an outcome
 *   over budget ends it with the one before.
 * - `add1-max`: keep raising while the outcome fits the budget, and take the last that fits.
 * - `add1-greedy`: `add1`, then greedy by votes on what is left.
 */
export function methodOfEqualShares(profile: Profile, completion: Completion = 'none'): string[] {
  if (completion === 'none') return equalShares(profile);
  if (profile.voters === 0n) return [];
  const candidates = mesCandidates(profile);
  let share = profile.budget.div(Rational.of(profile.voters));
  let previous: string[] = [];
  for (;;) {
    const outcome = equalShares(profile, share);
    if (costOf(profile, outcome).gt(profile.budget)) break;
    previous = outcome;
    const everything = candidates.every((id) => outcome.includes(id));
    if (everything || (completion !== 'add1-max' && isExhaustive(profile, outcome, candidates))) break;
    share = share.add(Rational.ONE);
  }
  if (completion === 'add1-greedy' && !isExhaustive(profile, previous)) return greedy(profile, previous);
  return previous;
}
