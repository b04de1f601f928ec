// A resident creates an account with a name, an e-mail address and a password.
import { eq } from 'drizzle-orm';
import { coreTables, type Db } from '../../db/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { platformTenantId } from '../../tenancy/index.ts';
import { err, ok, type Result } from '../../result.ts';
import { hashPassword } from '../passwords.ts';
import type { RegisterInput } from '../schemas.ts';

export async function registerUser(
  db: Db,
  input: RegisterInput & { locale?: string | undefined },
  actorId: string | null = null,
): Promise<Result<{ userId: string }, 'email-taken'>> {
  const { users } = coreTables;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (existing.length) return err('email-taken');
    const [user] = await tx
      .insert(users)
      .values({ name: input.name, email: input.email, passwordHash, locale: input.locale ?? null })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) return err('email-taken');
    await recordAudit(tx, {
      tenantId: await platformTenantId(tx), actorId: actorId ?? user.id, action: 'account.register',
      objectType: 'user', objectId: user.id, after: { name: input.name, email: input.email },
    });
    return ok({ userId: user.id });
  });
}
