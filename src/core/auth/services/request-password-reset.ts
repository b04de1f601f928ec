// Someone who forgot their password asks for a reset link by e-mail. The answer is the same
// whether or not the address has an account, so the form reveals nobody's membership.
import { eq } from 'drizzle-orm';
import { coreTables, type Db } from '../../db/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { platformTenantId } from '../../tenancy/index.ts';
import type { Mailer } from '../../mail.ts';
import type { Translate } from '../../i18n/index.ts';
import { newToken, tokenHash } from '../sessions.ts';
import type { ForgotPasswordInput } from '../schemas.ts';

export const RESET_TOKEN_MINUTES = 60;

export async function requestPasswordReset(
  db: Db,
  input: ForgotPasswordInput & { baseUrl: string; mailer: Mailer; t: Translate },
): Promise<void> {
  const { users, passwordResets } = coreTables;
  const [user] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  if (!user) return;
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      tokenHash: tokenHash(token), userId: user.id, expiresAt: new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000),
    });
    await recordAudit(tx, {
      tenantId: await platformTenantId(tx), actorId: null, action: 'account.password.reset-requested', objectType: 'user', objectId: user.id,
    });
  });
  const link = `${input.baseUrl}/account/reset?token=${encodeURIComponent(token)}`;
  await input.mailer.send({
    to: user.email,
    subject: input.t('mail.reset.subject'),
    text: input.t('mail.reset.body', { name: user.name, link, minutes: RESET_TOKEN_MINUTES }),
  });
}
