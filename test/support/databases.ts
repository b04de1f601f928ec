// Each integration test file gets fresh databases that have had the real migrations run on
// them: one embedded (PGlite) and, when a server is reachable, one on PostgreSQL. The suites
// are written once and run against both engines.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, migrate, type Database, type Engine } from '../../src/core/db/index.ts';
import { allMigrations } from '../../src/app/migrations.ts';

export interface TestEngine {
  readonly name: Engine;
  open(): Promise<TestDatabase>;
}

export interface TestDatabase extends Database {
  /** Closes the handle and throws the database away. */
  dispose(): Promise<void>;
  /** The connection string of a PostgreSQL test database (to start a server process on it). */
  readonly url?: string;
}

/** Runs fn on a database of its own, thrown away afterwards whatever happens. */
export async function withFreshDatabase<T>(engine: TestEngine, fn: (database: TestDatabase) => Promise<T>): Promise<T> {
  const database = await engine.open();
  try {
    return await fn(database);
  } finally {
    await database.dispose();
  }
}

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function testDatabaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
}

let postgresReachable: Promise<boolean> | undefined;
async function isPostgresReachable(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: testDatabaseUrl(), connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      if (process.env.CI) throw new Error(`PostgreSQL is required in CI but ${testDatabaseUrl()} is unreachable`);
      console.warn(`# PostgreSQL at ${testDatabaseUrl()} unreachable: database tests run on PGlite only`);
      return false;
    }
  })();
  return postgresReachable;
}

/** The engines to run database suites against, resolved before the suites are declared. */
export async function testEngines(): Promise<TestEngine[]> {
  const engines: TestEngine[] = [pgliteEngine];
  if (process.env.BARAZA_TEST_ENGINES === 'pglite') return engines;
  if (await isPostgresReachable()) engines.push(postgresEngine);
  if (process.env.BARAZA_TEST_ENGINES === 'postgres') return [postgresEngine];
  return engines;
}

function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const m of allMigrations()) hash.update(m.id).update('\0').update(m.sql).update('\0');
  return hash.digest('hex').slice(0, 16);
}

const pgliteEngine: TestEngine = {
  name: 'pglite',
  async open() {
    // Opening and migrating a fresh PGlite takes seconds; a migrated data directory is made
    // once per migration set and every test file starts from a copy of it.
    const cacheDir = '.cache';
    const cacheFile = `${cacheDir}/pglite-migrated-${migrationsFingerprint()}.tar.gz`;
    if (!existsSync(cacheFile)) {
      const fresh = await openDatabase({ dataDir: 'memory://' });
      await migrate(fresh, allMigrations());
      const dump = await dumpPglite(fresh);
      await fresh.close();
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, dump);
      renameSync(tmp, cacheFile);
    }
    const database = await openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(cacheFile)]) });
    return { ...database, dispose: () => database.close() };
  },
};

async function dumpPglite(database: Database): Promise<Buffer> {
  const blob = await database.dumpDataDir!();
  return Buffer.from(await blob.arrayBuffer());
}

const postgresEngine: TestEngine = {
  name: 'postgres',
  async open() {
    const adminUrl = testDatabaseUrl();
    const name = `baraza_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
    await migrate(database, allMigrations());
    return {
      ...database,
      url: url.toString(),
      dispose: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: adminUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  },
};
