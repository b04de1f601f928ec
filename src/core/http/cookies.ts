import type { Context } from 'hono';
import type { CookieOptions } from 'hono/utils/cookie';
import type { AppEnv } from './context.ts';

/** HttpOnly, SameSite=Lax, and Secure whenever the site is served over HTTPS. */
export function cookieOptions(c: Context<AppEnv>, extra: CookieOptions = {}): CookieOptions {
  const { config } = c.get('services');
  const secure =
    config.secureCookies === 'true' ||
    (config.secureCookies === 'auto' &&
      (c.req.header('x-forwarded-proto') === 'https' || new URL(c.req.url).protocol === 'https:'));
  return { path: '/', httpOnly: true, sameSite: 'Lax', secure, ...extra };
}
