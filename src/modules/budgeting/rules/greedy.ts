// Greedy utilitarian: projects in order of total satisfaction per unit of cost, each funded if it
// still fits (one that does not is skipped, and the next considered). With cost satisfaction the
// order is by number of votes (the rule most cities use); with cardinality, by votes per unit of
// cost. Ties: project id in string order. Zero-support projects come last and are still funded
// if they fit, as in the reference.
import { Rational } from './rational.ts';
import { byId, costOf, totalSatisfaction, type Profile } from './profile.ts';

export function greedy(profile: Profile, initial: readonly string[] = []): string[] {
  const selected = [...initial];
  const taken = new Set(initial);
  let remaining = profile.budget.sub(costOf(profile, initial));
  const candidates = profile.ids.filter((id) => !taken.has(id)).map((id, order) => {
    const cost = profile.costs.get(id)!;
    const sat = totalSatisfaction(profile, id);
    // Infinite density for a free project someone wants, represented as null.
    const density = sat.isZero() ? Rational.ZERO : cost.isZero() ? null : sat.div(cost);
    return { id, cost, density, order };
  });
  candidates.sort((a, b) => {
    if (a.density === null || b.density === null) return a.density === b.density ? a.order - b.order : a.density === null ? -1 : 1;
    return b.density.cmp(a.density) || a.order - b.order;
  });
  for (const c of candidates) {
    if (c.cost.le(remaining)) {
      selected.push(c.id);
      remaining = remaining.sub(c.cost);
    }
  }
  return selected.sort(byId);
}
