// Modal hedges count as assessments only as forecasts about a party, in the author's voice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import assessments from './assessments.js';
import syntax from './syntax.js';
import { buildLayers, testDocument } from '../../extract/test-layers.js';
import { testKb } from '../../extract/test-kb.js';

function run(text: string, actors: string[]) {
  const kb = testKb();
  const document = testDocument(text);
  const layers = buildLayers(text, { actors: actors.map((name) => ({ name })) });
  const parsed = syntax.run({ document, layers, kb }).syntax!;
  return assessments.run({ document, layers: { ...layers, syntax: parsed }, kb }).assessments!;
}

// Sentences written for this test.
test('"X may ..." about a named party is a roughly-even judgement; "May" the month and a quoted "may" are not', () => {
  const [a] = run('The Night Cells may try to regroup in the desert.', ['Night Cells']);
  assert.equal(a?.likelihood, 'roughly even');
  assert.deepEqual(run('In May the Night Cells regrouped in the desert.', ['Night Cells']), []);
  assert.deepEqual(run('“The Night Cells may regroup,” a resident said.', ['Night Cells']), []);
});
