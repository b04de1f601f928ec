import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseVoiceCsv } from './voice-csv.ts';

const city = { categories: ['water', 'roads'], areas: ['north', 'south'] };
const HEADER = 'title,description,category,area,consent,sex';
const good = (i: number) => `Dry tap number ${i},"The tap by the school, number ${i}, has been dry for days.",water,north,yes,female`;

describe('typed-up paper forms (CSV)', () => {
  it('takes a clean file whole, each voice with its row', () => {
    const parsed = parseVoiceCsv(`\uFEFF${HEADER}\n${good(1)}\n\n${good(2)}\r\n`, city);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.voices.map((v) => [v.row, v.title, v.sex]), [[2, 'Dry tap number 1', 'female'], [3, 'Dry tap number 2', 'female']]);
  });

  it('reports every bad row with its row and column, and takes nothing from such a file', () => {
    const file = [HEADER, good(1), 'Hi,too short,water,north,yes,', good(3), 'Broken road by the market,The road by the market is broken.,sewers,east,no,', good(1)].join('\n');
    const parsed = parseVoiceCsv(file, city);
    assert.ok(!parsed.ok);
    const found = parsed.problems.map((p) => `${p.row}:${p.column}:${p.messageKey}`);
    assert.ok(found.includes('3:title:error.field.tooShort') && found.includes('3:description:error.field.tooShort'), found.join(' '));
    assert.ok(found.includes('5:consent:error.import.consent') && found.includes('5:category:error.voice.unknownCategory') && found.includes('5:area:error.voice.unknownArea'), found.join(' '));
    assert.ok(found.includes('6::error.import.duplicateRow'));
    assert.ok(!found.some((p) => p.startsWith('2:') || p.startsWith('4:')), 'good rows have no problems');
  });

  it('checks the header row', () => {
    const parsed = parseVoiceCsv('title,description,kategory,consent\nx,y,z,yes', city);
    assert.ok(!parsed.ok);
    assert.deepEqual(parsed.problems.map((p) => [p.row, p.messageKey]), [[1, 'error.import.unknownColumn'], [1, 'error.import.missingColumn']]);
    assert.deepEqual(parseVoiceCsv('', city), { ok: false, problems: [{ row: 1, column: '', messageKey: 'error.import.empty', values: {} }] });
    assert.equal((parseVoiceCsv('title,"unclosed\n', city) as { ok: false; problems: { messageKey: string }[] }).problems[0]!.messageKey, 'error.import.unreadable');
  });

  it('never throws, and either takes every row or names a problem inside the file', () => {
    const cell = fc.oneof(fc.constantFrom('water', 'north', 'yes', 'Dry tap by the school', 'The tap by the school has been dry for days.', '', '=CMD()', '"', ',', '\n'), fc.string());
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { maxLength: 6 }), (rows) => {
      const file = [HEADER, ...rows.map((r) => r.join(','))].join('\n');
      const parsed = parseVoiceCsv(file, city);
      if (parsed.ok) assert.ok(parsed.voices.every((v) => v.row >= 2));
      else assert.ok(parsed.problems.length > 0 && parsed.problems.every((p) => p.row >= 1 && p.row <= file.split('\n').length + 1));
    }));
  });
});
