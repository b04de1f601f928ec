import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readBallotForm } from './ballot-form.ts';

const budgets = [{ id: 'city', codes: ['1', '2', '3'] }, { id: 'north', codes: ['4', '5'] }];

describe('reading a ballot form', () => {
  it('reads ticked boxes per budget, in the projects\' order', () => {
    const read = readBallotForm({ 'p-3': 'yes', 'p-1': 'yes', 'p-5': 'yes', 'p-9': 'yes', 'p-2': 'no' }, { kind: 'approval-budget' }, budgets);
    assert.deepEqual(read, { choices: { city: { projects: ['1', '3'] }, north: { projects: ['5'] } }, issues: [] });
  });

  it('reads a ranking best first, and names a rank out of range or given twice', () => {
    const design = { kind: 'ranking', k: 2 } as const;
    assert.deepEqual(readBallotForm({ 'rank-3': '1', 'rank-1': '2', 'rank-2': '' }, design, budgets).choices.city, { projects: ['3', '1'] });
    assert.deepEqual(readBallotForm({ 'rank-3': '1', 'rank-1': '1' }, design, budgets).issues, [{ field: 'rank-3', messageKey: 'error.budgeting.rankTwice', values: { rank: 1 } }]);
    assert.deepEqual(readBallotForm({ 'rank-3': '3' }, design, budgets).issues, [{ field: 'rank-3', messageKey: 'error.budgeting.rank', values: { max: 2 } }]);
    assert.equal(readBallotForm({ 'rank-3': '1.5' }, design, budgets).issues.length, 1);
  });

  it('reads points, leaving out blanks and zeros, and names points that are not whole or over the cap', () => {
    const design = { kind: 'cumulative', points: 10, perProject: 5 } as const;
    assert.deepEqual(readBallotForm({ 'points-1': '5', 'points-2': '0', 'points-3': ' 2 ', 'points-4': '1' }, design, budgets).choices,
      { city: { projects: ['1', '3'], points: [5, 2] }, north: { projects: ['4'], points: [1] } });
    assert.deepEqual(readBallotForm({ 'points-1': '6' }, design, budgets).issues, [{ field: 'points-1', messageKey: 'error.budgeting.pointsEach', values: { max: 5 } }]);
    assert.equal(readBallotForm({ 'points-1': '-1' }, design, budgets).issues.length, 1);
  });

  it('never throws, and only ever chooses projects of the budget they belong to', () => {
    const designs = [{ kind: 'approval-budget' }, { kind: 'approval-k', k: 2 }, { kind: 'ranking', k: 3 }, { kind: 'cumulative', points: 10, perProject: 5 }] as const;
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.string()), fc.constantFrom(...designs), (raw, design) => {
      const { choices } = readBallotForm(raw, design, budgets);
      for (const b of budgets) assert.ok(choices[b.id]!.projects.every((code) => b.codes.includes(code)));
    }));
  });
});
