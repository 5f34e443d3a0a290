import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveTimes } from './resolve-times.js';
import { sentenceIndexAt, timeForSpan, timeForSpanOrPrevious } from './time-for-span.js';

const text = 'On 4 May, gunmen attacked a bus. In 2019, by contrast, they struck on 2 June. '
  + 'Police later arrested two men.\n\nA new paragraph says nothing of dates.';
const s1 = text.indexOf('In 2019');
const s2 = text.indexOf('Police');
const s3 = text.indexOf('A new');
const sentences = [
  { start: 0, end: s1 - 1, paragraph: 0 },
  { start: s1, end: s2 - 1, paragraph: 0 },
  { start: s2, end: s3 - 2, paragraph: 0 },
  { start: s3, end: text.length, paragraph: 1 },
];
const times = resolveTimes(text, '2024-06-10', sentences);
const span = (word: string): [number, number] => {
  const i = text.indexOf(word);
  return [i, i + word.length];
};

test('sentenceIndexAt finds the sentence holding an offset', () => {
  assert.equal(sentenceIndexAt(sentences, 0), 0);
  assert.equal(sentenceIndexAt(sentences, s2 + 3), 2);
  assert.equal(sentenceIndexAt(sentences, text.length + 5), -1);
});

test('timeForSpan takes the nearest time in the same sentence', () => {
  assert.equal(timeForSpan(times, ...span('attacked'), sentences)?.when.start, '2024-05-04');
  assert.equal(timeForSpan(times, ...span('struck'), sentences)?.when.start, '2024-06-02');
  assert.equal(timeForSpan(times, ...span('contrast'), sentences)?.when.start, '2019-01-01');
  assert.equal(timeForSpan(times, ...span('arrested'), sentences), null);
});

test('timeForSpanOrPrevious inherits from the previous sentence of the same paragraph only', () => {
  const own = timeForSpanOrPrevious(times, ...span('attacked'), sentences);
  assert.deepEqual([own?.time.when.start, own?.inherited], ['2024-05-04', false]);
  const inherited = timeForSpanOrPrevious(times, ...span('arrested'), sentences);
  assert.deepEqual([inherited?.time.when.start, inherited?.inherited], ['2024-06-02', true]);
  assert.equal(timeForSpanOrPrevious(times, ...span('says'), sentences), null);
});
