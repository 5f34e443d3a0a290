import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitMarks } from './snippet.js';

test('splits marked matches and keeps other markup as literal text', () => {
  assert.deepEqual(splitMarks('a <mark>Raqqa</mark> b <img src=x>'), [
    { text: 'a ', marked: false }, { text: 'Raqqa', marked: true }, { text: ' b <img src=x>', marked: false },
  ]);
  assert.deepEqual(splitMarks(''), []);
});
