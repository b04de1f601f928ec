// Properties every rule must keep on any election, checked on random small ones.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PbElection } from '../pb/parse-pb.ts';
import { Rational } from './rational.ts';
import { COMPLETIONS, RULES, tally } from './tally.ts';
import { equalShares, equalSharesRational } from './mes.ts';
import { profileOf, type Satisfaction } from './profile.ts';

const elections = fc.record({
  costs: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 }),
  budget: fc.integer({ min: 0, max: 30 }),
  ballots: fc.array(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 7 }),
}).map(({ costs, budget, ballots }): PbElection => ({
  meta: {}, budget: Rational.int(budget), voteType: 'approval',
  projects: costs.map((cost, i) => ({ id: `p${i + 1}`, cost: Rational.int(cost), fields: {} })),
  ballots: ballots.map((approves, v) => ({ voterId: String(v), projects: costs.flatMap((_, i) => (approves[i] ? [`p${i + 1}`] : [])), points: null, fields: {} })),
}));

const costOf = (e: PbElection, ids: readonly string[]) => ids.reduce((sum, id) => sum.add(e.projects.find((p) => p.id === id)!.cost), Rational.ZERO);

describe('rule properties', () => {
  it('never spends more than the budget, whatever the rule and completion', () => {
    fc.assert(fc.property(elections, (e) => {
      for (const rule of RULES.filter((r) => !r.endsWith('-points'))) {
        for (const completion of rule.startsWith('mes') ? COMPLETIONS : (['none'] as const)) {
          const { selected, cost } = tally(e, rule, completion);
          assert.ok(costOf(e, selected).le(e.budget), `${rule} ${completion}`);
          assert.equal(cost, costOf(e, selected).toString());
          assert.equal(new Set(selected).size, selected.length);
        }
      }
    }));
  });

  it('gives the same outcome with greedy and with equal shares when every voter approves the same projects', () => {
    // Projects nobody approves are left out: the reference's greedy still funds them if they fit
    // (their density is 0, not excluded), and equal shares never does.
    fc.assert(fc.property(elections, fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (e, approves) => {
      const projects = e.projects.filter((_, i) => approves[i]);
      const unanimous = { ...e, projects, ballots: e.ballots.map((b) => ({ ...b, projects: projects.map((p) => p.id) })) };
      assert.deepEqual(tally(unanimous, 'mes', 'none').selected, tally(unanimous, 'greedy', 'none').selected);
      assert.deepEqual(tally(unanimous, 'mes-cardinality', 'none').selected, tally(unanimous, 'greedy-cost', 'none').selected);
    }));
  });

  it('gives the same outcome in integer arithmetic as in rationals, for any share of the budget', () => {
    fc.assert(fc.property(elections, fc.nat(20), fc.constantFrom<Satisfaction>('cost', 'cardinality'), (e, extra, satisfaction) => {
      const profile = profileOf(e, satisfaction);
      if (profile.voters === 0n) return;
      const share = profile.budget.div(Rational.of(profile.voters)).add(Rational.int(extra));
      assert.deepEqual(equalShares(profile, share), equalSharesRational(profile, share));
    }), { numRuns: 300 });
  });

  it('finds the group a majority-takes-all outcome leaves out, so the check below can fail', () => {
    // Two voters approve A, B and C, one approves D; every project costs 1 and the budget is 3.
    const e: PbElection = {
      meta: {}, budget: Rational.int(3), voteType: 'approval',
      projects: ['A', 'B', 'C', 'D'].map((id) => ({ id, cost: Rational.ONE, fields: {} })),
      ballots: [['A', 'B', 'C'], ['A', 'B', 'C'], ['D']].map((projects, v) => ({ voterId: String(v), projects, points: null, fields: {} })),
    };
    assert.deepEqual(tally(e, 'greedy', 'none').selected, ['A', 'B', 'C']);
    assert.deepEqual(underServedGroup(e, tally(e, 'greedy', 'none').selected), ['D']);
    assert.deepEqual(tally(e, 'mes', 'none').selected, ['A', 'B', 'D']);
    assert.equal(underServedGroup(e, tally(e, 'mes', 'none').selected), null);
  });

  it('gives every group its equal share (extended justified representation up to one project)', () => {
    fc.assert(fc.property(elections, (e) => {
      const selected = tally(e, 'mes', 'none').selected;
      assert.equal(underServedGroup(e, selected), null, `under-served by ${selected.join(',')}`);
    }), { numRuns: 300 });
  });
});

/**
 * A set of projects T whose approvers, too few to be served, could have paid for T from their
 * equal shares: some group S approves all of T, |S|·B/n ≥ cost(T), and every voter of S values
 * the outcome below T even with one more project of T. Null when there is none (EJR up to one,
 * cost utilities).
 */
function underServedGroup(e: PbElection, selected: readonly string[]): string[] | null {
  const winners = new Set(selected);
  const cost = (id: string) => e.projects.find((p) => p.id === id)!.cost;
  const utility = (approved: ReadonlySet<string>, set: Iterable<string>) => [...set].filter((id) => approved.has(id)).reduce((s, id) => s.add(cost(id)), Rational.ZERO);
  const ids = e.projects.map((p) => p.id);
  for (let mask = 1; mask < 1 << ids.length; mask++) {
    const t = ids.filter((_, i) => mask & (1 << i));
    const approvers = e.ballots.map((b) => new Set(b.projects)).filter((a) => t.every((id) => a.has(id)));
    const failing = approvers.filter((a) => {
      const worth = utility(a, t);
      if (utility(a, winners).ge(worth)) return false;
      return t.filter((id) => !winners.has(id)).every((extra) => utility(a, [...winners, extra]).le(worth));
    });
    if (failing.length > 0 && Rational.int(failing.length).mul(e.budget).ge(Rational.int(e.ballots.length).mul(costOf(e, t)))) return t;
  }
  return null;
}
