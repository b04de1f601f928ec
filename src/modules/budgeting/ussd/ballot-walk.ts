// A ballot on a basic phone, by USSD: every key press arrives with all the answers so far
// (joined by `*`), so the dialogue is worked out afresh from them each time, with no state to
// lose. Which process (when several are open), the age question, the district, then one screen
// per project, by its short number, then the summary: vote, or start again. Pure, so every
// sequence of key presses can be tried in a test.
import type { Translate } from '../../../core/i18n/index.ts';
import { choiceNumber, menuPage, promptScreen, screenLength, shorten, MORE_CHOICE, USSD_SCREEN_LIMIT } from '../../../core/ussd/screens.ts';
import type { BallotDesign } from '../ballots/ballot-rules.ts';

export interface WalkProject { code: string; title: string; cost: number; budgetId: string }
export interface WalkBudget { id: string; area: string | null; amount: number }
export interface WalkProcess {
  slug: string; title: string; currency: string; design: BallotDesign; minAge: number; budgets: readonly WalkBudget[]; projects: readonly WalkProject[];
}

export interface WalkContext {
  t: Translate;
  /** Processes open for voting, newest first. */
  processes: readonly WalkProcess[];
  /** The city's areas, by slug, with their names. */
  areas: readonly { slug: string; name: string }[];
  money: (minor: number, currency: string) => string;
}

export type WalkResult =
  | { kind: 'screen'; text: string }
  | { kind: 'end'; text: string }
  /** The caller pressed "vote": these are the ballot's form fields, as the web ballot posts them. */
  | { kind: 'cast'; process: string; area: string | undefined; fields: Record<string, string> };

const YES = 1;
const NO = 2;

