// Benchmarks against a server on 127.0.0.1 backed by PostgreSQL with a million voices:
// voice submissions per second through the HTML form, p99 latency of the public list and of a
// full-text search at 50 concurrent clients, p99 latency of a USSD menu step, and inbound SMS
// webhooks per second, each a new voice whose reply is queued (and sent to the log by the
// server's job loop meanwhile). Prints the figures and the machine.
//
//   npm run bench            (BENCH_DATABASE_URL, BENCH_VOICES, BENCH_SECONDS to change)
import os from 'node:os';
import type autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase, migrate, queryRows } from '../src/core/db/index.ts';
import { allMigrations } from '../src/app/migrations.ts';
import { seedBench, citySlug, CITIES } from './seed.ts';
import { findTenantBySlug } from '../src/core/tenancy/index.ts';
import { USSD_HOOK_PATH, TEXT_HOOK_PATH, hookToken } from '../src/modules/voices/index.ts';
import { benchDatabaseUrl, load, startBenchServer, unexpected } from './server.ts';

const VOICES = Number(process.env.BENCH_VOICES ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const log = (s: string) => console.log(`# ${s}`);
const BENCH_SECRET = 'bench-secret';

const url = await benchDatabaseUrl();
const database = await openDatabase({ databaseUrl: url });
await migrate(database, allMigrations());
log(`seeding up to ${VOICES} voices across ${CITIES} cities (once; later runs reuse them)`);
await seedBench(database.db, VOICES, log);
const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from voices_voice`);
const [{ version } = { version: '' }] = await queryRows<{ version: string }>(database.db, sql`select current_setting('server_version') as version`);
const ussdCity = (await findTenantBySlug(database.db, citySlug(1)))!;
await database.close();

const server = await startBenchServer(url, { secret: BENCH_SECRET, workers: WORKERS });
const { base } = server;

try {
  const city = citySlug(1);
  const form = await fetch(`${base}/c/${city}/voices/new`);
  const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const body = new URLSearchParams({ _csrf: csrf, title: 'Benchmark voice about the water kiosk', description: 'Submitted by the benchmark through the HTML form path.', category: 'water', area: 'north' }).toString();

  const submissions = await load({
    url: `${base}/c/${city}/voices`, method: 'POST', connections: CONNECTIONS, duration: SECONDS,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body,
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, path: `/c/${citySlug(1 + Math.floor(Math.random() * CITIES))}/voices` }) }],
  });
  const list = await load({ url: `${base}/c/${city}/voices`, connections: CONNECTIONS, duration: SECONDS });
  const search = await load({ url: `${base}/c/${city}/voices?q=pothole%20clinic`, connections: CONNECTIONS, duration: SECONDS });
  // A caller new to the service walks the menus: language, "raise a voice", a category, an area,
  // up to the description prompt (so no voice is stored). Each connection is one caller at a time.
  const ussdStep = (typed: string): autocannon.Request => ({
    method: 'POST',
    setupRequest: (req, context) => {
      const caller = context as { sessionId?: string; phoneNumber?: string };
      if (typed === '') Object.assign(caller, { sessionId: `bench-${Math.random().toString(36).slice(2)}`, phoneNumber: `+2547${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` });
      return { ...req, body: new URLSearchParams({ sessionId: caller.sessionId!, serviceCode: '*384*1#', phoneNumber: caller.phoneNumber!, text: typed }).toString() };
    },
  });
  const ussd = await load({
    url: `${base}${USSD_HOOK_PATH}/${city}?token=${encodeURIComponent(hookToken(BENCH_SECRET, ussdCity.id, 'africas-talking'))}`,
    method: 'POST', connections: CONNECTIONS, duration: SECONDS, headers: { 'content-type': 'application/x-www-form-urlencoded' },
    requests: ['', '1', '1*1', '1*1*1', '1*1*1*1'].map(ussdStep),
  });
  // Each request is a new message (its own id) from one of many phones: a voice and a queued reply.
  const sms = await load({
    url: `${base}${TEXT_HOOK_PATH}/africas-talking/${city}?token=${encodeURIComponent(hookToken(BENCH_SECRET, ussdCity.id, 'africas-talking'))}`,
    method: 'POST', connections: CONNECTIONS, duration: SECONDS, headers: { 'content-type': 'application/x-www-form-urlencoded' },
    requests: [{
      method: 'POST',
      setupRequest: (req) => ({ ...req, body: new URLSearchParams({
        from: `+2547${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, to: '22384', id: `ATXid_${Math.random().toString(36).slice(2)}${Date.now()}`,
        text: 'WATER the kiosk in North has had no water since Monday', date: '2026-11-26 10:00:00',
      }).toString() }),
    }],
  });
  const [{ queued } = { queued: 0 }] = await (async () => {
    const check = await openDatabase({ databaseUrl: url });
    try {
      return await queryRows<{ queued: number }>(check.db, sql`select count(*)::int as queued from voices_text_delivery where status = 'queued'`);
    } finally {
      await check.close();
    }
  })();

  const cpus = os.cpus();
  console.log('\nBaraza benchmark');
  console.log(`machine: ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, PostgreSQL ${version}`);
  console.log(`data: ${n.toLocaleString("en")} voices in ${CITIES} cities; ${CONNECTIONS} connections, ${SECONDS} s per run, ${WORKERS} app worker(s); server, PostgreSQL and load generator share this machine on 127.0.0.1`);
  const line = (name: string, r: autocannon.Result & { cpu: string }, expected: string, target: string) => {
    console.log(`${name.padEnd(30)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   failed ${unexpected(r, expected)}   target ${target}`);
    console.log(`${''.padEnd(30)} ${r.cpu}`);
  };
  line('voice submissions (HTML form)', submissions, '303', '≥ 1,500 req/s');
  line('public list page', list, '200', 'p99 ≤ 50 ms');
  line('full-text search', search, '200', 'p99 ≤ 100 ms');
  line('USSD menu step', ussd, '200', 'p99 ≤ 30 ms');
  line('inbound SMS (voice + reply)', sms, '200', '≥ 2,000 req/s');
  console.log(`${''.padEnd(30)} replies still queued when the run ended: ${queued.toLocaleString('en')}`);
  console.log(`form answers: ${JSON.stringify(submissions.statusCodeStats)}`);
} finally {
  server.stop();
}
