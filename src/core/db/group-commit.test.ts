import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { groupCommit } from './group-commit.ts';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('group commit', () => {
  it('answers every caller with its own result, writes each good item once, and fails only bad items', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ value: fc.integer(), bad: fc.nat(4).map((n) => n === 0), gap: fc.nat(2) }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 3 }),
        async (calls, maxBatch, concurrency) => {
          const written: number[] = [];
          let inFlight = 0;
          let mostInFlight = 0;
          let largest = 0;
          const write = groupCommit<{ id: number; bad: boolean }, string>(async (items) => {
            inFlight++;
            mostInFlight = Math.max(mostInFlight, inFlight);
            largest = Math.max(largest, items.length);
            await tick(1);
            inFlight--;
            // Like a statement: all or nothing.
            if (items.some((i) => i.bad)) throw new Error('constraint');
            written.push(...items.map((i) => i.id));
            return items.map((i) => `done ${i.id}`);
          }, { maxBatch, concurrency });

          const answers: Promise<string>[] = [];
          for (const [id, call] of calls.entries()) {
            const answer = write({ id, bad: call.bad });
            answer.catch(() => {}); // read below, after the other calls are made
            answers.push(answer);
            if (call.gap) await tick(call.gap - 1);
          }
          const settled = await Promise.allSettled(answers);
          settled.forEach((s, id) => {
            if (calls[id]!.bad) assert.equal(s.status, 'rejected');
            else assert.deepEqual(s, { status: 'fulfilled', value: `done ${id}` });
          });
          const good = calls.flatMap((c, id) => (c.bad ? [] : [id]));
          assert.deepEqual([...written].sort((a, b) => a - b), good);
          assert.ok(largest <= maxBatch, `a batch of ${largest} > ${maxBatch}`);
          assert.ok(mostInFlight <= concurrency, `${mostInFlight} statements in flight > ${concurrency}`);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('sends writes that queue behind a running statement together', async () => {
    const batches: number[][] = [];
    const write = groupCommit<number, number>(async (items) => {
      batches.push(items);
      await tick(5);
      return items;
    }, { concurrency: 1 });
    await Promise.all([1, 2, 3, 4].map(write));
    assert.deepEqual(batches, [[1], [2, 3, 4]]);
  });
});
