// A ballot as a web form posts it, read into choices per budget: ticked boxes `p-<code>` for
// approval, `rank-<code>` (1 = best) for a ranking, `points-<code>` for cumulative points.
// Pure, so every odd thing a browser (or a person) can send is property-tested.
import type { FieldIssue } from '../../../core/validation.ts';
import type { BallotDesign } from './ballot-rules.ts';

export interface FormBudget { id: string; codes: readonly string[] }
export type FormChoices = Record<string, { projects: string[]; points?: number[] }>;

export function readBallotForm(raw: Record<string, string>, design: BallotDesign, budgets: readonly FormBudget[]): { choices: FormChoices; issues: FieldIssue[] } {
  const choices: FormChoices = {};
  const issues: FieldIssue[] = [];
  for (const budget of budgets) {
    if (design.kind === 'approval-budget' || design.kind === 'approval-k') {
      choices[budget.id] = { projects: budget.codes.filter((code) => raw[`p-${code}`] === 'yes') };
    } else if (design.kind === 'ranking') {
      const ranked: { code: string; rank: number }[] = [];
      for (const code of budget.codes) {
        const typed = (raw[`rank-${code}`] ?? '').trim();
        if (typed === '') continue;
        const rank = Number(typed);
        if (!/^\d{1,3}$/.test(typed) || rank < 1 || rank > design.k) issues.push({ field: `rank-${code}`, messageKey: 'error.budgeting.rank', values: { max: design.k } });
        else if (ranked.some((r) => r.rank === rank)) issues.push({ field: `rank-${code}`, messageKey: 'error.budgeting.rankTwice', values: { rank } });
        else ranked.push({ code, rank });
      }
      choices[budget.id] = { projects: ranked.sort((a, b) => a.rank - b.rank).map((r) => r.code) };
    } else {
      const projects: string[] = [];
      const points: number[] = [];
      for (const code of budget.codes) {
        const typed = (raw[`points-${code}`] ?? '').trim();
        if (typed === '' || typed === '0') continue;
        const n = Number(typed);
        if (!/^\d{1,4}$/.test(typed) || n > design.perProject) issues.push({ field: `points-${code}`, messageKey: 'error.budgeting.pointsEach', values: { max: design.perProject } });
        else { projects.push(code); points.push(n); }
      }
      choices[budget.id] = { projects, points };
    }
  }
  return { choices, issues };
}
