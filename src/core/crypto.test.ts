import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nameBasedUuid, sameSecret, timeOrderedUuid } from './crypto.ts';

describe('time-ordered ids', () => {
  it('are version 7 UUIDs that sort by the millisecond they were made in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 2 }), fc.integer({ min: 1, max: 10_000 }), (earlier, gap) => {
        const a = timeOrderedUuid(earlier);
        const b = timeOrderedUuid(Math.min(earlier + gap, 2 ** 48 - 1));
        for (const id of [a, b]) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.ok(a < b, `${a} should sort before ${b}`);
      }),
    );
  });
});

describe('name-based ids', () => {
  it('are version 8 UUIDs, the same for the same name and different for different names', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      assert.match(nameBasedUuid(a), /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(nameBasedUuid(a), nameBasedUuid(a));
      if (a !== b) assert.notEqual(nameBasedUuid(a), nameBasedUuid(b));
    }));
  });
});

describe('secret comparison', () => {
  it('is true exactly for equal strings', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => assert.equal(sameSecret(a, b), a === b)));
    assert.equal(sameSecret('tökén', 'tökén'), true);
  });
});
