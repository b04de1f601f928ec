// Core's own pages: health check, stylesheet, language switch, home (the list of cities) and
// the account pages.
import type { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { sql } from 'drizzle-orm';
import type { AppEnv } from './http/context.ts';
import { cookieOptions } from './http/cookies.ts';
import { safeNext } from './http/parse-form.ts';
import { LOCALE_COOKIE } from './http/locale-cookie.ts';
import { isLocale } from './i18n/index.ts';
import { renderPage, viewContext, stylesheetBody, stylesheetHref, scriptBody, scriptHref } from './views/index.ts';
import { listCities } from './tenancy/index.ts';
import { accountPages } from './auth/index.ts';
import { notFound } from './result.ts';

export function corePages(app: Hono<AppEnv>): void {
  app.get('/healthz', async (c) => {
    try {
      await c.get('services').database.db.execute(sql`select 1`);
      return c.json({ status: 'ok', database: 'ok' });
    } catch {
      return c.json({ status: 'unavailable', database: 'unreachable' }, 503);
    }
  });

  app.get(stylesheetHref, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(stylesheetBody);
  });

  app.get(scriptHref, (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(scriptBody);
  });

  app.get('/lang/:code', (c) => {
    const code = c.req.param('code');
    if (!isLocale(code)) throw notFound();
    setCookie(c, LOCALE_COOKIE, code, cookieOptions(c, { maxAge: 60 * 60 * 24 * 365 }));
    return c.redirect(safeNext(c.req.query('next')), 303);
  });

  app.get('/', async (c) => {
    const v = viewContext(c);
    const cities = await listCities(c.get('services').database.db);
    return renderPage(c, v, {
      title: v.t('home.title'),
      children: (
        <>
          <h1>{v.t('home.title')}</h1>
          <p>{v.t('home.intro')}</p>
          <h2>{v.t('home.cities')}</h2>
          {cities.length ? (
            <ul class="cards">
              {cities.map((city) => (
                <li>
                  <a href={`/c/${city.slug}`}>{city.name}</a>
                  {city.country ? <span class="meta"> – {city.country}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{v.t('home.noCities')}</p>
          )}
        </>
      ),
    });
  });

  accountPages(app);
}
