import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures } from '../../../../test/support/fixtures.ts';
import { actorOf } from '../../../../test/support/actors.ts';
import { queryRows, type Db } from '../index.ts';
import { backupDatabase, restoreDatabase } from '../backup.ts';
import { verifyAudit } from '../../audit/index.ts';
import { submitVoice, publishVoice, supportVoice, mergeVoices, createPriority, addVoiceToPriority } from '../../../modules/voices/index.ts';

/** Every row of every data table, in a stable order, as the database itself prints it (the migration log belongs to the database, not the backup). */
async function contents(db: Db): Promise<Record<string, string[]>> {
  const tables = await queryRows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = current_schema() and tablename <> 'baraza_migrations' order by 1`);
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await queryRows<{ r: string }>(db, sql`select t::text as r from ${sql.raw(`"${name}"`)} t`);
    out[name] = rows.map((row) => row.r).sort();
  }
  return out;
}

for (const engine of await testEngines()) {
  describe(`backup and restore on ${engine.name}`, () => {
    let database: TestDatabase;
    let dir: string;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'baraza-backup-'));
      database = await engine.open();
      const f = await seedFixtures(database.db);
      const moderator = await actorOf(database.db, 'moderator');
      const resident = await actorOf(database.db, 'resident');
      const refs: string[] = [];
      for (const title of ['Kept voice', 'Duplicate voice', 'Another voice « with » ūnicode ☂']) {
        const v = await submitVoice(database.db, {
          title, description: 'Line one\nLine two, with "quotes" and \\ backslash', category: 'water', area: 'north', lang: 'fr',
          channel: 'web', secret: 's', contact: 'someone@example.org', sex: 'female', latitude: 10.1500001, longitude: 10.05,
        }, resident, f.alpha);
        assert.ok(v.ok);
        refs.push(v.value.reference);
        await publishVoice(database.db, { reference: v.value.reference }, moderator, f.alpha);
        await supportVoice(database.db, { reference: v.value.reference }, resident, f.alpha);
      }
      await mergeVoices(database.db, { reference: refs[1]!, into: refs[0]! }, moderator, f.alpha);
      const p = await createPriority(database.db, { title: 'P', description: 'D', lang: 'en' }, moderator, f.alpha);
      if (p.ok) await addVoiceToPriority(database.db, { reference: refs[2]!, priorityId: p.value.id }, moderator, f.alpha);
    });
    after(async () => {
      await database.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('restores exactly what was backed up, over later changes', async () => {
      const before = await contents(database.db);
      const file = join(dir, 'round-trip.json.gz');
      const summary = await backupDatabase(database, file);
      assert.ok(summary.rows > 50);
      await database.db.execute(sql`update voices_voice set title = 'changed after the backup'`);
      await database.db.execute(sql`delete from voices_support`);
      await restoreDatabase(database, file);
      assert.deepEqual(await contents(database.db), before);
      assert.equal((await verifyAudit(database.db)).ok, true, 'the audit chain survives the round trip');
    });

    it('restores into another, empty database of the same release', async () => {
      const file = join(dir, 'copy.json.gz');
      await backupDatabase(database, file);
      const other = await engine.open();
      try {
        await restoreDatabase(other, file);
        assert.deepEqual(await contents(other.db), await contents(database.db));
      } finally {
        await other.dispose();
      }
    });

    it('refuses a file that is not a backup and changes nothing', async () => {
      const before = await contents(database.db);
      const junk = join(dir, 'junk.gz');
      writeFileSync(junk, 'not gzip at all');
      await assert.rejects(() => restoreDatabase(database, junk), /not a readable Baraza backup|not a Baraza backup/);
      assert.deepEqual(await contents(database.db), before);
    });
  });
}
