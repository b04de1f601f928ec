import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePopulationCsv } from './population-csv.ts';

const city = { areas: ['north', 'south'], ageBands: ['under-18', '18-24', '25-34', '35-49', '50-64', '65-plus'] };

describe('population CSV', () => {
  it('reads a good file, in any column order, with a byte-order mark', () => {
    const parsed = parsePopulationCsv('\ufeffsex,area,people,age_band\nfemale,north,1200,18-24\nmale,north,1100,18-24\n', city);
    assert.deepEqual(parsed, { ok: true, rows: [
      { area: 'north', sex: 'female', ageBand: '18-24', people: 1200 },
      { area: 'north', sex: 'male', ageBand: '18-24', people: 1100 },
    ] });
  });

  it('reports every bad cell and repeated row with its row and column', () => {
    const parsed = parsePopulationCsv('area,sex,age_band,people\neast,female,18-24,10\nnorth,woman,18-24,10\nnorth,male,teen,10\nnorth,male,18-24,1 200\nnorth,male,18-24,-3\nsouth,male,18-24,5\nsouth,male,18-24,6\n', city);
    assert.ok(!parsed.ok);
    assert.deepEqual(parsed.problems.map((p) => [p.row, p.column, p.messageKey]), [
      [2, 'area', 'error.population.area'], [3, 'sex', 'error.population.sex'], [4, 'age_band', 'error.population.ageBand'],
      [5, 'people', 'error.population.people'], [6, 'people', 'error.population.people'], [8, '', 'error.import.duplicateRow'],
    ]);
  });

  it('refuses wrong headers before reading rows', () => {
    const parsed = parsePopulationCsv('ward,sex,age,count\nnorth,female,18-24,1\n', city);
    assert.ok(!parsed.ok);
    assert.ok(parsed.problems.every((p) => p.row === 1));
    assert.ok(parsed.problems.some((p) => p.messageKey === 'error.import.missingColumn' && p.column === 'people'));
  });

  it('never throws, and names a row for every problem', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const parsed = parsePopulationCsv(text, city);
      if (!parsed.ok) for (const p of parsed.problems) assert.ok(p.row >= 1);
    }));
  });
});
