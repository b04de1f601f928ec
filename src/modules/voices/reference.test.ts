import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatReference, normaliseReference, referenceFromKeypad, REFERENCE_PATTERN } from './reference.ts';

const reference = fc.tuple(fc.stringMatching(/^[A-Z]{2,5}$/), fc.integer({ min: 2000, max: 2999 }), fc.integer({ min: 1, max: 9_999_999 }))
  .map(([c, y, n]) => formatReference(c, y, n));

describe('voice references', () => {
  it('pads numbers to six digits and grows beyond them', () => {
    assert.equal(formatReference('KSM', 2026, 123), 'KSM-2026-000123');
    assert.equal(formatReference('KSM', 2026, 1_234_567), 'KSM-2026-1234567');
  });

  it('reads a reference back as itself however it is typed', () => {
    fc.assert(fc.property(reference, fc.constantFrom('-', ' ', '_'), fc.boolean(), (ref, sep, lower) => {
      const typed = ` ${lower ? ref.toLowerCase() : ref}  `.replaceAll('-', sep);
      return normaliseReference(typed) === ref;
    }));
  });

  it('rejects anything that is not a reference', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const n = normaliseReference(s);
      return n === null || REFERENCE_PATTERN.test(n);
    }));
    assert.equal(normaliseReference('KSM-26-1'), null);
    assert.equal(normaliseReference("KSM-2026-000123' or 1=1"), null);
    assert.equal(normaliseReference(''), null);
  });

  it('reads a reference typed on a phone keypad: the number, year and number together, or whole', () => {
    fc.assert(fc.property(fc.integer({ min: 2000, max: 2999 }), fc.integer({ min: 1, max: 9_999_999 }), (year, n) => {
      const ref = formatReference('KSM', year, n);
      assert.equal(referenceFromKeypad(ref.split('-').slice(1).join(''), 'KSM', 2026), ref);
      assert.equal(referenceFromKeypad(ref.toLowerCase(), 'KSM', 2026), ref);
      assert.equal(referenceFromKeypad(String(n), 'KSM', year), ref);
    }));
    assert.equal(referenceFromKeypad(' 123 ', 'KSM', 2026), 'KSM-2026-000123');
    for (const nothing of ['0', '', 'abc', '12345678', '*123#']) assert.equal(referenceFromKeypad(nothing, 'KSM', 2026), null, nothing);
  });
});
