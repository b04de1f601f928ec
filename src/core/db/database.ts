// One query layer over two engines: PGlite (embedded PostgreSQL, the zero-setup default)
// and PostgreSQL (production). Both speak the same SQL, run the same migrations and are
// reached through the same Drizzle handle, so services never know which one they run on.
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import { mkdirSync } from 'node:fs';

// count(*) and other int8 values arrive as strings from node-postgres but as numbers from
// PGlite; parse them once so both engines give the same types.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

// No schema generic: each module describes its own tables and queries them explicitly.
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  readonly db: Db;
  readonly engine: Engine;
  /** Runs a multi-statement script (migrations, restores) inside one transaction. */
  runScript(script: string): Promise<void>;
  /** Holds an exclusive lock for the duration of fn, across app processes on PostgreSQL. */
  withExclusiveLock<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a gzip'd tarball. */
  dumpDataDir?: () => Promise<Blob>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** A gzip'd PGlite data directory to start from (tests start from a migrated one). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  if (dataDir && !dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // Extensions the migrations use must be bundled into the WASM instance explicitly.
  const client = await PGlite.create({ dataDir, loadDataDir, extensions: { btree_gin } });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    runScript: async (script) => {
      await client.transaction(async (tx) => {
        await tx.exec(script);
      });
    },
    // PGlite is a single connection inside this process: there is nobody else to exclude.
    withExclusiveLock: (fn) => fn(),
    close: () => client.close(),
    dumpDataDir: async () => client.dumpDataDir('gzip'),
  };
}

const MIGRATION_LOCK_KEY = 72_616_272; // arbitrary, constant: "bara" in ASCII-ish digits

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = drizzlePostgres(pool) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    runScript: async (script) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(script);
        await client.query('commit');
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    withExclusiveLock: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          return await fn();
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Rows of a raw query, whichever engine ran it (both drivers answer with `.rows`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const dialect = new PgDialect();

/**
 * Rows of a statement that runs very often with the same text (a resident's submission):
 * on PostgreSQL it becomes a named prepared statement, parsed and planned once per connection
 * rather than on every call. Use it outside transactions, on statements whose text never
 * varies: the name stands for the text. PGlite runs it as any other query.
 */
export async function queryRowsPrepared<T>(db: Db, name: string, query: SQL): Promise<T[]> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!(client instanceof pg.Pool)) return queryRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  const result = await client.query<T & pg.QueryResultRow>({ name, text, values: params });
  return result.rows;
}
