// Small factories: a programme with two cities (one allowing anonymous voices), categories,
// wards with boundaries, and one account per role. Built through the real services.
import type { Db, Role } from '../../src/core/db/index.ts';
import { grantRole, registerUser } from '../../src/core/auth/index.ts';
import { createTenant, findTenantBySlug, type Tenant } from '../../src/core/tenancy/index.ts';
import { createArea, createCategory } from '../../src/modules/voices/index.ts';
import type { Actor } from '../../src/core/auth/index.ts';

export const PASSWORD = 'correct horse battery';

export const ACCOUNTS = {
  resident: { email: 'resident@example.org', role: 'resident' as Role, tenant: 'alpha' },
  facilitator: { email: 'facilitator@example.org', role: 'facilitator' as Role, tenant: 'alpha' },
  moderator: { email: 'moderator@example.org', role: 'moderator' as Role, tenant: 'alpha' },
  cityAdmin: { email: 'cityadmin@example.org', role: 'city-admin' as Role, tenant: 'alpha' },
  officer: { email: 'officer@example.org', role: 'programme-officer' as Role, tenant: 'prog' },
  platformAdmin: { email: 'admin@example.org', role: 'platform-admin' as Role, tenant: 'platform' },
  betaModerator: { email: 'beta-moderator@example.org', role: 'moderator' as Role, tenant: 'beta' },
};

/** A 0.1° square ward with its south-west corner at (lon, lat). */
export const square = (lon: number, lat: number, size = 0.1) => ({
  type: 'Polygon' as const,
  coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
});

export interface Fixtures { alpha: Tenant; beta: Tenant }

export async function seedFixtures(db: Db): Promise<Fixtures> {
  const must = (r: { ok: boolean }) => {
    if (!r.ok) throw new Error(`fixture failed: ${JSON.stringify(r)}`);
  };
  must(await createTenant(db, { kind: 'programme', slug: 'prog', name: 'Programme' }, null));
  must(await createTenant(db, { kind: 'country', slug: 'land', name: 'Land', parentSlug: 'prog' }, null));
  must(await createTenant(db, {
    kind: 'city', slug: 'alpha', name: 'Alpha', parentSlug: 'land', code: 'ALP', settings: { allowAnonymous: true, moderation: 'pre' },
  }, null));
  must(await createTenant(db, {
    kind: 'city', slug: 'beta', name: 'Beta', parentSlug: 'land', code: 'BET', settings: { allowAnonymous: false, moderation: 'post' },
  }, null));
  for (const [key, a] of Object.entries(ACCOUNTS)) {
    must(await registerUser(db, { name: key, email: a.email, password: PASSWORD }));
    must(await grantRole(db, { email: a.email, tenantSlug: a.tenant, role: a.role }, null));
  }
  const admin: Actor = { userId: '00000000-0000-0000-0000-000000000000', name: 'setup', email: '', locale: null, memberships: [] };
  const alpha = (await findTenantBySlug(db, 'alpha'))!;
  const beta = (await findTenantBySlug(db, 'beta'))!;
  const platform = (await findTenantBySlug(db, 'platform'))!;
  const setup = { ...admin, memberships: [{ tenantId: platform.id, role: 'platform-admin' as Role }] };
  for (const city of [alpha, beta]) {
    must(await createCategory(db, { slug: 'water', names: { en: 'Water', fr: 'Eau', ar: 'المياه' } }, setup, city));
    must(await createCategory(db, { slug: 'roads', names: { en: 'Roads', fr: 'Routes', ar: 'الطرق' } }, setup, city));
    must(await createArea(db, { slug: 'north', name: 'North', boundary: square(10, 10.1) }, setup, city));
    must(await createArea(db, { slug: 'south', name: 'South', boundary: square(10, 10) }, setup, city));
  }
  return { alpha, beta };
}
