// Changes some of a tenant's settings and audits the change in the same transaction. Callers
// check the acting person's role first: each module knows who may change its settings.
import { sql } from 'drizzle-orm';
import { queryRows, type Db, type TenantSettings } from '../db/index.ts';
import { recordAudit } from '../audit/index.ts';
import { forgetTenants } from './tenants.ts';

export async function updateTenantSettings(db: Db, tenantId: string, patch: Partial<TenantSettings>, actorId: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await queryRows<{ settings: TenantSettings }>(tx, sql`select settings from core_tenant where id = ${tenantId} for update`);
    if (!before) throw new Error(`No tenant ${tenantId}`);
    const after: TenantSettings = { ...before.settings, ...patch };
    for (const [key, value] of Object.entries(after)) if (value === undefined || value === null) delete (after as Record<string, unknown>)[key];
    await tx.execute(sql`update core_tenant set settings = ${JSON.stringify(after)}::jsonb where id = ${tenantId}`);
    await recordAudit(tx, { tenantId, actorId, action: 'tenant.settings', objectType: 'tenant', objectId: tenantId, before: before.settings, after });
  });
  forgetTenants(db);
}
