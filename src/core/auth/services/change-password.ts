// A signed-in person changes their password; every other session of theirs is ended.
import { and, eq, ne } from 'drizzle-orm';
import { coreTables, type Db } from '../../db/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { platformTenantId } from '../../tenancy/index.ts';
import { err, ok, type Result } from '../../result.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { tokenHash } from '../sessions.ts';
import type { Actor } from '../actor.ts';
import type { ChangePasswordInput } from '../schemas.ts';

export async function changePassword(
  db: Db,
  input: ChangePasswordInput & { keepSessionToken: string | null },
  actor: Actor,
): Promise<Result<null, 'wrong-password'>> {
  const { users, sessions } = coreTables;
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) return err('wrong-password');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, input.keepSessionToken ? tokenHash(input.keepSessionToken) : '')));
    await recordAudit(tx, {
      tenantId: await platformTenantId(tx), actorId: actor.userId, action: 'account.password.change', objectType: 'user', objectId: user.id,
    });
  });
  return ok(null);
}
