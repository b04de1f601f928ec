// Staff pages: set up a process, move it through its phases, review ideas, generate voting codes.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../core/http/index.ts';
import { parseForm } from '../../../core/http/index.ts';
import type { FieldIssue } from '../../../core/validation.ts';
import { listAreas, normalisePhone, restrictedCityContext, type CityContext } from '../../voices/index.ts';
import { PHASES } from '../ballots/process-phases.ts';
import { canReviewIdeas, canRunProcess } from '../permissions.ts';
import { AcceptInput, MergeInput, ProcessInput, RejectInput, readBudgets } from '../schemas.ts';
import { listIdeas } from '../queries/list-ideas.ts';
import { createProcess } from '../services/create-process.ts';
import { updateProcess } from '../services/update-process.ts';
import { fieldIssues } from '../../../core/validation.ts';
import { minorToPlain } from '../../../core/money.ts';
import type { Process } from '../process.ts';
import { movePhase } from '../services/move-phase.ts';
import { acceptIdea } from '../services/accept-idea.ts';
import { mergeIdea } from '../services/merge-idea.ts';
import { rejectIdea } from '../services/reject-idea.ts';
import { generateCodes, MAX_CODES_PER_BATCH } from '../services/generate-codes.ts';
import { sendCodesBySms } from '../services/send-codes-by-sms.ts';
import { ProcessForm } from '../views/ProcessForm.tsx';
import { ReviewPage } from '../views/ReviewPage.tsx';
import { CodesPage } from '../views/CodesPage.tsx';
import { restrictedProcessContext, type ProcessContext } from './process-context.ts';

const CodesInput = z.object({
  count: z.preprocess((v) => (typeof v === 'string' ? Number(v.trim() || NaN) : v),
    z.number({ error: 'error.budgeting.codesCount' }).int({ message: 'error.budgeting.codesCount' }).min(1, { message: 'error.budgeting.codesCount' }).max(MAX_CODES_PER_BATCH, { message: 'error.budgeting.codesCount' })),
});
const PhaseInput = z.object({ to: z.enum(PHASES) });

