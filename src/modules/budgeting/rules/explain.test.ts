import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PbElection } from '../pb/parse-pb.ts';
import { Rational } from './rational.ts';
import { profileOf } from './profile.ts';
import { explainEqualShares } from './explain.ts';
import { tally } from './tally.ts';

const election = (costs: number[], budget: number, ballots: string[][]): PbElection => ({
  meta: {}, budget: Rational.int(budget), voteType: 'approval',
  projects: costs.map((cost, i) => ({ id: String.fromCharCode(65 + i), cost: Rational.int(cost), fields: {} })),
  ballots: ballots.map((projects, v) => ({ voterId: String(v), projects, points: null, fields: {} })),
});

describe('why a project was not funded', () => {
  it('says how much its supporters had left and how much was missing', () => {
    const e = election([1, 1, 1, 1], 3, [['A', 'B', 'C'], ['A', 'B', 'C'], ['D']]);
    const report = explainEqualShares(profileOf(e, 'cost'));
    assert.deepEqual(report.selected, ['A', 'B', 'D']);
    assert.equal(report.share.toString(), '1');
    assert.deepEqual(report.shortfalls.map((s) => [s.id, s.supportersLeft.toString(), s.missing.toString(), s.supporters]), [['C', '0', '1', 2n]]);
  });

  it('explains every project equal shares left out, with the outcome the rule gives, with or without add1', () => {
    const elections = fc.record({
      costs: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 }),
      budget: fc.integer({ min: 1, max: 30 }),
      ballots: fc.array(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 7 }),
    }).map(({ costs, budget, ballots }) => election(costs, budget, ballots.map((b) => costs.flatMap((_, i) => (b[i] ? [String.fromCharCode(65 + i)] : [])))));
    fc.assert(fc.property(elections, (e) => {
      const plain = explainEqualShares(profileOf(e, 'cost'));
      assert.deepEqual(plain.selected, tally(e, 'mes', 'none').selected.sort());
      for (const s of plain.shortfalls) {
        assert.ok(s.missing.gt(Rational.ZERO), `${s.id}: a plain run stops only when no supported project is affordable`);
        assert.ok(s.cost.sub(s.supportersLeft).eq(s.missing));
      }
      const completed = explainEqualShares(profileOf(e, 'cost'), 'add1');
      assert.deepEqual(completed.selected, tally(e, 'mes', 'add1').selected.sort());
      assert.ok(completed.share.ge(plain.share));
    }));
  });
});
