import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testKb } from '../../extract/test-kb.js';
import { sentenceLexicon, splitSentences } from './sentences.js';

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

describe('sentence splitter: news text', () => {
  // The core pack's lexicons: abbreviations, titles, sentence starters, quotation verbs.
  const pack = sentenceLexicon(testKb());
  const split = (text: string) => splitSentences(text, pack).map((x) => x.text);

  it('does not split after honorifics, ranks, initials and months', () => {
    const text = 'Adm. Brad Cooper and Lt. Col. Sam Ortiz met Maj. Gen. Amal Hadi. Sgt. Lee, Rep. Kim and Sen. Ray left St. Louis on Jan. 5. J. R. Smith of the U.N. agreed. Dr. Ali and Mr. Omar did not.';
    assert.deepEqual(split(text), [
      'Adm. Brad Cooper and Lt. Col. Sam Ortiz met Maj. Gen. Amal Hadi.',
      'Sgt. Lee, Rep. Kim and Sen. Ray left St. Louis on Jan. 5.',
      'J. R. Smith of the U.N. agreed.',
      'Dr. Ali and Mr. Omar did not.',
    ]);
  });

  it('splits after an abbreviation that ends a sentence when a function word follows', () => {
    assert.deepEqual(split('The drones were made in the U.S. They reached Iraq via Acme Inc. The firm denied it.'), [
      'The drones were made in the U.S.', 'They reached Iraq via Acme Inc.', 'The firm denied it.',
    ]);
  });

  it('keeps a quotation with its attribution', () => {
    assert.deepEqual(split('"We will win," he said. "We will win." He said it twice.'), ['"We will win," he said.', '"We will win."', 'He said it twice.']);
    assert.deepEqual(split('“Will the truce hold?” Gen. Hadi asked. “No.” The talks ended.'), ['“Will the truce hold?” Gen. Hadi asked.', '“No.”', 'The talks ended.']);
    assert.deepEqual(split('“Why now?” asked Hadi. Nobody knew!'), ['“Why now?” asked Hadi.', 'Nobody knew!']);
  });

  it('keeps datelines and dashes inside the sentence', () => {
    assert.deepEqual(split('BAGHDAD (Reuters) - Iraqi forces retook the town — the third this month. Fighting went on.'), [
      'BAGHDAD (Reuters) - Iraqi forces retook the town — the third this month.', 'Fighting went on.',
    ]);
    assert.deepEqual(split('BAGHDAD (Reuters) -\nIraqi forces retook the town. Fighting went on.'), [
      'BAGHDAD (Reuters) -\nIraqi forces retook the town.', 'Fighting went on.',
    ]);
  });

  it('attaches a citation mark to its sentence and splits lower-case informal sentences', () => {
    assert.deepEqual(split('The town fell in 2014. [12] It was retaken.'), ['The town fell in 2014. [12]', 'It was retaken.']);
    assert.deepEqual(split('i got the report. i will read it tonight. ok?'), ['i got the report.', 'i will read it tonight.', 'ok?']);
    assert.deepEqual(split('Prices rose approx. 5 percent, e.g. in Erbil. Losses fell.'), ['Prices rose approx. 5 percent, e.g. in Erbil.', 'Losses fell.']);
  });

  it('keeps offsets, paragraphs and headings', () => {
    const text = 'Truce holds in Idlib\n\nGen. Hadi said the truce held. "It is fragile," he added.\nA new line starts here.';
    const s = splitSentences(text, pack);
    assert.deepEqual(s.map((x) => [x.paragraph, x.text]), [
      [0, 'Truce holds in Idlib'], [1, 'Gen. Hadi said the truce held.'], [1, '"It is fragile," he added.'], [1, 'A new line starts here.'],
    ]);
    for (const x of s) assert.equal(text.slice(x.start, x.end), x.text);
  });
});
