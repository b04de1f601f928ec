// Seeds the demo: a programme with two countries and two cities from its roll-out list, each
// with wards, categories, voices in several languages and statuses, priorities, and one account
// per role. Everything goes through the same services a person would use, so the demo's audit
// log verifies like a real one.
import { eq, sql } from 'drizzle-orm';
import { coreTables, type Db, type Role } from '../core/db/index.ts';
import { grantRole, loadActor, createSession, registerUser, type Actor } from '../core/auth/index.ts';
import { createTenant, findTenantBySlug, type Tenant } from '../core/tenancy/index.ts';
import {
  addVoiceToPriority, changeVoiceStatus, createArea, createCategory, createPriority, hideVoice, publishVoice,
  replyToVoice, submitVoice, supportVoice, type AreaBoundary, type VoiceStatus,
} from '../modules/voices/index.ts';
import { CATEGORIES, DEMO_CITIES, PRIORITIES, PROGRAMME, REPLIES, TEMPLATES, demoPopulationCsv, type DemoCity } from './demo-content.ts';
import { loadPopulation } from '../modules/inclusion/index.ts';

export const DEMO_PASSWORD = 'baraza-demo-2026';

export const DEMO_ACCOUNTS: readonly [Role, string, string | null][] = [
  ['resident', 'resident@baraza.test', 'kisumu'],
  ['facilitator', 'facilitator@baraza.test', 'kisumu'],
  ['moderator', 'moderator.kisumu@baraza.test', 'kisumu'],
  ['moderator', 'moderator.saint-louis@baraza.test', 'saint-louis'],
  ['city-admin', 'admin.kisumu@baraza.test', 'kisumu'],
  ['programme-officer', 'officer@baraza.test', PROGRAMME.slug],
  ['platform-admin', 'admin@baraza.test', 'platform'],
];

/** A small deterministic generator so every demo looks the same. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WARD_SPAN = 0.02;

/** South-west corner of ward `index` in a 2×2 grid around the centre. */
function wardOrigin(centre: [number, number], index: number): [number, number] {
  return [centre[0] - WARD_SPAN + (index % 2) * WARD_SPAN, centre[1] - WARD_SPAN + Math.floor(index / 2) * WARD_SPAN];
}

export function wardBoundary(centre: [number, number], index: number): AreaBoundary {
  const [west, south] = wardOrigin(centre, index);
  const ring = [[west, south], [west + WARD_SPAN, south], [west + WARD_SPAN, south + WARD_SPAN], [west, south + WARD_SPAN], [west, south]];
  return { type: 'Polygon', coordinates: [ring] };
}

async function actorFor(db: Db, email: string): Promise<Actor> {
  const [user] = await db.select({ id: coreTables.users.id }).from(coreTables.users).where(eq(coreTables.users.email, email));
  const token = await createSession(db, user!.id);
  const actor = await loadActor(db, token);
  await db.delete(coreTables.sessions).where(eq(coreTables.sessions.userId, user!.id));
  return actor!;
}

export async function seedDemo(db: Db, options: { voicesPerCity: number; secret: string }): Promise<boolean> {
  if (await findTenantBySlug(db, DEMO_CITIES[0]!.slug)) return false;
  const ok = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
    if (!r.ok) throw new Error(`demo seed failed: ${r.error}`);
    return r.value;
  };

  ok(await createTenant(db, { kind: 'programme', slug: PROGRAMME.slug, name: PROGRAMME.name }, null));
  for (const city of DEMO_CITIES) {
    ok(await createTenant(db, { kind: 'country', slug: city.country.slug, name: city.country.name, parentSlug: PROGRAMME.slug }, null));
    ok(await createTenant(db, {
      kind: 'city', slug: city.slug, name: city.name, parentSlug: city.country.slug, code: city.code, defaultLocale: city.locale,
      settings: { allowAnonymous: true, moderation: 'pre', timeZone: city.timeZone },
    }, null));
  }
  for (const [role, email, tenant] of DEMO_ACCOUNTS) {
    const name = email.split('@')[0]!.replace(/[.-]/g, ' ').replace(/\b\w/g, (ch) => ch.toUpperCase());
    await registerUser(db, { name, email, password: DEMO_PASSWORD });
    if (tenant) ok(await grantRole(db, { email, tenantSlug: tenant, role }, null));
  }
  const admin = await actorFor(db, 'admin@baraza.test');
  const resident = await actorFor(db, 'resident@baraza.test');

  for (const [cityIndex, demoCity] of DEMO_CITIES.entries()) {
    const city = (await findTenantBySlug(db, demoCity.slug))!;
    const moderator = await actorFor(db, `moderator.${demoCity.slug}@baraza.test`);
    for (const [i, c] of CATEGORIES.entries()) ok(await createCategory(db, { slug: c.slug, names: c.names, position: i }, admin, city));
    for (const [i, ward] of demoCity.wards.entries()) {
      ok(await createArea(db, { slug: ward.toLowerCase().replace(/\s+/g, '-'), name: ward, boundary: wardBoundary(demoCity.centre, i) }, admin, city));
    }
    await seedVoices(db, demoCity, city, { moderator, resident, count: options.voicesPerCity, seed: cityIndex + 1, secret: options.secret });
    const population = await loadPopulation(db, { csv: demoPopulationCsv(demoCity.wards) }, admin, city);
    if (!population.ok) throw new Error(`demo population refused: ${JSON.stringify(population.problems)}`);
  }
  return true;
}

