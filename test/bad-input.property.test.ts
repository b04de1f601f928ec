// Generated input thrown at the voice form and the API: every answer is a 4xx with a message,
// never a 500, and nothing already stored changes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from './support/databases.ts';
import { seedFixtures } from './support/fixtures.ts';
import { testApp } from './support/app.ts';
import { Client } from './support/client.ts';
import { queryRows } from '../src/core/db/index.ts';

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom(
    '<script>alert(1)</script>', "'; drop table voices_voice; --", '" or 1=1 --', '\u0000', '\ud800', 'a'.repeat(5000),
    '%', '%FF', '../../etc/passwd', '{{7*7}}', '${7*7}', '\u202e', 'NaN', 'Infinity', '-0', '1e309', '',
  ),
);

// Short strings built from the characters that break naive code, so they turn up often.
const hostile = fc.string({
  unit: fc.constantFrom('\u0000', '\u0007', '\u001b', '\ud800', '\udfff', '%', '&', '=', '+', '#', '?', '/', '\\', "'", '"', '<', '>', 'a', 'é', '\u202e', '😀', ' '),
  maxLength: 12,
});
const anyText = fc.oneof(nasty, hostile);

// The category is never one the city has, so no generated form is valid.
const badCategory = anyText.filter((s) => s.trim() !== 'water' && s.trim() !== 'roads');

const formFields = fc.record(
  {
    title: anyText, description: anyText, category: badCategory, area: anyText, latitude: anyText, longitude: anyText,
    contact: anyText, sex: anyText, ageBand: anyText, wgSeeing: anyText, submissionKey: anyText,
  },
  { requiredKeys: ['category'] },
);

for (const engine of await testEngines()) {
  describe(`generated bad input on ${engine.name}`, () => {
    let database: TestDatabase;
    let t: ReturnType<typeof testApp>;
    const snapshot = async () =>
      (await queryRows(database.db, sql`select
        (select count(*)::int from voices_voice) as voices, (select count(*)::int from core_audit) as audit,
        (select count(*)::int from voices_respondent) as respondents, (select count(*)::int from voices_contact) as contacts,
        (select coalesce(max(last), 0) from voices_reference_counter) as counter`))[0];
    before(async () => {
      database = await engine.open();
      await seedFixtures(database.db);
      t = testApp(database);
    });
    after(() => database.dispose());

    it('answers generated voice forms with 4xx and stores nothing', async () => {
      const client = new Client(t.app, { 'accept-language': 'fr' });
      await client.get('/c/alpha/voices/new');
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(formFields, async (fields) => {
          const res = await client.post('/c/alpha/voices', fields as Record<string, string>);
          assert.ok(res.status >= 400 && res.status < 500, `status ${res.status} for ${JSON.stringify(fields)}`);
          assert.match(res.html, /class="error-summary"|<h1>/);
        }),
        { numRuns: engine.name === 'pglite' ? 150 : 100 },
      );
      assert.deepEqual(await snapshot(), before);
    });

    it('answers raw bytes posted as a form with 4xx', async () => {
      const client = new Client(t.app);
      await client.get('/c/alpha/voices/new');
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
          const body = Buffer.concat([Buffer.from(`_csrf=${client.csrf}&category=none&`), Buffer.from(bytes)]);
          const res = await client.request('/c/alpha/voices', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
          assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
        }),
        { numRuns: 100 },
      );
      assert.deepEqual(await snapshot(), before);
    });

    it('answers generated API bodies with 4xx JSON errors and stores nothing', async () => {
      const client = new Client(t.app);
      const before = await snapshot();
      const body = fc.oneof(
        fc.jsonValue(),
        formFields,
        fc.record({ title: fc.anything(), description: fc.anything(), category: fc.anything(), area: fc.anything(), latitude: fc.anything() }),
      );
      await fc.assert(
        fc.asyncProperty(body, async (value) => {
          const res = await client.json('/api/v1/cities/alpha/voices', 'POST', value);
          assert.ok(res.status >= 400 && res.status < 500, `status ${res.status} for ${JSON.stringify(value)}`);
          assert.equal(typeof res.body?.error?.message, 'string');
        }),
        { numRuns: 150 },
      );
      assert.deepEqual(await snapshot(), before);
    });

    it('answers generated list filters without a server error', async () => {
      const client = new Client(t.app);
      await fc.assert(
        fc.asyncProperty(fc.record({ q: anyText, status: anyText, category: anyText, area: anyText, page: anyText }, { requiredKeys: [] }), async (query) => {
          const qs = new URLSearchParams(query as Record<string, string>).toString();
          const page = await client.get(`/c/alpha/voices?${qs}`);
          assert.ok(page.status === 200 || page.status === 400, `page status ${page.status} for ${qs}`);
          const api = await client.json(`/api/v1/cities/alpha/voices?${qs}`);
          assert.ok(api.status === 200 || api.status === 400, `api status ${api.status} for ${qs}`);
        }),
        { numRuns: 100 },
      );
    });

    it('answers generated addresses (references, ids, raw escapes) without a server error', async () => {
      const client = new Client(t.app);
      const segment = fc.oneof(
        anyText.map((s) => encodeURIComponent(s.isWellFormed() ? s : s.toWellFormed())),
        fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 6 }).map((bytes) => bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
      );
      const paths = ['/c/alpha/voices/', '/c/alpha/priorities/', '/c/alpha/find?ref=', '/api/v1/cities/alpha/voices/', '/c/', '/c/alpha/moderate/voices/', '/lang/'];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...paths), segment, async (prefix, s) => {
          const res = await client.request(`${prefix}${s}`);
          assert.ok(res.status < 500, `status ${res.status} for ${prefix}${s}`);
        }),
        { numRuns: 200 },
      );
    });
  });
}
