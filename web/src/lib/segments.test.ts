import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSegments, type Mark } from './segments.js';

const text = 'Islamic State attacked Raqqa on 3 May.';

test('plain text without marks is one segment', () => {
  const segs = buildSegments(text, []);
  assert.equal(segs.length, 1);
  assert.equal(segs[0]!.text, text);
  assert.deepEqual(segs[0]!.marks, []);
});

test('nested spans split the outer span and keep both marks on the overlap', () => {
  const sentence: Mark = { start: 0, end: text.length, layer: 'event', ref: 'e1' };
  const actor: Mark = { start: 0, end: 13, layer: 'actor', ref: 'a1' };
  const place: Mark = { start: 23, end: 28, layer: 'place', ref: 'p1' };
  const segs = buildSegments(text, [sentence, actor, place]);
  assert.deepEqual(segs.map((s) => s.text), ['Islamic State', ' attacked ', 'Raqqa', ' on 3 May.']);
  assert.deepEqual(segs[0]!.marks.map((m) => m.layer).sort(), ['actor', 'event']);
  assert.deepEqual(segs[1]!.marks.map((m) => m.layer), ['event']);
  assert.deepEqual(segs[2]!.marks.map((m) => m.layer).sort(), ['event', 'place']);
  assert.equal(segs.map((s) => s.text).join(''), text);
});

test('crossing spans produce three segments with the right cover', () => {
  const a: Mark = { start: 0, end: 22, layer: 'quote', ref: 'q' };
  const b: Mark = { start: 8, end: 28, layer: 'event', ref: 'e' };
  const segs = buildSegments(text, [a, b]);
  assert.deepEqual(segs.map((s) => [s.start, s.end, s.marks.map((m) => m.ref).join('+')]), [
    [0, 8, 'q'], [8, 22, 'q+e'], [22, 28, 'e'], [28, text.length, ''],
  ]);
});

test('out-of-range and empty spans are ignored, identical spans both kept', () => {
  const segs = buildSegments('abc', [
    { start: 2, end: 99, layer: 'x', ref: '1' }, { start: 1, end: 1, layer: 'y', ref: '2' },
    { start: 0, end: 1, layer: 'actor', ref: '3' }, { start: 0, end: 1, layer: 'place', ref: '4' },
  ]);
  assert.deepEqual(segs.map((s) => [s.text, s.marks.length]), [['a', 2], ['b', 0], ['c', 1]]);
});
