// The server as a process on PostgreSQL. Killed with SIGKILL in the middle of a burst of voice
// submissions and started again: every submission that was answered with success is there
// exactly once, the audit chain is intact, and re-sending the unanswered ones (same submission
// key) creates each of them once. Stopped with SIGTERM: requests in flight are answered and the
// process exits cleanly. Every request is logged as JSON with its request id.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from './support/databases.ts';
import { seedFixtures } from './support/fixtures.ts';
import { queryRows } from '../src/core/db/index.ts';
import { verifyAudit } from '../src/core/audit/index.ts';

const BURST = 240;
const CONCURRENCY = 16;
const KILL_AFTER_SUCCESSES = 60;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const engines = (await testEngines()).filter((e) => e.name === 'postgres');

describe('the server process on PostgreSQL', { skip: engines.length === 0 && 'PostgreSQL unreachable' }, () => {
  let database: TestDatabase;
  let port: number;
  let child: ChildProcess | undefined;
  let exited: Promise<number | null> = Promise.resolve(null);
  let logLines: string[] = [];

  const start = async (logLevel = 'silent') => {
    child = spawn(process.execPath, ['bin/baraza.js', 'serve'], {
      env: { PATH: process.env.PATH, DATABASE_URL: database.url, PORT: String(port), LOG_LEVEL: logLevel, BARAZA_SECRET: 'reliability-secret', BARAZA_RATE_LIMIT_POSTS: '0' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    logLines = [];
    let partial = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop()!;
      logLines.push(...lines);
    });
    exited = new Promise((resolve) => child!.once('exit', (code) => resolve(code)));
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('server did not start');
  };

  before(async () => {
    database = await engines[0]!.open();
    await seedFixtures(database.db);
    port = await freePort();
  });
  after(async () => {
    child?.kill('SIGKILL');
    await database?.dispose();
  });

  it('keeps every acknowledged voice exactly once', async () => {
    await start();
    const base = `http://127.0.0.1:${port}`;
    const form = await fetch(`${base}/c/alpha/voices/new`);
    const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;

    const submissions = Array.from({ length: BURST }, (_, i) => ({ title: `Burst voice number ${i}`, key: randomUUID() }));
    const send = (s: { title: string; key: string }) =>
      fetch(`${base}/c/alpha/voices`, {
        method: 'POST', redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, title: s.title, description: 'Sent during the crash test.', category: 'water', area: 'north', submissionKey: s.key }),
      }).then((r) => r.status === 303, () => false);

    const acknowledged = new Set<string>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < submissions.length) {
        const s = submissions[next++]!;
        if (await send(s)) acknowledged.add(s.title);
        if (!killed && acknowledged.size >= KILL_AFTER_SUCCESSES) {
          killed = true;
          child!.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    assert.ok(killed, 'the server was killed mid-burst');
    assert.ok(acknowledged.size >= KILL_AFTER_SUCCESSES && acknowledged.size < BURST, `acknowledged ${acknowledged.size}`);

    await exited;
    await start();

    const stored = await queryRows<{ title: string; n: number }>(
      database.db, sql`select title, count(*)::int as n from voices_voice where title like 'Burst voice number %' group by title`);
    const counts = new Map(stored.map((r) => [r.title, r.n]));
    for (const title of acknowledged) assert.equal(counts.get(title), 1, `${title} stored once`);
    assert.ok(stored.every((r) => r.n === 1), 'no voice stored twice');
    assert.equal((await verifyAudit(database.db)).ok, true, 'every committed voice has its audit entry');

    // The unanswered ones are re-sent with their keys, as a phone would retry.
    for (const s of submissions.filter((x) => !acknowledged.has(x.title))) assert.equal(await send(s), true);
    const [after] = await queryRows<{ n: number; distinct: number }>(
      database.db, sql`select count(*)::int as n, count(distinct title)::int as distinct from voices_voice where title like 'Burst voice number %'`);
    assert.deepEqual(after, { n: BURST, distinct: BURST });
    child!.kill('SIGTERM');
    await exited;
  });

  it('logs each request as JSON with its request id', async () => {
    await start('info');
    await (await fetch(`http://127.0.0.1:${port}/c/alpha/voices`, { headers: { 'x-request-id': 'trace-me-42' } })).text();
    child!.kill('SIGTERM');
    await exited;
    const entries = logLines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const entry = entries.find((e) => e.reqId === 'trace-me-42');
    assert.ok(entry, `no log line with the request id among ${logLines.length} lines`);
    assert.equal(entry.method, 'GET');
    assert.equal(entry.path, '/c/alpha/voices');
    assert.equal(entry.status, 200);
    assert.equal(typeof entry.ms, 'number');
  });

  it('answers requests in flight, then exits cleanly on SIGTERM', async () => {
    await start();
    const base = `http://127.0.0.1:${port}`;
    const inFlight = Array.from({ length: 20 }, () => fetch(`${base}/c/alpha/voices?q=water`).then(async (r) => (await r.text(), r.status), () => 0));
    // Stop as soon as the first answer arrives, while the others are still being served.
    await Promise.race(inFlight);
    child!.kill('SIGTERM');
    const statuses = await Promise.all(inFlight);
    assert.equal(await exited, 0, 'exit code 0');
    // Requests that reached the server before the signal were answered; none was cut off with an error status.
    assert.ok(statuses.every((s) => s === 200 || s === 0), JSON.stringify(statuses));
    assert.ok(statuses.some((s) => s === 200));
    await assert.rejects(fetch(`${base}/healthz`), 'the port is closed afterwards');
  });
});
