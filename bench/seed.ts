// Seeds the benchmark database: ten cities and a million voices, written with set-based SQL
// (generate_series) rather than through the services, which would take hours.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/core/db/index.ts';
import { createTenant, findTenantBySlug } from '../src/core/tenancy/index.ts';
import { createArea, createCategory } from '../src/modules/voices/index.ts';
import type { Actor } from '../src/core/auth/index.ts';

export const CITIES = 10;
const WORDS = ['water', 'kiosk', 'road', 'pothole', 'light', 'school', 'clinic', 'drain', 'market', 'waste', 'bus', 'bridge',
  'flood', 'ramp', 'toilet', 'park', 'wifi', 'library', 'noise', 'safety', 'crossing', 'pump', 'tap', 'roof'];

export const citySlug = (i: number) => `bench-city-${i}`;

export async function seedBench(db: Db, totalVoices: number, log: (s: string) => void): Promise<void> {
  const [existing] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from voices_voice`);
  if ((existing?.n ?? 0) >= totalVoices) {
    log(`reusing ${existing!.n} voices already seeded`);
    return;
  }
  const platform = (await findTenantBySlug(db, 'platform'))!;
  const admin: Actor = { userId: '00000000-0000-0000-0000-000000000000', name: 'bench', email: '', locale: null, memberships: [{ tenantId: platform.id, role: 'platform-admin' }] };
  if (!(await findTenantBySlug(db, 'bench'))) await createTenant(db, { kind: 'programme', slug: 'bench', name: 'Bench programme' }, null);
  const perCity = Math.ceil(totalVoices / CITIES);
  for (let i = 1; i <= CITIES; i++) {
    if (!(await findTenantBySlug(db, citySlug(i)))) {
      await createTenant(db, {
        kind: 'city', slug: citySlug(i), name: `Bench City ${i}`, parentSlug: 'bench', code: `B${String.fromCharCode(64 + i)}C`,
        settings: { allowAnonymous: true, moderation: 'post' },
      }, null);
    }
    const city = (await findTenantBySlug(db, citySlug(i)))!;
    for (const slug of ['water', 'roads', 'waste', 'lighting']) await createCategory(db, { slug, names: { en: slug } }, admin, city);
    for (const slug of ['north', 'south', 'east', 'west']) await createArea(db, { slug, name: slug, boundary: null }, admin, city);
    const [have] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from voices_voice where tenant_id = ${city.id}`);
    const missing = perCity - (have?.n ?? 0);
    if (missing <= 0) continue;
    const started = Date.now();
    await db.execute(sql`
      insert into voices_voice (tenant_id, reference, title, description, lang, category_id, area_id, status, visibility, support_count, created_at)
      select ${city.id}, ${city.code} || '-2025-' || lpad((g + ${have?.n ?? 0})::text, 7, '0'),
        initcap(w[1 + (g * 7) % ${WORDS.length}]) || ' problem near the ' || w[1 + (g * 13) % ${WORDS.length}] || ' ' || g,
        'Residents report that the ' || w[1 + (g * 3) % ${WORDS.length}] || ' by the ' || w[1 + (g * 11) % ${WORDS.length}] || ' needs attention. Reported ' || g,
        'en',
        (select id from voices_category c where c.tenant_id = ${city.id} order by slug offset (g % 4) limit 1),
        (select id from voices_area a where a.tenant_id = ${city.id} order by slug offset ((g / 4) % 4) limit 1),
        (array['received','under_review','planned','in_progress','resolved','declined'])[1 + g % 6],
        case when g % 10 = 0 then 'pending' else 'published' end,
        g % 17,
        now() - (g || ' minutes')::interval
      from generate_series(1, ${missing}) g, (select string_to_array(${WORDS.join(',')}, ',') as w) words`);
    await db.execute(sql`insert into voices_reference_counter (tenant_id, year, last) values (${city.id}, extract(year from now())::int, 0) on conflict do nothing`);
    log(`city ${i}: ${missing} voices in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await db.execute(sql`analyze`);
}
