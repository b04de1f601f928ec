import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures, type Fixtures } from '../../../../test/support/fixtures.ts';
import { testApp } from '../../../../test/support/app.ts';
import { actorOf } from '../../../../test/support/actors.ts';
import { queryRows } from '../../../core/db/index.ts';
import { changeVoiceStatus, issuePartnerKey, listPartnerKeys, revokePartnerKey } from '../index.ts';

// Field names and order as GeoReport v2 defines them.
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const REQUEST_FIELDS = ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible',
  'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url'];
const W3 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

for (const engine of await testEngines()) {
  describe(`Open311 GeoReport v2 on ${engine.name}`, () => {
    let database: TestDatabase;
    let f: Fixtures;
    let t: ReturnType<typeof testApp>;
    let betaKey: string;

    before(async () => {
      database = await engine.open();
      f = await seedFixtures(database.db);
      t = testApp(database);
      betaKey = (await issuePartnerKey(database.db, { name: 'Beta residents app' }, null, f.beta, t.config.secret)).key;
    });
    after(() => database.dispose());

    const get = (path: string) => t.app.request(`/open311/v2/${path}`);
    const post = (path: string, fields: Record<string, string>) =>
      t.app.request(`/open311/v2/${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: new URLSearchParams(fields).toString() });
    const json = async (res: Response, status = 200) => {
      assert.equal(res.status, status, await res.clone().text());
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      return res.json() as Promise<unknown>;
    };
    const xml = async (res: Response, status = 200) => {
      assert.equal(res.status, status);
      assert.equal(res.headers.get('content-type'), 'text/xml; charset=utf-8');
      const body = await res.text();
      assert.match(body, /^<\?xml version="1\.0" encoding="utf-8"\?>/);
      return body;
    };
    const newRequest = (fields: Record<string, string> = {}) =>
      post('requests.json', { api_key: betaKey, jurisdiction_id: 'beta', service_code: 'water', address_id: 'north', description: 'The standpipe on Market Street has been dry since Monday.', ...fields });

    it('describes itself at discovery.json and discovery.xml', async () => {
      const discovery = (await json(await get('discovery.json'))) as { endpoints: { specification: string; url: string; formats: string[] }[] };
      assert.equal(discovery.endpoints[0]!.specification, 'http://wiki.open311.org/GeoReport_v2');
      assert.match(discovery.endpoints[0]!.url, /\/open311\/v2$/);
      assert.deepEqual(discovery.endpoints[0]!.formats, ['application/json', 'text/xml']);
      assert.match(await xml(await get('discovery.xml')), /<discovery><changeset>.+<endpoints><endpoint><specification>http:\/\/wiki\.open311\.org\/GeoReport_v2<\/specification>/);
    });

    it('lists a city\'s categories as services, with the spec\'s fields, in JSON and XML', async () => {
      const services = (await json(await get('services.json?jurisdiction_id=alpha'))) as Record<string, unknown>[];
      assert.deepEqual(services.map((s) => Object.keys(s)), services.map(() => SERVICE_FIELDS));
      assert.deepEqual(services.map((s) => [s.service_code, s.metadata, s.type]), [['roads', false, 'realtime'], ['water', false, 'realtime']]);
      const body = await xml(await get('services.xml?jurisdiction_id=alpha'));
      assert.match(body, /<services><service><service_code>roads<\/service_code><service_name>Roads<\/service_name><description><\/description><metadata>false<\/metadata><type>realtime<\/type>/);
      const definition = await json(await get('services/water.json?jurisdiction_id=alpha'));
      assert.deepEqual(definition, { service_code: 'water', attributes: [] });
      assert.match(await xml(await get('services/water.xml?jurisdiction_id=alpha')), /<service_definition><service_code>water<\/service_code><attributes><\/attributes><\/service_definition>$/);
    });

    it('answers errors as the spec\'s list of code and description', async () => {
      assert.deepEqual(await json(await get('services.json'), 400), [{ code: 400, description: 'jurisdiction_id was not provided: send the city\'s short name, e.g. jurisdiction_id=kisumu.' }]);
      assert.deepEqual(await json(await get('services.json?jurisdiction_id=atlantis'), 404), [{ code: 404, description: 'jurisdiction_id atlantis was not found.' }]);
      assert.match(await xml(await get('services/nothing.xml?jurisdiction_id=alpha'), 404), /<errors><error><code>404<\/code><description>service_code nothing was not found\.<\/description><\/error><\/errors>$/);
      assert.equal((await get('services.csv?jurisdiction_id=alpha')).status, 400);
      assert.equal((await get('requests.json?jurisdiction_id=alpha&start_date=yesterday')).status, 400);
      assert.equal((await get('requests.json?jurisdiction_id=alpha&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z')).status, 400, 'more than 90 days');
      assert.equal((await get('requests.json?jurisdiction_id=alpha&status=pending')).status, 400);
    });

    it('takes a request only with the city\'s partner key, and stores it as a voice', async () => {
      assert.equal((await json(await newRequest({ api_key: '' }), 403) as { code: number }[])[0]!.code, 403);
      assert.equal((await newRequest({ api_key: 'made-up' })).status, 403);
      const alphaWithBetaKey = await newRequest({ jurisdiction_id: 'alpha' });
      assert.equal(alphaWithBetaKey.status, 403, 'one city\'s key does not open another');
      const created = (await json(await newRequest())) as Record<string, unknown>[];
      assert.deepEqual(Object.keys(created[0]!), ['service_request_id', 'service_notice', 'account_id']);
      const reference = created[0]!.service_request_id as string;
      assert.match(reference, /^BET-\d{4}-\d{6}$/);
      const [voice] = await queryRows<{ channel: string; title: string }>(database.db, sql`select channel, title from voices_voice where reference = ${reference}`);
      assert.deepEqual({ ...voice }, { channel: 'open311', title: 'The standpipe on Market Street has been dry since Monday.' });
      assert.match(await xml(await post('requests.xml', { api_key: betaKey, jurisdiction_id: 'beta', service_code: 'roads', address_string: 'South', description: 'Pothole at the bus stop by the clinic.' })),
        /<service_requests><request><service_request_id>BET-\d{4}-\d{6}<\/service_request_id><service_notice><\/service_notice><account_id><\/account_id><\/request><\/service_requests>$/);
    });

    it('refuses a request with no place, an unknown service or too short a description, saying what to fix', async () => {
      const before = (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from voices_voice`))[0]!.n;
      assert.match((await json(await newRequest({ address_id: '' }), 400) as { description: string }[])[0]!.description, /A location is required/);
      assert.match((await json(await newRequest({ address_id: 'Atlantis' }), 400) as { description: string }[])[0]!.description, /not one of the city's areas/);
      assert.equal((await newRequest({ service_code: 'nothing' })).status, 404);
      assert.match((await json(await newRequest({ description: 'Dry.' }), 400) as { description: string }[])[0]!.description, /^description: /);
      assert.match((await json(await newRequest({ address_id: '', lat: '50', long: '50' }), 400) as { description: string }[])[0]!.description, /outside/);
      const after = (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from voices_voice`))[0]!.n;
      assert.equal(after, before);
    });

    it('lists and finds public requests with the spec\'s fields, filtered by code, status, dates and ids', async () => {
      const [open] = (await json(await newRequest({ description: 'Streetlight out on Lake Road, dark all night.' }))) as { service_request_id: string }[];
      const [done] = (await json(await newRequest({ service_code: 'roads', description: 'Deep pothole at the Lake Road junction.' }))) as { service_request_id: string }[];
      const moderator = await actorOf(database.db, 'betaModerator');
      for (const status of ['under_review', 'planned', 'in_progress', 'resolved'] as const) {
        assert.ok((await changeVoiceStatus(database.db, { reference: done!.service_request_id, status }, moderator, f.beta, null)).ok);
      }
      const all = (await json(await get('requests.json?jurisdiction_id=beta'))) as Record<string, unknown>[];
      assert.ok(all.length >= 2);
      assert.deepEqual(all.map((r) => Object.keys(r)), all.map(() => REQUEST_FIELDS));
      for (const r of all) assert.match(String(r.requested_datetime), W3);
      const byId = new Map(all.map((r) => [r.service_request_id, r]));
      assert.equal(byId.get(open!.service_request_id)!.status, 'open');
      assert.equal(byId.get(done!.service_request_id)!.status, 'closed');
      assert.equal(byId.get(open!.service_request_id)!.address_id, 'north');

      const closed = (await json(await get('requests.json?jurisdiction_id=beta&status=closed'))) as { service_request_id: string }[];
      assert.deepEqual(closed.map((r) => r.service_request_id), [done!.service_request_id]);
      const roads = (await json(await get('requests.json?jurisdiction_id=beta&service_code=roads,nothing'))) as { service_code: string }[];
      assert.ok(roads.length >= 1 && roads.every((r) => r.service_code === 'roads'));
      const old = (await json(await get('requests.json?jurisdiction_id=beta&start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00%2B03:00'))) as unknown[];
      assert.equal(old.length, 0);
      const both = (await json(await get(`requests.json?jurisdiction_id=beta&service_request_id=${open!.service_request_id},${done!.service_request_id}&status=open`))) as unknown[];
      assert.equal(both.length, 2, 'ids override the other filters');

      const one = (await json(await get(`requests/${done!.service_request_id}.json?jurisdiction_id=beta`))) as Record<string, unknown>[];
      assert.deepEqual([one.length, one[0]!.service_request_id, one[0]!.status], [1, done!.service_request_id, 'closed']);
      assert.match(await xml(await get(`requests/${open!.service_request_id}.xml?jurisdiction_id=beta`)), /<service_requests><request><service_request_id>BET-\d{4}-\d{6}<\/service_request_id><status>open<\/status>/);
      assert.equal((await get('requests/BET-1999-000001.json?jurisdiction_id=beta')).status, 404);
    });

    it('stops taking requests with a revoked key', async () => {
      const issued = await issuePartnerKey(database.db, { name: 'Short-lived app' }, null, f.beta, t.config.secret);
      assert.equal((await newRequest({ api_key: issued.key, description: 'Water point broken near the clinic gate.' })).status, 200);
      assert.equal(await revokePartnerKey(database.db, { id: issued.id }, null, f.beta), true);
      assert.equal(await revokePartnerKey(database.db, { id: issued.id }, null, f.beta), false, 'revoked once');
      assert.equal((await newRequest({ api_key: issued.key, description: 'Water point broken near the market gate.' })).status, 403);
      assert.equal((await newRequest()).status, 200, 'other keys still work');
      const keys = await listPartnerKeys(database.db, f.beta.id);
      assert.deepEqual(keys.map((k) => [k.name, k.revokedAt !== null]), [['Beta residents app', false], ['Short-lived app', true]]);
    });

    it('never lists a voice that is not public', async () => {
      const pending = await t.app.request('/open311/v2/requests.json?jurisdiction_id=alpha');
      const refs = ((await json(pending)) as { service_request_id: string }[]).map((r) => r.service_request_id);
      const [hiddenOrPending] = await queryRows<{ n: number }>(database.db,
        sql`select count(*)::int as n from voices_voice where tenant_id = ${f.alpha.id} and visibility <> 'published' and reference = any(${`{${refs.join(',') || 'none'}}`}::text[])`);
      assert.equal(hiddenOrPending!.n, 0);
    });
  });
}