export function walkBallot(answers: readonly string[], ctx: WalkContext): WalkResult {
  const { t } = ctx;
  const input = [...answers];
  let notice: string | undefined;
  const next = () => input.shift();
  // A notice (what went wrong with the last answer) gives way to the screen, never the reverse.
  const screen = (text: string): WalkResult => ({
    kind: 'screen', text: fit(notice ? `${shorten(notice, USSD_SCREEN_LIMIT - screenLength(text) - 1)}\n${text}` : text),
  });

  if (ctx.processes.length === 0) return { kind: 'end', text: fit(t('budgeting.ussd.noVote')) };
  // Which process: asked only when more than one is open.
  let process = ctx.processes[0]!;
  if (ctx.processes.length > 1) {
    const chosen = pickFromList(input, ctx.processes.map((p) => p.title), t('budgeting.ussd.whichVote'), t);
    if (chosen.result) return chosen.result;
    process = ctx.processes[chosen.index]!;
  }
  if (process.minAge > 0) {
    for (;;) {
      const answer = next();
      if (answer === undefined) return screen(`${promptScreen(t('budgeting.ussd.age', { age: process.minAge }))}\n1. ${t('budgeting.ussd.yes')}\n2. ${t('budgeting.ussd.no')}`);
      const n = choiceNumber(answer);
      if (n === YES) break;
      if (n === NO) return { kind: 'end', text: fit(t('budgeting.ussd.tooYoung', { age: process.minAge })) };
      notice = t('ussd.notAChoice');
    }
    notice = undefined;
  }
  let area: string | undefined;
  if (process.budgets.some((b) => b.area !== null)) {
    const chosen = pickFromList(input, ctx.areas.map((a) => a.name), t('budgeting.ussd.area'), t);
    if (chosen.result) return chosen.result;
    area = ctx.areas[chosen.index]!.slug;
  }
  const budgets = process.budgets.filter((b) => b.area === null || b.area === area);
  const projects = budgets.flatMap((b) => process.projects.filter((p) => p.budgetId === b.id));
  const design = process.design;

  // One screen per project; "start again" from the summary walks them afresh.
  for (;;) {
    const fields: Record<string, string> = {};
    const spent = new Map<string, number>();
    let chosenCount = 0;
    let i = 0;
    while (i < projects.length) {
      const p = projects[i]!;
      const budget = budgets.find((b) => b.id === p.budgetId)!;
      const label = `${t('budgeting.projectCode', { code: p.code })} ${shorten(p.title, 50)}, ${ctx.money(p.cost, process.currency)}`;
      const answer = next();
      if (answer === undefined) return screen(projectScreen(t, design, label, design.kind === 'approval-budget' ? ctx.money(budget.amount - (spent.get(budget.id) ?? 0), process.currency) : null));
      const n = choiceNumber(answer);
      notice = undefined;
      if (design.kind === 'approval-budget' || design.kind === 'approval-k') {
        if (n !== YES && n !== NO) { notice = t('ussd.notAChoice'); continue; }
        if (n === YES) {
          const after = (spent.get(budget.id) ?? 0) + p.cost;
          if (design.kind === 'approval-budget' && after > budget.amount) notice = t('budgeting.ussd.overBudget');
          else if (design.kind === 'approval-k' && chosenCount >= design.k) notice = t('budgeting.ussd.tooMany', { max: design.k });
          else { fields[`p-${p.code}`] = 'yes'; spent.set(budget.id, after); chosenCount++; }
        }
      } else {
        const max = design.kind === 'ranking' ? design.k : design.perProject;
        if (n === null || n > max) { notice = t('ussd.notAChoice'); continue; }
        if (n > 0) fields[`${design.kind === 'ranking' ? 'rank' : 'points'}-${p.code}`] = String(n);
      }
      i++;
    }
    const chosen = Object.keys(fields).map((f) => f.replace(/^[a-z]+-/, '')).join(', ');
    const summary = chosen
      ? `${shorten(t('budgeting.ussd.summary', { chosen }), 120)}\n1. ${t('budgeting.ussd.vote')}\n2. ${t('budgeting.ussd.again')}`
      : `${t('budgeting.ussd.nothing')}\n2. ${t('budgeting.ussd.again')}`;
    let again = false;
    while (!again) {
      const answer = next();
      if (answer === undefined) return screen(summary);
      const n = choiceNumber(answer);
      if (n === YES && chosen) return { kind: 'cast', process: process.slug, area, fields };
      if (n === NO) again = true;
      else notice = t('ussd.notAChoice');
    }
    notice = undefined;
  }
}

function projectScreen(t: Translate, design: BallotDesign, label: string, left: string | null): string {
  switch (design.kind) {
    case 'approval-budget':
    case 'approval-k':
      return `${label}${left ? `\n${t('budgeting.ussd.left', { amount: left })}` : ''}\n1. ${t('budgeting.ussd.yes')}\n2. ${t('budgeting.ussd.no')}`;
    case 'ranking':
      return `${label}\n${t('budgeting.ussd.rank', { max: design.k })}`;
    case 'cumulative':
      return `${label}\n${t('budgeting.ussd.points', { max: design.perProject })}`;
  }
}

/** A numbered list a page at a time (98 for more), read against the answers; the chosen index, or the screen to show. */
function pickFromList(input: string[], labels: readonly string[], title: string, t: Translate): { index: number; result?: undefined } | { index: -1; result: WalkResult } {
  let start = 0;
  let notice: string | undefined;
  for (;;) {
    const page = menuPage(title, labels, start, t('ussd.more'));
    const answer = input.shift();
    if (answer === undefined) return { index: -1, result: { kind: 'screen', text: fit(notice ? `${notice}\n${page.text}` : page.text) } };
    const n = choiceNumber(answer);
    if (n === MORE_CHOICE && page.next !== null) { start = page.next; notice = undefined; continue; }
    if (n !== null && n >= 1 && n <= page.shown.length) return { index: page.shown[n - 1]! };
    notice = t('ussd.notAChoice');
  }
}

/** Whatever the language, a screen never passes the gateways' limit. */
const fit = (text: string) => shorten(text, USSD_SCREEN_LIMIT).replace(/ +\n/g, '\n');
