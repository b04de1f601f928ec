import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MIN_CELL, suppress } from './suppression.ts';

const tables = fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 8 }).map((counts) => counts.map((count, i) => ({ key: `g${i}`, count })));

describe('small-cell suppression', () => {
  it('withholds a single small cell and the next smallest, so the total cannot give it back', () => {
    const table = suppress([{ key: 'female', count: 3 }, { key: 'male', count: 40 }, { key: 'other', count: 12 }]);
    assert.deepEqual(table.cells.map((c) => [c.key, c.count, c.withheld]), [['female', null, 'small'], ['male', 40, null], ['other', null, 'complement']]);
    assert.equal(table.total, 55);
  });

  it('withholds the total when nothing else can hide a small cell', () => {
    const table = suppress([{ key: 'a', count: 2 }, { key: 'b', count: 0 }]);
    assert.deepEqual([table.cells[0]!.count, table.cells[1]!.count, table.total], [null, 0, null]);
  });

  it('never shows a count of 1 to 4, and shows every other count as it is', () => {
    fc.assert(fc.property(tables, (cells) => {
      const table = suppress(cells);
      table.cells.forEach((published, i) => {
        if (published.count !== null) {
          assert.equal(published.count, cells[i]!.count);
          assert.ok(published.count === 0 || published.count >= MIN_CELL);
        }
      });
    }));
  });

  it('never lets a withheld count be worked out from the published ones and the total', () => {
    fc.assert(fc.property(tables, (cells) => {
      const table = suppress(cells);
      const hidden = cells.filter((_, i) => table.cells[i]!.count === null);
      if (hidden.length === 0 || table.total === null) return;
      // What subtraction reveals is the sum of the withheld cells: it must cover two groups and five people.
      assert.ok(hidden.filter((c) => c.count > 0).length >= 2);
      assert.ok(hidden.reduce((sum, c) => sum + c.count, 0) >= MIN_CELL);
    }));
  });
});
