// What the HTTP benchmarks share: a database of their own on the PostgreSQL server, the app
// served from `bin/baraza.js` on a free loopback port, and autocannon runs that also report
// the CPU time each request cost the server and PostgreSQL.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';
import { cpuPerRequest, sampleCpu } from './cpu.ts';

export const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The `baraza_bench` database beside the admin URL's, created on first use. */
export async function benchDatabaseUrl(): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query(`select 1 from pg_database where datname = 'baraza_bench'`);
  if (!exists.rowCount) await admin.query('create database baraza_bench');
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = '/baraza_bench';
  return url.toString();
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Serves the app on the database, waits until it answers, and returns its base URL. */
export async function startBenchServer(databaseUrl: string, options: { secret: string; workers: number; env?: Record<string, string> }): Promise<{ base: string; stop(): void }> {
  const port = await freePort();
  const server = spawn(process.execPath, ['bin/baraza.js', 'serve', '--workers', String(options.workers)], {
    env: {
      PATH: process.env.PATH, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'silent', BARAZA_SECRET: options.secret,
      BARAZA_RATE_LIMIT_POSTS: '0', NODE_ENV: 'production', ...options.env,
    },
    stdio: 'inherit',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      if (i > 300) throw new Error('server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, stop: () => server.kill('SIGTERM') };
}

export async function load(options: autocannon.Options): Promise<autocannon.Result & { cpu: string }> {
  const before = sampleCpu();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(options, (err, r) => (err ? reject(err) : resolve(r)));
  });
  return { ...result, cpu: cpuPerRequest(before, sampleCpu(), result.requests.total) };
}

/** Answers other than the expected status, and connection errors. */
export const unexpected = (r: autocannon.Result, expected: string) =>
  r.errors + Object.entries(r.statusCodeStats ?? {}).filter(([code]) => code !== expected).reduce((sum, [, stat]) => sum + (stat.count ?? 0), 0);
