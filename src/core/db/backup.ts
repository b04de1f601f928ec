// Logical backup and restore that work the same on PGlite and PostgreSQL: every table's rows as
// JSON, in foreign-key order, in one gzip'd file. A restore replaces all contents in a single
// transaction, so a failed restore leaves the database as it was.
import { createReadStream, createWriteStream } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
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

export async function backupDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const { db } = database;
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(file));
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  const header: Header = { format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), migrations: await appliedMigrations(db) };
  await write(header);
  let rows = 0;
  const tables = (await tablesInDependencyOrder(db)).filter((t) => t !== MIGRATIONS_TABLE);
  for (const table of tables) {
    const columns = await writableColumns(db, table);
    const selected = sql.join(columns.map(ident), sql`, `);
    const data = await queryRows<{ r: unknown }>(db, sql`select to_jsonb(t) as r from (select ${selected} from ${ident(table)}) t`);
    await write({ table, rows: data.map((d) => d.r) } satisfies TableBlock);
    rows += data.length;
  }
  gzip.end();
  await once(out, 'finish');
  return { tables: tables.length, rows };
}

async function readBackup(file: string): Promise<{ header: Header; blocks: TableBlock[] }> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header: Header | undefined;
  const blocks: TableBlock[] = [];
  try {
    for await (const line of lines) {
      if (!line) continue;
      const value = JSON.parse(line) as Header | TableBlock;
      if (!header) header = value as Header;
      else blocks.push(value as TableBlock);
    }
  } catch (e) {
    throw new Error(`${file} is not a readable Baraza backup (${(e as Error).message})`);
  }
  if (!header || header.format !== FORMAT || header.version !== VERSION) throw new Error(`${file} is not a Baraza backup`);
  return { header, blocks };
}

export async function restoreDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const { header, blocks } = await readBackup(file);
  const { db } = database;
  const migrations = await appliedMigrations(db);
  if (migrations.join('\n') !== header.migrations.join('\n')) {
    throw new Error('the backup was taken at a different schema version: run the same release that wrote it');
  }
  const tables = (await tablesInDependencyOrder(db)).filter((t) => t !== MIGRATIONS_TABLE);
  const unknown = blocks.find((b) => !tables.includes(b.table));
  if (unknown) throw new Error(`the backup has a table this database does not: ${unknown.table}`);
  let rows = 0;
  await db.transaction(async (tx) => {
    await tx.execute(sql`truncate ${sql.join(tables.map(ident), sql`, `)}`);
    for (const table of tables) {
      const block = blocks.find((b) => b.table === table);
      if (!block || block.rows.length === 0) continue;
      const columns = sql.join((await writableColumns(tx, table)).map(ident), sql`, `);
      // One statement per table: rows that point at rows of the same table (a merged voice)
      // are checked at the end of the statement, whatever their order.
      await tx.execute(sql`insert into ${ident(table)} (${columns})
        select ${columns} from jsonb_populate_recordset(null::${ident(table)}, ${JSON.stringify(block.rows)}::jsonb)`);
      rows += block.rows.length;
    }
  });
  return { tables: tables.length, rows };
}
