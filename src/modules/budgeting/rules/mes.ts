// The Method of Equal Shares: the budget is split equally among the voters, and a project is
// funded when its supporters can pay for it from their shares; each round funds the project
// whose supporters pay the least (per unit of satisfaction), each paying an equal amount or all
// they have left. Computed exactly as the reference library pabutools does (exact rationals;
// ties by project id in string order), so published elections give the same outcome.
import { Rational } from './rational.ts';
import { byId, costOf, isExhaustive, totalSatisfaction, type Profile, type VoterGroup } from './profile.ts';
import { greedy } from './greedy.ts';
import { equalSharesUniform } from './mes-integer.ts';

export type Completion = 'none' | 'add1' | 'add1-max' | 'add1-greedy';

/** Projects MES can fund at all: wanted by someone, at a positive cost. */
export function mesCandidates(profile: Profile): string[] {
  return profile.ids.filter((id) => !profile.costs.get(id)!.isZero() && !totalSatisfaction(profile, id).isZero());
}

export interface Supporters {
  id: string;
  cost: Rational;
  totalSat: Rational;
  supporters: { group: number; sat: Rational; weight: Rational; count: bigint }[];
  /** Every supporter values it alike (cost or approval utilities): they can be taken by budget. */
  uniformSat: Rational | null;
}

// Who supports what depends only on the ballots: worked out once per profile, not once per run.
const supportersByProfile = new WeakMap<Profile, Supporters[]>();
export function supportersOf(profile: Profile): Supporters[] {
  let all = supportersByProfile.get(profile);
  if (!all) {
    const byProject = new Map(profile.ids.map((id) => [id, [] as Supporters['supporters']]));
    profile.groups.forEach((g: VoterGroup, group) => {
      for (const [id, sat] of g.sat) byProject.get(id)?.push({ group, sat, weight: Rational.of(g.weight), count: g.weight });
    });
    all = profile.ids.map((id) => {
      const supporters = byProject.get(id)!;
      const totalSat = supporters.reduce((sum, s) => sum.add(s.sat.mul(s.weight)), Rational.ZERO);
      const first = supporters[0]?.sat ?? null;
      return { id, cost: profile.costs.get(id)!, totalSat, supporters, uniformSat: first && supporters.every((s) => s.sat.eq(first)) ? first : null };
    });
    supportersByProfile.set(profile, all);
  }
  return all;
}

/**
 * The price per unit of satisfaction at which the supporters can pay for a project (each paying
 * that price times their satisfaction, or all they have left), or null when they cannot. Voters
 * with the same remaining budget are taken together: budgets are shared objects (see charge).
 */
function affordability(c: Supporters, budgets: readonly Rational[]): Rational | null {
  if (c.uniformSat) {
    // Counting in plain integers: this loop runs once per supporter, the arithmetic below once per budget.
    const counts = new Map<Rational, bigint>();
    for (const s of c.supporters) {
      const budget = budgets[s.group]!;
      counts.set(budget, (counts.get(budget) ?? 0n) + s.count);
    }
    const buckets = [...counts].map(([budget, count]) => [budget, Rational.of(count)] as const);
    let available = Rational.ZERO;
    for (const [budget, weight] of buckets) available = available.add(budget.mul(weight));
    if (available.lt(c.cost)) return null;
    let paid = Rational.ZERO;
    let denominator = c.totalSat;
    for (const [budget, weight] of buckets.sort(([a], [b]) => a.cmp(b))) {
      const rho = c.cost.sub(paid).div(denominator);
      if (rho.mul(c.uniformSat).le(budget)) return rho;
      paid = paid.add(budget.mul(weight));
      denominator = denominator.sub(c.uniformSat.mul(weight));
    }
    return null;
  }
  const available = c.supporters.reduce((sum, s) => sum.add(budgets[s.group]!.mul(s.weight)), Rational.ZERO);
  if (available.lt(c.cost)) return null;
  const paying = [...c.supporters].sort((a, b) => budgets[a.group]!.div(a.sat).cmp(budgets[b.group]!.div(b.sat)));
  let paid = Rational.ZERO;
  let denominator = c.totalSat;
  for (const s of paying) {
    const rho = c.cost.sub(paid).div(denominator);
    if (rho.mul(s.sat).le(budgets[s.group]!)) return rho;
    paid = paid.add(budgets[s.group]!.mul(s.weight));
    denominator = denominator.sub(s.sat.mul(s.weight));
  }
  return null;
}

