// Fixed-window rate limits counted in PostgreSQL, so the limit holds across app processes.
import type { MiddlewareHandler, Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/index.ts';
import type { Config } from '../config.ts';
import { AppError } from '../result.ts';
import type { AppEnv } from './context.ts';

export const RATE_WINDOW_SECONDS = 600;

export function clientAddress(c: Context<AppEnv>): string {
  const hops = c.get('services').config.trustedProxies;
  if (hops > 0) {
    // Each trusted proxy appends the address it saw; entries further left are the client's word.
    const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((a) => a.trim()).filter(Boolean);
    const client = forwarded[forwarded.length - hops];
    if (client) return client;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests) have no socket.
    return 'local';
  }
}

export function rateLimit(options: {
  bucket: string;
  limit: (config: Config) => number;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const limit = options.limit(c.get('services').config);
    if (limit === 0) return next();
    const hits = await countHit(c, options.bucket);
    if (hits > limit) {
      c.header('Retry-After', String(RATE_WINDOW_SECONDS));
      throw new AppError('rate-limited', 429, 'error.rateLimited');
    }
    return next();
  };
}

const WINDOW = sql`to_timestamp(floor(extract(epoch from now()) / ${RATE_WINDOW_SECONDS}) * ${RATE_WINDOW_SECONDS})`;

/** Counts one more hit for this client in the bucket's current window; returns the count. */
export async function countHit(c: Context<AppEnv>, bucket: string): Promise<number> {
  const { database } = c.get('services');
  const [row] = await queryRows<{ hits: number }>(database.db, sql`
    insert into core_rate_limit (bucket, window_start, hits) values (${`${bucket}:${clientAddress(c)}`}, ${WINDOW}, 1)
    on conflict (bucket, window_start) do update set hits = core_rate_limit.hits + 1
    returning hits`);
  // Old windows are swept now and then rather than by a separate job.
  if (Math.random() < 0.01) await database.db.execute(sql`delete from core_rate_limit where window_start < now() - interval '1 day'`);
  return row?.hits ?? 0;
}

/**
 * Whether this client has used up `limit` hits in the bucket's current window, without counting
 * one: for limits on failures only (wrong voting codes), where a success must cost nothing.
 */
export async function overLimit(c: Context<AppEnv>, bucket: string, limit: number): Promise<boolean> {
  if (limit === 0) return false;
  const [row] = await queryRows<{ hits: number }>(c.get('services').database.db, sql`
    select hits from core_rate_limit where bucket = ${`${bucket}:${clientAddress(c)}`} and window_start = ${WINDOW}`);
  return (row?.hits ?? 0) >= limit;
}
