// No handler ever sees a NUL or another control character from the address: PostgreSQL cannot
// store NUL, and controls in an address are never legitimate. Refused here, once, with 400.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../result.ts';
import type { AppEnv } from './context.ts';
import { decodeFormComponent } from './form.ts';

const CONTROL = /[\u0000-\u001F\u007F]/;

export function urlGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const parts = [url.pathname, ...url.search.slice(1).split('&').flatMap((p) => p.split('='))];
    for (const part of parts) {
      const decoded = decodeFormComponent(part);
      if (decoded === null || CONTROL.test(decoded) || !decoded.isWellFormed()) {
        throw new AppError('invalid-address', 400, 'error.address');
      }
    }
    await next();
  };
}
