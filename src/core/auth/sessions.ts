// Sessions live in the database so any app process can serve any request. The cookie holds a
// random token; only its hash is stored, so a leaked table does not leak live sessions.
import { randomBytes, createHash } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { coreTables } from '../db/index.ts';
import type { Actor } from './actor.ts';

export const SESSION_DAYS = 14;

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newToken = (): string => randomBytes(32).toString('base64url');

export async function createSession(db: Db, userId: string): Promise<string> {
  const token = newToken();
  await db.insert(coreTables.sessions).values({
    tokenHash: tokenHash(token),
    userId,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  });
  return token;
}

/** The actor behind a session token, or null when the token is unknown or expired. */
export async function loadActor(db: Db, token: string): Promise<Actor | null> {
  const { sessions, users, memberships } = coreTables;
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      memberships: sql<Actor['memberships']>`coalesce((select json_agg(json_build_object('tenantId', m.tenant_id, 'role', m.role))
        from ${memberships} m where m.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return rows[0] ?? null;
}
