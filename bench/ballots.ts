// Web ballots per second: residents without an account, each with their own one-time code,
// cast approval ballots (about 8 of 150 projects, within the budget) through the HTML form
// path of a server on 127.0.0.1 backed by PostgreSQL. Each request is a real vote: the code
// is checked and spent, the voter row decides "one ballot", the ballot and its audit entry are
// written. Prints ballots accepted per second and what each cost in CPU.
//
//   npm run bench:ballots      (BENCH_DATABASE_URL, BENCH_SECONDS, BENCH_WORKERS to change)
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase, migrate, queryRows } from '../src/core/db/index.ts';
import { allMigrations } from '../src/app/migrations.ts';
import { createTenant, findTenantBySlug } from '../src/core/tenancy/index.ts';
import { createArea } from '../src/modules/voices/index.ts';
import { createProcess, generateCodes, getProcess, movePhase } from '../src/modules/budgeting/index.ts';
import type { Actor } from '../src/core/auth/index.ts';
import { benchDatabaseUrl, load, startBenchServer, unexpected } from './server.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const CONNECTIONS = 50;
const PROJECTS = 150;
const SECRET = 'bench-secret';
const log = (s: string) => console.log(`# ${s}`);

const url = await benchDatabaseUrl();
const database = await openDatabase({ databaseUrl: url });
await migrate(database, allMigrations());
const db = database.db;
const platform = (await findTenantBySlug(db, 'platform'))!;
const admin: Actor = { userId: '00000000-0000-0000-0000-000000000000', name: 'bench', email: '', locale: null, memberships: [{ tenantId: platform.id, role: 'platform-admin' }] };
if (!(await findTenantBySlug(db, 'bench'))) await createTenant(db, { kind: 'programme', slug: 'bench', name: 'Bench programme' }, null);
if (!(await findTenantBySlug(db, 'bench-pb'))) {
  await createTenant(db, { kind: 'city', slug: 'bench-pb', name: 'Bench Budget City', parentSlug: 'bench', code: 'BPB', settings: { allowAnonymous: true, moderation: 'post' } }, null);
}
const city = (await findTenantBySlug(db, 'bench-pb'))!;
for (const slug of ['north', 'south']) await createArea(db, { slug, name: slug, boundary: null }, admin, city);

// A new process each run, its 150 projects written directly (the review pages are not what is measured).
const slug = `pb-${Date.now()}`;
let seed = 7;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const costs = Array.from({ length: PROJECTS }, () => 50_000 + Math.floor(random() * 450_000));
const budget = Math.floor(costs.reduce((a, b) => a + b, 0) / 4);
const made = await createProcess(db, {
  title: 'Benchmark budget', slug, description: 'Ballots per second.', currency: 'UGX', ballotKind: 'approval-budget', k: undefined, points: undefined,
  perProject: undefined, minAge: 0, revote: false, rule: 'mes', completion: 'add1', votingFrom: undefined, votingUntil: undefined, budgets: [{ area: null, amount: budget }],
}, admin, city);
if (!made.ok) throw new Error(made.error);
const process_ = (await getProcess(db, city.id, slug))!;
await db.execute(sql`
  insert into budgeting_project (tenant_id, process_id, budget_id, code, title, description, cost)
  select ${city.id}, ${process_.id}, ${process_.budgets[0]!.id}, g::text, 'Project ' || g, 'A project for the benchmark.', (${JSON.stringify(costs)}::jsonb ->> (g - 1))::bigint
  from generate_series(1, ${PROJECTS}) g`);
for (const to of ['ideas', 'review', 'voting'] as const) await movePhase(db, { process: slug, to }, admin, city);
const wanted = Math.ceil(SECONDS * 3000);
log(`generating ${wanted} voting codes`);
const codes: string[] = [];
while (codes.length < wanted) {
  const batch = await generateCodes(db, { process: slug, count: Math.min(2000, wanted - codes.length), secret: SECRET }, admin, city);
  if (!batch.ok) throw new Error(batch.error);
  codes.push(...batch.value.codes);
}
const [{ version } = { version: '' }] = await queryRows<{ version: string }>(db, sql`select current_setting('server_version') as version`);
await database.close();

const server = await startBenchServer(url, { secret: SECRET, workers: WORKERS });
try {
  const page = await fetch(`${server.base}/c/bench-pb/budgets/${slug}/vote`);
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  let next = 0;
  /** About eight projects, popular ones more often, dropped from the end until within the budget. */
  const choice = () => {
    const chosen = new Set<number>();
    const count = 5 + Math.floor(Math.random() * 7);
    while (chosen.size < count) chosen.add(1 + Math.floor(PROJECTS * Math.random() ** 2));
    const list = [...chosen];
    while (list.reduce((s, p) => s + costs[p - 1]!, 0) > budget) list.pop();
    return list;
  };
  const result = await load({
    url: `${server.base}/c/bench-pb/budgets/${slug}/vote`, method: 'POST', connections: CONNECTIONS, duration: SECONDS,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    requests: [{
      method: 'POST',
      setupRequest: (req) => {
        const fields = new URLSearchParams({ _csrf: csrf, action: 'cast', code: codes[next++ % codes.length]! });
        for (const p of choice()) fields.set(`p-${p}`, 'yes');
        return { ...req, body: fields.toString() };
      },
    }],
  });
  const counted = await (async () => {
    const check = await openDatabase({ databaseUrl: url });
    try {
      const [row] = await queryRows<{ ballots: number; voters: number }>(check.db, sql`
        select (select count(*) from budgeting_ballot where process_id = ${process_.id})::int as ballots,
               (select count(*) from budgeting_voter where process_id = ${process_.id})::int as voters`);
      return row!;
    } finally {
      await check.close();
    }
  })();
  const cpus = os.cpus();
  console.log('\nBaraza web-ballot benchmark');
  console.log(`machine: ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, PostgreSQL ${version}`);
  console.log(`${PROJECTS} projects, one code per ballot; ${CONNECTIONS} connections, ${SECONDS} s, ${WORKERS} app worker(s); server, PostgreSQL and load generator share this machine`);
  console.log(`ballots (HTML form, code)     ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   failed ${unexpected(result, '200')}   target ≥ 1,000 ballots/s`);
  console.log(`${''.padEnd(30)} ${result.cpu}`);
  console.log(`stored: ${counted.ballots} ballots, ${counted.voters} voters (equal: one ballot per voter)`);
  console.log(`answers: ${JSON.stringify(result.statusCodeStats)}`);
} finally {
  server.stop();
}
