// An administrator gives a person a role in a tenant (a city, a country, the programme).
import { eq } from 'drizzle-orm';
import { coreTables, type Db, type Role } from '../../db/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { err, ok, type Result } from '../../result.ts';

export async function grantRole(
  db: Db,
  input: { email: string; tenantSlug: string; role: Role },
  actorId: string | null,
): Promise<Result<null, 'user-not-found' | 'tenant-not-found'>> {
  const { users, tenants, memberships } = coreTables;
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email.toLowerCase())).limit(1);
    if (!user) return err('user-not-found');
    const [tenant] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.tenantSlug)).limit(1);
    if (!tenant) return err('tenant-not-found');
    const inserted = await tx
      .insert(memberships)
      .values({ tenantId: tenant.id, userId: user.id, role: input.role })
      .onConflictDoNothing()
      .returning();
    if (inserted.length) {
      await recordAudit(tx, {
        tenantId: tenant.id, actorId, action: 'membership.grant', objectType: 'user', objectId: user.id, after: { role: input.role },
      });
    }
    return ok(null);
  });
}
