// A project's page with its progress reports, staff reports while it is built, and every
// report of a process as an Atom feed.
import type { Hono } from 'hono';
import type { AppEnv } from '../../../core/http/index.ts';
import { parseForm } from '../../../core/http/index.ts';
import { notFound } from '../../../core/result.ts';
import type { FieldIssue } from '../../../core/validation.ts';
import { canReviewIdeas } from '../permissions.ts';
import { ProgressInput } from '../schemas.ts';
import { projectUpdates } from '../queries/project-updates.ts';
import { postProgress } from '../services/post-progress.ts';
import { ProjectPage } from '../views/ProjectPage.tsx';
import { updatesFeed } from '../views/atom.ts';
import { processContext, restrictedProcessContext, type ProcessContext } from './process-context.ts';

export function projectPages(app: Hono<AppEnv>): void {
  const show = async (ctx: ProcessContext, code: string, extra: { values?: Record<string, string>; issues?: FieldIssue[]; done?: boolean } = {}, status: 200 | 400 | 409 = 200) => {
    const project = ctx.projects.find((p) => p.code === code);
    if (!project) throw notFound();
    const updates = await projectUpdates(ctx.db, ctx.city.id, ctx.process.id, code);
    return ctx.page('budgets', {
      status, hasErrors: !!extra.issues?.length, title: project.title,
      children: <ProjectPage v={ctx.v} base={ctx.base} process={ctx.process} project={project} updates={updates} areaNames={ctx.areaNames}
        canReport={canReviewIdeas(ctx.v.actor, ctx.city)} values={extra.values ?? {}} issues={extra.issues ?? []} done={extra.done} />,
    });
  };

  app.get('/c/:city/budgets/:process/projects/:code', async (c) => {
    const ctx = await processContext(c);
    return show(ctx, c.req.param('code'), { done: c.req.query('done') === 'progress' });
  });

  app.post('/c/:city/budgets/:process/projects/:code/progress', async (c) => {
    const ctx = await restrictedProcessContext(c, canReviewIdeas);
    if (ctx instanceof Response) return ctx;
    const code = c.req.param('code');
    const form = parseForm(c, ProgressInput);
    if (!form.ok) return show(ctx, code, { values: form.raw, issues: form.issues }, 400);
    const result = await postProgress(ctx.db, { process: ctx.process.slug, project: code, ...form.data, texts: c.get('services') }, ctx.v.actor, ctx.city);
    if (!result.ok) return show(ctx, code, { values: form.raw, issues: [{ field: 'progress', messageKey: `error.budgeting.${result.error}`, values: {} }] }, 409);
    return c.redirect(`${ctx.here}/projects/${code}?done=progress`, 303);
  });

  app.get('/c/:city/budgets/:process/updates.atom', async (c) => {
    const ctx = await processContext(c);
    const updates = await projectUpdates(ctx.db, ctx.city.id, ctx.process.id);
    c.header('content-type', 'application/atom+xml; charset=utf-8');
    return c.body(updatesFeed(ctx.v.t, {
      url: `${ctx.origin}${ctx.here}/updates.atom`, pageUrl: `${ctx.origin}${ctx.here}`, title: ctx.v.t('budgeting.feedTitle', { process: ctx.process.title }),
      author: ctx.city.name, updates, since: new Date(0),
    }));
  });
}
