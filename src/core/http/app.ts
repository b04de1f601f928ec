// Builds the web application: core middleware in a fixed order, core pages, then each
// module's pages and API. Tests call `app.request()` on it without a socket.
import { Hono } from 'hono';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { randomUUID } from 'node:crypto';
import type { AppEnv, AppServices } from './context.ts';
import { csrfProtection } from './csrf.ts';
import { handleError } from './errors.tsx';
import { AppError, notFound } from '../result.ts';
import { isLocale, negotiateLocale, translator } from '../i18n/index.ts';
import { loadActor } from '../auth/sessions.ts';
import { SESSION_COOKIE } from '../auth/cookies.ts';
import type { ModuleManifest } from '../module.ts';
import { LOCALE_COOKIE } from './locale-cookie.ts';
import { validationHook } from './api-validation.ts';
import { urlGuard } from './url-guard.ts';
import { securityHeaders } from './security-headers.ts';

export const MAX_BODY_BYTES = 64 * 1024;

export interface CoreRoutes {
  pages(app: Hono<AppEnv>): void;
}

export function createApp(services: AppServices, core: CoreRoutes, modules: readonly ModuleManifest[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    // A proxy's request id is kept so logs line up across hops, if it is a plain token.
    const given = c.req.header('x-request-id');
    const requestId = given && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
    const log = services.logger.child({ reqId: requestId });
    c.set('services', services);
    c.set('requestId', requestId);
    c.set('log', log);
    c.set('form', {});
    c.set('files', {});
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });

  app.use(securityHeaders());

  app.use(async (c, next) => {
    const fromCookie = getCookie(c, LOCALE_COOKIE);
    const locale = isLocale(fromCookie) ? fromCookie : negotiateLocale(c.req.header('accept-language'));
    c.set('locale', locale);
    c.set('t', translator(locale));
    c.header('Content-Language', locale);
    c.header('Vary', 'Accept-Language, Cookie');
    await next();
  });

  app.use(urlGuard());

  const tooLarge = () => new AppError('payload-too-large', 413, 'error.tooLarge');
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw tooLarge();
    },
  });
  app.use((c, next) => {
    // A GET's body is never read. A declared length is checked as it stands (Node reads no more
    // than it declares); only a body of unknown length is counted as it streams in, since that
    // makes the Node adapter build a full Fetch Request, a large share of a small request's cost.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared === undefined || !/^\d{1,15}$/.test(declared)) return limitBody(c, next);
    if (Number(declared) > MAX_BODY_BYTES) throw tooLarge();
    return next();
  });

  app.use(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    const actor = token ? await loadActor(services.database.db, token) : null;
    c.set('sessionToken', actor ? token : null);
    c.set('actor', actor);
    // A signed-in person's own language choice beats the browser's, unless they picked one here.
    if (actor?.locale && isLocale(actor.locale) && !getCookie(c, LOCALE_COOKIE)) {
      c.set('locale', actor.locale);
      c.set('t', translator(actor.locale));
    }
    await next();
  });

  // Gateways' callbacks under /hooks/ authenticate themselves (signature or secret address), and
  // Open311 partners post with an API key; neither comes from a browser holding our cookie.
  app.use(csrfProtection({ exemptPrefixes: ['/api/', '/hooks/', '/open311/'] }));

  core.pages(app);
  for (const module of modules) module.pages?.(app);

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.use(async (c, next) => {
    if (c.req.method === 'POST') {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json') throw new AppError('unsupported-media-type', 415, 'error.mediaTypeJson');
    }
    await next();
  });
  for (const module of modules) module.api?.(api);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Baraza API',
      version: '1.0.0',
      description: 'Residents\' voices and the city\'s answers. Every list is public; writes follow the city\'s rules.',
    },
  });
  app.route('/api/v1', api);

  app.notFound(() => {
    throw notFound();
  });
  app.onError(handleError);
  return app;
}