/** One run of MES with each voter's share of the budget set to `share`. */
export function equalShares(profile: Profile, share: Rational = profile.voters === 0n ? Rational.ZERO : profile.budget.div(Rational.of(profile.voters))): string[] {
  if (profile.voters === 0n) return [];
  const projects = supportersOf(profile);
  if (projects.every((c) => c.uniformSat || c.totalSat.isZero())) return equalSharesUniform(profile, projects, share);
  return equalSharesRational(profile, share);
}

/** The same method in exact rationals: for points, where supporters value a project differently. */
export function equalSharesRational(profile: Profile, share: Rational): string[] {
  if (profile.voters === 0n) return [];
  // Every voter starts with the same object: equal budgets stay one object (see charge).
  const budgets = profile.groups.map(() => share);
  const selected: string[] = [];
  let candidates: (Supporters & { affordability: Rational })[] = [];
  for (const c of supportersOf(profile)) {
    if (c.totalSat.isZero()) continue;
    if (c.cost.isZero()) selected.push(c.id);
    else candidates.push({ ...c, affordability: c.cost.div(c.totalSat) });
  }
  for (;;) {
    let best: Rational | null = null;
    let tied: typeof candidates = [];
    const removed = new Set<(typeof candidates)[number]>();
    for (const c of [...candidates].sort((a, b) => a.affordability.cmp(b.affordability))) {
      // Last prices are lower bounds (budgets only shrink), so no later candidate can beat the
      // best. One of them may have become unaffordable meanwhile; it is dropped when next reached,
      // and never chosen before, so the outcome is the reference's.
      if (best && c.affordability.gt(best)) break;
      const rho = affordability(c, budgets);
      if (rho === null) {
        removed.add(c);
        continue;
      }
      c.affordability = rho;
      if (!best || rho.lt(best)) {
        best = rho;
        tied = [c];
      } else if (rho.eq(best)) tied.push(c);
    }
    candidates = candidates.filter((c) => !removed.has(c));
    if (!best || tied.length === 0) break;
    const chosen = tied.sort((a, b) => byId(a.id, b.id))[0]!;
    charge(chosen, best, budgets);
    candidates = candidates.filter((c) => c !== chosen);
    selected.push(chosen.id);
  }
  return selected.sort(byId);
}

/** Each supporter pays the price times their satisfaction, or all they have; equal budgets before stay one object after. */
function charge(c: Supporters, rho: Rational, budgets: Rational[]): void {
  const after = new Map<Rational, Rational>();
  for (const s of c.supporters) {
    const before = budgets[s.group]!;
    const key = c.uniformSat ? before : null;
    let next = key ? after.get(key) : undefined;
    if (!next) {
      next = before.sub(before.min(rho.mul(s.sat)));
      if (key) after.set(key, next);
    }
    budgets[s.group] = next;
  }
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
  const { result: previous } = decidingRun(profile, completion, (share) => equalShares(profile, share), (selected) => selected);
  if (completion === 'add1-greedy' && !isExhaustive(profile, previous)) return greedy(profile, previous);
  return previous;
}

/**
 * The run an outcome comes from: at the equal share, or, with an add1 completion, raising every
 * share by one unit a round (see methodOfEqualShares). `run` computes a run at a share and
 * `selectedOf` reads its funded projects, so callers can keep more of the run than its outcome.
 */
export function decidingRun<R>(profile: Profile, completion: Completion, run: (share: Rational) => R, selectedOf: (result: R) => readonly string[]): { share: Rational; result: R } {
  const equal = profile.voters === 0n ? Rational.ZERO : profile.budget.div(Rational.of(profile.voters));
  // At the equal share the budget is never overspent: each voter pays at most their share.
  let decided = { share: equal, result: run(equal) };
  if (completion === 'none' || profile.voters === 0n) return decided;
  const candidates = mesCandidates(profile);
  for (;;) {
    const selected = selectedOf(decided.result);
    if (candidates.every((id) => selected.includes(id))) break;
    if (completion !== 'add1-max' && isExhaustive(profile, selected, candidates)) break;
    const share = decided.share.add(Rational.ONE);
    const result = run(share);
    if (costOf(profile, selectedOf(result)).gt(profile.budget)) break;
    decided = { share, result };
  }
  return decided;
}
