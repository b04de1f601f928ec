// CSRF protection for every form post: a random HttpOnly cookie, and in each form a token that
// is the cookie's HMAC under the server secret. A cross-site page can neither read the cookie
// nor compute the token. JSON API writes are exempt: browsers cannot send a cross-site JSON body
// without a CORS preflight, which this server never grants.
import { createHmac, randomBytes } from 'node:crypto';
import { sameSecret } from '../crypto.ts';
import { getCookie, setCookie } from 'hono/cookie';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../result.ts';
import type { AppEnv, FormFields } from './context.ts';
import { parseUrlEncoded } from './form.ts';
import { cookieOptions } from './cookies.ts';

export const CSRF_COOKIE = 'baraza_csrf';
export const CSRF_FIELD = '_csrf';

const tokenFor = (secret: string, cookie: string) => createHmac('sha256', secret).update(cookie).digest('base64url');


export function csrfProtection(options: { exemptPrefixes: readonly string[] }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { config } = c.get('services');
    let cookie = getCookie(c, CSRF_COOKIE);
    const fresh = !cookie || cookie.length < 20;
    if (fresh) {
      cookie = randomBytes(24).toString('base64url');
      setCookie(c, CSRF_COOKIE, cookie, cookieOptions(c, { maxAge: 60 * 60 * 24 * 365 }));
    }
    c.set('csrfToken', tokenFor(config.secret, cookie!));
    // A post from a browser that never had our cookie cannot carry a valid token.
    if (fresh && c.req.method === 'POST' && !isExempt(c.req.path, options.exemptPrefixes)) throw new AppError('csrf', 403, 'error.csrf');
    if (c.req.method !== 'POST' || isExempt(c.req.path, options.exemptPrefixes)) return next();

    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    let form: FormFields;
    if (type === 'application/x-www-form-urlencoded') form = parseUrlEncoded(await c.req.arrayBuffer());
    else if (type === 'multipart/form-data') form = await readMultipart(c);
    else throw new AppError('unsupported-media-type', 415, 'error.mediaType');
    const sent = form[CSRF_FIELD] ?? '';
    if (!sameSecret(sent, c.get('csrfToken'))) throw new AppError('csrf', 403, 'error.csrf');
    c.set('form', form);
    return next();
  };
}

const isExempt = (path: string, prefixes: readonly string[]) => prefixes.some((p) => path.startsWith(p));

/** A form with a file (an upload): its text fields, with the files kept aside in `files`. */
async function readMultipart(c: Context<AppEnv>): Promise<FormFields> {
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await c.req.parseBody({ all: false });
  } catch {
    throw new AppError('invalid-form', 400, 'error.formBody');
  }
  const form: FormFields = Object.create(null);
  const files: Record<string, File> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') form[name] = value;
    else if (value instanceof File) files[name] = value;
  }
  c.set('files', files);
  return form;
}
