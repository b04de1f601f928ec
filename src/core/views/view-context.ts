import type { Context } from 'hono';
import type { Actor } from '../auth/actor.ts';
import { directionOf, type Locale, type Translate } from '../i18n/index.ts';
import type { AppEnv } from '../http/context.ts';
import type { FieldIssue } from '../validation.ts';

/** What every view needs from the request, passed down explicitly as `v`. */
export interface ViewContext {
  t: Translate;
  locale: Locale;
  dir: 'ltr' | 'rtl';
  actor: Actor | null;
  csrfToken: string;
  /** Path and query of this page, to come back to after switching language or signing in. */
  here: string;
  timeZone: string;
}

/**
 * Where "this page" is, for the language switch and sign-in links. After a form post the page
 * shown belongs to the form's page, which the Referer names (same site only); the post's own
 * address may have no page to come back to.
 */
function currentPage(c: Context<AppEnv>): string {
  // Plain string work: parsing the address with URL costs more than the rest of a redirect.
  const url = c.req.url;
  const origin = url.slice(0, url.indexOf('/', url.indexOf('//') + 2));
  if (c.req.method === 'GET') return url.slice(origin.length);
  const referer = c.req.header('referer');
  if (referer?.startsWith(`${origin}/`)) return referer.slice(origin.length).split('#')[0]!;
  return '/';
}

export function viewContext(c: Context<AppEnv>, timeZone = 'UTC'): ViewContext {
  const locale = c.get('locale');
  return {
    t: c.get('t'),
    locale,
    dir: directionOf(locale),
    actor: c.get('actor'),
    csrfToken: c.get('csrfToken'),
    here: currentPage(c),
    timeZone,
  };
}

/** Issues keyed by field, for inline messages beside each control. */
export type FieldErrors = Readonly<Record<string, FieldIssue>>;

export function byField(issues: readonly FieldIssue[]): FieldErrors {
  return Object.fromEntries(issues.map((i) => [i.field, i]));
}
