// Why a project was not funded under equal shares, in terms every voter can check: at the end,
// its supporters together had this much of their shares left, and it cost that much more.
import { Rational } from './rational.ts';
import { byId, type Profile } from './profile.ts';
import { decidingRun, supportersOf, type Completion } from './mes.ts';
import { equalSharesUniformRun } from './mes-integer.ts';

export interface Shortfall {
  id: string;
  cost: Rational;
  /** What its supporters had left together when the method stopped. */
  supportersLeft: Rational;
  /** cost − supportersLeft: how much was missing (0 when it lost only to cheaper or more shared projects). */
  missing: Rational;
  supporters: bigint;
}

export interface EqualSharesReport {
  /** Each voter's share of the budget in the run that decided (raised by add1 completions). */
  share: Rational;
  selected: string[];
  shortfalls: Shortfall[];
}

/** Cost or approval utilities; with add1 completions, the share of the run the outcome came from. */
export function explainEqualShares(profile: Profile, completion: Exclude<Completion, 'add1-greedy'> = 'none'): EqualSharesReport {
  const projects = supportersOf(profile);
  const { share, result: run } = decidingRun(profile, completion, (at) => equalSharesUniformRun(profile, projects, at), (r) => r.selected);
  const chosen = new Set(run.selected);
  const shortfalls = projects
    .filter((p) => !chosen.has(p.id) && !p.totalSat.isZero())
    .map((p) => {
      const supportersLeft = p.supporters.reduce((sum, s) => sum.add(run.left[s.group]!.mul(s.weight)), Rational.ZERO);
      const gap = p.cost.sub(supportersLeft);
      return { id: p.id, cost: p.cost, supportersLeft, missing: gap.gt(Rational.ZERO) ? gap : Rational.ZERO, supporters: p.supporters.reduce((n, s) => n + s.count, 0n) };
    })
    .sort((a, b) => byId(a.id, b.id));
  return { share, selected: run.selected, shortfalls };
}
