// DESIGN.md's page budget: a resident-facing page and its stylesheet fit the first round trip
// of a slow network (HTML + CSS ≤ 14 KB compressed); any page stays under 50 KB before images.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LOCALES } from '../src/core/i18n/index.ts';
import { gzipSync } from 'node:zlib';
import { testEngines, type TestDatabase } from './support/databases.ts';
import { seedFixtures, ACCOUNTS, PASSWORD } from './support/fixtures.ts';
import { testApp } from './support/app.ts';
import { Client, signIn } from './support/client.ts';
import { actorOf } from './support/actors.ts';
import { submitVoice, publishVoice, replyToVoice, changeVoiceStatus, createPriority, addVoiceToPriority } from '../src/modules/voices/index.ts';
import { scriptHref, stylesheetHref } from '../src/core/views/index.ts';
import { seedBudgets } from './support/budgets.ts';

const FIRST_ROUND_TRIP = 14 * 1024;
const ANY_PAGE = 50 * 1024;

describe('page budget', () => {
  let database: TestDatabase;
  let t: ReturnType<typeof testApp>;
  let reference = '';
  let priorityId = '';
  before(async () => {
    const [engine] = await testEngines();
    database = await engine!.open();
    const f = await seedFixtures(database.db);
    t = testApp(database);
    const moderator = await actorOf(database.db, 'moderator');
    await seedBudgets(database.db, f.alpha, t.config.secret);
    const p = await createPriority(database.db, { title: 'Safe water within 15 minutes of every home', description: 'Residents across the wards ask for reliable water kiosks close to home.', lang: 'en' }, moderator, f.alpha);
    priorityId = p.ok ? p.value.id : '';
    // A full first page of long voices, as a busy city has.
    for (let i = 0; i < 25; i++) {
      const v = await submitVoice(database.db, {
        title: `Voice ${i}: no water at the kiosk near the market since Monday morning`,
        description: 'The water kiosk near the market has been dry for days. Families walk over an hour to fetch water. '.repeat(20),
        category: 'water', area: i % 2 ? 'north' : 'south', lang: 'en', channel: 'web', secret: 's',
      }, null, f.alpha);
      assert.ok(v.ok);
      reference = v.value.reference;
      await publishVoice(database.db, { reference }, moderator, f.alpha);
      await addVoiceToPriority(database.db, { reference, priorityId }, moderator, f.alpha);
    }
    for (const status of ['under_review', 'planned', 'in_progress'] as const) {
      await changeVoiceStatus(database.db, { reference, status, note: 'A team from the county will visit this week to check the pump.' }, moderator, f.alpha, null);
      await replyToVoice(database.db, { reference, body: 'Thank you. A team from the county will visit this week.' }, moderator, f.alpha);
    }
  });
  after(() => database.dispose());

  const measure = async (client: Client, path: string) => {
    const page = await client.get(path);
    assert.equal(page.status, path.includes('nowhere') ? 404 : 200, path);
    return page.html;
  };

  it('keeps resident-facing pages with their stylesheet within 14 KB compressed, in every language', async () => {
    const css = (await new Client(t.app).get(stylesheetHref)).html;
    const cssBytes = gzipSync(css).length;
    const scriptBytes = gzipSync((await new Client(t.app).get(scriptHref)).html).length;
    const over: string[] = [];
    for (const lang of LOCALES) {
      const client = new Client(t.app, { 'accept-language': lang });
      const paths = ['/', '/c/alpha/voices', '/c/alpha/voices/new', `/c/alpha/voices/${reference}`, '/c/alpha/priorities',
        `/c/alpha/priorities/${priorityId}`, '/c/alpha/inclusion', '/account/login', '/account/register', '/account/forgot', '/c/alpha/nowhere',
        '/c/alpha/budgets', '/c/alpha/budgets/vote', '/c/alpha/budgets/vote/vote?area=north', '/c/alpha/budgets/done/results', '/c/alpha/budgets/done/projects/1'];
      for (const path of paths) {
        // The ballot also loads the enhancement script.
        const total = gzipSync(await measure(client, path)).length + cssBytes + (path.includes('/vote/vote') ? scriptBytes : 0);
        if (total > FIRST_ROUND_TRIP) over.push(`${lang} ${path}: ${total} bytes`);
      }
    }
    assert.deepEqual(over, []);
  });

  it('keeps every other page under 50 KB before images', async () => {
    const client = new Client(t.app);
    await signIn(client, ACCOUNTS.cityAdmin.email, PASSWORD);
    for (const path of ['/c/alpha/moderate', '/c/alpha/moderate?view=open', `/c/alpha/moderate/voices/${reference}`, '/c/alpha/settings', '/c/alpha/settings/texts', '/c/alpha/inclusion/population', '/account',
      '/c/alpha/budgets/new', '/c/alpha/budgets/collect/review', '/c/alpha/budgets/vote/codes', '/c/alpha/budgets/vote/paper', '/c/alpha/budgets/collect/edit']) {
      const size = Buffer.byteLength(await measure(client, path));
      assert.ok(size <= ANY_PAGE, `${path}: ${size} bytes`);
    }
  });
});
