import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { minorToPlain, parseMoney } from './money.ts';
import { formatMoney } from './i18n/index.ts';

describe('money', () => {
  it('reads amounts as people type them, in major units', () => {
    const kes = (s: string) => parseMoney(s, 'KES');
    assert.deepEqual(kes('1500000'), { ok: true, minor: 150_000_000 });
    assert.deepEqual(kes('1 500 000'), { ok: true, minor: 150_000_000 });
    assert.deepEqual(kes('1,500,000.50'), { ok: true, minor: 150_000_050 });
    assert.deepEqual(kes('1.500.000,50'), { ok: true, minor: 150_000_050 });
    assert.deepEqual(kes('12,5'), { ok: true, minor: 1250 });
    assert.deepEqual(kes('1,500'), { ok: false, problem: 'ambiguous' });
    assert.deepEqual(kes('12.345'), { ok: false, problem: 'ambiguous' });
    assert.deepEqual(kes('1.005,5.0'), { ok: false, problem: 'invalid' });
    assert.deepEqual(kes('-5'), { ok: false, problem: 'invalid' });
    assert.deepEqual(kes('5.'), { ok: false, problem: 'invalid' });
    assert.deepEqual(kes('0.125'), { ok: false, problem: 'ambiguous' });
    assert.deepEqual(kes('0.1259'), { ok: false, problem: 'too-precise' });
    assert.deepEqual(kes('99999999999999999'), { ok: false, problem: 'too-large' });
    // A currency with no minor unit: "1,500" can only mean fifteen hundred.
    assert.deepEqual(parseMoney('1,500', 'UGX'), { ok: true, minor: 1500 });
    assert.deepEqual(parseMoney('15.5', 'UGX'), { ok: false, problem: 'too-precise' });
  });

  it('reads back every amount it writes, and never throws', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 50 }), fc.constantFrom('KES', 'UGX', 'TND', 'EUR'), (minor, currency) => {
      assert.deepEqual(parseMoney(minorToPlain(minor, currency), currency), { ok: true, minor });
    }));
    fc.assert(fc.property(fc.string(), (s) => { parseMoney(s, 'KES'); }));
  });

  it('shows money in the reader\'s language, leaving out zero cents', () => {
    const spaced = (s: string) => s.replace(/\s/g, ' ');
    assert.equal(spaced(formatMoney('en', 150_000_000, 'KES')), 'KES 1,500,000');
    assert.equal(spaced(formatMoney('en', 1250, 'KES')), 'KES 12.50');
    assert.equal(spaced(formatMoney('fr', 150_000_050, 'EUR')), '1 500 000,50 EUR');
  });
});
