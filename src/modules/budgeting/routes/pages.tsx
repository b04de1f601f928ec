// Residents' pages: the city's processes, one process, sending an idea, the ballot, the
// results and the anonymised ballots as pabulib files.
import type { Hono } from 'hono';
import type { AppEnv } from '../../../core/http/index.ts';
import { countHit, overLimit, parseForm, RATE_WINDOW_SECONDS } from '../../../core/http/index.ts';
import { notFound } from '../../../core/result.ts';
import type { FieldIssue } from '../../../core/validation.ts';
import { cityContext, hookToken, listAreas } from '../../voices/index.ts';
import { readDemographics } from './demographics.ts';
import { USSD_BALLOT_PATH, USSD_BALLOT_PURPOSE } from './ussd.ts';
import { canEnterPaperBallots, canReviewIdeas, canRunProcess, canSubmitIdea } from '../permissions.ts';
import { IdeaInput } from '../schemas.ts';
import { listProcesses } from '../queries/get-process.ts';
import { listIdeas } from '../queries/list-ideas.ts';
import { paperCounts } from '../queries/paper-sheets.ts';
import { processResults } from '../queries/process-results.ts';
import { submitIdea } from '../services/submit-idea.ts';
import { castBallot } from '../services/cast-ballot.ts';
import { refusalIssue } from './refusals.ts';
import { readBallotForm } from '../ballots/ballot-form.ts';
import { ProcessList } from '../views/ProcessList.tsx';
import { ProcessPage } from '../views/ProcessPage.tsx';
import { IdeaForm } from '../views/IdeaForm.tsx';
import { BallotPage } from '../views/BallotPage.tsx';
import { ResultsPage } from '../views/ResultsPage.tsx';
import { ThanksPage } from '../views/ThanksPage.tsx';
import { processContext, type ProcessContext } from './process-context.ts';
import type { Process } from '../process.ts';

