import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { testEngines, withFreshDatabase, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures, type Fixtures } from '../../../../test/support/fixtures.ts';
import { recordAudit, verifyAudit } from '../index.ts';
import { queryRows } from '../../db/index.ts';

for (const engine of await testEngines()) {
  describe(`audit log on ${engine.name}`, () => {
    let database: TestDatabase;
    let fixtures: Fixtures;
    before(async () => {
      database = await engine.open();
      fixtures = await seedFixtures(database.db);
    });
    after(() => database.dispose());

    it('chains every state change and verifies intact', async () => {
      const verdict = await verifyAudit(database.db);
      assert.equal(verdict.ok, true);
      assert.ok(verdict.ok && verdict.entries > 10, 'fixtures wrote audit entries');
    });

    it('reports the first altered entry', async () => {
      const { db } = database;
      const [row] = await queryRows<{ seq: number }>(db, sql`select seq::int as seq from core_audit where tenant_id = ${fixtures.alpha.id} order by seq limit 1 offset 1`);
      await db.execute(sql`update core_audit set action = 'voice.nothing-to-see' where tenant_id = ${fixtures.alpha.id} and seq = ${row!.seq}`);
      const verdict = await verifyAudit(db);
      assert.deepEqual(verdict, { ok: false, tenantId: fixtures.alpha.id, seq: row!.seq, problem: 'altered' });
    });

    it('reports a missing entry in the middle of a chain', async () => {
      await withFreshDatabase(engine, async (fresh) => {
        const f = await seedFixtures(fresh.db);
        await fresh.db.execute(sql`delete from core_audit where tenant_id = ${f.beta.id} and seq = 2`);
        assert.deepEqual(await verifyAudit(fresh.db), { ok: false, tenantId: f.beta.id, seq: 2, problem: 'missing' });
      });
    });

    it('catches removal of the newest entry through the chain head', async () => {
      await withFreshDatabase(engine, async (fresh) => {
        const f = await seedFixtures(fresh.db);
        await fresh.db.transaction(async (tx) => {
          await recordAudit(tx, { tenantId: f.alpha.id, actorId: null, action: 'test.last', objectType: 't', objectId: '1' });
        });
        assert.equal((await verifyAudit(fresh.db)).ok, true);
        await fresh.db.execute(sql`delete from core_audit where tenant_id = ${f.alpha.id} and action = 'test.last'`);
        const verdict = await verifyAudit(fresh.db);
        assert.equal(verdict.ok, false);
        assert.ok(!verdict.ok && verdict.tenantId === f.alpha.id && verdict.problem === 'missing');
      });
    });

    it('keeps each tenant chain gap-free under concurrent appends', async () => {
      await withFreshDatabase(engine, async (fresh) => {
        const f = await seedFixtures(fresh.db);
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            fresh.db.transaction((tx) => recordAudit(tx, { tenantId: i % 2 ? f.alpha.id : f.beta.id, actorId: null, action: 'test.burst', objectType: 't', objectId: String(i) })),
          ),
        );
        assert.equal((await verifyAudit(fresh.db)).ok, true);
      });
    });
  });
}