async function seedVoices(
  db: Db,
  demoCity: DemoCity,
  city: Tenant,
  o: { moderator: Actor; resident: Actor; count: number; seed: number; secret: string },
) {
  const rand = random(o.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const priorityIds: Record<string, string> = {};
  for (const p of PRIORITIES[demoCity.slug] ?? []) {
    const created = await createPriority(db, { title: p.title, description: p.description, lang: demoCity.locale }, o.moderator, city);
    if (created.ok) priorityIds[p.category] = created.value.id;
  }
  const path: VoiceStatus[] = ['under_review', 'planned', 'in_progress', 'resolved'];
  for (let n = 0; n < o.count; n++) {
    const category = pick(CATEGORIES).slug;
    const byLang = TEMPLATES[category]!;
    const lang = pick(demoCity.languages.filter((l) => byLang[l]));
    const template = pick(byLang[lang]!);
    const wardIndex = Math.floor(rand() * demoCity.wards.length);
    const ward = demoCity.wards[wardIndex]!;
    const [west, south] = wardOrigin(demoCity.centre, wardIndex);
    const answered = rand() < 0.7;
    const submitted = await submitVoice(db, {
      title: template.title.replace('{place}', ward), description: template.description.replaceAll('{place}', ward),
      category, latitude: south + rand() * WARD_SPAN * 0.9 + WARD_SPAN * 0.05, longitude: west + rand() * WARD_SPAN * 0.9 + WARD_SPAN * 0.05,
      lang, channel: 'web', secret: o.secret,
      contact: rand() < 0.3 ? `resident${n}@example.org` : undefined,
      sex: answered ? pick(['female', 'male', 'female', 'other'] as const) : undefined,
      ageBand: answered ? pick(['under-18', '18-24', '25-34', '35-49', '50-64', '65-plus'] as const) : undefined,
      wgWalking: answered ? pick([1, 1, 1, 2, 3, 4]) : undefined,
      wgSeeing: answered ? pick([1, 1, 1, 1, 2, 3]) : undefined,
    }, rand() < 0.3 ? o.resident : null, city);
    if (!submitted.ok) throw new Error(`demo voice failed: ${submitted.error}`);
    const reference = submitted.value.reference;
    const fate = rand();
    if (fate < 0.12) continue; // waiting for a moderator
    if (fate < 0.16) {
      await hideVoice(db, { reference, reason: 'Contains a private phone number.' }, o.moderator, city);
      continue;
    }
    await publishVoice(db, { reference }, o.moderator, city);
    const steps = Math.floor(rand() * 5);
    for (const status of path.slice(0, steps)) await changeVoiceStatus(db, { reference, status }, o.moderator, city, null);
    if (steps === 0 && rand() < 0.1) await changeVoiceStatus(db, { reference, status: 'declined', note: REPLIES[lang] }, o.moderator, city, null);
    if (rand() < 0.3) await replyToVoice(db, { reference, body: REPLIES[lang] ?? REPLIES.en! }, o.moderator, city);
    if (rand() < 0.25) await supportVoice(db, { reference }, o.resident, city);
    const priorityId = priorityIds[category];
    if (priorityId && rand() < 0.5) await addVoiceToPriority(db, { reference, priorityId }, o.moderator, city);
  }
  // Spread the demo over the last four months so lists and timelines look lived-in.
  await db.execute(sql`
    with shift as (select id, (random() * 120)::int * interval '1 day' as ago from voices_voice where tenant_id = ${city.id})
    update voices_voice v set created_at = v.created_at - shift.ago, updated_at = v.updated_at - shift.ago / 2
    from shift where v.tenant_id = ${city.id} and v.id = shift.id`);
  await db.execute(sql`
    update voices_update u set at = v.created_at + (u.at - (select min(at) from voices_update x where x.tenant_id = u.tenant_id and x.voice_id = u.voice_id)) * 1000
    from voices_voice v where u.tenant_id = ${city.id} and v.tenant_id = u.tenant_id and v.id = u.voice_id`);
}
