import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures, ACCOUNTS, PASSWORD, square, type Fixtures } from '../../../../test/support/fixtures.ts';
import { testApp } from '../../../../test/support/app.ts';
import { actorOf } from '../../../../test/support/actors.ts';
import { Client, signIn } from '../../../../test/support/client.ts';
import { queryRows } from '../../../core/db/index.ts';
import { verifyAudit } from '../../../core/audit/index.ts';
import { createArea, submitVoice, hideVoice } from '../../voices/index.ts';
import { inclusionDashboard } from '../index.ts';

/** Residents: women are half of each area and band, the north and south equal. */
const POPULATION = ['area,sex,age_band,people', ...['north', 'south'].flatMap((area) =>
  ['female', 'male'].flatMap((sex) => ['18-24', '25-34', '35-49'].map((band) => `${area},${sex},${band},1000`)))].join('\n');

for (const engine of await testEngines()) {
  describe(`inclusion dashboard on ${engine.name}`, () => {
    let database: TestDatabase;
    let f: Fixtures;
    let t: ReturnType<typeof testApp>;
    let n = 0;

    const raise = async (fields: { sex?: 'female' | 'male' | 'other'; ageBand?: '18-24' | '25-34' | '35-49'; area?: string; wgWalking?: number; channel?: 'web' | 'sms' }) => {
      const r = await submitVoice(database.db, {
        title: `Inclusion voice ${++n}`, description: 'A voice raised for the inclusion figures.', category: 'water', area: fields.area ?? 'north',
        lang: 'en', channel: fields.channel ?? 'web', secret: 's', sex: fields.sex, ageBand: fields.ageBand, wgWalking: fields.wgWalking as 1 | 2 | 3 | 4 | undefined,
      }, null, f.alpha);
      assert.ok(r.ok);
      return r.value.reference;
    };

    before(async () => {
      database = await engine.open();
      f = await seedFixtures(database.db);
      t = testApp(database);
      // 30 men and 10 women speak, 6 say nothing about themselves; only 3 voices come from the south.
      for (let i = 0; i < 30; i++) await raise({ sex: 'male', ageBand: i % 2 ? '25-34' : '35-49', area: i < 27 ? 'north' : 'south' });
      for (let i = 0; i < 10; i++) await raise({ sex: 'female', ageBand: '25-34', wgWalking: i < 5 ? 3 : 1, channel: i < 5 ? 'sms' : 'web' });
      for (let i = 0; i < 6; i++) await raise({});
      // A hidden voice is spam, not a person heard.
      const spam = await raise({ sex: 'female', ageBand: '18-24' });
      await hideVoice(database.db, { reference: spam, reason: 'Spam' }, await actorOf(database.db, 'moderator'), f.alpha);
    });
    after(() => database.dispose());

    it('loads the population all or nothing: a file with a bad row changes nothing', async () => {
      const c = new Client(t.app);
      await signIn(c, ACCOUNTS.cityAdmin.email, PASSWORD);
      await c.get('/c/alpha/inclusion/population');
      const good = await c.upload('/c/alpha/inclusion/population', {}, { field: 'file', name: 'population.csv', content: POPULATION });
      assert.equal(good.status, 200);
      assert.match(good.html, /12 rows loaded: 12,000 residents/);
      await c.get('/c/alpha/inclusion/population');
      const bad = await c.upload('/c/alpha/inclusion/population', {}, { field: 'file', name: 'population.csv', content: `${POPULATION}\nnorth,female,18-24,5\neast,male,18-24,10` });
      assert.equal(bad.status, 422);
      assert.match(bad.html, /Same voice as row 2|row 2/);
      assert.match(bad.html, /No area of this city has the short name east/);
      const [total] = await queryRows<{ people: number }>(database.db, sql`select sum(people)::int as people from inclusion_population where tenant_id = ${f.alpha.id}`);
      assert.equal(total?.people, 12_000, 'the figures loaded before are kept');
      await c.get('/c/alpha/inclusion/population');
      const latin1 = await c.upload('/c/alpha/inclusion/population', {}, { field: 'file', name: 'p.csv', content: new Uint8Array([0x61, 0x72, 0x65, 0x61, 0xe9, 0x0a]) });
      assert.equal(latin1.status, 400);
      const [entry] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from core_audit where tenant_id = ${f.alpha.id} and action = 'population.load'`);
      assert.equal(entry?.n, 1, 'one load, one audit entry');
      assert.ok((await verifyAudit(database.db)).ok);
    });

    it('compares who spoke with who lives there, withholds small groups and lists the least heard', async () => {
      const dashboard = await inclusionDashboard(database.db, f.alpha.id);
      const sex = dashboard.dimensions.find((d) => d.dimension === 'sex')!;
      const female = sex.table.rows.find((r) => r.key === 'female')!;
      assert.equal(female.voices, 10, 'the hidden voice does not count');
      assert.equal(female.voiceShare, 10 / 40, 'a share of those who answered');
      assert.equal(female.populationShare, 0.5);
      assert.equal(female.ratio, 0.5);
      assert.equal(sex.table.rows.find((r) => r.key === 'unanswered')?.voices, 6);
      assert.equal(sex.table.total, 46);
      const area = dashboard.dimensions.find((d) => d.dimension === 'area')!;
      assert.deepEqual(area.table.rows.map((r) => [r.key, r.voices]), [['north', null], ['south', null]],
        'the south (3 voices) is withheld, and the north with it, or the total would give it away');
      assert.equal(area.table.total, 46);
      const ages = dashboard.dimensions.find((d) => d.dimension === 'ageBand')!;
      assert.deepEqual(ages.table.rows.find((r) => r.key === '18-24')?.voices, 0, 'a band with residents and no voices is a row, with 0');
      assert.deepEqual(dashboard.leastHeard.map((g) => [g.dimension, g.key]).slice(0, 2), [['ageBand', '18-24'], ['sex', 'female']]);
      const disability = dashboard.dimensions.find((d) => d.dimension === 'disability')!;
      assert.deepEqual(disability.table.rows.map((r) => [r.key, r.voices]), [['disability', 5], ['no-disability', 5], ['unanswered', 36]]);
      const channel = dashboard.dimensions.find((d) => d.dimension === 'channel')!;
      assert.deepEqual(channel.table.rows.map((r) => [r.key, r.voices]), [['web', 41], ['sms', 5]]);
    });

    it('shows the dashboard to anyone, with charts beside tables, in the reader\'s language', async () => {
      const page = await new Client(t.app, { 'accept-language': 'fr' }).get('/c/alpha/inclusion');
      assert.equal(page.status, 200);
      assert.match(page.html, /<svg class="bar-chart"[^>]*role="img" aria-labelledby="by-sex-title"/);
      assert.match(page.html, /<caption>Sexe : 46 voix<\/caption>/);
      assert.match(page.html, /Les groupes les moins entendus/);
      assert.match(page.html, /masqué \(moins de 5\)/);
      assert.doesNotMatch(page.html, /href="\/c\/alpha\/inclusion\/population"/, 'only admins are offered the population page');
    });

    it('downloads the same figures as CSV, with cells that could run as formulas neutralised', async () => {
      const admin = await actorOf(database.db, 'cityAdmin');
      assert.ok((await createArea(database.db, { slug: 'formula', name: '=HYPERLINK("http://evil.example","x")', boundary: square(20, 20) }, admin, f.alpha)).ok);
      const res = await t.app.request('/c/alpha/inclusion.csv');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
      const rows = parse(await res.text()) as string[][];
      assert.deepEqual(rows[0], ['dimension', 'key', 'group', 'voices', 'share of voices', 'residents', 'share of residents', 'ratio']);
      const female = rows.find((r) => r[1] === 'female')!;
      assert.deepEqual(female.slice(3), ['10', '0.25', '6000', '0.5', '0.5']);
      const formula = rows.find((r) => r[1] === 'formula')!;
      assert.equal(formula[2], '\'=HYPERLINK("http://evil.example","x")');
      assert.ok(rows.filter((r) => r[3] === 'withheld').length >= 2);
    });
  });
}
