import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { STATUSES, FINAL, canMoveStatus, nextStatuses } from './status.ts';

const status = fc.constantFrom(...STATUSES);

describe('voice status rules', () => {
  it('never allows staying in place', () => {
    fc.assert(fc.property(status, (s) => !canMoveStatus(s, s)));
  });

  it('lets every open voice be declined and every closed voice be reopened for review only', () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        if (FINAL.has(from)) return canMoveStatus(from, to) === (to === 'under_review');
        if (to === 'declined') return canMoveStatus(from, to);
        return true;
      }),
    );
  });

  it('moves open voices only forward along the path', () => {
    assert.equal(canMoveStatus('planned', 'under_review'), false);
    assert.equal(canMoveStatus('in_progress', 'received'), false);
    assert.equal(canMoveStatus('received', 'resolved'), true, 'a quick fix may skip steps');
    assert.deepEqual(nextStatuses('in_progress'), ['resolved', 'declined']);
  });

  it('reaches a final status from any status within two moves', () => {
    fc.assert(fc.property(status, (s) => FINAL.has(s) || nextStatuses(s).some((n) => FINAL.has(n))));
  });
});
