import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkBallot, remainingBudget, type BallotDesign } from './ballot-rules.ts';
import { PHASES, acceptsBallots, canMovePhase, nextPhase, type Phase } from './process-phases.ts';

const projects = [{ id: 'a', cost: 40_00 }, { id: 'b', cost: 35_00 }, { id: 'c', cost: 30_00 }, { id: 'd', cost: 5_00 }];
const BUDGET = 70_00;

describe('ballot rules', () => {
  it('refuses an approval ballot over the budget and accepts one within it, as a set in the projects\' order', () => {
    const design: BallotDesign = { kind: 'approval-budget' };
    assert.deepEqual(checkBallot(design, { projects: ['a', 'b'] }, projects, BUDGET), { ok: false, refusal: { problem: 'over-budget', cost: 75_00, budget: BUDGET } });
    assert.deepEqual(checkBallot(design, { projects: ['d', 'c'] }, projects, BUDGET), { ok: true, projects: ['c', 'd'], points: null, cost: 35_00 });
    assert.deepEqual(checkBallot(design, { projects: ['c', 'a'] }, projects, BUDGET), { ok: true, projects: ['a', 'c'], points: null, cost: 70_00 }, 'exactly the budget is within it');
    assert.equal(remainingBudget(['a', 'c'], projects, BUDGET), 0);
    assert.equal(remainingBudget(['a', 'b'], projects, BUDGET), -5_00);
  });

  it('refuses unknown and repeated projects, empty ballots, and more than k', () => {
    const k: BallotDesign = { kind: 'approval-k', k: 2 };
    assert.deepEqual(checkBallot(k, { projects: [] }, projects, BUDGET), { ok: false, refusal: { problem: 'empty' } });
    assert.deepEqual(checkBallot(k, { projects: ['z'] }, projects, BUDGET), { ok: false, refusal: { problem: 'unknown-project', project: 'z' } });
    assert.deepEqual(checkBallot(k, { projects: ['a', 'a'] }, projects, BUDGET), { ok: false, refusal: { problem: 'duplicate-project', project: 'a' } });
    assert.deepEqual(checkBallot(k, { projects: ['a', 'b', 'c'] }, projects, BUDGET), { ok: false, refusal: { problem: 'too-many', count: 3, max: 2 } });
    assert.deepEqual(checkBallot({ kind: 'ranking', k: 3 }, { projects: ['c', 'a'] }, projects, BUDGET), { ok: true, projects: ['c', 'a'], points: null, cost: 70_00 });
  });

  it('checks cumulative points: one per project, whole and positive, within the total and the cap per project', () => {
    const design: BallotDesign = { kind: 'cumulative', points: 10, perProject: 5 };
    assert.deepEqual(checkBallot(design, { projects: ['a', 'b'], points: [5, 5] }, projects, BUDGET), { ok: true, projects: ['a', 'b'], points: [5, 5], cost: 75_00 });
    assert.deepEqual(checkBallot(design, { projects: ['a', 'b'], points: [5] }, projects, BUDGET), { ok: false, refusal: { problem: 'points-mismatch' } });
    assert.deepEqual(checkBallot(design, { projects: ['a'], points: [6] }, projects, BUDGET), { ok: false, refusal: { problem: 'over-per-project', project: 'a', max: 5 } });
    assert.deepEqual(checkBallot(design, { projects: ['a'], points: [1.5] }, projects, BUDGET), { ok: false, refusal: { problem: 'bad-points', project: 'a' } });
    assert.deepEqual(checkBallot(design, { projects: ['a', 'b', 'c'], points: [4, 4, 4] }, projects, BUDGET), { ok: false, refusal: { problem: 'too-many-points', total: 12, max: 10 } });
  });

  it('never accepts a ballot over the budget or over k, and accepts every selection within them', () => {
    const ids = projects.map((p) => p.id);
    fc.assert(fc.property(fc.subarray(ids), fc.integer({ min: 0, max: 120_00 }), fc.integer({ min: 1, max: 4 }), (selection, budget, k) => {
      const cost = projects.filter((p) => selection.includes(p.id)).reduce((s, p) => s + p.cost, 0);
      const byBudget = checkBallot({ kind: 'approval-budget' }, { projects: selection }, projects, budget);
      assert.equal(byBudget.ok, selection.length > 0 && cost <= budget);
      const byK = checkBallot({ kind: 'approval-k', k }, { projects: selection }, projects, budget);
      assert.equal(byK.ok, selection.length > 0 && selection.length <= k);
      if (byBudget.ok) assert.deepEqual(checkBallot({ kind: 'approval-budget' }, { projects: byBudget.projects }, projects, budget), byBudget, 'checking twice changes nothing');
    }));
  });

  it('never throws on any ballot', () => {
    fc.assert(fc.property(fc.array(fc.string()), fc.option(fc.array(fc.double())), (chosen, points) => {
      for (const design of [{ kind: 'approval-budget' }, { kind: 'approval-k', k: 2 }, { kind: 'ranking', k: 3 }, { kind: 'cumulative', points: 10, perProject: 5 }] as BallotDesign[]) {
        checkBallot(design, { projects: chosen, points: points ?? undefined }, projects, BUDGET);
      }
    }));
  });
});

describe('process phases', () => {
  it('moves forward one phase at a time, and takes ballots only while voting', () => {
    fc.assert(fc.property(fc.constantFrom(...PHASES), fc.constantFrom(...PHASES), (from: Phase, to: Phase) => {
      assert.equal(canMovePhase(from, to), PHASES.indexOf(to) === PHASES.indexOf(from) + 1);
    }));
    assert.equal(nextPhase('implementation'), null);
    assert.deepEqual(PHASES.filter(acceptsBallots), ['voting']);
  });
});
