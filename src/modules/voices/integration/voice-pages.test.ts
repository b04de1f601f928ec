import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures, ACCOUNTS, PASSWORD } from '../../../../test/support/fixtures.ts';
import { testApp } from '../../../../test/support/app.ts';
import { Client, signIn } from '../../../../test/support/client.ts';
import { queryRows } from '../../../core/db/index.ts';
import { MAX_BODY_BYTES } from '../../../core/http/index.ts';

const voice = { title: 'Pas d’eau à la borne', description: 'La borne fontaine est à sec depuis lundi.', category: 'water', area: 'north' };

for (const engine of await testEngines()) {
  describe(`voice pages and API on ${engine.name}`, () => {
    let database: TestDatabase;
    let t: ReturnType<typeof testApp>;
    const count = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from voices_voice`))[0]!.n;
    before(async () => {
      database = await engine.open();
      await seedFixtures(database.db);
      t = testApp(database);
    });
    after(() => database.dispose());

    it('takes a voice from the form, answers with its reference, and finds it by reference', async () => {
      const c = new Client(t.app, { 'accept-language': 'fr' });
      const form = await c.get('/c/alpha/voices/new');
      assert.equal(form.status, 200);
      const key = /name="submissionKey" value="([^"]+)"/.exec(form.html)![1]!;
      const res = await c.post('/c/alpha/voices', { ...voice, submissionKey: key, sex: 'female', wgSeeing: '' });
      assert.equal(res.status, 303);
      const reference = /\/voices\/(ALP-\d{4}-\d{6})/.exec(res.location!)![1]!;
      const page = await c.get(res.location!);
      assert.match(page.html, new RegExp(`Gardez sa référence pour le suivre : ${reference}`));
      assert.match(page.html, /Un modérateur vérifiera/);
      const again = await c.post('/c/alpha/voices', { ...voice, submissionKey: key });
      assert.equal(again.location, res.location, 'a resubmitted form gives the same voice');
      const found = await c.get(`/c/alpha/find?ref=${reference.toLowerCase().replaceAll('-', ' ')}`);
      assert.equal(found.location, `/c/alpha/voices/${reference}`);
      assert.equal((await c.get('/c/alpha/find?ref=ALP-1999-999999')).status, 404);
      assert.equal((await c.get('/c/alpha/find?ref=hello')).status, 400);
    });

    it('shows each problem at the top and beside its field, in the page language, and stores nothing', async () => {
      const before = await count();
      const c = new Client(t.app, { 'accept-language': 'ar' });
      await c.get('/c/alpha/voices/new');
      const res = await c.post('/c/alpha/voices', { title: 'x', description: '', category: 'nope', area: '', latitude: 'north', longitude: '' });
      assert.equal(res.status, 400);
      assert.match(res.html, /<html lang="ar" dir="rtl">/);
      assert.match(res.html, /هناك مشكلة/);
      for (const field of ['title', 'description', 'latitude']) {
        assert.match(res.html, new RegExp(`href="#${field}"`), `summary links to ${field}`);
        assert.match(res.html, new RegExp(`id="${field}-error"`), `message beside ${field}`);
      }
      assert.match(res.html, /value="x"/, 'what was typed is kept');
      const unknown = await c.post('/c/alpha/voices', { ...voice, category: 'nope' });
      assert.equal(unknown.status, 422);
      assert.match(unknown.html, /هذه الفئة غير موجودة/);
      const outside = await c.post('/c/alpha/voices', { ...voice, area: '', latitude: '45', longitude: '45' });
      assert.equal(outside.status, 422);
      assert.equal(await count(), before);
    });

    it('shows the words of a voice awaiting moderation only to its author and the moderators', async () => {
      const author = new Client(t.app);
      await author.get('/c/alpha/voices/new');
      const created = await author.post('/c/alpha/voices', { ...voice, title: 'Not yet checked by anyone' });
      const path = created.location!.split('?')[0]!;
      const reference = path.split('/').pop()!;
      assert.match((await author.get(path)).html, /Not yet checked by anyone/);
      const stranger = new Client(t.app);
      const seen = await stranger.get(path);
      assert.equal(seen.status, 200);
      assert.doesNotMatch(seen.html, /Not yet checked by anyone|borne fontaine/);
      assert.match(seen.html, /Awaiting moderation/);
      assert.equal((await stranger.json(`/api/v1/cities/alpha/voices/${reference}`)).body.title, null);
      const forged = new Client(t.app);
      forged.cookies.set('baraza_mine', `${reference}.not-a-signature`);
      assert.doesNotMatch((await forged.get(path)).html, /Not yet checked by anyone/);
      const mod = new Client(t.app);
      await signIn(mod, ACCOUNTS.moderator.email, PASSWORD);
      assert.match((await mod.get(path)).html, /Not yet checked by anyone/);
      await mod.post(`/c/alpha/moderate/voices/${reference}/publish`, {});
      assert.match((await stranger.get(path)).html, /Not yet checked by anyone/, 'public once published');
    });

    it('after a failed post, the language switch returns to the form page, not to the post address', async () => {
      const c = new Client(t.app);
      await c.get('/c/alpha/voices/new');
      const body = new URLSearchParams({ _csrf: c.csrf, title: '' }).toString();
      const res = await c.request('/c/alpha/voices', {
        method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', referer: 'http://localhost/c/alpha/voices/new' },
      });
      assert.equal(res.status, 400);
      assert.match(res.html, /href="\/lang\/fr\?next=%2Fc%2Falpha%2Fvoices%2Fnew"/);
      const foreign = await c.request('/c/alpha/voices', {
        method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', referer: 'https://elsewhere.example/page' },
      });
      assert.match(foreign.html, /href="\/lang\/fr\?next=%2F"/);
    });

    it('shows script and markup in text as text', async () => {
      const c = new Client(t.app);
      await c.get('/c/alpha/voices/new');
      const res = await c.post('/c/alpha/voices', { ...voice, title: '<script>alert(1)</script> & <b>bold</b>' });
      const page = await c.get(res.location!);
      assert.doesNotMatch(page.html, /<script>alert/);
      // In text, `<` and `&` are escaped; `>` cannot open markup and may stay as it is.
      assert.match(page.html, /&lt;script(?:&gt;|>)alert\(1\)&lt;\/script(?:&gt;|>) &amp; &lt;b(?:&gt;|>)bold&lt;\/b(?:&gt;|>)/);
    });

    it('refuses oversized, non-UTF-8 and non-form bodies with a clear message', async () => {
      const before = await count();
      const c = new Client(t.app);
      await c.get('/c/alpha/voices/new');
      const big = await c.post('/c/alpha/voices', { ...voice, description: 'a'.repeat(MAX_BODY_BYTES + 10) });
      assert.equal(big.status, 413);
      assert.match(big.html, /too large/);
      const bigBody = new URLSearchParams({ _csrf: c.csrf, ...voice, description: 'a'.repeat(MAX_BODY_BYTES) }).toString();
      const declared = await c.request('/c/alpha/voices', { method: 'POST', body: bigBody, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(bigBody.length) } });
      assert.equal(declared.status, 413);
      const body = Buffer.concat([Buffer.from(`_csrf=${c.csrf}&title=`), Buffer.from([0xff, 0xfe]), Buffer.from('&description=x')]);
      const raw = await c.request('/c/alpha/voices', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(raw.status, 400);
      assert.match(raw.html, /not valid UTF-8/);
      const escaped = await c.request('/c/alpha/voices', { method: 'POST', body: `_csrf=${c.csrf}&title=%FF%FE`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(escaped.status, 400);
      const json = await c.request('/c/alpha/voices', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
      assert.equal(json.status, 415);
      const tooLong = await c.post('/c/alpha/voices', { ...voice, title: 'a'.repeat(121) });
      assert.match(tooLong.html, /at most 120 characters/);
      const nul = await c.post('/c/alpha/voices', { ...voice, description: 'null \u0000 byte in the text' });
      assert.equal(nul.status, 400);
      assert.equal(await count(), before);
    });

    it('lets a moderator publish, answer and move a voice, and the resident sees each step', async () => {
      const resident = new Client(t.app);
      await resident.get('/c/alpha/voices/new');
      const created = await resident.post('/c/alpha/voices', { ...voice, title: 'Broken pump at the school' });
      const reference = /(ALP-\d{4}-\d{6})/.exec(created.location!)![1]!;

      const mod = new Client(t.app);
      await signIn(mod, ACCOUNTS.moderator.email, PASSWORD);
      const queue = await mod.get('/c/alpha/moderate');
      assert.match(queue.html, new RegExp(reference));
      await mod.get(`/c/alpha/moderate/voices/${reference}`);
      assert.equal((await mod.post(`/c/alpha/moderate/voices/${reference}/publish`, {})).status, 303);
      assert.equal((await mod.post(`/c/alpha/moderate/voices/${reference}/reply`, { body: 'A plumber comes on Tuesday.' })).status, 303);
      assert.equal((await mod.post(`/c/alpha/moderate/voices/${reference}/status`, { status: 'in_progress', note: 'Parts ordered' })).status, 303);
      const backwards = await mod.post(`/c/alpha/moderate/voices/${reference}/status`, { status: 'received' });
      assert.equal(backwards.status, 409);
      assert.match(backwards.html, /cannot move to that status/);

      const page = await resident.get(`/c/alpha/voices/${reference}`);
      assert.match(page.html, /A plumber comes on Tuesday\./);
      assert.match(page.html, /Status: In progress/);
      assert.match(page.html, /Parts ordered/);
      assert.equal((page.html.match(/<time datetime=/g) ?? []).length, 4, 'received, published, reply, status: each with its date');
      const list = await resident.get('/c/alpha/voices?status=in_progress');
      assert.match(list.html, /Broken pump at the school/);
    });

    it('lets a signed-in resident support a public voice once', async () => {
      const mod = new Client(t.app);
      await signIn(mod, ACCOUNTS.moderator.email, PASSWORD);
      const anon = new Client(t.app);
      await anon.get('/c/alpha/voices/new');
      const created = await anon.post('/c/alpha/voices', { ...voice, title: 'Support this one' });
      const reference = /(ALP-\d{4}-\d{6})/.exec(created.location!)![1]!;
      await mod.get('/c/alpha/moderate');
      await mod.post(`/c/alpha/moderate/voices/${reference}/publish`, {});
      const r = new Client(t.app);
      await signIn(r, ACCOUNTS.resident.email, PASSWORD);
      await r.get(`/c/alpha/voices/${reference}`);
      await Promise.all([r.post(`/c/alpha/voices/${reference}/support`, {}), r.post(`/c/alpha/voices/${reference}/support`, {})]);
      const page = await r.get(`/c/alpha/voices/${reference}`);
      assert.match(page.html, /1 supporter/);
      assert.match(page.html, /You support this voice/);
    });

    it('serves voices as JSON under /api/v1 with an OpenAPI 3.1 description', async () => {
      const c = new Client(t.app);
      const doc = await c.json('/api/v1/openapi.json');
      assert.equal(doc.body.openapi, '3.1.0');
      assert.ok(doc.body.paths['/cities/{city}/voices'].post);
      assert.ok(doc.body.components.schemas.VoiceInput.properties.title);
      const created = await c.json('/api/v1/cities/alpha/voices', 'POST', { ...voice, title: 'From the API', submissionKey: '0b0b0b0b-1c1c-4d4d-8e8e-9f9f9f9f9f9f' });
      assert.equal(created.status, 201);
      const replay = await c.json('/api/v1/cities/alpha/voices', 'POST', { ...voice, title: 'From the API', submissionKey: '0b0b0b0b-1c1c-4d4d-8e8e-9f9f9f9f9f9f' });
      assert.equal(replay.status, 200);
      assert.equal(replay.body.reference, created.body.reference);
      const one = await c.json(`/api/v1/cities/alpha/voices/${created.body.reference}`);
      assert.equal(one.body.title, 'From the API');
      assert.equal(one.body.visibility, 'pending');
      const bad = await c.json('/api/v1/cities/alpha/voices', 'POST', { title: 1, category: 'water' });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.error.fields.some((f: { field: string }) => f.field === 'title'));
      const unknown = await c.json('/api/v1/cities/alpha/voices', 'POST', { ...voice, area: 'nowhere' });
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body.error.fields[0].field, 'area');
      const list = await c.json('/api/v1/cities/alpha/voices?page=1');
      assert.equal(list.status, 200);
      assert.ok(Array.isArray(list.body.data));
      assert.equal((await c.json('/api/v1/cities/alpha/voices?page=0')).status, 400);
      assert.equal((await c.json('/api/v1/cities/nowhere/voices')).status, 404);
      const anonymousInBeta = await c.json('/api/v1/cities/beta/voices', 'POST', voice);
      assert.equal(anonymousInBeta.status, 403);
      const malformed = await t.app.request('/api/v1/cities/alpha/voices', { method: 'POST', body: '{"title":', headers: { 'content-type': 'application/json' } });
      assert.equal(malformed.status, 400);
    });
  });
}
