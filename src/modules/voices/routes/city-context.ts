// Every city page starts here: find the city by its slug, build the view context in the
// city's time zone, and the city's navigation for this person.
import type { Context } from 'hono';
import type { AppEnv } from '../../../core/http/index.ts';
import { findTenantBySlugCached, type Tenant } from '../../../core/tenancy/index.ts';
import { forbidden, notFound } from '../../../core/result.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { renderPage, viewContext, type NavItem, type PageProps, type ViewContext } from '../../../core/views/index.ts';
import type { Db } from '../../../core/db/index.ts';
import { canAssist, canConfigureCity, canModerate } from '../permissions.ts';

export type NavKey = 'voices' | 'new' | 'assist' | 'priorities' | 'budgets' | 'inclusion' | 'moderate' | 'settings';

export interface CityContext {
  city: Tenant;
  v: ViewContext;
  db: Db;
  base: string;
  page(current: NavKey | null, props: Omit<PageProps, 'site' | 'nav'>): Promise<Response>;
}

/** The city with this slug, or a 404 for anything else (an unknown slug, a country). */
export async function findCity(db: Db, slug: string): Promise<Tenant> {
  const city = await findTenantBySlugCached(db, slug);
  if (!city || city.kind !== 'city') throw notFound();
  return city;
}

export async function cityContext(c: Context<AppEnv>): Promise<CityContext> {
  const { database } = c.get('services');
  const city = await findCity(database.db, c.req.param('city') ?? '');
  const v = viewContext(c, city.settings.timeZone);
  const base = `/c/${city.slug}`;
  const items: (NavItem & { key: NavKey })[] = [
    { key: 'voices', href: `${base}/voices`, label: v.t('nav.voices') },
    { key: 'new', href: `${base}/voices/new`, label: v.t('nav.newVoice') },
    { key: 'priorities', href: `${base}/priorities`, label: v.t('nav.priorities') },
    // Other modules' public pages: participatory budgets, and who is heard.
    { key: 'budgets', href: `${base}/budgets`, label: v.t('nav.budgets') },
    { key: 'inclusion', href: `${base}/inclusion`, label: v.t('nav.inclusion') },
  ];
  if (canAssist(v.actor, city)) items.push({ key: 'assist', href: `${base}/assist`, label: v.t('nav.assist') });
  if (canModerate(v.actor, city)) items.push({ key: 'moderate', href: `${base}/moderate`, label: v.t('nav.moderate') });
  if (canConfigureCity(v.actor, city)) items.push({ key: 'settings', href: `${base}/settings`, label: v.t('nav.settings') });
  return {
    city, v, db: database.db, base,
    page: (current, props) =>
      renderPage(c, v, {
        ...props,
        site: { name: city.name, href: `${base}/voices` },
        nav: items.map((i) => ({ ...i, current: i.key === current })),
      }),
  };
}

/**
 * The city context for pages only some roles may use: a signed-out visitor asking for such a
 * page is sent to sign in; anyone else without the role gets 403.
 */
export async function restrictedCityContext(
  c: Context<AppEnv>,
  allowed: (actor: Actor | null, city: Tenant) => boolean,
): Promise<CityContext | Response> {
  const ctx = await cityContext(c);
  if (!ctx.v.actor && c.req.method === 'GET') return c.redirect(`/account/login?next=${encodeURIComponent(ctx.v.here)}`, 303);
  if (!allowed(ctx.v.actor, ctx.city)) throw forbidden();
  return ctx;
}
