import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { testEngines, withFreshDatabase, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures } from '../../../../test/support/fixtures.ts';
import { actorOf } from '../../../../test/support/actors.ts';
import { queryRows, type Db } from '../index.ts';
import { backupDatabase, restoreDatabase, BATCH_ROWS } from '../backup.ts';
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
      await withFreshDatabase(engine, async (other) => {
        await restoreDatabase(other, file);
        assert.deepEqual(await contents(other.db), await contents(database.db));
      });
    });

    it('round-trips tables larger than a batch, with rows pointing at rows of the same table', async () => {
      await withFreshDatabase(engine, async (other) => {
        const f = await seedFixtures(other.db);
        await other.db.execute(sql`
          insert into voices_voice (tenant_id, reference, title, description, lang, category_id, area_id, visibility)
          select ${f.alpha.id}, 'ALP-1999-' || lpad(g::text, 6, '0'), 'Bulk ' || g, 'Bulk voice', 'en',
            (select id from voices_category where tenant_id = ${f.alpha.id} and slug = 'water'),
            (select id from voices_area where tenant_id = ${f.alpha.id} and slug = 'north'), 'published'
          from generate_series(1, ${BATCH_ROWS * 2 + 17}) g`);
        // Early rows merged into late ones: a naive order would insert them before their target.
        await other.db.execute(sql`
          update voices_voice d set merged_into_id = k.id from voices_voice k
          where d.tenant_id = ${f.alpha.id} and k.tenant_id = d.tenant_id and d.reference like 'ALP-1999-0000%'
            and k.reference = 'ALP-1999-' || lpad((${BATCH_ROWS * 2} + right(d.reference, 2)::int % 10)::text, 6, '0')`);
        // An UPDATE writes a new row version at the end of the table: move more than a batch of
        // other rows there, then the kept voices, so that in storage order the merged voices
        // come a whole batch before the voices they point at.
        await other.db.execute(sql`update voices_voice set support_count = 1
          where tenant_id = ${f.alpha.id} and reference between 'ALP-1999-000200' and ${`ALP-1999-${String(BATCH_ROWS + 500).padStart(6, '0')}`}`);
        await other.db.execute(sql`update voices_voice set support_count = 2
          where tenant_id = ${f.alpha.id} and id in (select merged_into_id from voices_voice where merged_into_id is not null)`);
        const before = await contents(other.db);
        assert.ok(before.voices_voice!.filter((r) => r.includes('ALP-1999')).length > BATCH_ROWS * 2);
        const file = join(dir, 'large.json.gz');
        await backupDatabase(other, file);
        await restoreDatabase(other, file);
        assert.deepEqual(await contents(other.db), before);
      });
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
