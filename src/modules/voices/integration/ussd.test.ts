import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures, type Fixtures } from '../../../../test/support/fixtures.ts';
import { testApp } from '../../../../test/support/app.ts';
import { actorOf } from '../../../../test/support/actors.ts';
import { queryRows } from '../../../core/db/index.ts';
import { LOCALES, LOCALE_NAMES, translator } from '../../../core/i18n/index.ts';
import { createCategory, createPriority } from '../index.ts';
import { USSD_HOOK_PATH, hookToken } from '../routes/ussd.ts';
import { USSD_SCREEN_LIMIT, screenLength } from '../../../core/ussd/screens.ts';

for (const engine of await testEngines()) {
  describe(`USSD (Africa's Talking) on ${engine.name}`, () => {
    let database: TestDatabase;
    let f: Fixtures;
    let t: ReturnType<typeof testApp>;
    let sessions = 0;

    before(async () => {
      database = await engine.open();
      f = await seedFixtures(database.db);
      t = testApp(database);
    });
    after(() => database.dispose());

    const post = (city: string, body: string, token?: string, type = 'application/x-www-form-urlencoded') =>
      t.app.request(`${USSD_HOOK_PATH}/${city}?token=${encodeURIComponent(token ?? hookToken(t.config.secret, city === 'beta' ? f.beta.id : f.alpha.id, 'africas-talking'))}`, {
        method: 'POST', headers: { 'content-type': type }, body,
      });

    /** One caller's session: each press sends everything typed so far, as the gateway does. */
    const dial = (phoneNumber: string, city = 'alpha') => {
      const sessionId = `ATUid_${++sessions}_${Date.now()}`;
      const typed: string[] = [];
      const send = async (text: string) => {
        const res = await post(city, new URLSearchParams({ sessionId, serviceCode: '*384*1#', phoneNumber, text }).toString());
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
        const body = await res.text();
        const [, kind, screen] = /^(CON|END) ([\s\S]*)$/.exec(body) ?? [];
        assert.ok(kind && screen !== undefined, `a CON or END answer: ${body}`);
        assert.ok(screenLength(screen) <= USSD_SCREEN_LIMIT, `${screenLength(screen)} characters: ${screen}`);
        return { kind, screen };
      };
      return {
        sessionId,
        start: () => send(''),
        press: (answer: string) => {
          typed.push(answer);
          return send(typed.join('*'));
        },
        resend: () => send(typed.join('*')),
      };
    };
    const voicesBy = (sessionMarker: string) =>
      queryRows<{ reference: string; channel: string; lang: string; title: string; description: string; author_id: string | null }>(
        database.db, sql`select reference, channel, lang, title, description, author_id from voices_voice where description like ${`%${sessionMarker}%`}`);

    it('walks every menu path in every language, each screen within 182 characters', async () => {
      const moderator = await actorOf(database.db, 'moderator');
      const priority = await createPriority(database.db, { title: 'Clean water for every ward', description: 'Water points within reach of every home.', lang: 'en' }, moderator, f.alpha);
      assert.ok(priority.ok);
      for (const [i, locale] of LOCALES.entries()) {
        const tr = translator(locale);
        const phone = `+2547000000${i}`;
        const call = dial(phone);
        const first = await call.start();
        assert.equal(first.kind, 'CON');
        for (const name of Object.values(LOCALE_NAMES)) assert.ok(first.screen.includes(name), `${name} offered`);

        const menu = await call.press(String(i + 1));
        assert.ok(menu.screen.includes(tr('ussd.raise')) && menu.screen.includes(tr('ussd.check')), `menu in ${locale}: ${menu.screen}`);
        const wrong = await call.press('7');
        assert.equal(wrong.kind, 'CON');
        assert.ok(wrong.screen.startsWith(tr('ussd.notAChoice')), 'a wrong key says so and shows the menu again');

        const categories = await call.press('1');
        assert.ok(categories.screen.startsWith(tr('ussd.chooseCategory')));
        const areas = await call.press('1');
        assert.ok(areas.screen.startsWith(tr('ussd.chooseArea')));
        const prompt = await call.press('1');
        assert.ok(prompt.screen.startsWith(tr('ussd.describe')));
        const tooShort = await call.press('ab');
        assert.equal(tooShort.kind, 'CON', 'too short a description is asked again');
        // A description may itself contain the separator the gateway joins answers with.
        const marker = `ussd-${locale}-${call.sessionId}`;
        const done = await call.press(`Kiosk dry * no water since Monday ${marker}`);
        assert.equal(done.kind, 'END');
        const [stored, ...others] = await voicesBy(marker);
        assert.ok(stored && others.length === 0);
        assert.equal(done.screen, tr('ussd.thanks', { reference: stored.reference }));
        assert.deepEqual([stored.channel, stored.lang, stored.author_id], ['ussd', locale, null]);
        assert.equal(stored.description, `Kiosk dry * no water since Monday ${marker}`);

        const again = await call.resend();
        assert.equal(again.screen, done.screen, 'a resent last step gets the same answer');
        assert.equal((await voicesBy(marker)).length, 1, 'and stores nothing twice');

        // The next call starts in the language chosen before, and finds the voice by its number.
        const follow = dial(phone);
        const menuAgain = await follow.start();
        assert.ok(menuAgain.screen.includes(tr('ussd.raise')), 'remembered language');
        assert.ok((await follow.press('2')).screen.startsWith(tr('ussd.askReference', { example: '123' }).slice(0, 10)));
        const missing = await follow.press('999999');
        assert.ok(missing.screen.startsWith(tr('ussd.notFound')));
        const status = await follow.press(String(Number(stored.reference.split('-')[2])));
        assert.equal(status.kind, 'END');
        assert.ok(status.screen.startsWith(`${stored.reference}`) && status.screen.includes(tr('status.received')), status.screen);

        // Backing a priority counts the caller once, however often they choose it.
        for (const time of ['first', 'again']) {
          const back = dial(phone);
          await back.start();
          const list = await back.press('3');
          assert.ok(list.screen.startsWith(tr('ussd.choosePriority')) && list.screen.includes('Clean water for every ward'), list.screen);
          const backed = await back.press('1');
          assert.equal(backed.kind, 'END');
          const key = time === 'first' ? 'ussd.supported' : 'ussd.alreadySupported';
          assert.equal(backed.screen, tr(key, { title: 'Clean water for every ward', count: i + 1 }));
        }

        // Choosing the language again is on the menu.
        const change = dial(phone);
        await change.start();
        const languages = await change.press('4');
        assert.ok(languages.screen.includes(LOCALE_NAMES.en) && languages.screen.includes(LOCALE_NAMES.ar));
      }
    });

    it('says so when a city has no priorities to back', async () => {
      const call = dial('+254766666666', 'beta');
      await call.start();
      await call.press('1');
      assert.deepEqual(await call.press('3'), { kind: 'END', screen: translator('en')('ussd.noPriorities') });
    });

    it('takes voices by phone where the web form requires signing in', async () => {
      const call = dial('+254711111111', 'beta');
      await call.start();
      await call.press('1');
      await call.press('1');
      await call.press('1');
      await call.press('1');
      const done = await call.press(`Broken streetlight on the main road beta-${call.sessionId}`);
      assert.equal(done.kind, 'END');
      assert.equal((await voicesBy(`beta-${call.sessionId}`)).length, 1);
    });

    it('leaves nothing behind when a caller stops half-way, and ends stale or unknown sessions', async () => {
      const before = (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from voices_voice`))[0]!.n;
      const call = dial('+254722222222');
      await call.start();
      await call.press('1');
      await call.press('1');
      await call.press('1');
      await call.press('1');
      await database.db.execute(sql`update voices_ussd_session set updated_at = now() - interval '20 minutes' where session_id = ${call.sessionId}`);
      const late = await call.press('The kiosk has been dry for a week now');
      assert.deepEqual(late, { kind: 'END', screen: translator('en')('ussd.expired') });
      const unknown = await post('alpha', new URLSearchParams({ sessionId: 'never-seen', phoneNumber: '+254733333333', text: '1*2' }).toString());
      assert.equal(await unknown.text(), `END ${translator('en')('ussd.expired')}`);
      const after = (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from voices_voice`))[0]!.n;
      assert.equal(after, before);
    });

    it('pages a long list of categories with 98, each page within the limit', async () => {
      const admin = await actorOf(database.db, 'cityAdmin');
      for (let n = 1; n <= 12; n++) {
        await createCategory(database.db, { slug: `long-${n}`, names: { en: `Category number ${n} with a rather long name for a small screen` } }, admin, f.alpha);
      }
      const call = dial('+254744444444');
      await call.start();
      await call.press('1');
      const first = await call.press('1');
      assert.match(first.screen, /\n98\. More$/);
      const second = await call.press('98');
      assert.ok(second.screen.startsWith(translator('en')('ussd.chooseCategory')));
      assert.notEqual(second.screen, first.screen);
      const picked = await call.press('1');
      assert.ok(picked.screen.startsWith(translator('en')('ussd.chooseArea')), 'an option of the second page can be chosen');
    });

    it('refuses a wrong token, a missing field and another body type, with a message', async () => {
      const body = new URLSearchParams({ sessionId: 's-1', phoneNumber: '+254755555555', text: '' }).toString();
      const forbidden = await post('alpha', body, 'not-the-token');
      assert.equal(forbidden.status, 403);
      assert.match(await forbidden.text(), /token/);
      const otherCity = await post('beta', body, hookToken(t.config.secret, f.alpha.id, 'africas-talking'));
      assert.equal(otherCity.status, 403, "one city's token does not open another's");
      const missing = await post('alpha', new URLSearchParams({ text: '' }).toString());
      assert.equal(missing.status, 400);
      assert.match(await missing.text(), /sessionId, phoneNumber/);
      const badPhone = await post('alpha', new URLSearchParams({ sessionId: 's-2', phoneNumber: 'call me', text: '' }).toString());
      assert.equal(badPhone.status, 400);
      assert.equal((await post('alpha', '{"sessionId":"s"}', undefined, 'application/json')).status, 415);
      assert.equal((await post('nowhere', body, 'x')).status, 404);
    });
  });
}