export function staffPages(app: Hono<AppEnv>): void {
  const runner = (c: Context<AppEnv>) => restrictedCityContext(c, canRunProcess);

  const processForm = async (ctx: CityContext, values: Record<string, string>, issues: FieldIssue[], status: 200 | 400 | 409, editing?: { slug: string }) => {
    const areas = await listAreas(ctx.db, ctx.city.id);
    return ctx.page('budgets', {
      status, hasErrors: issues.length > 0, title: ctx.v.t(editing ? 'budgeting.edit' : 'budgeting.new'),
      children: <ProcessForm v={ctx.v} base={ctx.base} areas={areas} values={values} issues={issues} editing={editing} />,
    });
  };
  app.get('/c/:city/budgets/new', async (c) => {
    const ctx = await runner(c);
    return ctx instanceof Response ? ctx : processForm(ctx, {}, [], 200);
  });
  app.post('/c/:city/budgets', async (c) => {
    const ctx = await runner(c);
    if (ctx instanceof Response) return ctx;
    const form = parseForm(c, ProcessInput);
    const areas = (await listAreas(ctx.db, ctx.city.id)).map((a) => a.slug);
    const budgets = readBudgets(form.raw, areas, form.ok ? form.data.currency : undefined);
    const issues = [...(form.ok ? [] : form.issues), ...budgets.issues];
    if (!form.ok || issues.length) return processForm(ctx, form.raw, issues, 400);
    const result = await createProcess(ctx.db, { ...form.data, budgets: budgets.budgets }, ctx.v.actor, ctx.city);
    if (!result.ok) return processForm(ctx, form.raw, [{ field: 'slug', messageKey: 'error.budgeting.slugTaken', values: {} }], 409);
    return c.redirect(`${ctx.base}/budgets/${form.data.slug}`, 303);
  });

  // Changing a process before voting opens: the same form, filled in with what it says now.
  const editor = (c: Context<AppEnv>) => restrictedProcessContext(c, canRunProcess);
  app.get('/c/:city/budgets/:process/edit', async (c) => {
    const ctx = await editor(c);
    if (ctx instanceof Response) return ctx;
    return processForm(ctx, formValues(ctx.process), [], 200, { slug: ctx.process.slug });
  });
  app.post('/c/:city/budgets/:process/edit', async (c) => {
    const ctx = await editor(c);
    if (ctx instanceof Response) return ctx;
    const raw = c.get('form');
    const parsed = ProcessInput.safeParse({ ...raw, slug: ctx.process.slug });
    const areas = (await listAreas(ctx.db, ctx.city.id)).map((a) => a.slug);
    const budgets = readBudgets(raw, areas, parsed.success ? parsed.data.currency : undefined);
    const issues = [...(parsed.success ? [] : fieldIssues(parsed.error)), ...budgets.issues];
    const editing = { slug: ctx.process.slug };
    if (!parsed.success || issues.length) return processForm(ctx, raw, issues, 400, editing);
    const { slug, ...input } = parsed.data;
    void slug;
    const result = await updateProcess(ctx.db, { ...input, process: ctx.process.slug, budgets: budgets.budgets }, ctx.v.actor, ctx.city);
    if (!result.ok) {
      const field = result.error === 'currency-in-use' ? 'currency' : 'budget';
      return processForm(ctx, raw, [{ field, messageKey: `error.budgeting.edit.${result.error}`, values: {} }], 409, editing);
    }
    return c.redirect(`${ctx.here}?done=edit`, 303);
  });

  app.post('/c/:city/budgets/:process/phase', async (c) => {
    const ctx = await restrictedProcessContext(c, canRunProcess);
    if (ctx instanceof Response) return ctx;
    const form = parseForm(c, PhaseInput);
    const result = form.ok ? await movePhase(ctx.db, { process: ctx.process.slug, to: form.data.to }, ctx.v.actor, ctx.city) : { ok: false as const, error: 'not-next' as const };
    if (!result.ok) {
      return c.redirect(`${ctx.here}?problem=${result.error}`, 303);
    }
    return c.redirect(`${ctx.here}?done=phase`, 303);
  });

  const review = async (ctx: ProcessContext, extra: { current?: string | undefined; failed?: { idea: string; issues: FieldIssue[]; values: Record<string, string> }; done?: string }, status: 200 | 400 | 409 | 422 = 200) => {
    const ideas = await listIdeas(ctx.db, ctx.city.id, ctx.process.id);
    return ctx.page('budgets', {
      status, hasErrors: !!extra.failed, title: ctx.v.t('budgeting.review'),
      children: <ReviewPage v={ctx.v} base={ctx.base} process={ctx.process} ideas={ideas} projects={ctx.projects} areaNames={ctx.areaNames} {...extra} />,
    });
  };
  const reviewer = (c: Context<AppEnv>) => restrictedProcessContext(c, canReviewIdeas);
  app.get('/c/:city/budgets/:process/review', async (c) => {
    const ctx = await reviewer(c);
    return ctx instanceof Response ? ctx : review(ctx, { current: c.req.query('idea') });
  });

  const decide = <S extends z.ZodType>(decision: 'accept' | 'merge' | 'reject', schema: S,
    run: (ctx: ProcessContext, idea: string, data: z.infer<S>) => Promise<{ ok: true } | { ok: false; error: string }>) => {
    app.post(`/c/:city/budgets/:process/ideas/:idea/${decision}`, async (c) => {
      const ctx = await reviewer(c);
      if (ctx instanceof Response) return ctx;
      const idea = c.req.param('idea');
      const form = parseForm(c, schema);
      if (!form.ok) return review(ctx, { failed: { idea, issues: form.issues, values: form.raw } }, 400);
      const result = await run(ctx, idea, form.data);
      if (!result.ok) {
        const field = result.error.startsWith('money-') ? 'cost' : result.error === 'unknown-budget' ? 'budget' : result.error === 'unknown-project' ? 'project' : 'form';
        return review(ctx, { failed: { idea, issues: [{ field, messageKey: `error.budgeting.review.${result.error}`, values: {} }], values: form.raw } }, field === 'form' ? 409 : 422);
      }
      return review(ctx, { done: `budgeting.reviewed.${decision}` });
    });
  };
  decide('accept', AcceptInput, (ctx, idea, data) => acceptIdea(ctx.db, { ...data, process: ctx.process.slug, idea }, ctx.v.actor, ctx.city));
  decide('merge', MergeInput, (ctx, idea, data) => mergeIdea(ctx.db, { ...data, process: ctx.process.slug, idea }, ctx.v.actor, ctx.city));
  decide('reject', RejectInput, (ctx, idea, data) => rejectIdea(ctx.db, { ...data, process: ctx.process.slug, idea }, ctx.v.actor, ctx.city));

  const codes = (ctx: ProcessContext, values: Record<string, string>, issues: FieldIssue[], batch?: { number: number; codes: string[] }, status: 200 | 400 | 409 = 200,
    texted?: { sent: number; optedOut: number }) =>
    ctx.page('budgets', {
      status, hasErrors: issues.length > 0, title: ctx.v.t('budgeting.codes'),
      children: <CodesPage v={ctx.v} base={ctx.base} process={ctx.process} issues={issues} values={values} batch={batch}
        voteUrl={`${ctx.origin}${ctx.here}/vote`} texted={texted} />,
    });
  const codeRunner = (c: Context<AppEnv>) => restrictedProcessContext(c, canRunProcess);
  app.get('/c/:city/budgets/:process/codes', async (c) => {
    const ctx = await codeRunner(c);
    return ctx instanceof Response ? ctx : codes(ctx, {}, []);
  });
  app.post('/c/:city/budgets/:process/codes', async (c) => {
    const ctx = await codeRunner(c);
    if (ctx instanceof Response) return ctx;
    const form = parseForm(c, CodesInput);
    if (!form.ok) return codes(ctx, form.raw, form.issues, undefined, 400);
    const result = await generateCodes(ctx.db, { process: ctx.process.slug, count: form.data.count, secret: ctx.secret }, ctx.v.actor, ctx.city);
    if (!result.ok) return codes(ctx, form.raw, [{ field: 'count', messageKey: 'error.budgeting.closed', values: {} }], undefined, 409);
    return codes(ctx, {}, [], { number: result.value.batch, codes: result.value.codes });
  });

  // Codes by SMS: one number per line (or separated by commas), in international format.
  app.post('/c/:city/budgets/:process/codes/sms', async (c) => {
    const ctx = await codeRunner(c);
    if (ctx instanceof Response) return ctx;
    const raw = c.get('form');
    const typed = (raw.phones ?? '').split(/[\n,;]+/).map((p) => p.trim()).filter(Boolean);
    const invalid = typed.filter((p) => normalisePhone(p) === null);
    const phones = [...new Set(typed.map(normalisePhone).filter((p): p is string => p !== null))];
    const problem: Omit<FieldIssue, 'field'> | null = typed.length === 0 ? { messageKey: 'error.budgeting.phonesNone', values: {} }
      : invalid.length ? { messageKey: 'error.budgeting.phonesInvalid', values: { count: invalid.length, numbers: invalid.slice(0, 5).join(', ') } }
      : phones.length > MAX_CODES_PER_BATCH ? { messageKey: 'error.budgeting.codesCount', values: {} } : null;
    if (problem) return codes(ctx, raw, [{ field: 'phones', ...problem }], undefined, 400);
    const result = await sendCodesBySms(ctx.db, { process: ctx.process, phones, voteUrl: `${ctx.origin}${ctx.here}/vote`, services: c.get('services') }, ctx.v.actor, ctx.city);
    if (!result.ok) return codes(ctx, raw, [{ field: 'phones', messageKey: 'error.budgeting.closed', values: {} }], undefined, 409);
    return codes(ctx, {}, [], undefined, 200, result.value);
  });
}

/** A process as its form shows it: amounts in major units, as they were typed. */
function formValues(p: Process): Record<string, string> {
  const design = p.design;
  return {
    title: p.title, description: p.description, currency: p.currency, ballotKind: design.kind, rule: p.rule, completion: p.completion,
    minAge: String(p.minAge), revote: p.revote ? 'yes' : '', votingFrom: p.votingFrom ?? '', votingUntil: p.votingUntil ?? '',
    k: 'k' in design ? String(design.k) : '', points: design.kind === 'cumulative' ? String(design.points) : '',
    perProject: design.kind === 'cumulative' ? String(design.perProject) : '',
    ...Object.fromEntries(p.budgets.map((b) => [b.area === null ? 'budget' : `budget-${b.area}`, minorToPlain(b.amount, p.currency)])),
  };
}