export function residentPages(app: Hono<AppEnv>): void {
  // Wrong voting codes count like failed sign-ins, per address; good ballots and "Update the
  // total" cost nothing, so a kiosk or a shared mobile address can serve many voters.
  const CODE_BUCKET = 'budgeting-code';

  app.get('/c/:city/budgets', async (c) => {
    const ctx = await cityContext(c);
    const processes = await listProcesses(ctx.db, ctx.city.id);
    return ctx.page('budgets', {
      title: ctx.v.t('budgeting.listTitle'),
      children: <ProcessList v={ctx.v} base={ctx.base} processes={processes} canRun={canRunProcess(ctx.v.actor, ctx.city)} />,
    });
  });

  // Shown to city admins only: the address carries the token that lets a gateway in.
  const ussdAddress = (ctx: ProcessContext) => canRunProcess(ctx.v.actor, ctx.city)
    ? `${ctx.origin}${USSD_BALLOT_PATH}/${ctx.city.slug}?token=${hookToken(ctx.secret, ctx.city.id, USSD_BALLOT_PURPOSE)}` : '';
  const showProcess = async (ctx: ProcessContext, extra: { notice?: string; problem?: string } = {}, status: 200 | 409 = 200) => {
    const ideas = await listIdeas(ctx.db, ctx.city.id, ctx.process.id);
    const paper = ctx.process.phase === 'voting' && canRunProcess(ctx.v.actor, ctx.city) ? await paperCounts(ctx.db, ctx.city.id, ctx.process.id) : null;
    return ctx.page('budgets', {
      status, title: ctx.process.title,
      children: <ProcessPage v={ctx.v} base={ctx.base} process={ctx.process} projects={ctx.projects} ideas={ideas} areaNames={ctx.areaNames}
        canRun={canRunProcess(ctx.v.actor, ctx.city)} canReview={canReviewIdeas(ctx.v.actor, ctx.city)} canEnterPaper={canEnterPaperBallots(ctx.v.actor, ctx.city)} ussdAddress={ussdAddress(ctx)} paperPending={paper ? paper.waiting + paper.mismatched : 0} {...extra} />,
    });
  };
  app.get('/c/:city/budgets/:process', async (c) => showProcess(await processContext(c), { notice: NOTICES[c.req.query('done') ?? ''], problem: PROBLEMS[c.req.query('problem') ?? ''] }));

  const ideaForm = async (ctx: ProcessContext, values: Record<string, string>, issues: FieldIssue[], status: 200 | 400 | 409 | 422) => {
    const areas = await listAreas(ctx.db, ctx.city.id);
    return ctx.page('budgets', {
      status, hasErrors: issues.length > 0, title: ctx.v.t('budgeting.idea.title'),
      children: <IdeaForm v={ctx.v} base={ctx.base} process={ctx.process} areas={areas} values={values} issues={issues} />,
    });
  };
  app.get('/c/:city/budgets/:process/ideas/new', async (c) => {
    const ctx = await processContext(c);
    if (!canSubmitIdea(ctx.v.actor)) return c.redirect(`/account/login?next=${encodeURIComponent(`${ctx.here}/ideas/new`)}`, 303);
    if (ctx.process.phase !== 'ideas') return showProcess(ctx, { problem: 'error.budgeting.notCollecting' }, 409);
    return ideaForm(ctx, {}, [], 200);
  });
  app.post('/c/:city/budgets/:process/ideas', async (c) => {
    const ctx = await processContext(c);
    if (!canSubmitIdea(ctx.v.actor)) return c.redirect(`/account/login?next=${encodeURIComponent(`${ctx.here}/ideas/new`)}`, 303);
    const form = parseForm(c, IdeaInput);
    if (!form.ok) return ideaForm(ctx, form.raw, form.issues, 400);
    const areas = [...ctx.areaNames.keys()];
    const result = await submitIdea(ctx.db, { ...form.data, process: ctx.process.slug, areas }, ctx.v.actor, ctx.city);
    if (!result.ok) {
      if (result.error === 'not-collecting') return showProcess(ctx, { problem: 'error.budgeting.notCollecting' }, 409);
      if (result.error === 'unknown-voice') return ideaForm(ctx, form.raw, [{ field: 'voiceReference', messageKey: 'error.budgeting.unknownVoice', values: {} }], 422);
      return ideaForm(ctx, form.raw, [{ field: 'area', messageKey: 'error.field.choose', values: {} }], 422);
    }
    return c.redirect(`${ctx.here}?done=idea`, 303);
  });

  const ballot = (ctx: ProcessContext, area: string | undefined, values: Record<string, string>, issues: FieldIssue[], status: 200 | 400 | 409 | 422 | 429) => {
    const hasDistricts = ctx.process.budgets.some((b) => b.area !== null);
    const chosen = area && ctx.areaNames.has(area) ? area : undefined;
    const open = hasDistricts && !chosen ? null : ctx.process.budgets.filter((b) => b.area === null || b.area === chosen);
    return ctx.page('budgets', {
      status, hasErrors: issues.length > 0, enhanced: true, title: ctx.v.t('budgeting.ballot.title', { process: ctx.process.title }),
      children: <BallotPage v={ctx.v} base={ctx.base} process={ctx.process} projects={ctx.projects} areaNames={ctx.areaNames}
        open={open} area={chosen} signedIn={!!ctx.v.actor} values={values} issues={issues} />,
    });
  };
  app.get('/c/:city/budgets/:process/vote', async (c) => {
    const ctx = await processContext(c);
    if (ctx.process.phase !== 'voting') return showProcess(ctx, { problem: 'error.budgeting.closed' }, 409);
    return ballot(ctx, c.req.query('area'), {}, [], 200);
  });
  app.post('/c/:city/budgets/:process/vote', async (c) => {
    const ctx = await processContext(c);
    const raw = c.get('form');
    const area = raw.area || undefined;
    const open = ctx.process.budgets.filter((b) => b.area === null || b.area === area);
    const read = readBallotForm(raw, ctx.process.design, open.map((b) => ({ id: b.id, codes: ctx.projects.filter((p) => p.onBallot && p.budgetId === b.id).map((p) => p.code) })));
    if (raw.action === 'check') return ballot(ctx, area, raw, read.issues, read.issues.length ? 400 : 200);
    if (read.issues.length) return ballot(ctx, area, raw, read.issues, 400);
    if (!ctx.v.actor && !(raw.code ?? '').trim()) return ballot(ctx, area, raw, [{ field: 'code', messageKey: 'error.budgeting.codeNeeded', values: {} }], 400);
    const codeLimit = c.get('services').config.rateLimitLogins;
    if (!ctx.v.actor && (await overLimit(c, CODE_BUCKET, codeLimit))) {
      c.header('Retry-After', String(RATE_WINDOW_SECONDS));
      return ballot(ctx, area, raw, [{ field: 'code', messageKey: 'error.budgeting.tooManyGuesses', values: {} }], 429);
    }
    const { sex, ageBand } = readDemographics(raw);
    const result = await castBallot(ctx.db, {
      process: ctx.process.slug, voter: ctx.v.actor ? { kind: 'account' } : { kind: 'code', code: raw.code! }, channel: ctx.v.actor ? 'web' : 'code',
      area, ageConfirmed: raw.ageConfirmed === 'yes', sex, ageBand, choices: read.choices, secret: ctx.secret,
    }, ctx.v.actor, ctx.city);
    if (result.ok) {
      return ctx.page('budgets', { title: ctx.v.t('budgeting.thanks.title'), children: <ThanksPage v={ctx.v} base={ctx.base} process={ctx.process} replaced={result.replaced} /> });
    }
    if (result.refusal.error === 'code-unknown' && codeLimit > 0) await countHit(c, CODE_BUCKET);
    const { issue, status } = refusalIssue(result.refusal, ctx.process);
    if (result.refusal.error === 'closed') return showProcess(ctx, { problem: issue.messageKey }, 409);
    return ballot(ctx, area, raw, [issue], status);
  });

  app.get('/c/:city/budgets/:process/results', async (c) => {
    const ctx = await processContext(c);
    if (ctx.process.phase !== 'results' && ctx.process.phase !== 'implementation') return showProcess(ctx, { problem: 'error.budgeting.noResultsYet' }, 409);
    const results = await processResults(ctx.db, ctx.city, ctx.process, ctx.projects);
    const files = new Map(results.budgets.map((r) => [r.budget.id, { name: pbFileName(ctx.process, r.budget.area), sha256: r.pb.sha256 }]));
    return ctx.page('budgets', {
      title: ctx.v.t('budgeting.results.title', { process: ctx.process.title }),
      children: <ResultsPage v={ctx.v} base={ctx.base} process={ctx.process} results={results} areaNames={ctx.areaNames} files={files} />,
    });
  });

  app.get('/c/:city/budgets/:process/ballots/:file', async (c) => {
    const ctx = await processContext(c);
    if (ctx.process.phase !== 'results' && ctx.process.phase !== 'implementation') throw notFound();
    const budget = ctx.process.budgets.find((b) => pbFileName(ctx.process, b.area) === c.req.param('file'));
    if (!budget) throw notFound();
    const results = await processResults(ctx.db, ctx.city, ctx.process, ctx.projects);
    const { pb } = results.budgets.find((r) => r.budget.id === budget.id)!;
    c.header('content-type', 'text/plain; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${pbFileName(ctx.process, budget.area)}"`);
    c.header('x-content-sha256', pb.sha256);
    return c.body(pb.text);
  });
}

/** What the page says after a form sent the visitor back to it. */
const NOTICES: Record<string, string> = { idea: 'budgeting.ideaSent', phase: 'budgeting.moved', edit: 'budgeting.saved' };
const PROBLEMS: Record<string, string> = { 'not-next': 'error.budgeting.notNext', 'no-projects': 'error.budgeting.noProjects' };

export const pbFileName = (process: Process, area: string | null) => `${process.slug}-${area ?? 'city'}.pb`;
