import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeRegExp, phrasePattern } from './regexp-source.js';

test('literals stay literal; phrase spaces match any whitespace run', () => {
  assert.ok(new RegExp(`^${escapeRegExp('U.S. (CENTCOM)')}$`).test('U.S. (CENTCOM)'));
  assert.ok(!new RegExp(`^${escapeRegExp('U.S.')}$`).test('UxSx'));
  const re = new RegExp(`^${phrasePattern('car  bomb')}$`);
  assert.ok(re.test('car\nbomb') && re.test('car bomb'));
  assert.ok(!re.test('carbomb'));
});
