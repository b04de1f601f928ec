import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures, ACCOUNTS, PASSWORD, type Fixtures } from '../../../../test/support/fixtures.ts';
import { testApp } from '../../../../test/support/app.ts';
import { actorOf } from '../../../../test/support/actors.ts';
import { Client, signIn } from '../../../../test/support/client.ts';
import { queryRows } from '../../../core/db/index.ts';
import { AppError } from '../../../core/result.ts';
import { submitVoice } from '../index.ts';

const voice = { title: 'Latrine block locked', description: 'The public latrine by the bus park has been locked for days.', category: 'water', area: 'north' };

for (const engine of await testEngines()) {
  describe(`assisted entry on ${engine.name}`, () => {
    let database: TestDatabase;
    let f: Fixtures;
    let t: ReturnType<typeof testApp>;
    const count = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from voices_voice`))[0]!.n;
    before(async () => {
      database = await engine.open();
      f = await seedFixtures(database.db);
      t = testApp(database);
    });
    after(() => database.dispose());

    it('lets a facilitator enter a voice for someone once they confirm the person agreed', async () => {
      const c = new Client(t.app, { 'accept-language': 'fr' });
      await signIn(c, ACCOUNTS.facilitator.email, PASSWORD);
      const form = await c.get('/c/alpha/assist');
      assert.equal(form.status, 200);
      assert.match(form.html, /<input type="checkbox" id="consent" name="consent" value="yes"/);
      assert.match(form.html, /Saisir un signalement pour quelqu'un/);

      const before = await count();
      const refused = await c.post('/c/alpha/assist', voice);
      assert.equal(refused.status, 400);
      assert.match(refused.html, /Confirmez que la personne a accepté avant d'envoyer son signalement/);
      assert.match(refused.html, /value="Latrine block locked"/, 'what was typed is kept');
      assert.equal(await count(), before, 'nothing is stored without consent');

      const sent = await c.post('/c/alpha/assist', { ...voice, consent: 'yes' });
      assert.equal(sent.status, 303);
      const reference = /ALP-\d{4}-\d{6}/.exec(sent.location!)![0];
      const facilitator = await actorOf(database.db, 'facilitator');
      const [row] = await queryRows<{ channel: string; author_id: string | null; assisted_by: string; consented: boolean; actor_id: string }>(database.db,
        sql`select v.channel, v.author_id, v.assisted_by, v.consented_at is not null as consented, a.actor_id
            from voices_voice v join core_audit a on a.tenant_id = v.tenant_id and a.object_id = v.id::text and a.action = 'voice.submit'
            where v.reference = ${reference}`);
      assert.deepEqual({ ...row }, { channel: 'assisted', author_id: null, assisted_by: facilitator.userId, consented: true, actor_id: facilitator.userId });
      const page = await c.get(sent.location!);
      assert.equal(page.status, 200);
    });

    it('imports typed-up paper forms all or nothing, and a file sent twice stores nothing new', async () => {
      const c = new Client(t.app);
      await signIn(c, ACCOUNTS.facilitator.email, PASSWORD);
      await c.get('/c/alpha/assist/import');
      const header = 'title,description,category,area,consent,latitude,longitude';
      const row = (n: number, extra = ',,') => `Blocked drain ${n},"The drain on Lake Road, section ${n}, overflows when it rains.",water,north,yes${extra}`;
      const before = await count();

      const bad = await c.upload('/c/alpha/assist/import', {}, { field: 'file', name: 'forms.csv', content: [header, row(1), 'Hi,short,water,north,no,,', row(3)].join('\n') });
      assert.equal(bad.status, 422);
      assert.match(bad.html, /<td>3<\/td><td>consent<\/td><td>Write yes when the person agreed/);
      assert.match(bad.html, /The file has \d+ problems; nothing was stored/);
      assert.equal(await count(), before);

      // Row 3 passes the checks but its point lies outside its area: the whole file is rolled back.
      const late = await c.upload('/c/alpha/assist/import', {}, { field: 'file', name: 'forms.csv', content: [header, row(1), row(2), row(3, ',10.05,10.05')].join('\n') });
      assert.equal(late.status, 422);
      assert.match(late.html, /<td>4<\/td>/);
      assert.equal(await count(), before, 'nothing from a refused file is kept');

      const file = [header, row(1), row(2)].join('\n');
      const good = await c.upload('/c/alpha/assist/import', {}, { field: 'file', name: 'forms.csv', content: file });
      assert.equal(good.status, 200, good.html);
      assert.match(good.html, /2 voices in the file, 2 stored now/);
      assert.equal((good.html.match(/href="\/c\/alpha\/voices\/ALP-\d{4}-\d{6}"/g) ?? []).length, 2);
      const again = await c.upload('/c/alpha/assist/import', {}, { field: 'file', name: 'forms.csv', content: file });
      assert.match(again.html, /none new: this file was sent before/);
      assert.equal(await count(), before + 2);
      const channels = await queryRows<{ channel: string; n: number }>(database.db, sql`select channel, count(*)::int as n from voices_voice where title like 'Blocked drain %' group by channel`);
      assert.deepEqual(channels.map((r) => ({ ...r })), [{ channel: 'assisted', n: 2 }]);

      const latin1 = new Uint8Array([...new TextEncoder().encode(`${header}\nCaf`), 0xe9, ...new TextEncoder().encode(' ferm\n')]);
      const encoding = await c.upload('/c/alpha/assist/import', {}, { field: 'file', name: 'forms.csv', content: latin1 });
      assert.equal(encoding.status, 400);
      assert.match(encoding.html, /Save the file as UTF-8 text/);
      const none = await c.upload('/c/alpha/assist/import', {}, { field: 'file', name: 'empty.csv', content: '' });
      assert.equal(none.status, 400);
      assert.match(none.html, /Choose a CSV file to send/);
    });

    it('prints a blank paper form in each language, with the city\'s categories and areas', async () => {
      for (const [lang, consent] of [['en', 'The person agreed'], ['fr', 'La personne a accepté'], ['ar', 'وافق الشخص']] as const) {
        const page = await new Client(t.app, { 'accept-language': lang }).get('/c/alpha/paper-form');
        assert.equal(page.status, 200);
        assert.ok(page.html.includes(consent), `${lang} consent line`);
        assert.match(page.html, lang === 'ar' ? /dir="rtl"/ : /dir="ltr"/);
        for (const name of ['North', 'South']) assert.ok(page.html.includes(name));
      }
    });

    it('refuses people without the role, and the service itself checks role and consent', async () => {
      const resident = new Client(t.app);
      await signIn(resident, ACCOUNTS.resident.email, PASSWORD);
      assert.equal((await resident.get('/c/alpha/assist')).status, 403);
      const actor = await actorOf(database.db, 'resident');
      await assert.rejects(submitVoice(database.db, { ...voice, lang: 'en', channel: 'assisted', secret: 's', consent: true }, actor, f.alpha),
        (e) => e instanceof AppError && e.status === 403);
      const facilitator = await actorOf(database.db, 'facilitator');
      assert.deepEqual(await submitVoice(database.db, { ...voice, lang: 'en', channel: 'assisted', secret: 's' }, facilitator, f.alpha),
        { ok: false, error: 'consent-required' });
    });
  });
}
