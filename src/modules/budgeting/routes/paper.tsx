// Paper ballots: facilitators type them in (twice, by different people), reviewers settle the
// sheets whose entries differ.
import type { Hono } from 'hono';
import type { AppEnv } from '../../../core/http/index.ts';
import type { FieldIssue } from '../../../core/validation.ts';
import { readDemographics } from './demographics.ts';
import { canEnterPaperBallots, canReviewIdeas } from '../permissions.ts';
import { readBallotForm } from '../ballots/ballot-form.ts';
import { paperCounts, mismatchedSheets } from '../queries/paper-sheets.ts';
import { enterPaperBallot, type PaperEntryState } from '../services/enter-paper-ballot.ts';
import { settlePaperSheet } from '../services/settle-paper-sheet.ts';
import { PaperPage } from '../views/PaperPage.tsx';
import { PaperReviewPage } from '../views/PaperReviewPage.tsx';
import { restrictedProcessContext, type ProcessContext } from './process-context.ts';
import { refusalIssue } from './refusals.ts';

export function paperPages(app: Hono<AppEnv>): void {
  const form = async (ctx: ProcessContext, values: Record<string, string>, issues: FieldIssue[], status: 200 | 400 | 409 | 422, entered?: { sheet: string; state: PaperEntryState }) =>
    ctx.page('budgets', {
      status, hasErrors: issues.length > 0, enhanced: true, title: ctx.v.t('budgeting.paper.title'),
      children: <PaperPage v={ctx.v} base={ctx.base} process={ctx.process} projects={ctx.projects} areaNames={ctx.areaNames} values={values} issues={issues}
        counts={await paperCounts(ctx.db, ctx.city.id, ctx.process.id)} entered={entered} canSettle={canReviewIdeas(ctx.v.actor, ctx.city)} />,
    });

  app.get('/c/:city/budgets/:process/paper', async (c) => {
    const ctx = await restrictedProcessContext(c, canEnterPaperBallots);
    return ctx instanceof Response ? ctx : form(ctx, {}, [], 200);
  });

  app.post('/c/:city/budgets/:process/paper', async (c) => {
    const ctx = await restrictedProcessContext(c, canEnterPaperBallots);
    if (ctx instanceof Response) return ctx;
    const raw = c.get('form');
    const area = raw.area || undefined;
    const open = ctx.process.budgets.filter((b) => b.area === null || b.area === area);
    const read = readBallotForm(raw, ctx.process.design, open.map((b) => ({ id: b.id, codes: ctx.projects.filter((p) => p.onBallot && p.budgetId === b.id).map((p) => p.code) })));
    if (raw.action === 'check' || read.issues.length) return form(ctx, raw, read.issues, read.issues.length ? 400 : 200);
    const result = await enterPaperBallot(ctx.db, {
      process: ctx.process.slug, sheet: raw.sheet ?? '', area, ageConfirmed: raw.ageConfirmed === 'yes', choices: read.choices, secret: ctx.secret,
      ...readDemographics(raw),
    }, ctx.v.actor, ctx.city);
    if (result.ok) return form(ctx, {}, [], 200, { sheet: result.sheet, state: result.state });
    const refusal = result.refusal;
    if (refusal.error === 'sheet') return form(ctx, raw, [{ field: 'sheet', messageKey: 'error.budgeting.sheet', values: {} }], 400);
    if (refusal.error === 'sheet-counted') return form(ctx, raw, [{ field: 'sheet', messageKey: 'error.budgeting.sheetCounted', values: {} }], 409);
    if (refusal.error === 'entered-already') return form(ctx, raw, [{ field: 'sheet', messageKey: 'error.budgeting.enteredAlready', values: {} }], 409);
    const { issue, status } = refusalIssue(refusal, ctx.process);
    return form(ctx, raw, [issue], status);
  });

  const review = async (ctx: ProcessContext, extra: { notice?: string; problem?: string } = {}, status: 200 | 409 = 200) =>
    ctx.page('budgets', {
      status, title: ctx.v.t('budgeting.paper.review'),
      children: <PaperReviewPage v={ctx.v} base={ctx.base} process={ctx.process} sheets={await mismatchedSheets(ctx.db, ctx.city.id, ctx.process.id)}
        areaNames={ctx.areaNames} {...extra} />,
    });

  app.get('/c/:city/budgets/:process/paper/review', async (c) => {
    const ctx = await restrictedProcessContext(c, canReviewIdeas);
    return ctx instanceof Response ? ctx : review(ctx);
  });

  app.post('/c/:city/budgets/:process/paper/:sheet/settle', async (c) => {
    const ctx = await restrictedProcessContext(c, canReviewIdeas);
    if (ctx instanceof Response) return ctx;
    const keep = c.get('form').keep;
    const result = await settlePaperSheet(ctx.db, {
      process: ctx.process.slug, sheet: c.req.param('sheet'), keep: !keep || keep === 'none' ? null : keep, secret: ctx.secret,
    }, ctx.v.actor, ctx.city);
    if (!result.ok) return review(ctx, { problem: `error.budgeting.settle.${result.error}` }, 409);
    return review(ctx, { notice: `budgeting.paper.settled.${result.value}` });
  });
}
