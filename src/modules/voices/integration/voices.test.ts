import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures, type Fixtures } from '../../../../test/support/fixtures.ts';
import { actorOf } from '../../../../test/support/actors.ts';
import { queryRows } from '../../../core/db/index.ts';
import { AppError } from '../../../core/result.ts';
import { unseal } from '../../../core/crypto.ts';
import { verifyAudit } from '../../../core/audit/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import {
  submitVoice, publishVoice, supportVoice, changeVoiceStatus, mergeVoices, hideVoice, createPriority, addVoiceToPriority,
} from '../index.ts';
import { listVoices, RARE_SEARCH_MATCHES } from '../queries/list-voices.ts';
import { getPriority } from '../queries/priorities.ts';
import { getVoice, listVoiceUpdates } from '../queries/get-voice.ts';
import { formatReference } from '../reference.ts';

const SECRET = 'test-secret';
const base = { description: 'The kiosk has had no water for a week now.', category: 'water', lang: 'en', channel: 'web' as const, secret: SECRET };

for (const engine of await testEngines()) {
  describe(`voices on ${engine.name}`, () => {
    let database: TestDatabase;
    let f: Fixtures;
    let moderator: Actor;
    let resident: Actor;
    let betaModerator: Actor;
    before(async () => {
      database = await engine.open();
      f = await seedFixtures(database.db);
      moderator = await actorOf(database.db, 'moderator');
      resident = await actorOf(database.db, 'resident');
      betaModerator = await actorOf(database.db, 'betaModerator');
    });
    after(() => database.dispose());

    const submit = async (title: string, extra: Record<string, unknown> = {}, actor: Actor | null = null) => {
      const result = await submitVoice(database.db, { ...base, title, area: 'north', ...extra }, actor, f.alpha);
      assert.ok(result.ok, `submit failed: ${JSON.stringify(result)}`);
      return result.value;
    };

    it('gives each voice the next human-friendly reference of its city and year', async () => {
      const a = await submit('First water voice');
      const b = await submit('Second water voice');
      const year = new Date().getUTCFullYear();
      assert.match(a.reference, new RegExp(`^ALP-${year}-\\d{6}$`));
      assert.equal(Number(b.reference.slice(-6)), Number(a.reference.slice(-6)) + 1);
    });

    it('numbers references past six digits the way formatReference does', async () => {
      const year = new Date().getUTCFullYear();
      await database.db.execute(sql`update voices_reference_counter set last = 999998 where tenant_id = ${f.alpha.id} and year = ${year}`);
      const [a, b] = [await submit('Voice 999 999'), await submit('Voice one million')];
      assert.deepEqual([a.reference, b.reference], [formatReference('ALP', year, 999_999), formatReference('ALP', year, 1_000_000)]);
      assert.equal(b.reference, `ALP-${year}-1000000`);
    });

    it('sends a repeated submission key back to the first voice without drawing a new number', async () => {
      const key = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
      const first = await submit('Sent again after a timeout', { submissionKey: key });
      const again = await submit('Sent again after a timeout', { submissionKey: key });
      const next = await submit('The next voice');
      assert.deepEqual([again.reference, again.created], [first.reference, false]);
      assert.equal(Number(next.reference.split('-')[2]), Number(first.reference.split('-')[2]) + 1);
    });

    it('creates a voice once when the same submission key arrives twice at once', async () => {
      const key = '3f0e5a52-8a3c-4c55-9a6b-0d1f2a3b4c5d';
      const [x, y] = await Promise.all([submit('Sent twice by a slow phone', { submissionKey: key }), submit('Sent twice by a slow phone', { submissionKey: key })]);
      assert.equal(x.reference, y.reference);
      assert.deepEqual([x.created, y.created].sort(), [false, true]);
      const rows = await queryRows(database.db, sql`select 1 from voices_voice where submission_key = ${key}`);
      assert.equal(rows.length, 1);
    });

    it('stores a burst from two cities together: numbers in order per city, each with its step and one audit entry', async () => {
      const before = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from core_audit`);
      const burst = await Promise.all(Array.from({ length: 24 }, (_, i) =>
        i % 3 === 0
          ? submitVoice(database.db, { ...base, title: `Burst voice ${i}`, area: 'north' }, resident, f.beta)
          : submitVoice(database.db, { ...base, title: `Burst voice ${i}`, area: 'north', sex: 'female' }, null, f.alpha)));
      const refs = burst.map((r) => (assert.ok(r.ok), r.value.reference));
      for (const code of ['ALP', 'BET']) {
        const numbers = refs.filter((r) => r.startsWith(code)).map((r) => Number(r.split('-')[2])).sort((a, b) => a - b);
        assert.deepEqual(numbers, numbers.map((_, i) => numbers[0]! + i), `${code} references are consecutive and distinct`);
      }
      const ids = `{${burst.map((r) => (r.ok ? r.value.id : '')).join(',')}}`;
      const [counts] = await queryRows<{ steps: number; audits: number; answers: number }>(database.db, sql`select
        (select count(*)::int from voices_update where voice_id = any(${ids}::uuid[]) and kind = 'submitted') as steps,
        (select count(*)::int from core_audit where object_id = any(${ids}::text[]) and action = 'voice.submit') as audits,
        (select count(*)::int from voices_respondent where voice_id = any(${ids}::uuid[])) as answers`);
      assert.deepEqual({ ...counts }, { steps: 24, audits: 24, answers: 16 });
      const [after] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from core_audit`);
      assert.equal(after!.n - before[0]!.n, 24);
      const verdict = await verifyAudit(database.db);
      assert.ok(verdict.ok && verdict.entries === after!.n, `chains verify: ${JSON.stringify(verdict)}`);
    });

    it('fails only the voice the database refuses when it arrives in a burst with others', async () => {
      // PostgreSQL refuses a NUL character in text (the form's validation never lets one through).
      const results = await Promise.allSettled(['Fine one', `Refused ${String.fromCharCode(0)} title`, 'Fine two', 'Fine three'].map((title) =>
        submitVoice(database.db, { ...base, title, area: 'north' }, null, f.alpha)));
      assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      const stored = await queryRows(database.db, sql`select 1 from voices_voice where title in ('Fine one', 'Fine two', 'Fine three')`);
      assert.equal(stored.length, 3);
    });

    it('keeps demographic answers apart and the contact sealed', async () => {
      const v = await submit('Voice with answers', { contact: 'amina@example.org', sex: 'female', ageBand: '18-24', wgWalking: 3 });
      const [stored] = await queryRows<{ sealed: string }>(database.db, sql`select sealed from voices_contact where voice_id = ${v.id}`);
      assert.ok(stored && !stored.sealed.includes('amina'));
      assert.equal(unseal(SECRET, stored.sealed), 'amina@example.org');
      const [answers] = await queryRows<{ sex: string; age_band: string; wg_walking: number }>(
        database.db, sql`select sex, age_band, wg_walking from voices_respondent where voice_id = ${v.id}`);
      assert.deepEqual({ ...answers }, { sex: 'female', age_band: '18-24', wg_walking: 3 });
      const skipped = await submit('Voice without answers');
      assert.equal((await queryRows(database.db, sql`select 1 from voices_respondent where voice_id = ${skipped.id}`)).length, 0);
    });

    it('finds the area from a point, and refuses points outside the city or the chosen area', async () => {
      const v = await submit('Located by point', { area: undefined, longitude: 10.05, latitude: 10.05 });
      const detail = await getVoice(database.db, f.alpha.id, v.reference, 'en');
      assert.equal(detail?.areaSlug, 'south');
      const outside = await submitVoice(database.db, { ...base, title: 'Far away', longitude: 50, latitude: 50 }, null, f.alpha);
      assert.deepEqual(outside, { ok: false, error: 'outside-city' });
      const wrongArea = await submitVoice(database.db, { ...base, title: 'Wrong ward', area: 'north', longitude: 10.05, latitude: 10.05 }, null, f.alpha);
      assert.deepEqual(wrongArea, { ok: false, error: 'outside-area' });
    });

    it('refuses unknown categories and areas, and anonymous voices where the city requires sign-in', async () => {
      assert.deepEqual(await submitVoice(database.db, { ...base, title: 'Bad category', category: 'nope', area: 'north' }, null, f.alpha), { ok: false, error: 'unknown-category' });
      assert.deepEqual(await submitVoice(database.db, { ...base, title: 'Bad area', area: 'nowhere' }, null, f.alpha), { ok: false, error: 'unknown-area' });
      assert.deepEqual(await submitVoice(database.db, { ...base, title: 'Anonymous in beta', area: 'north' }, null, f.beta), { ok: false, error: 'sign-in-required' });
      const signedIn = await submitVoice(database.db, { ...base, title: 'Signed in, in beta', area: 'north' }, resident, f.beta);
      assert.ok(signedIn.ok);
      // Beta publishes at once (post-moderation); alpha waits for a moderator.
      assert.equal((await getVoice(database.db, f.beta.id, signedIn.value.reference, 'en'))?.visibility, 'published');
    });

    it('lists only published voices and finds them by full-text search and filters', async () => {
      const hidden = await submit('Pending voice about streetlights');
      const shown = await submit('Published voice about streetlights', { area: 'south', category: 'roads' });
      assert.ok((await publishVoice(database.db, { reference: shown.reference }, moderator, f.alpha)).ok);
      const found = await listVoices(database.db, f.alpha.id, { q: 'streetlights', page: 1 }, 'en');
      assert.deepEqual(found.items.map((i) => i.reference), [shown.reference]);
      assert.ok(!found.items.some((i) => i.reference === hidden.reference));
      assert.equal((await listVoices(database.db, f.alpha.id, { q: 'streetlights', area: 'north', page: 1 }, 'en')).items.length, 0);
      assert.equal((await listVoices(database.db, f.alpha.id, { category: 'roads', page: 1 }, 'fr')).items[0]?.category, 'Routes');
      // Search syntax people type by accident must not break the query.
      await listVoices(database.db, f.alpha.id, { q: `"unclosed -or ' ; drop table voices_voice; --`, page: 1 }, 'en');
    });

    it('counts one support per person, even when two arrive at the same instant', async () => {
      const v = await submit('Support me');
      assert.deepEqual(await supportVoice(database.db, { reference: v.reference }, resident, f.alpha), { ok: false, error: 'not-public' });
      await publishVoice(database.db, { reference: v.reference }, moderator, f.alpha);
      const results = await Promise.all([1, 2, 3].map(() => supportVoice(database.db, { reference: v.reference }, resident, f.alpha)));
      assert.equal(results.filter((r) => r.ok && r.value.added).length, 1);
      assert.equal((await getVoice(database.db, f.alpha.id, v.reference, 'en'))?.supportCount, 1);
    });

    it('moves a voice only along allowed steps, and shows each step with its date', async () => {
      const v = await submit('Status journey');
      await publishVoice(database.db, { reference: v.reference }, moderator, f.alpha);
      assert.ok((await changeVoiceStatus(database.db, { reference: v.reference, status: 'planned', note: 'Budgeted for March' }, moderator, f.alpha, null)).ok);
      assert.deepEqual(await changeVoiceStatus(database.db, { reference: v.reference, status: 'received' }, moderator, f.alpha, null), { ok: false, error: 'invalid-transition' });
      assert.ok((await changeVoiceStatus(database.db, { reference: v.reference, status: 'resolved' }, moderator, f.alpha, null)).ok);
      const detail = await getVoice(database.db, f.alpha.id, v.reference, 'en');
      const updates = await listVoiceUpdates(database.db, f.alpha.id, detail!.id);
      assert.deepEqual(updates.map((u) => [u.kind, u.status]), [['submitted', 'received'], ['published', null], ['status', 'planned'], ['status', 'resolved']]);
      assert.equal(updates[2]?.body, 'Budgeted for March');
      assert.ok(updates.every((u) => u.at instanceof Date && !Number.isNaN(u.at.getTime())));
    });

    it('lets a moderator of one city do nothing in another', async () => {
      const v = await submit('Alpha only');
      await assert.rejects(() => publishVoice(database.db, { reference: v.reference }, betaModerator, f.alpha), (e: unknown) => e instanceof AppError && e.status === 403);
      await assert.rejects(() => hideVoice(database.db, { reference: v.reference, reason: 'no' }, resident, f.alpha), AppError);
      assert.equal((await getVoice(database.db, f.alpha.id, v.reference, 'en'))?.visibility, 'pending');
    });

    it('merges a duplicate: supporters move to the kept voice and count once', async () => {
      const kept = await submit('Kept voice');
      const dup = await submit('Duplicate voice');
      for (const r of [kept, dup]) await publishVoice(database.db, { reference: r.reference }, moderator, f.alpha);
      await supportVoice(database.db, { reference: kept.reference }, resident, f.alpha);
      await supportVoice(database.db, { reference: dup.reference }, resident, f.alpha);
      await supportVoice(database.db, { reference: dup.reference }, moderator, f.alpha);
      const merged = await mergeVoices(database.db, { reference: dup.reference, into: kept.reference }, moderator, f.alpha);
      assert.ok(merged.ok);
      assert.equal((await getVoice(database.db, f.alpha.id, kept.reference, 'en'))?.supportCount, 2);
      const after = await getVoice(database.db, f.alpha.id, dup.reference, 'en');
      assert.equal(after?.mergedInto, kept.reference);
      assert.deepEqual(await mergeVoices(database.db, { reference: kept.reference, into: dup.reference }, moderator, f.alpha), { ok: false, error: 'target-merged' });
    });

    it('shows a priority with its voices, people and areas', async () => {
      const p = await createPriority(database.db, { title: 'Water for all', description: 'Kiosks near every home', lang: 'en' }, moderator, f.alpha);
      assert.ok(p.ok);
      const a = await submit('North kiosk dry', {}, resident);
      const b = await submit('South kiosk dry', { area: 'south' });
      for (const r of [a, b]) {
        await publishVoice(database.db, { reference: r.reference }, moderator, f.alpha);
        await addVoiceToPriority(database.db, { reference: r.reference, priorityId: p.value.id }, moderator, f.alpha);
      }
      await supportVoice(database.db, { reference: b.reference }, moderator, f.alpha);
      await supportVoice(database.db, { reference: b.reference }, resident, f.alpha);
      const detail = await getPriority(database.db, f.alpha.id, p.value.id);
      assert.equal(detail?.voices.length, 2);
      // resident authored a and supports b: one person; moderator supports b: another.
      assert.equal(detail?.supporters, 2);
      assert.deepEqual(detail?.byArea.map((r) => [r.area, r.voices, r.supports]).sort(), [['North', 1, 0], ['South', 1, 2]]);
    });

    it('pages search results newest first, whether a word is rare or common in the city', async () => {
      // Enough voices with one word to take the "common word" path, a few with another.
      const many = RARE_SEARCH_MATCHES + 50;
      await database.db.execute(sql`
        insert into voices_voice (tenant_id, reference, title, description, lang, category_id, area_id, visibility, created_at)
        select ${f.beta.id}, 'BET-1999-' || lpad(g::text, 6, '0'),
          case when g % 100 = 0 then 'Rare zebra crossing ' || g else 'Common pothole ' || g end,
          'Generated for the search paging test.', 'en',
          (select id from voices_category where tenant_id = ${f.beta.id} and slug = 'roads'),
          (select id from voices_area where tenant_id = ${f.beta.id} and slug = 'north'),
          case when g % 7 = 0 then 'pending' else 'published' end,
          now() - (g || ' minutes')::interval
        from generate_series(1, ${many}) g`);
      const expected = async (word: string, page: number) =>
        (await queryRows<{ reference: string }>(database.db, sql`select reference from voices_voice
          where tenant_id = ${f.beta.id} and visibility = 'published' and title like ${`%${word}%`}
          order by created_at desc, id limit 20 offset ${(page - 1) * 20}`)).map((r) => r.reference);
      for (const [word, page] of [['pothole', 1], ['pothole', 3], ['zebra', 1]] as const) {
        const got = await listVoices(database.db, f.beta.id, { q: word, page }, 'en');
        assert.deepEqual(got.items.map((i) => i.reference), await expected(word, page), `${word} page ${page}`);
      }
      const rare = await listVoices(database.db, f.beta.id, { q: 'zebra', page: 1 }, 'en');
      assert.equal(rare.items.length, 13, 'fifteen zebra voices, two of them pending');
      assert.equal(rare.hasNext, false);
      assert.equal((await listVoices(database.db, f.beta.id, { q: 'pothole', page: 1 }, 'en')).hasNext, true);
    });
  });
}
