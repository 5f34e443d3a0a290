import { test } from 'node:test';
import assert from 'node:assert/strict';
import scenarios from './scenarios.js';
import { testKb } from '../../extract/test-kb.js';
import { buildLayers, testDocument, type ActorSpec } from '../../extract/test-layers.js';
import type { ScenarioOut } from '../../analysis/types.js';

const kb = testKb();
function run(text: string, actors: ActorSpec[] = []): ScenarioOut[] {
  return scenarios.run({ document: testDocument(text), layers: buildLayers(text, { actors }), kb }).scenarios!;
}

test('"If X, then Y could ..." → condition and outcome', () => {
  const text = 'The border is quiet. If the Hill Guards lose the river crossing, then the Lion Front could push north. Prices rose.';
  const sc = run(text, [{ name: 'Hill Guards' }, { name: 'Lion Front' }]);
  assert.equal(sc.length, 1);
  assert.deepEqual(sc[0]!.conditions, ['the Hill Guards lose the river crossing']);
  assert.equal(sc[0]!.outcome, 'the Lion Front could push north');
  assert.deepEqual(sc[0]!.actors.sort(), ['a1', 'a2']);
  assert.equal(sc[0]!.evidence.length, 1);
  assert.match(sc[0]!.evidence[0]!.text, /^If the Hill Guards/);
});

test('a framing cue opens a scenario that continues through the paragraph', () => {
  const text = 'One scenario worth watching is if the Sun Battalion splits. The danger here is that its units hold two dams. If the units defect, the Lion Front can seize both dams.\n\nUnrelated news followed. The market would open.';
  const sc = run(text, [{ name: 'Sun Battalion' }, { name: 'Lion Front' }]);
  assert.equal(sc.length, 1);
  assert.equal(sc[0]!.evidence.length, 3);
  assert.ok(sc[0]!.conditions.includes('the Sun Battalion splits'), JSON.stringify(sc[0]));
  assert.ok(sc[0]!.conditions.includes('the units defect'));
  assert.equal(sc[0]!.outcome, 'the Lion Front can seize both dams');
  assert.match(sc[0]!.title, /Lion Front can seize/);
});

test('"Another risk is ..." with a forward-looking follow-up; "should his bid fail"', () => {
  const text = 'Another risk is the drought in the east. It is possible that the Lion Front will exploit it. Talks continue.\n\nThe council weighs sanctions should his bid fail.';
  const sc = run(text, [{ name: 'Lion Front' }]);
  assert.equal(sc.length, 2);
  assert.equal(sc[0]!.evidence.length, 2);
  assert.deepEqual(sc[0]!.conditions, ['the drought in the east']);
  assert.match(sc[0]!.outcome, /Lion Front will exploit it/);
  assert.deepEqual(sc[1]!.conditions, ['his bid fail']);
  assert.equal(sc[1]!.outcome, 'The council weighs sanctions');
});

test('no scenario: "if" without a forward-looking clause, "should" as obligation, plain modals', () => {
  const text = 'Analysts asked if the convoy had left. The army should protect the road. The group could grow.';
  assert.deepEqual(run(text), []);
});

test('a quoted conditional ends at the quotation; "if asked" is no condition', () => {
  const quoted = run('"If the valley falls to the Lion Front, the river towns will be next," a local official told reporters.', [{ name: 'Lion Front' }]);
  assert.equal(quoted.length, 1);
  assert.equal(quoted[0]!.outcome, 'the river towns will be next');
  const asked = run('The council said it would consider sending help if asked.');
  assert.equal(asked.length, 0);
});
