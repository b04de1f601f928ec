// A person signs in with e-mail and password. After repeated failures the account is locked
// for a while, which stops password guessing without locking the owner out for good.
import { eq, sql } from 'drizzle-orm';
import { coreTables, type Db } from '../../db/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { platformTenantId } from '../../tenancy/index.ts';
import { err, ok, type Result } from '../../result.ts';
import { decoyPasswordHash, verifyPassword } from '../passwords.ts';
import { createSession } from '../sessions.ts';
import type { LoginInput } from '../schemas.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export async function logIn(db: Db, input: LoginInput): Promise<Result<{ userId: string; token: string }, 'invalid' | 'locked'>> {
  const { users } = coreTables;
  const [user] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  if (!user) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    return err('invalid');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) return err('locked');
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    return db.transaction(async (tx) => {
      const [after] = await tx
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failedLogins: users.failedLogins });
      if ((after?.failedLogins ?? 0) >= MAX_FAILED_LOGINS) {
        await tx
          .update(users)
          .set({ failedLogins: 0, lockedUntil: new Date(Date.now() + LOCK_MINUTES * 60_000) })
          .where(eq(users.id, user.id));
        await recordAudit(tx, {
          tenantId: await platformTenantId(tx), actorId: null, action: 'account.lock', objectType: 'user', objectId: user.id,
        });
        return err('locked');
      }
      return err('invalid');
    });
  }
  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const token = await createSession(tx, user.id);
    await recordAudit(tx, {
      tenantId: await platformTenantId(tx), actorId: user.id, action: 'account.login', objectType: 'user', objectId: user.id,
    });
    return ok({ userId: user.id, token });
  });
}
