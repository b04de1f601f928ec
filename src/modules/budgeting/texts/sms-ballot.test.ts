import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readSmsBallot } from './sms-ballot.ts';

const areas = [{ slug: 'north', name: 'North' }, { slug: 'kibra', name: 'Kibra Ward' }];

describe('reading a ballot sent by SMS', () => {
  it('reads the code however it was typed, the projects in order, points and a district', () => {
    assert.deepEqual(readSmsBallot('k7m2p-qx9rt 3 7, 12', areas), { ok: true, code: 'K7M2PQX9RT', area: null, picks: [{ code: '3', points: null }, { code: '7', points: null }, { code: '12', points: null }] });
    assert.deepEqual(readSmsBallot('K7M2P QX9RT nörth 03:5', areas), { ok: true, code: 'K7M2PQX9RT', area: 'north', picks: [{ code: '3', points: 5 }] });
    assert.deepEqual(readSmsBallot('K7M2PQX9RT KIBRA 1', [{ slug: 'kibra', name: 'Kibra' }]).ok, true);
  });

  it('says what is missing or unreadable', () => {
    assert.deepEqual(readSmsBallot('', areas), { ok: false, problem: 'no-code' });
    assert.deepEqual(readSmsBallot('3 7 12', areas), { ok: false, problem: 'no-code' });
    assert.deepEqual(readSmsBallot('K7M2P-QX9RT', areas), { ok: false, problem: 'no-projects' });
    assert.deepEqual(readSmsBallot('K7M2P-QX9RT 3 please', areas), { ok: false, problem: 'unreadable', token: 'please' });
  });

  it('never throws, and reads only numbers as projects', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const read = readSmsBallot(text, areas);
      if (read.ok) assert.ok(read.picks.every((p) => /^\d+$/.test(p.code)));
    }));
  });
});
