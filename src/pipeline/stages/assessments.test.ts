import { test } from 'node:test';
import assert from 'node:assert/strict';
import assessments from './assessments.js';
import { testKb } from '../../extract/test-kb.js';
import { buildLayers, testDocument } from '../../extract/test-layers.js';
import type { AssessmentOut } from '../../analysis/types.js';

const kb = testKb();
function run(text: string): AssessmentOut[] {
  return assessments.run({ document: testDocument(text), layers: buildLayers(text), kb }).assessments!;
}

test('estimative cues map to ICD 203 terms, longest cue first', () => {
  const a = run('Still, the odds of the talks succeeding are long. The militia will almost certainly regroup. A deal is highly unlikely; a truce is likely. The group may not recover.');
  const got = a.map((x) => [x.likelihood, x.statement]);
  assert.deepEqual(got, [
    ['unlikely', 'the odds of the talks succeeding are long'],
    ['almost certain', 'The militia will almost certainly regroup'],
    ['very unlikely', 'A deal is highly unlikely'],
    ['likely', 'a truce is likely'],
    ['roughly even', 'The group may not recover'],
  ]);
  assert.equal(a[0]!.evidence[1]!.text, 'odds of the talks succeeding are long');
});

test('gapped cue: "chances ... remain slim"; bare "could" and "remote areas" are not judgements', () => {
  const a = run('Realistically, the chances of the new council holding together remain slim. The group could strike. Fighters hid in remote areas.');
  assert.equal(a.length, 1);
  assert.equal(a[0]!.likelihood, 'unlikely');
  assert.equal(a[0]!.statement, 'the chances of the new council holding together remain slim');
});
