// Forward-only migrations, owned by core and by each module, applied in a stable order
// (core first, then modules in manifest order) and recorded by id so each runs once.
import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import { queryRows } from './database.ts';

export interface Migration {
  /** Stable id: "<owner>/<number>_<what-it-does>"; never renamed or edited after release. */
  readonly id: string;
  readonly sql: string;
}

export async function migrate(database: Database, migrations: readonly Migration[]): Promise<string[]> {
  assertUniqueIds(migrations);
  return database.withExclusiveLock(async () => {
    await database.db.execute(
      sql`create table if not exists baraza_migrations (id text primary key, applied_at timestamptz not null default now())`,
    );
    const done = new Set(
      (await queryRows<{ id: string }>(database.db, sql`select id from baraza_migrations`)).map((r) => r.id),
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      const record = `insert into baraza_migrations (id) values ('${migration.id.replaceAll("'", "''")}');`;
      await database.runScript(`${migration.sql}\n;\n${record}`);
      applied.push(migration.id);
    }
    return applied;
  });
}

function assertUniqueIds(migrations: readonly Migration[]): void {
  const seen = new Set<string>();
  for (const m of migrations) {
    if (seen.has(m.id)) throw new Error(`Duplicate migration id ${m.id}`);
    seen.add(m.id);
  }
}
