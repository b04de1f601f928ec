// Every process page starts here: the city, the process by its slug (or 404), its projects
// and the names of the city's areas.
import type { Context } from 'hono';
import { baseUrl, type AppEnv } from '../../../core/http/index.ts';
import { forbidden, notFound } from '../../../core/result.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { cityContext, listAreas, type CityContext } from '../../voices/index.ts';
import type { Project } from '../queries/list-projects.ts';
import { cachedProcess, cachedProjects } from '../queries/process-cache.ts';
import type { Process } from '../process.ts';

export interface ProcessContext extends CityContext {
  process: Process;
  projects: Project[];
  areaNames: Map<string, string>;
  here: string;
  /** This server's address as the public sees it, and its secret (for gateway tokens). */
  origin: string;
  secret: string;
}

export async function processContext(c: Context<AppEnv>): Promise<ProcessContext> {
  const ctx = await cityContext(c);
  const process = await cachedProcess(ctx.db, ctx.city.id, c.req.param('process') ?? '');
  if (!process) throw notFound();
  const [projects, areas] = [await cachedProjects(ctx.db, ctx.city.id, process.id), await listAreas(ctx.db, ctx.city.id)];
  return { ...ctx, process, projects, areaNames: new Map(areas.map((a) => [a.slug, a.name])), here: `${ctx.base}/budgets/${process.slug}`,
    origin: baseUrl(c), secret: c.get('services').config.secret };
}

/**
 * The process context for pages only some roles may use (as voices' restrictedCityContext does
 * for city pages): a signed-out visitor asking for such a page is sent to sign in; anyone else
 * without the role gets 403.
 */
export async function restrictedProcessContext(
  c: Context<AppEnv>, allowed: (actor: Actor | null, city: TenantScope) => boolean,
): Promise<ProcessContext | Response> {
  const ctx = await processContext(c);
  if (!ctx.v.actor && c.req.method === 'GET') return c.redirect(`/account/login?next=${encodeURIComponent(ctx.v.here)}`, 303);
  if (!allowed(ctx.v.actor, ctx.city)) throw forbidden();
  return ctx;
}
