import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import PgBoss from 'pg-boss';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { createJobQueue, JOB_SCHEMA, queryRows, type QueueSpec } from '../index.ts';
import jobQueueMigration from '../migrations/0004_job_queue.ts';

const silent = pino({ level: 'silent' });

describe('the job queue migration', () => {
  it('is exactly the schema the installed pg-boss creates, so an upgrade cannot drift unnoticed', () => {
    const plans = PgBoss.getConstructionPlans(JOB_SCHEMA).replace(/^\s*BEGIN;\n/, '').replace(/\s*COMMIT;\s*$/, '\n').replace(/^\n+/, '');
    assert.equal(jobQueueMigration.sql, plans);
  });
});

for (const engine of await testEngines()) {
  describe(`job queue on ${engine.name}`, () => {
    let database: TestDatabase;
    const queue: QueueSpec = { name: 'test-echo', retryLimit: 2, retryDelaySeconds: 1 };
    before(async () => {
      database = await engine.open();
      await database.db.execute(sql`select baraza_jobs.create_queue(${queue.name}, '{"policy":"standard"}'::json)`);
    });
    after(() => database.dispose());

    it('runs a job added in a committed transaction once, and never one whose transaction rolled back', async () => {
      const jobs = createJobQueue(database, silent);
      const seen: string[] = [];
      jobs.define<{ word: string }>(queue, async (job) => void seen.push(job.data.word));
      await database.db.transaction(async (tx) => {
        await jobs.enqueue(tx, queue, [{ word: 'kept' }, { word: 'also kept' }]);
      });
      await database.db.transaction(async (tx) => {
        await jobs.enqueue(tx, queue, [{ word: 'rolled back' }]);
        tx.rollback();
      }).catch(() => undefined);
      assert.equal(await jobs.drain(queue.name), 2);
      assert.deepEqual(seen.sort(), ['also kept', 'kept']);
      assert.equal(await jobs.drain(queue.name), 0, 'a completed job does not run again');
    });

    it('retries a failing job up to its limit, telling the handler which try is the last', async () => {
      const jobs = createJobQueue(database, silent);
      const tries: { retry: number; last: boolean }[] = [];
      jobs.define(queue, async (job) => {
        tries.push({ retry: job.retryCount, last: job.lastTry });
        throw new Error('gateway down');
      });
      await jobs.enqueue(database.db, queue, [{ word: 'doomed' }]);
      // Each retry is due after a back-off of one to two, then two to four seconds.
      for (let i = 0; i < 40 && tries.length < 3; i++) {
        await jobs.drain(queue.name);
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.deepEqual(tries, [{ retry: 0, last: false }, { retry: 1, last: false }, { retry: 2, last: true }]);
      const [row] = await queryRows<{ state: string }>(database.db, sql`select state::text from baraza_jobs.job where name = ${queue.name} and data->>'word' = 'doomed'`);
      assert.equal(row?.state, 'failed');
    });

    it('runs jobs in the background once started, and stops cleanly', async () => {
      const jobs = createJobQueue(database, silent);
      const seen: string[] = [];
      jobs.define<{ word: string }>(queue, async (job) => void seen.push(job.data.word));
      await jobs.start();
      try {
        await jobs.enqueue(database.db, queue, [{ word: 'background' }]);
        for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
        assert.deepEqual(seen, ['background']);
      } finally {
        await jobs.stop();
      }
    });
  });
}
