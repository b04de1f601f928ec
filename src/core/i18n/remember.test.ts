import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { remembering } from './remember.ts';

describe('remembering', () => {
  it('computes each key once, and forgets everything when its limit is reached', () => {
    const computed: string[] = [];
    const memory = remembering<string, string>(2);
    const ask = (key: string) => memory(key, () => (computed.push(key), key.toUpperCase()));
    assert.deepEqual(['a', 'b', 'a', 'b'].map(ask), ['A', 'B', 'A', 'B']);
    assert.deepEqual(computed, ['a', 'b']);
    assert.equal(ask('c'), 'C');
    assert.equal(ask('a'), 'A');
    assert.deepEqual(computed, ['a', 'b', 'c', 'a'], 'full at two keys, it started again with c');
  });
});
