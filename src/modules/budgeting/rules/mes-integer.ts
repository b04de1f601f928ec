// The Method of Equal Shares in integer arithmetic, for the usual case where every supporter of
// a project values it alike (cost or approval utilities). Every voter's budget is a numerator
// over one common denominator D; a payment that needs a new factor multiplies D and every
// budget by it. Prices and budgets are then compared and subtracted as integers, with no
// greatest common divisor ever computed, which is what made exact rationals slow: the outcome is
// exactly the rational computation's (the sample and property tests hold both to the reference).
import { Rational as RationalNumber, type Rational } from './rational.ts';
import { byId, type Profile } from './profile.ts';
import type { Supporters } from './mes.ts';

/** A voter's remaining budget, n / D; voters with equal budgets share one object. */
interface Budget { n: bigint }

/** A price per unit of satisfaction, num / den, never reduced; `pay` / (D · `payDen`) is what each supporter pays. */
interface Price { num: bigint; den: bigint; pay: bigint; payDen: bigint }

const cmp = (a: { num: bigint; den: bigint }, b: { num: bigint; den: bigint }) => {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
};

export function equalSharesUniform(profile: Profile, projects: readonly Supporters[], share: Rational): string[] {
  return equalSharesUniformRun(profile, projects, share).selected;
}

/** The run, with what each group of voters has left at the end (n / D, as a rational). */
export function equalSharesUniformRun(profile: Profile, projects: readonly Supporters[], share: Rational): { selected: string[]; left: Rational[] } {
  let denominator = share.den;
  const zero: Budget = { n: 0n };
  const start: Budget = { n: share.num };
  const registry: Budget[] = [start];
  const budgets: Budget[] = profile.groups.map(() => start);
  const selected: string[] = [];
  let candidates = projects.flatMap((c) => {
    if (c.totalSat.isZero()) return [];
    if (c.cost.isZero()) {
      selected.push(c.id);
      return [];
    }
    const sat = c.uniformSat!;
    const voters = c.supporters.reduce((sum, s) => sum + s.count, 0n);
    return [{ c, sat, voters, affordability: { num: c.cost.num * sat.den, den: c.cost.den * sat.num * voters } as { num: bigint; den: bigint } }];
  });

  /** The price at which the supporters can pay, each the same or all they have left; null when they cannot. */
  const priceOf = (entry: (typeof candidates)[number]): Price | null => {
    const { c, sat } = entry;
    const counts = new Map<Budget, bigint>();
    for (const s of c.supporters) {
      const budget = budgets[s.group]!;
      counts.set(budget, (counts.get(budget) ?? 0n) + s.count);
    }
    let available = 0n;
    for (const [budget, count] of counts) available += budget.n * count;
    // cost ≤ available / D
    if (available * c.cost.den < c.cost.num * denominator) return null;
    let paid = 0n;
    let remaining = entry.voters;
    for (const [budget, count] of [...counts].sort(([a], [b]) => (a.n < b.n ? -1 : a.n > b.n ? 1 : 0))) {
      // Each of the `remaining` supporters would pay (cost − paid / D) / remaining = pay / (D · cost.den · remaining).
      const pay = c.cost.num * denominator - paid * c.cost.den;
      const payDen = c.cost.den * remaining;
      if (pay <= budget.n * payDen) return { num: pay * sat.den, den: denominator * payDen * sat.num, pay, payDen };
      paid += budget.n * count;
      remaining -= count;
    }
    return null;
  };

  for (;;) {
    let best: Price | null = null;
    let tied: typeof candidates = [];
    const removed = new Set<(typeof candidates)[number]>();
    for (const entry of [...candidates].sort((a, b) => cmp(a.affordability, b.affordability))) {
      // Last prices are lower bounds (budgets only shrink): nothing after this can beat the best.
      if (best && cmp(entry.affordability, best) > 0) break;
      const price = priceOf(entry);
      if (!price) {
        removed.add(entry);
        continue;
      }
      entry.affordability = price;
      const order = best ? cmp(price, best) : -1;
      if (order < 0) {
        best = price;
        tied = [entry];
      } else if (order === 0) tied.push(entry);
    }
    candidates = candidates.filter((entry) => !removed.has(entry));
    if (!best || tied.length === 0) break;
    const chosen = tied.sort((a, b) => byId(a.c.id, b.c.id))[0]!;
    // The payment of the chosen price is pay / (D · payDen), but `best` may be a tied project's
    // price: equal prices per unit of satisfaction, the chosen project's own figures are needed.
    const own = chosen.affordability as Price;
    for (const budget of registry) budget.n *= own.payDen;
    denominator *= own.payDen;
    const after = new Map<Budget, Budget>();
    for (const s of chosen.c.supporters) {
      const before = budgets[s.group]!;
      let next = after.get(before);
      if (!next) {
        next = before.n <= own.pay ? zero : { n: before.n - own.pay };
        if (next !== zero) registry.push(next);
        after.set(before, next);
      }
      budgets[s.group] = next;
    }
    candidates = candidates.filter((entry) => entry !== chosen);
    selected.push(chosen.c.id);
  }
  const asRational = new Map<Budget, Rational>();
  const left = budgets.map((b) => {
    let r = asRational.get(b);
    if (!r) asRational.set(b, (r = RationalNumber.of(b.n, denominator)));
    return r;
  });
  return { selected: selected.sort(byId), left };
}
