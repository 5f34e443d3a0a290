import { test } from 'node:test';
import assert from 'node:assert/strict';
import stage from './times.js';
import type { DocumentInfo } from '../../analysis/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';

const text = 'Talks stalled. On 12 April, envoys met again; they had last met in 2022.';
const document: DocumentInfo = { id: 'd1', title: null, published: '2023-05', source: null, url: null, language: 'en', text };
const kb = {} as KnowledgeBase; // the stage reads no knowledge

test('times stage returns resolved times and date mentions with sentence indexes', () => {
  assert.equal(stage.name, 'times');
  assert.deepEqual(stage.requires, ['sentences']);
  const sentences = [
    { start: 0, end: 14, text: text.slice(0, 14), paragraph: 0 },
    { start: 15, end: text.length, text: text.slice(15), paragraph: 0 },
  ];
  const out = stage.run({ document, layers: { sentences }, kb });
  assert.deepEqual(out.times?.map((t) => [t.when.start, t.when.end, t.when.precision]), [
    ['2023-04-12', '2023-04-12', 'day'],
    ['2022-01-01', '2022-12-31', 'year'],
  ]);
  assert.deepEqual(out.mentions?.map((m) => [m.text, m.type, m.via, m.sentence]), [
    ['12 April', 'date', 'pattern', 1],
    ['2022', 'date', 'pattern', 1],
  ]);
});

test('times stage works without a sentences layer', () => {
  const out = stage.run({ document, layers: {}, kb });
  assert.equal(out.times?.length, 2);
  assert.ok(out.mentions?.every((m) => m.sentence === 0));
});
