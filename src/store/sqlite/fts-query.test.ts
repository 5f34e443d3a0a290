import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toFtsQuery } from './fts-query.js';

describe('toFtsQuery', () => {
  it('quotes every token so operators and punctuation are plain text', () => {
    assert.equal(toFtsQuery('al-Sharaa'), '"al-Sharaa"');
    assert.equal(toFtsQuery('Iran AND Hezbollah'), '"Iran" "AND" "Hezbollah"');
    assert.equal(toFtsQuery("Sharaa's NEAR(x"), `"Sharaa's" "NEAR(x"`);
  });
  it('keeps quoted phrases together, even unclosed ones', () => {
    assert.equal(toFtsQuery('"Deir ez-Zor" prison'), '"Deir ez-Zor" "prison"');
    assert.equal(toFtsQuery('prison "Deir ez'), '"prison" "Deir ez"');
  });
  it('keeps a trailing * as a prefix search', () => {
    assert.equal(toFtsQuery('milit*'), '"milit" *');
    assert.equal(toFtsQuery('*'), null);
  });
  it('returns null when nothing searchable remains', () => {
    for (const q of ['', '  ', '"', '""', "'", '-', '()', '\u0000', '" "']) assert.equal(toFtsQuery(q), null, JSON.stringify(q));
  });
  it('strips control characters', () => {
    assert.equal(toFtsQuery('a\u0000b'), '"a" "b"');
  });
});
