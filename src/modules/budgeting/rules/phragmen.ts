// Sequential Phragmén (approval ballots): each funded project's cost is loaded onto its
// supporters so that their highest load grows least; the project that keeps the maximum load
// lowest is funded next. As in the reference, the rule stops, rather than skips, when the next
// project no longer fits. Ties: project id in string order.
import { Rational } from './rational.ts';
import { byId, type Profile } from './profile.ts';

export function sequentialPhragmen(profile: Profile): string[] {
  const loads = profile.groups.map(() => Rational.ZERO);
  let remaining = profile.budget;
  const selected: string[] = [];
  let candidates = profile.ids.filter((id) => profile.costs.get(id)!.le(profile.budget));
  while (candidates.length > 0) {
    let best: Rational | null = null;
    let bestInfinite = false;
    let tied: string[] = [];
    for (const id of candidates) {
      let score = Rational.ZERO;
      let load = Rational.ZERO;
      profile.groups.forEach((g, i) => {
        if (!g.sat.has(id)) return;
        const weight = Rational.of(g.weight);
        score = score.add(weight);
        load = load.add(loads[i]!.mul(weight));
      });
      if (score.isZero()) {
        // An infinite load: only chosen when nothing finite is left.
        if (!best) {
          if (!bestInfinite) tied = [];
          bestInfinite = true;
          tied.push(id);
        }
        continue;
      }
      const newLoad = load.add(profile.costs.get(id)!).div(score);
      if (!best || newLoad.lt(best)) {
        best = newLoad;
        bestInfinite = false;
        tied = [id];
      } else if (newLoad.eq(best)) tied.push(id);
    }
    if (tied.some((id) => profile.costs.get(id)!.gt(remaining))) break;
    const chosen = tied.sort(byId)[0]!;
    if (best) profile.groups.forEach((g, i) => { if (g.sat.has(chosen)) loads[i] = best!; });
    remaining = remaining.sub(profile.costs.get(chosen)!);
    selected.push(chosen);
    candidates = candidates.filter((id) => id !== chosen);
  }
  return selected.sort(byId);
}
