import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from './sentences.js';

const abbreviations = new Set(['Gen', 'Dr', 'Jan']);

describe('sentence splitter', () => {
  it('splits at sentence ends but not at initials, abbreviations or inside numbers', () => {
    const text = 'The U.S. envoy met Gen. Kurilla on Jan. 5 in Amman. Losses rose by 3.5 percent. Did they agree? Yes!';
    const s = splitSentences(text, abbreviations).map((x) => x.text);
    assert.deepEqual(s, ['The U.S. envoy met Gen. Kurilla on Jan. 5 in Amman.', 'Losses rose by 3.5 percent.', 'Did they agree?', 'Yes!']);
  });

  it('keeps paragraphs apart and treats an unpunctuated line as its own sentence', () => {
    const text = 'A headline without a stop\n\nFirst paragraph ends here. Second sentence.\n\nNext paragraph “quoted.” Then more.';
    const s = splitSentences(text, abbreviations);
    assert.deepEqual(s.map((x) => [x.paragraph, x.text]), [
      [0, 'A headline without a stop'], [1, 'First paragraph ends here.'], [1, 'Second sentence.'],
      [2, 'Next paragraph “quoted.”'], [2, 'Then more.'],
    ]);
    for (const x of s) assert.equal(text.slice(x.start, x.end), x.text);
  });

  it('joins a sentence wrapped over two lines', () => {
    const text = 'The convoy left the town\nbefore dawn on Monday. It returned.';
    assert.deepEqual(splitSentences(text, abbreviations).map((x) => x.text), ['The convoy left the town\nbefore dawn on Monday.', 'It returned.']);
  });
});
