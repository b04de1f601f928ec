// Input schemas for participatory budgeting forms. Money is typed in major units and read
// with the process's currency (core/money.ts), so budgets are parsed after the currency.
import { z } from '@hono/zod-openapi';
import { optionalText, text, type FieldIssue } from '../../core/validation.ts';
import { isCurrency, parseMoney } from '../../core/money.ts';
import { RULES, COMPLETIONS, type RuleName } from './rules/tally.ts';
import type { BallotDesign } from './ballots/ballot-rules.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const whole = (min: number, max: number, message: string) =>
  z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
    z.number({ error: message }).int({ message }).min(min, { message }).max(max, { message }).optional());
const isoDate = () => z.preprocess(blankToUndefined, z.iso.date({ message: 'error.budgeting.date' }).optional());

export const BALLOT_KINDS = ['approval-budget', 'approval-k', 'ranking', 'cumulative'] as const satisfies readonly BallotDesign['kind'][];

/** The rules that can count each kind of ballot: points need the points rules, and only they. */
export const RULES_FOR: Record<BallotDesign['kind'], readonly RuleName[]> = {
  'approval-budget': ['mes', 'mes-cardinality', 'greedy', 'greedy-cost', 'phragmen'],
  'approval-k': ['mes', 'mes-cardinality', 'greedy', 'greedy-cost', 'phragmen'],
  // A ranking is counted as approval of the ranked projects (the rules here are approval rules).
  ranking: ['mes', 'mes-cardinality', 'greedy', 'greedy-cost', 'phragmen'],
  cumulative: ['mes-points', 'greedy-points'],
};

export const ProcessInput = z
  .object({
    title: text({ max: 120 }),
    slug: z.preprocess(blankToUndefined, z.string({ error: 'error.budgeting.slug' }).regex(/^[a-z0-9][a-z0-9-]{1,40}$/, { message: 'error.budgeting.slug' })),
    description: text({ max: 4000, multiline: true }),
    currency: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
      z.string({ error: 'error.budgeting.currency' }).refine(isCurrency, { message: 'error.budgeting.currency' })),
    ballotKind: z.enum(BALLOT_KINDS, { message: 'error.field.choose' }),
    k: whole(1, 50, 'error.budgeting.k'),
    points: whole(1, 1000, 'error.budgeting.points'),
    perProject: whole(1, 1000, 'error.budgeting.points'),
    minAge: whole(0, 120, 'error.budgeting.minAge').transform((v) => v ?? 0),
    revote: z.preprocess((v) => v === 'yes' || v === 'true' || v === true, z.boolean()),
    rule: z.enum(RULES, { message: 'error.field.choose' }),
    completion: z.preprocess((v) => blankToUndefined(v) ?? 'none', z.enum(COMPLETIONS, { message: 'error.field.choose' })),
    votingFrom: isoDate(),
    votingUntil: isoDate(),
  })
  .superRefine((p, ctx) => {
    if ((p.ballotKind === 'approval-k' || p.ballotKind === 'ranking') && p.k === undefined) ctx.addIssue({ code: 'custom', path: ['k'], message: 'error.budgeting.k' });
    if (p.ballotKind === 'cumulative') {
      if (p.points === undefined) ctx.addIssue({ code: 'custom', path: ['points'], message: 'error.budgeting.points' });
      if (p.perProject === undefined) ctx.addIssue({ code: 'custom', path: ['perProject'], message: 'error.budgeting.points' });
    }
    if (!RULES_FOR[p.ballotKind].includes(p.rule)) ctx.addIssue({ code: 'custom', path: ['rule'], message: 'error.budgeting.ruleForBallot' });
    if (p.completion !== 'none' && !p.rule.startsWith('mes')) ctx.addIssue({ code: 'custom', path: ['completion'], message: 'error.budgeting.completion' });
    if (p.votingFrom && p.votingUntil && p.votingUntil < p.votingFrom) ctx.addIssue({ code: 'custom', path: ['votingUntil'], message: 'error.budgeting.dates' });
  });
export type ProcessInput = z.infer<typeof ProcessInput>;

export interface BudgetInput { area: string | null; amount: number }

/**
 * The budgets typed on the process form: `budget` city-wide, `budget-<area>` per district;
 * blank means none. At least one is needed.
 */
export function readBudgets(raw: Record<string, string>, areas: readonly string[], currency: string | undefined): { budgets: BudgetInput[]; issues: FieldIssue[] } {
  const budgets: BudgetInput[] = [];
  const issues: FieldIssue[] = [];
  for (const area of [null, ...areas]) {
    const field = area === null ? 'budget' : `budget-${area}`;
    const typed = (raw[field] ?? '').trim();
    if (typed === '' || !currency) continue;
    const money = parseMoney(typed, currency);
    if (!money.ok) issues.push({ field, messageKey: `error.money.${money.problem}`, values: {} });
    else if (money.minor <= 0) issues.push({ field, messageKey: 'error.money.invalid', values: {} });
    else budgets.push({ area, amount: money.minor });
  }
  if (budgets.length === 0 && issues.length === 0) issues.push({ field: 'budget', messageKey: 'error.budgeting.noBudget', values: {} });
  return { budgets, issues };
}

export const IdeaInput = z.object({
  title: text({ max: 120 }),
  description: text({ min: 10, max: 4000, multiline: true }),
  area: z.preprocess(blankToUndefined, z.string().max(63).optional()),
  voiceReference: optionalText({ max: 40 }),
});
export type IdeaInput = z.infer<typeof IdeaInput>;

/** Accept an idea as a new project on the ballot. */
export const AcceptInput = z.object({
  title: text({ max: 120 }),
  description: text({ max: 4000, multiline: true }),
  cost: text({ max: 30 }),
  budget: z.string({ error: 'error.field.choose' }).min(1, { message: 'error.field.choose' }),
});
export type AcceptInput = z.infer<typeof AcceptInput>;

/** Merge an idea into a project that already covers it. */
export const MergeInput = z.object({ project: z.string({ error: 'error.field.choose' }).regex(/^[0-9]{1,4}$/, { message: 'error.field.choose' }) });

/** Reject an idea, with the reason everyone will read. */
export const RejectInput = z.object({ reason: text({ min: 10, max: 1000, multiline: true }) });

/** A progress report on a funded project. */
export const ProgressInput = z.object({
  progress: z.enum(['planned', 'in-progress', 'done', 'cancelled'], { message: 'error.field.choose' }),
  note: text({ min: 10, max: 1000, multiline: true }),
});
