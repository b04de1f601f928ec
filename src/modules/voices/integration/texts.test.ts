import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures, type Fixtures } from '../../../../test/support/fixtures.ts';
import { testApp } from '../../../../test/support/app.ts';
import { actorOf } from '../../../../test/support/actors.ts';
import { queryRows } from '../../../core/db/index.ts';
import { verifyAudit } from '../../../core/audit/index.ts';
import { findTenantBySlug } from '../../../core/tenancy/index.ts';
import { changeVoiceStatus } from '../index.ts';
import { hookToken } from '../routes/ussd.ts';
import { TEXT_HOOK_PATH } from '../routes/texts.ts';
import { twilioSignature, whatsappSignature } from '../texts/gateways/index.ts';
import { textOutbox } from '../texts/outbox.ts';
import { phoneHash } from '../texts/phone.ts';
import { setTextDefaults } from '../services/set-text-defaults.ts';

const TWILIO = { TWILIO_AUTH_TOKEN: 'twilio-auth-token', TWILIO_ACCOUNT_SID: 'AC123', TWILIO_FROM: '+15005550006' };
const WHATSAPP = { WHATSAPP_APP_SECRET: 'meta-app-secret', WHATSAPP_VERIFY_TOKEN: 'verify-me', WHATSAPP_ACCESS_TOKEN: 'wa-token', WHATSAPP_PHONE_NUMBER_ID: '1234' };

