import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareGroups, leastHeard, UNANSWERED } from './representation.ts';

describe('representation', () => {
  it('compares shares of voices with shares of residents', () => {
    const table = compareGroups(
      [{ key: 'female', count: 30 }, { key: 'male', count: 60 }, { key: UNANSWERED, count: 10 }],
      [{ key: 'female', count: 5200 }, { key: 'male', count: 4800 }],
    );
    const female = table.rows.find((r) => r.key === 'female')!;
    assert.equal(table.total, 100);
    assert.equal(female.voiceShare, 30 / 90);
    assert.equal(female.populationShare, 0.52);
    assert.ok(Math.abs(female.ratio! - (30 / 90) / 0.52) < 1e-12);
    assert.equal(table.rows.find((r) => r.key === UNANSWERED)?.voices, 10);
  });

  it('gives a group with residents but no voices a row with a ratio of 0', () => {
    const table = compareGroups([{ key: 'north', count: 20 }], [{ key: 'north', count: 100 }, { key: 'south', count: 100 }]);
    assert.deepEqual(table.rows.map((r) => [r.key, r.voices, r.ratio]), [['north', 20, 2], ['south', 0, 0]]);
  });

  it('has no residents figure, rather than 0, for a group the population file does not count', () => {
    const table = compareGroups([{ key: 'female', count: 30 }, { key: 'other', count: 6 }], [{ key: 'female', count: 50 }, { key: 'male', count: 50 }]);
    assert.deepEqual(table.rows.find((r) => r.key === 'other'), { key: 'other', voices: 6, withheld: null, voiceShare: 6 / 36, population: null, populationShare: null, ratio: null });
  });

  it('shows no share when the voices that did not say are too few to publish', () => {
    const table = compareGroups([{ key: 'female', count: 30 }, { key: 'male', count: 60 }, { key: UNANSWERED, count: 2 }], null);
    assert.ok(table.rows.every((r) => r.voiceShare === null));
  });

  it('never publishes a count of 1 to 4, nor a share of a withheld group', () => {
    fc.assert(fc.property(fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 7 }), fc.nat({ max: 8 }), (counts, unanswered) => {
      const table = compareGroups([...counts.map((count, i) => ({ key: `g${i}`, count })), { key: UNANSWERED, count: unanswered }], counts.map((_, i) => ({ key: `g${i}`, count: 100 })));
      for (const row of table.rows) {
        if (row.voices !== null) assert.ok(row.voices === 0 || row.voices >= 5);
        if (row.voices === null) assert.equal(row.voiceShare, null);
      }
    }));
  });

  it('lists the least heard groups, lowest ratio first, and only those below a fair hearing', () => {
    const sex = compareGroups([{ key: 'female', count: 20 }, { key: 'male', count: 80 }], [{ key: 'female', count: 50 }, { key: 'male', count: 50 }]);
    const area = compareGroups([{ key: 'north', count: 90 }, { key: 'south', count: 10 }], [{ key: 'north', count: 50 }, { key: 'south', count: 50 }]);
    assert.deepEqual(leastHeard([{ dimension: 'sex', table: sex }, { dimension: 'area', table: area }]).map((g) => [g.dimension, g.key, g.ratio]),
      [['area', 'south', 0.2], ['sex', 'female', 0.4]]);
  });
});
