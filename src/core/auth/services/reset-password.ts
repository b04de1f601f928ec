// Following the link from the e-mail, a person sets a new password. A link works once and
// expires; using it unlocks the account and ends every existing session.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { coreTables, type Db } from '../../db/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { platformTenantId } from '../../tenancy/index.ts';
import { err, ok, type Result } from '../../result.ts';
import { hashPassword } from '../passwords.ts';
import { tokenHash } from '../sessions.ts';
import type { ResetPasswordInput } from '../schemas.ts';

export async function resetPassword(db: Db, input: ResetPasswordInput): Promise<Result<{ userId: string }, 'invalid-token'>> {
  const { users, passwordResets, sessions } = coreTables;
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    // Claiming the token and checking it in one statement makes a second use fail even when
    // two requests race.
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, tokenHash(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning({ userId: passwordResets.userId });
    if (!claimed) return err('invalid-token');
    await tx.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(users.id, claimed.userId));
    await tx.delete(sessions).where(eq(sessions.userId, claimed.userId));
    await recordAudit(tx, {
      tenantId: await platformTenantId(tx), actorId: claimed.userId, action: 'account.password.reset', objectType: 'user', objectId: claimed.userId,
    });
    return ok({ userId: claimed.userId });
  });
}
