import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, loadCatalog, translator } from './catalog.ts';
import { formatDate, formatDateTime } from './format.ts';

const zones = ['UTC', 'Africa/Nairobi', 'Africa/Dakar', 'Asia/Kathmandu', 'America/St_Johns'];
const instants = fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true });

describe('remembered formatting', () => {
  it('formats every date as Intl does, whatever was formatted before', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...LOCALES), fc.constantFrom(...zones), instants), { minLength: 1, maxLength: 30 }), (calls) => {
        for (const [locale, timeZone, date] of calls) {
          assert.equal(formatDate(locale, date, timeZone), new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date));
          assert.equal(formatDateTime(locale, date, timeZone), new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date));
        }
      }),
    );
  });

  it('formats plural messages as intl-messageformat does, whatever was formatted before', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...LOCALES), fc.nat({ max: 2_000_000 })), { minLength: 1, maxLength: 30 }), (calls) => {
        for (const [locale, count] of calls) {
          const expected = new IntlMessageFormat(loadCatalog(locale)['voices.supportCount']!, locale).format({ count });
          assert.equal(translator(locale)('voices.supportCount', { count }), expected);
        }
      }),
    );
  });
});
