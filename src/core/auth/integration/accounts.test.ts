import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures, ACCOUNTS, PASSWORD } from '../../../../test/support/fixtures.ts';
import { testApp } from '../../../../test/support/app.ts';
import { Client, signIn } from '../../../../test/support/client.ts';
import { queryRows } from '../../db/index.ts';
import { MAX_FAILED_LOGINS } from '../index.ts';

for (const engine of await testEngines()) {
  describe(`accounts over HTTP on ${engine.name}`, () => {
    let database: TestDatabase;
    let t: ReturnType<typeof testApp>;
    before(async () => {
      database = await engine.open();
      await seedFixtures(database.db);
      t = testApp(database);
    });
    after(() => database.dispose());

    it('registers, signs in with a database session, and signs out', async () => {
      const c = new Client(t.app);
      await c.get('/account/register');
      const reg = await c.post('/account/register', { name: 'Wanjiru', email: 'Wanjiru@Example.org', password: 'long enough password' });
      assert.equal(reg.status, 303);
      const session = reg.headers.getSetCookie().find((h) => h.startsWith('baraza_session='));
      assert.ok(session && /HttpOnly/i.test(session) && /SameSite=Lax/i.test(session), 'session cookie is HttpOnly and SameSite=Lax');
      const account = await c.get('/account');
      assert.match(account.html, /wanjiru@example\.org/);
      const stored = await queryRows(database.db, sql`select 1 from core_session s join core_user u on u.id = s.user_id where u.email = 'wanjiru@example.org'`);
      assert.equal(stored.length, 1);
      await c.post('/account/logout', {});
      assert.equal((await c.get('/account')).status, 303);
      assert.equal((await queryRows(database.db, sql`select 1 from core_session s join core_user u on u.id = s.user_id where u.email = 'wanjiru@example.org'`)).length, 0);
    });

    it('says which field to fix when registration fails, in the page language', async () => {
      const c = new Client(t.app, { 'accept-language': 'fr-FR,fr;q=0.9' });
      await c.get('/account/register');
      const res = await c.post('/account/register', { name: '', email: 'not-an-email', password: 'short' });
      assert.equal(res.status, 400);
      assert.match(res.html, /<title>Erreur: /);
      assert.match(res.html, /Il y a un problème/);
      assert.match(res.html, /href="#email"/);
      assert.match(res.html, /id="password-error"/);
      assert.match(res.html, /au moins 10 caractères/);
      const taken = await c.post('/account/register', { name: 'X', email: ACCOUNTS.resident.email, password: 'another long password' });
      assert.equal(taken.status, 409);
    });

    it('refuses a wrong password, then locks the account after repeated failures', async () => {
      const c = new Client(t.app);
      await c.get('/account/login');
      const wrong = await c.post('/account/login', { email: ACCOUNTS.facilitator.email, password: 'wrong password!' });
      assert.equal(wrong.status, 401);
      for (let i = 1; i < MAX_FAILED_LOGINS; i++) await c.post('/account/login', { email: ACCOUNTS.facilitator.email, password: 'wrong password!' });
      const locked = await c.post('/account/login', { email: ACCOUNTS.facilitator.email, password: PASSWORD });
      assert.equal(locked.status, 429);
      assert.match(locked.html, /locked/);
    });

    it('rate-limits login attempts per address', async () => {
      await database.db.execute(sql`delete from core_rate_limit`);
      const limited = testApp(database, { BARAZA_RATE_LIMIT_LOGINS: '3' });
      const c = new Client(limited.app);
      await c.get('/account/login');
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await c.post('/account/login', { email: 'nobody@example.org', password: 'whatever it is' })).status);
      assert.deepEqual(statuses, [401, 401, 401, 429]);
    });

    it('counts rate limits per client behind a trusted proxy, not per proxy', async () => {
      await database.db.execute(sql`delete from core_rate_limit`);
      const proxied = testApp(database, { BARAZA_RATE_LIMIT_LOGINS: '2', BARAZA_TRUSTED_PROXIES: '1' });
      const attempt = async (forwardedFor: string) => {
        const c = new Client(proxied.app, { 'x-forwarded-for': forwardedFor });
        await c.get('/account/login');
        return (await c.post('/account/login', { email: 'nobody@example.org', password: 'whatever it is' })).status;
      };
      assert.deepEqual([await attempt('203.0.113.7'), await attempt('203.0.113.7'), await attempt('203.0.113.7')], [401, 401, 429]);
      assert.equal(await attempt('198.51.100.20'), 401, 'another resident behind the same proxy is not blocked');
      assert.equal(await attempt('spoofed, 203.0.113.7'), 429, 'a forged left-hand entry does not escape the limit');
    });

    it('changes the password and ends the other sessions', async () => {
      const a = new Client(t.app);
      const b = new Client(t.app);
      await signIn(a, ACCOUNTS.officer.email, PASSWORD);
      await signIn(b, ACCOUNTS.officer.email, PASSWORD);
      await a.get('/account');
      assert.equal((await a.post('/account/password', { currentPassword: 'not it at all', newPassword: 'a brand new password' })).status, 400);
      assert.equal((await a.post('/account/password', { currentPassword: PASSWORD, newPassword: 'a brand new password' })).status, 303);
      assert.equal((await a.get('/account')).status, 200);
      assert.equal((await b.get('/account')).status, 303, 'the other session ended');
      const c = new Client(t.app);
      await signIn(c, ACCOUNTS.officer.email, 'a brand new password');
    });

    it('resets a forgotten password with a single-use e-mailed link', async () => {
      const c = new Client(t.app);
      await c.get('/account/forgot');
      const unknown = await c.post('/account/forgot', { email: 'nobody@example.org' });
      const known = await c.post('/account/forgot', { email: ACCOUNTS.cityAdmin.email });
      assert.equal(unknown.status, 200);
      assert.equal(known.status, 200);
      assert.equal(t.mailer.sent.length, 1, 'only the real account gets mail');
      const link = /\/account\/reset\?token=([\w%-]+)/.exec(t.mailer.sent[0]!.text);
      assert.ok(link);
      const token = decodeURIComponent(link[1]!);
      await c.get(`/account/reset?token=${link[1]}`);
      assert.equal((await c.post('/account/reset', { token, newPassword: 'reset to this one' })).status, 303);
      assert.equal((await c.post('/account/reset', { token, newPassword: 'and again to this' })).status, 400, 'a link works once');
      await signIn(new Client(t.app), ACCOUNTS.cityAdmin.email, 'reset to this one');
      await database.db.execute(sql`update core_password_reset set expires_at = now() - interval '1 minute'`);
      await c.post('/account/forgot', { email: ACCOUNTS.cityAdmin.email });
      const second = /token=([\w%-]+)/.exec(t.mailer.sent[1]!.text)![1]!;
      await database.db.execute(sql`update core_password_reset set expires_at = now() - interval '1 minute' where used_at is null`);
      assert.equal((await c.post('/account/reset', { token: decodeURIComponent(second), newPassword: 'expired link try' })).status, 400, 'an expired link fails');
    });

    it('rejects form posts without a valid CSRF token', async () => {
      const c = new Client(t.app);
      await c.get('/account/login');
      const missing = await c.post('/account/login', { email: ACCOUNTS.resident.email, password: PASSWORD }, { csrf: null });
      assert.equal(missing.status, 403);
      assert.match(missing.html, /expired or came from another site/);
      const forged = await c.post('/account/login', { email: ACCOUNTS.resident.email, password: PASSWORD }, { csrf: 'forged-token' });
      assert.equal(forged.status, 403);
      const fresh = new Client(t.app);
      assert.equal((await fresh.post('/account/login', { email: 'a@b.org', password: 'x' }, { csrf: 'anything' })).status, 403, 'no cookie, no post');
    });

    it('sends security headers and a script-free Content-Security-Policy, on errors too', async () => {
      const client = new Client(t.app);
      const page = await client.get('/');
      const missing = await client.get('/no/such/page');
      const tooLarge = await client.request('/account/login', { method: 'POST', body: 'x', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '70000' } });
      assert.deepEqual([page.status, missing.status, tooLarge.status], [200, 404, 413]);
      for (const res of [page, missing, tooLarge]) {
        const csp = res.headers.get('content-security-policy') ?? '';
        assert.match(csp, /script-src 'self'/);
        assert.doesNotMatch(csp, /unsafe-inline/);
        assert.match(csp, /frame-ancestors 'none'/);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
        assert.ok(res.headers.get('x-request-id'));
        assert.doesNotMatch(res.html, /<script/i);
      }
    });

    it('answers /healthz after checking the database', async () => {
      const res = await new Client(t.app).json('/healthz');
      assert.deepEqual(res.body, { status: 'ok', database: 'ok' });
    });
  });
}
