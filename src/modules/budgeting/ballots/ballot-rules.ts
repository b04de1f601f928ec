// What a ballot may hold, as the city admin designed it, checked the same way on every channel
// (web, USSD, SMS, paper): pure rules, with money in integer minor units.
export type BallotDesign =
  /** Approve projects whose total cost stays within the budget. */
  | { kind: 'approval-budget' }
  /** Approve at most k projects. */
  | { kind: 'approval-k'; k: number }
  /** Rank at most k projects, best first. */
  | { kind: 'ranking'; k: number }
  /** Spread up to `points` points over projects, at most `perProject` on one. */
  | { kind: 'cumulative'; points: number; perProject: number };

export interface BallotProject {
  id: string;
  /** Integer minor units (cents). */
  cost: number;
}

export interface BallotInput {
  projects: readonly string[];
  /** Cumulative ballots: points aligned with `projects`. */
  points?: readonly number[];
}

export type BallotProblem =
  | { problem: 'empty' }
  | { problem: 'unknown-project'; project: string }
  | { problem: 'duplicate-project'; project: string }
  | { problem: 'over-budget'; cost: number; budget: number }
  | { problem: 'too-many'; count: number; max: number }
  | { problem: 'points-mismatch' }
  | { problem: 'bad-points'; project: string }
  | { problem: 'too-many-points'; total: number; max: number }
  | { problem: 'over-per-project'; project: string; max: number };

export type CheckedBallot = { ok: true; projects: string[]; points: number[] | null; cost: number } | { ok: false; refusal: BallotProblem };

export function checkBallot(design: BallotDesign, ballot: BallotInput, projects: readonly BallotProject[], budget: number): CheckedBallot {
  const costs = new Map(projects.map((p) => [p.id, p.cost]));
  const chosen = [...ballot.projects];
  if (chosen.length === 0) return refuse({ problem: 'empty' });
  const seen = new Set<string>();
  for (const id of chosen) {
    if (!costs.has(id)) return refuse({ problem: 'unknown-project', project: id });
    if (seen.has(id)) return refuse({ problem: 'duplicate-project', project: id });
    seen.add(id);
  }
  const cost = chosen.reduce((sum, id) => sum + costs.get(id)!, 0);
  switch (design.kind) {
    case 'approval-budget':
      if (cost > budget) return refuse({ problem: 'over-budget', cost, budget });
      break;
    case 'approval-k':
    case 'ranking':
      if (chosen.length > design.k) return refuse({ problem: 'too-many', count: chosen.length, max: design.k });
      break;
    case 'cumulative': {
      const points = ballot.points ?? [];
      if (points.length !== chosen.length) return refuse({ problem: 'points-mismatch' });
      for (const [i, p] of points.entries()) {
        if (!Number.isInteger(p) || p <= 0) return refuse({ problem: 'bad-points', project: chosen[i]! });
        if (p > design.perProject) return refuse({ problem: 'over-per-project', project: chosen[i]!, max: design.perProject });
      }
      const total = points.reduce((a, b) => a + b, 0);
      if (total > design.points) return refuse({ problem: 'too-many-points', total, max: design.points });
      return { ok: true, projects: chosen, points: [...points], cost };
    }
  }
  // An approval ballot is a set: kept in the projects' own order, so equal ballots are equal.
  const ordered = design.kind === 'ranking' ? chosen : projects.map((p) => p.id).filter((id) => seen.has(id));
  return { ok: true, projects: ordered, points: null, cost };
}

/** What is left of the budget with this selection (negative when over): the running total a voter sees. */
export const remainingBudget = (selection: readonly string[], projects: readonly BallotProject[], budget: number) =>
  budget - projects.filter((p) => selection.includes(p.id)).reduce((sum, p) => sum + p.cost, 0);

const refuse = (refusal: BallotProblem): CheckedBallot => ({ ok: false, refusal });
