import { test } from 'node:test';
import assert from 'node:assert/strict';
import statistics from './statistics.js';
import { testKb } from '../../extract/test-kb.js';
import { buildLayers, testDocument } from '../../extract/test-layers.js';
import type { StatisticOut } from '../../analysis/types.js';

const kb = testKb();
function run(text: string): StatisticOut[] {
  return statistics.run({ document: testDocument(text), layers: buildLayers(text), kb }).statistics!;
}

test('ratios, changes with figures, percentages and compared counts are statistics', () => {
  const text = [
    'The number of kidnappings in the south in 2022 was double the number recorded in 2021.',
    'Roadside bombings rose by 35% last year.',
    'Police counted 140 raids in 2023 compared with 95 a year earlier.',
    'Militia recruitment fell to 300 fighters.',
  ].join(' ');
  const st = run(text);
  assert.equal(st.length, 4);
  assert.match(st[0]!.statement, /^The number of kidnappings/);
  assert.equal(st[0]!.evidence[0]!.text, st[0]!.statement);
});

test('years alone, unrelated "half" and counts without comparison are not statistics', () => {
  const st = run('The group rose in 2014 to prominence. Half the town was dark. At least 12 people were killed in 2020. Attacks increased sharply.');
  assert.deepEqual(st, []);
});
