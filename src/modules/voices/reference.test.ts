import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatReference, normaliseReference, REFERENCE_PATTERN } from './reference.ts';

const code = fc.stringMatching(/^[A-Z]{2,5}$/);
const year = fc.integer({ min: 2000, max: 2999 });
const number = fc.integer({ min: 1, max: 9_999_999 });

describe('voice references', () => {
  it('formats references that parse back to themselves', () => {
    fc.assert(fc.property(code, year, number, (c, y, n) => {
      const ref = formatReference(c, y, n);
      return REFERENCE_PATTERN.test(ref) && normaliseReference(ref) === ref;
    }));
  });

  it('accepts what people type: lower case, spaces, surrounding blanks', () => {
    assert.equal(normaliseReference('  ksm 2026 000123 '), 'KSM-2026-000123');
    assert.equal(normaliseReference('ksm-2026-000123'), 'KSM-2026-000123');
  });

  it('rejects anything else', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const n = normaliseReference(s);
      return n === null || REFERENCE_PATTERN.test(n);
    }));
    assert.equal(normaliseReference('KSM-26-1'), null);
    assert.equal(normaliseReference("KSM-2026-000123' or 1=1"), null);
  });

  it('keeps references in order of their numbers within a city and year', () => {
    fc.assert(fc.property(code, year, number, number, (c, y, a, b) =>
      a < b ? formatReference(c, y, a) < formatReference(c, y, b) || String(a).length < String(b).length && String(b).length > 6 : true));
  });
});
