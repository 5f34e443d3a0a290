import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterPoints } from './cluster.js';

test('near points merge, far points stay apart', () => {
  const c = clusterPoints([
    { x: 0, y: 0, weight: 3, item: 'a' }, { x: 5, y: 0, weight: 1, item: 'b' }, { x: 100, y: 100, weight: 2, item: 'c' },
  ], 10);
  assert.equal(c.length, 2);
  const big = c.find((k) => k.items.length === 2)!;
  assert.deepEqual(big.items.sort(), ['a', 'b']);
  assert.equal(big.weight, 4);
  assert.equal(big.x, 1.25);
});
