// The tenant tree: platform → programme → country → city. Reads used by every module.
import { sql } from 'drizzle-orm';
import { cachedRead, forgetReads, queryRows, type Db, type TenantKind, type TenantSettings } from '../db/index.ts';
import type { TenantScope } from '../auth/actor.ts';

export interface Tenant extends TenantScope {
  kind: TenantKind;
  slug: string;
  name: string;
  code: string | null;
  parentId: string | null;
  defaultLocale: string;
  settings: TenantSettings;
}

interface TenantRow {
  id: string; kind: TenantKind; slug: string; name: string; code: string | null; parent_id: string | null;
  default_locale: string; settings: TenantSettings; ancestor_ids: string[] | null;
}

const toTenant = (r: TenantRow): Tenant => ({
  id: r.id, kind: r.kind, slug: r.slug, name: r.name, code: r.code, parentId: r.parent_id,
  defaultLocale: r.default_locale, settings: r.settings ?? {}, ancestorIds: r.ancestor_ids ?? [],
});

/** A tenant with the ids of all its ancestors, in one query. */
export async function findTenantBySlug(db: Db, slug: string): Promise<Tenant | null> {
  const rows = await queryRows<TenantRow>(
    db,
    sql`with recursive up(id, parent_id, depth) as (
          select id, parent_id, 0 from core_tenant where slug = ${slug}
          union all
          select t.id, t.parent_id, up.depth + 1 from core_tenant t join up on t.id = up.parent_id
        )
        select t.*, (select array_agg(up.id order by up.depth) from up where up.depth > 0) as ancestor_ids
        from core_tenant t where t.slug = ${slug}`,
  );
  return rows[0] ? toTenant(rows[0]) : null;
}

/** The same, through the short-lived read cache: for request handling, not for writes. */
export function findTenantBySlugCached(db: Db, slug: string): Promise<Tenant | null> {
  return cachedRead(db, `tenant:${slug}`, () => findTenantBySlug(db, slug));
}

export const forgetTenants = (db: Db) => forgetReads(db, 'tenant:');

export async function platformTenantId(db: Db): Promise<string> {
  const [row] = await queryRows<{ id: string }>(db, sql`select id from core_tenant where kind = 'platform' limit 1`);
  if (!row) throw new Error('platform tenant missing: run migrations');
  return row.id;
}

export interface CityListing {
  slug: string;
  name: string;
  country: string | null;
  programme: string | null;
}

export async function listCities(db: Db): Promise<CityListing[]> {
  return queryRows<CityListing>(
    db,
    sql`select c.slug, c.name, k.name as country, p.name as programme
        from core_tenant c
        left join core_tenant k on k.id = c.parent_id and k.kind = 'country'
        left join core_tenant p on p.id = k.parent_id and p.kind = 'programme'
        where c.kind = 'city' order by p.name nulls last, k.name nulls last, c.name`,
  );
}
