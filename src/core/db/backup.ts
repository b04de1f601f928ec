// Logical backup and restore that work the same on PGlite and PostgreSQL: every table's rows as
// JSON lines of bounded batches, in foreign-key order, in one gzip'd file, read from one
// snapshot. A restore replaces all contents in a single transaction, so a failed restore leaves
// the database as it was.
import { createReadStream, createWriteStream } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database, type Db } from './database.ts';

const FORMAT = 'baraza-backup';
const VERSION = 1;
const MIGRATIONS_TABLE = 'baraza_migrations';

interface Header { format: string; version: number; createdAt: string; migrations: string[] }
interface TableBlock { table: string; rows: unknown[] }

/** Tables of the current schema, parents before children. */
async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const tables = (
    await queryRows<{ name: string }>(
      db,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and c.relkind = 'r' order by c.relname`,
    )
  ).map((r) => r.name);
  const edges = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select cc.relname as child, pc.relname as parent from pg_constraint k
        join pg_class cc on cc.oid = k.conrelid join pg_class pc on pc.oid = k.confrelid
        join pg_namespace n on n.oid = cc.relnamespace
        where k.contype = 'f' and n.nspname = current_schema() and k.conrelid <> k.confrelid`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const e of edges) if (e.child === t) visit(e.parent);
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered;
}

/** The tables a backup holds: all but the migration log, which belongs to the database. */
async function dataTables(db: Db): Promise<string[]> {
  return (await tablesInDependencyOrder(db)).filter((t) => t !== MIGRATIONS_TABLE);
}

async function writableColumns(db: Db, table: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select attname as name from pg_attribute where attrelid = ${table}::regclass and attnum > 0
        and not attisdropped and attgenerated = '' order by attnum`,
  );
  return rows.map((r) => r.name);
}

const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

async function appliedMigrations(db: Db): Promise<string[]> {
  return (await queryRows<{ id: string }>(db, sql`select id from baraza_migrations order by id`)).map((r) => r.id);
}

/** Columns of foreign keys from a table to itself (a merged voice points at the kept one). */
async function selfReferenceColumns(db: Db, table: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select distinct a.attname as name from pg_constraint k
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
        where k.contype = 'f' and k.conrelid = k.confrelid and k.conrelid = ${table}::regclass`,
  );
  return rows.map((r) => r.name);
}

/** Rows per line of the file, and per insert on restore: memory stays bounded for any table size. */
export const BATCH_ROWS = 2000;

export async function backupDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(file));
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  let rows = 0;
  let tableCount = 0;
  // One repeatable-read transaction: every table is read from the same snapshot.
  await database.db.transaction(
    async (tx) => {
      const header: Header = { format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), migrations: await appliedMigrations(tx) };
      await write(header);
      const tables = await dataTables(tx);
      tableCount = tables.length;
      for (const table of tables) {
        const selected = sql.join((await writableColumns(tx, table)).map(ident), sql`, `);
        // Rows that other rows of the same table point at come first, so a restore can insert
        // them batch by batch (a merged voice after the voice it was merged into).
        const order = (await selfReferenceColumns(tx, table)).map((c) => sql`${ident(c)} is not null`);
        const orderBy = order.length ? sql` order by ${sql.join(order, sql`, `)}` : sql``;
        await tx.execute(sql`declare backup_rows no scroll cursor for
          select to_jsonb(t) as r from (select ${selected} from ${ident(table)}${orderBy}) t`);
        for (;;) {
          const batch = await queryRows<{ r: unknown }>(tx, sql`fetch ${sql.raw(String(BATCH_ROWS))} from backup_rows`);
          if (batch.length === 0) break;
          await write({ table, rows: batch.map((b) => b.r) } satisfies TableBlock);
          rows += batch.length;
        }
        await tx.execute(sql`close backup_rows`);
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  gzip.end();
  await once(out, 'finish');
  return { tables: tableCount, rows };
}

/** The lines of a backup file, the header first, read as they are needed. */
async function* readLines(file: string): AsyncGenerator<Header | TableBlock> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  try {
    for await (const line of lines) if (line) yield JSON.parse(line) as Header | TableBlock;
  } catch (e) {
    throw new Error(`${file} is not a readable Baraza backup (${(e as Error).message})`);
  }
}

export async function restoreDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const { db } = database;
  const lines = readLines(file);
  const first = await lines.next();
  const header = first.done ? undefined : (first.value as Header);
  if (!header || header.format !== FORMAT || header.version !== VERSION) throw new Error(`${file} is not a Baraza backup`);
  const migrations = await appliedMigrations(db);
  if (migrations.join('\n') !== header.migrations.join('\n')) {
    throw new Error('the backup was taken at a different schema version: run the same release that wrote it');
  }
  const tables = await dataTables(db);
  let rows = 0;
  // One transaction: a file that turns out broken half-way leaves the database as it was.
  await db.transaction(async (tx) => {
    await tx.execute(sql`truncate ${sql.join(tables.map(ident), sql`, `)}`);
    const columnsOf = new Map<string, SQL>();
    for await (const line of lines) {
      const block = line as TableBlock;
      if (!tables.includes(block.table)) throw new Error(`the backup has a table this database does not: ${block.table}`);
      let columns = columnsOf.get(block.table);
      if (!columns) {
        columns = sql.join((await writableColumns(tx, block.table)).map(ident), sql`, `);
        columnsOf.set(block.table, columns);
      }
      await tx.execute(sql`insert into ${ident(block.table)} (${columns})
        select ${columns} from jsonb_populate_recordset(null::${ident(block.table)}, ${JSON.stringify(block.rows)}::jsonb)`);
      rows += block.rows.length;
    }
  });
  return { tables: tables.length, rows };
}