/** A stand-in for the gateways' sending APIs on 127.0.0.1: records requests, fails the first N. */
async function fakeGateway(failFirst: number) {
  const seen: { url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      res.setHeader('content-type', 'application/json');
      if (seen.length <= failFirst) {
        res.statusCode = 503;
        return res.end('{"error":"try later"}');
      }
      if (req.url?.includes('Messages.json')) return res.end('{"sid":"SM42"}');
      if (req.url?.includes('/messages')) return res.end('{"messages":[{"id":"wamid.42"}]}');
      res.end('{"SMSMessageData":{"Recipients":[{"statusCode":101,"status":"Success","messageId":"ATXid_42"}]}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

for (const engine of await testEngines()) {
  describe(`SMS and WhatsApp on ${engine.name}`, () => {
    let database: TestDatabase;
    let f: Fixtures;
    let t: ReturnType<typeof testApp>;
    let messages = 0;

    before(async () => {
      database = await engine.open();
      f = await seedFixtures(database.db);
      t = testApp(database, { ...TWILIO, ...WHATSAPP });
    });
    after(() => database.dispose());

    const nextId = () => `msg-${++messages}-${Date.now()}`;
    const atUrl = (city = 'alpha', token?: string) =>
      `${TEXT_HOOK_PATH}/africas-talking/${city}?token=${encodeURIComponent(token ?? hookToken(t.config.secret, city === 'beta' ? f.beta.id : f.alpha.id, 'africas-talking'))}`;
    const sms = (from: string, text: string, options: { id?: string; city?: string; token?: string; app?: typeof t } = {}) =>
      (options.app ?? t).app.request(atUrl(options.city, options.token), {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ from, to: '22384', text, date: '2026-11-26 10:00:00', id: options.id ?? nextId(), linkId: '' }).toString(),
      });
    const sentTo = (phone: string) =>
      queryRows<{ purpose: string; body: string; status: string; phone_sealed: string | null; attempts: number; gateway_message_id: string | null; last_error: string | null; gateway: string }>(
        database.db, sql`select purpose, body, status, phone_sealed, attempts, gateway_message_id, last_error, gateway from voices_text_delivery
          where phone_hash = ${phoneHash(t.config.secret, phone)} order by created_at, id`);
    const voicesFrom = (marker: string) => queryRows<{ id: string; reference: string; channel: string; lang: string; category: string; area: string; description: string; author_id: string | null }>(
      database.db, sql`select v.id, v.reference, v.channel, v.lang, c.slug as category, a.slug as area, v.description, v.author_id from voices_voice v
        join voices_category c on c.tenant_id = v.tenant_id and c.id = v.category_id join voices_area a on a.tenant_id = v.tenant_id and a.id = v.area_id
        where v.description like ${`%${marker}%`}`);

    it('turns a text into a voice and answers with its reference, sent through the queue; the number is kept only until then', async () => {
      const phone = '+254711000001';
      const res = await sms(phone, 'WATER the North kiosk has had no water since Monday (m1)');
      assert.equal(res.status, 200);
      const [voice, ...more] = await voicesFrom('(m1)');
      assert.ok(voice && more.length === 0);
      assert.deepEqual([voice.channel, voice.category, voice.area, voice.author_id], ['sms', 'water', 'north', null]);
      assert.equal(voice.description, 'the North kiosk has had no water since Monday (m1)', 'the topic word is not part of the description');
      let [receipt] = await sentTo(phone);
      assert.equal(receipt?.status, 'queued');
      assert.ok(receipt?.phone_sealed && !receipt.phone_sealed.includes('711000001'), 'the number is sealed while the reply is owed');
      assert.match(receipt.body, new RegExp(`Reference ${voice.reference}`));
      assert.match(receipt.body, /STATUS \d+/);
      assert.ok(await t.jobs.drain('voices-texts') >= 1);
      [receipt] = await sentTo(phone);
      assert.equal(receipt?.status, 'sent');
      assert.equal(receipt?.phone_sealed, null, 'the number goes once the text is sent');
      assert.match(receipt?.gateway_message_id ?? '', /^log-/);
      const [plain] = await queryRows<{ n: number }>(database.db, sql`
        select count(*)::int as n from voices_text_delivery where body like '%711000001%' or coalesce(phone_sealed, '') like '%711000001%'`);
      assert.equal(plain?.n, 0);
    });

    it('stores nothing twice and answers once when the gateway delivers the same message again', async () => {
      const phone = '+254711000002';
      const id = nextId();
      for (let i = 0; i < 3; i++) assert.equal((await sms(phone, 'ROADS the road to the South market is flooded (m2)', { id })).status, 200);
      assert.equal((await voicesFrom('(m2)')).length, 1);
      assert.equal((await sentTo(phone)).length, 1);
    });

    it('answers a burst once per message, even when the gateway sends one message several times at once', async () => {
      const phones = Array.from({ length: 12 }, (_, i) => `+2547220000${String(i).padStart(2, '0')}`);
      const repeated = nextId();
      const sent = await Promise.all([
        ...phones.map((phone, i) => sms(phone, `WATER burst ${i} at the North standpipe (m2b)`)),
        ...Array.from({ length: 5 }, () => sms('+254722000099', 'WATER one message sent five times at once from North (m2c)', { id: repeated })),
      ]);
      assert.ok(sent.every((res) => res.status === 200));
      assert.equal((await voicesFrom('(m2b)')).length, 12);
      assert.equal((await voicesFrom('(m2c)')).length, 1);
      for (const phone of phones) assert.deepEqual((await sentTo(phone)).map((x) => x.purpose), ['receipt'], phone);
      assert.deepEqual((await sentTo('+254722000099')).map((x) => x.purpose), ['receipt'], 'one answer for the message sent five times');
    });

    it('refuses callbacks without the token, or that are not forms, or from numbers it cannot read, storing nothing', async () => {
      assert.equal((await sms('+254711000003', 'WATER a leak near the North school (m3)', { token: 'wrong' })).status, 403);
      assert.equal((await sms('+254711000003', 'WATER a leak near the North school (m3)', { city: 'beta', token: hookToken(t.config.secret, f.alpha.id, 'africas-talking') })).status, 403,
        "one city's token does not open another's address");
      const json = await t.app.request(atUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(json.status, 415);
      for (const from of ['0711000003', '12345', 'not a number', '']) {
        const res = await sms(from, 'WATER a leak near the North school (m3)');
        assert.equal(res.status, 400, from);
        assert.match(await res.text(), /international format/);
      }
      const noId = await t.app.request(atUrl(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'from=%2B254711000003&text=hello' });
      assert.equal(noId.status, 400);
      assert.equal((await voicesFrom('(m3)')).length, 0);
      assert.equal((await t.app.request(`${TEXT_HOOK_PATH}/carrier-pigeon/alpha`, { method: 'POST', body: '' })).status, 404);
    });

    it('answers STATUS in the language of its keyword, and remembers that language for the next answer', async () => {
      const phone = '+254711000004';
      await sms(phone, 'WATER the tap at the South clinic is broken (m4)');
      const [voice] = await voicesFrom('(m4)');
      const number = String(Number(voice!.reference.split('-')[2]));
      await sms(phone, `status ${number}`);
      await sms(phone, `Statut ${voice!.reference.toLowerCase()}`);
      await sms(phone, 'Bonjour');
      await sms(phone, 'STATUT 999999');
      await sms(phone, 'STATUT');
      await sms(phone, 'STATUS');
      const texts = await sentTo(phone);
      assert.deepEqual(texts.map((x) => x.purpose), ['receipt', 'status', 'status', 'help', 'help', 'help', 'help']);
      assert.match(texts[1]!.body, new RegExp(`^${voice!.reference}: Received`));
      assert.match(texts[2]!.body, new RegExp(`^${voice!.reference} : Reçu`));
      assert.match(texts[3]!.body, /commencez votre message par un thème/, 'the language chosen by a keyword is kept for what follows');
      assert.match(texts[4]!.body, /Aucune voix n’a la référence 999999/);
      assert.match(texts[5]!.body, /STATUT 123/);
      assert.match(texts[6]!.body, /STATUS 123/, 'an English keyword is answered in English');
    });

    it('sends news of a voice to whoever texted FOLLOW, and forgets their number once the voice is closed', async () => {
      const phone = '+254711000005';
      await sms(phone, 'ROADS a pothole on the North bridge (m5)');
      const [voice] = await voicesFrom('(m5)');
      await sms(phone, `FOLLOW ${voice!.reference}`);
      const moderator = await actorOf(database.db, 'moderator');
      const outbox = textOutbox({ jobs: t.jobs, config: t.config });
      assert.ok((await changeVoiceStatus(database.db, { reference: voice!.reference, status: 'planned', note: 'Crew booked for Friday' }, moderator, f.alpha, outbox)).ok);
      assert.ok((await changeVoiceStatus(database.db, { reference: voice!.reference, status: 'resolved' }, moderator, f.alpha, outbox)).ok);
      assert.ok((await changeVoiceStatus(database.db, { reference: voice!.reference, status: 'under_review' }, moderator, f.alpha, outbox)).ok);
      const texts = await sentTo(phone);
      assert.deepEqual(texts.map((x) => x.purpose), ['receipt', 'follow', 'notice', 'notice']);
      assert.equal(texts[2]!.body, `${voice!.reference} is now: Planned. Crew booked for Friday`);
      assert.equal(texts[3]!.body, `${voice!.reference} is now: Resolved.`);
      const [followers] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from voices_text_follower where voice_id = ${voice!.id}`);
      assert.equal(followers?.n, 0, 'no number is kept for a closed voice');
    });

    it('honours STOP: pending texts are dropped, no more answers, one confirmation; START turns texts back on', async () => {
      const phone = '+254711000006';
      await sms(phone, 'WATER no water in North since Sunday (m6)');
      const [voice] = await voicesFrom('(m6)');
      await sms(phone, `FOLLOW ${voice!.reference}`);
      await sms(phone, 'stop');
      await sms(phone, 'STOP');
      await sms(phone, 'WATER still no water in North today (m6b)');
      assert.equal((await voicesFrom('(m6b)')).length, 1, 'a voice from an opted-out number is still heard');
      let texts = await sentTo(phone);
      assert.deepEqual(texts.map((x) => [x.purpose, x.status]), [['receipt', 'dropped'], ['follow', 'dropped'], ['stop', 'queued']]);
      assert.ok(texts.filter((x) => x.status === 'dropped').every((x) => x.phone_sealed === null));
      const moderator = await actorOf(database.db, 'moderator');
      await changeVoiceStatus(database.db, { reference: voice!.reference, status: 'planned' }, moderator, f.alpha, textOutbox({ jobs: t.jobs, config: t.config }));
      assert.equal((await sentTo(phone)).length, 3, 'no news after STOP');
      await sms(phone, 'Start');
      texts = await sentTo(phone);
      assert.equal(texts.at(-1)?.purpose, 'start');
      assert.match(texts.at(-1)!.body, /on again/);
      const audit = await verifyAudit(database.db);
      assert.ok(audit.ok);
    });

    it('takes "Stop the flooding…" for a voice, not an opt-out', async () => {
      const phone = '+254711000007';
      await sms(phone, 'Stop the flooding on the South road please (m7)', {});
      const texts = await sentTo(phone);
      assert.deepEqual(texts.map((x) => x.purpose), ['help'], 'no topic and no default: the sender is told the topics');
      assert.match(texts[0]!.body, /ROADS, WATER/);
      assert.equal((await voicesFrom('(m7)')).length, 0);
    });

    it("uses the city's defaults for a text that names no topic or area, and says what is wrong with a text too short or too long", async () => {
      const admin = await actorOf(database.db, 'cityAdmin');
      assert.deepEqual(await setTextDefaults(database.db, { category: 'sewers' }, admin, f.alpha), { ok: false, error: 'unknown-category' });
      assert.deepEqual(await setTextDefaults(database.db, { area: 'east' }, admin, f.alpha), { ok: false, error: 'unknown-area' });
      await assert.rejects(setTextDefaults(database.db, { category: 'roads' }, await actorOf(database.db, 'moderator'), f.alpha), 'only city admins choose the defaults');
      assert.ok((await setTextDefaults(database.db, { category: 'roads', area: 'south' }, admin, f.alpha)).ok);
      const alpha = (await findTenantBySlug(database.db, 'alpha'))!;
      const phone = '+254711000008';
      await sms(phone, 'Street lamp broken ✨ near the school, مرحبا, 你好 (m8)');
      const [voice] = await voicesFrom('(m8)');
      assert.deepEqual([voice?.category, voice?.area], ['roads', 'south']);
      assert.equal(voice?.description, 'Street lamp broken ✨ near the school, مرحبا, 你好 (m8)', 'emoji and every script are kept as sent');
      await sms(phone, 'Hi');
      await sms(phone, `${'A long complaint about the market. '.repeat(130)}(m8b)`);
      const texts = await sentTo(phone);
      assert.deepEqual(texts.map((x) => x.purpose), ['receipt', 'help', 'help']);
      assert.match(texts[1]!.body, /at least 10 characters/);
      assert.match(texts[2]!.body, /at most 4,000 characters/);
      assert.equal((await voicesFrom('(m8b)')).length, 0);
      assert.ok((await setTextDefaults(database.db, {}, admin, alpha)).ok);
    });

    it('checks Twilio signatures over the whole address and form, and answers with empty TwiML', async () => {
      const url = `http://localhost${TEXT_HOOK_PATH}/twilio/alpha`;
      const form = new URLSearchParams({ MessageSid: `SM${nextId()}`, From: '+254711000009', To: TWILIO.TWILIO_FROM, Body: 'WATER burst pipe at North gate (m9)', NumMedia: '0' });
      const post = (signature: string, body = form) => t.app.request(url, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: body.toString(),
      });
      const good = twilioSignature(TWILIO.TWILIO_AUTH_TOKEN, url, form);
      const tampered = new URLSearchParams(form);
      tampered.set('Body', 'WATER something else entirely (m9)');
      assert.equal((await post(good, tampered)).status, 403);
      assert.equal((await post('bm90IGEgc2lnbmF0dXJl')).status, 403);
      const res = await post(good);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/xml/);
      assert.match(await res.text(), /<Response><\/Response>/);
      const [voice] = await voicesFrom('(m9)');
      assert.equal(voice?.channel, 'sms');
      assert.equal((await sentTo('+254711000009'))[0]?.gateway, 'twilio', 'the answer goes back through the gateway the text came in by');
      const unconfigured = testApp(database);
      const refused = await unconfigured.app.request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': good }, body: form.toString() });
      assert.equal(refused.status, 403);
      assert.match(await refused.text(), /TWILIO_AUTH_TOKEN/);
    });

    it('checks the WhatsApp signature, reads text messages, answers pictures with a request for words, and ignores delivery receipts', async () => {
      const notify = (messages: unknown[], statuses: unknown[] = []) => JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '1234' }, messages, statuses } }] }],
      });
      const post = (body: string, signature = whatsappSignature(WHATSAPP.WHATSAPP_APP_SECRET, new TextEncoder().encode(body))) =>
        t.app.request(`${TEXT_HOOK_PATH}/whatsapp/alpha`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body });
      const text = notify([{ from: '254711000010', id: `wamid.${nextId()}`, timestamp: '1795600000', type: 'text', text: { body: 'WATER kiosk in South closed for a week (m10)' } }]);
      assert.equal((await post(text, 'sha256=00')).status, 403);
      const res = await post(text);
      assert.equal(res.status, 200);
      assert.equal(await res.text(), 'EVENT_RECEIVED');
      assert.equal((await voicesFrom('(m10)'))[0]?.channel, 'whatsapp');
      await post(notify([{ from: '254711000010', id: `wamid.${nextId()}`, timestamp: '1795600001', type: 'image', image: { id: 'img' } }]));
      assert.equal((await post(notify([], [{ id: 'wamid.x', status: 'delivered', recipient_id: '254711000010' }]))).status, 200);
      const texts = await sentTo('+254711000010');
      assert.deepEqual(texts.map((x) => x.purpose), ['receipt', 'help']);
      assert.match(texts[1]!.body, /Only written messages/);
      const malformed = await post('{"object": "whatsapp_business_account", "entry": [{"changes": [{"value": {"messages": [{"type": "text"}]}}]}]}');
      assert.equal(malformed.status, 400);
      assert.equal((await post('not json')).status, 400);
    });

    it("answers WhatsApp's address check only with the verify token", async () => {
      const check = (token: string) => t.app.request(`${TEXT_HOOK_PATH}/whatsapp/alpha?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`);
      const ok = await check(WHATSAPP.WHATSAPP_VERIFY_TOKEN);
      assert.equal(ok.status, 200);
      assert.equal(await ok.text(), '1158201444');
      assert.equal((await check('guess')).status, 403);
    });

    it('sends through the live gateways, retrying with back-off and logging each try, until the gateway accepts', async () => {
      await t.jobs.drain('voices-texts');
      const gateway = await fakeGateway(1);
      try {
        const live = testApp(database, {
          ...TWILIO, ...WHATSAPP, BARAZA_TEXT_OUTBOUND: 'live', BARAZA_TEXT_RETRY_DELAY_SECONDS: '1',
          AFRICASTALKING_USERNAME: 'sandbox', AFRICASTALKING_API_KEY: 'at-key', AFRICASTALKING_API_URL: `${gateway.url}/version1/messaging`,
          TWILIO_API_URL: gateway.url, WHATSAPP_API_URL: gateway.url,
        });
        const phone = '+254711000011';
        await sms(phone, 'WATER the South standpipe leaks all night (m11)', { app: live });
        await live.jobs.drain('voices-texts');
        let [receipt] = await sentTo(phone);
        assert.deepEqual([receipt?.status, receipt?.attempts], ['queued', 1]);
        assert.match(receipt?.last_error ?? '', /503/);
        for (let i = 0; i < 40 && receipt?.status === 'queued'; i++) {
          await new Promise((r) => setTimeout(r, 250));
          await live.jobs.drain('voices-texts');
          [receipt] = await sentTo(phone);
        }
        assert.deepEqual([receipt?.status, receipt?.attempts, receipt?.gateway_message_id, receipt?.phone_sealed], ['sent', 2, 'ATXid_42', null]);
        const sent = new URLSearchParams(gateway.seen.at(-1)!.body);
        assert.equal(gateway.seen.at(-1)!.headers.apikey, 'at-key');
        assert.deepEqual([sent.get('username'), sent.get('to')], ['sandbox', phone]);
        assert.match(sent.get('message') ?? '', /Reference/);

        const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ changes: [{ value: { messages: [{ from: '254711000012', id: `wamid.${nextId()}`, type: 'text', text: { body: 'HELP' } }] } }] }] });
        await live.app.request(`${TEXT_HOOK_PATH}/whatsapp/alpha`, {
          method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': whatsappSignature(WHATSAPP.WHATSAPP_APP_SECRET, new TextEncoder().encode(body)) }, body,
        });
        await live.jobs.drain('voices-texts');
        const toMeta = gateway.seen.at(-1)!;
        assert.equal(toMeta.url, '/1234/messages');
        assert.equal(toMeta.headers.authorization, 'Bearer wa-token');
        assert.deepEqual((JSON.parse(toMeta.body) as { to: string; type: string }).to, '254711000012');
        assert.equal((await sentTo('+254711000012'))[0]?.gateway_message_id, 'wamid.42');
      } finally {
        await gateway.close();
      }
    });
  });
}
