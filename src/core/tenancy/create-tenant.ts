// A platform admin adds a programme, country or city to the tree.
import { eq } from 'drizzle-orm';
import { coreTables, type Db, type TenantKind, type TenantSettings } from '../db/index.ts';
import { recordAudit } from '../audit/index.ts';
import { err, ok, type Result } from '../result.ts';
import { forgetTenants, platformTenantId } from './tenants.ts';

export interface CreateTenantInput {
  kind: Exclude<TenantKind, 'platform'>;
  slug: string;
  name: string;
  parentSlug?: string | undefined;
  code?: string | undefined;
  defaultLocale?: string | undefined;
  settings?: TenantSettings | undefined;
}

const ALLOWED_PARENT: Record<CreateTenantInput['kind'], TenantKind[]> = {
  programme: ['platform'],
  country: ['programme'],
  city: ['country', 'programme'],
  organisation: ['platform', 'programme', 'country', 'city'],
};

export async function createTenant(
  db: Db,
  input: CreateTenantInput,
  actorId: string | null,
): Promise<Result<{ id: string }, 'parent-not-found' | 'parent-kind' | 'slug-taken'>> {
  const result = await db.transaction(async (tx) => {
    const { tenants } = coreTables;
    const parentId = input.parentSlug
      ? (await tx.select().from(tenants).where(eq(tenants.slug, input.parentSlug)).limit(1))[0]
      : (await tx.select().from(tenants).where(eq(tenants.id, await platformTenantId(tx))).limit(1))[0];
    if (!parentId) return err('parent-not-found');
    if (!ALLOWED_PARENT[input.kind].includes(parentId.kind)) return err('parent-kind');
    const taken = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug)).limit(1);
    if (taken.length) return err('slug-taken');
    const [row] = await tx
      .insert(tenants)
      .values({
        kind: input.kind, slug: input.slug, name: input.name, parentId: parentId.id, code: input.code ?? null,
        defaultLocale: input.defaultLocale ?? 'en', settings: input.settings ?? {},
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, {
      tenantId: parentId.id, actorId, action: 'tenant.create', objectType: 'tenant', objectId: row.id, after: row,
    });
    return ok({ id: row.id });
  });
  // A slug looked up before it existed must not stay "not found" in this process.
  forgetTenants(db);
  return result;
}
