import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHash } from './router.js';

test('parses each view', () => {
  assert.deepEqual(parseHash(''), { name: 'documents' });
  assert.deepEqual(parseHash('#/doc/abc123'), { name: 'doc', id: 'abc123', at: null });
  assert.deepEqual(parseHash('#/actor/' + encodeURIComponent('n:abu omar')), { name: 'actor', id: 'n:abu omar' });
  assert.deepEqual(parseHash('#/search?q=raqqa%20attack'), { name: 'search', q: 'raqqa attack' });
  assert.deepEqual(parseHash('#/doc/x?at=5-9'), { name: 'doc', id: 'x', at: [5, 9] });
  assert.deepEqual(parseHash('#/board'), { name: 'board', scenario: null });
  assert.deepEqual(parseHash('#/board?s=is-attack-lebanon'), { name: 'board', scenario: 'is-attack-lebanon' });
  assert.deepEqual(parseHash('#/warnings'), { name: 'warnings' });
  assert.deepEqual(parseHash('#/nope'), { name: 'not-found', path: '/nope' });
});
