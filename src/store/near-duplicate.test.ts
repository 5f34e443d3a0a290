import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bandKeys, estimatedJaccard, pickOriginal } from './near-duplicate.js';

describe('near-duplicate', () => {
  it('splits a 64-number signature into 16 bands of 4 keyed by band index', () => {
    const sig = Array.from({ length: 64 }, (_, i) => i * 10);
    const keys = bandKeys(sig);
    assert.equal(keys.length, 16);
    assert.equal(keys[0], '0:0,10,20,30');
    assert.equal(keys[15], '15:600,610,620,630');
    // Same values in different bands must not collide.
    assert.notEqual(bandKeys([1, 2, 3, 4, 1, 2, 3, 4])[0], bandKeys([1, 2, 3, 4, 1, 2, 3, 4])[1]);
    assert.deepEqual(bandKeys([1, 2, 3]), []);
  });

  it('estimates Jaccard as the share of equal positions', () => {
    assert.equal(estimatedJaccard([1, 2, 3, 4], [1, 2, 0, 4]), 0.75);
    assert.equal(estimatedJaccard([], []), 0);
    assert.equal(estimatedJaccard([1, 2], [1, 2, 3]), 0);
  });

  it('picks the best candidate at or above 0.8 and follows it to its original', () => {
    const sig = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const eighty = [1, 2, 3, 4, 5, 6, 7, 8, 0, 0];
    const ninety = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0];
    const seventy = [1, 2, 3, 4, 5, 6, 7, 0, 0, 0];
    assert.equal(pickOriginal(sig, [{ id: 'a', signature: seventy, nearDuplicateOf: null }]), null);
    assert.equal(pickOriginal(sig, [{ id: 'a', signature: eighty, nearDuplicateOf: null }]), 'a');
    assert.equal(pickOriginal(sig, [
      { id: 'a', signature: eighty, nearDuplicateOf: null },
      { id: 'b', signature: ninety, nearDuplicateOf: 'root' },
    ]), 'root');
  });
});
