// Events in analytic prose: back-references to an event told before, patterns the author
// describes (plural, undated), hypothetical and adjectival uses of event words, and events
// that need two parties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import events from './events.js';
import { testKb } from '../../extract/test-kb.js';
import { buildLayers, testDocument, year, type ActorSpec, type PlaceSpec, type TimeSpec } from '../../extract/test-layers.js';
import type { EventOut } from '../../analysis/types.js';

function run(text: string, spec: { actors?: ActorSpec[]; places?: PlaceSpec[]; times?: TimeSpec[] }): EventOut[] {
  return events.run({ document: testDocument(text, '2021-05'), layers: buildLayers(text, spec), kb: testKb() }).events!;
}
const roles = (e: EventOut | undefined, id: string) => e?.actors.filter((a) => a.actor === id).map((a) => a.role) ?? [];

test('a sentence opening with "The video ..." continues the event told before: its agents and date, no new event', () => {
  const text = 'On Monday, the Hill Guards released a video of their commander. '
    + 'The video also included a direct threat against the Valley Army, warning that its leaders would be hunted down.';
  const out = run(text, {
    actors: [{ name: 'Hill Guards' }, { name: 'Valley Army' }],
    times: [{ text: 'Monday', start: '2021-05-03' }],
  });
  const threats = out.filter((e) => e.type === 'threat' || (e.type === 'statement' && e.evidence[0]!.start > 60));
  assert.ok(threats.length >= 1, JSON.stringify(out.map((e) => e.summary)));
  for (const e of threats) {
    assert.equal(e.date?.start, '2021-05-03', e.summary);
    assert.ok(roles(e, 'a1').length > 0 && !roles(e, 'a1').includes('target'), e.summary);
    assert.ok(!['speaker', 'perpetrator'].includes(roles(e, 'a2')[0] ?? ''), `the Valley Army is addressed, not speaking: ${e.summary}`);
  }
  // "The video" itself is the release told before, not a second one.
  assert.equal(out.filter((e) => e.type === 'propaganda-release').length, 1);
});

test('plural undated event nouns describe a pattern; with a day or a target they are happenings', () => {
  const pattern = run('The number of Hill Guards attacks in Freedonia in 2019 doubled.', {
    actors: [{ name: 'Hill Guards' }], places: [{ name: 'Freedonia', kind: 'country' }], times: [year('2019', 2019)],
  });
  assert.deepEqual(pattern.filter((e) => e.type === 'attack'), []);
  const dated = run('On 3 May 2021, the Hill Guards carried out raids in Karmel.', {
    actors: [{ name: 'Hill Guards' }], places: [{ name: 'Karmel' }], times: [{ text: '3 May 2021', start: '2021-05-03' }],
  });
  assert.equal(dated.filter((e) => e.type === 'attack').length, 1);
  const targeted = run('In 2019, the Hill Guards attacks on the Valley Army intensified.', {
    actors: [{ name: 'Hill Guards' }, { name: 'Valley Army' }], times: [year('2019', 2019)],
  });
  assert.equal(targeted.filter((e) => e.type === 'attack').length, 1);
});

test('hypothetical, adjectival and glued event words are no events', () => {
  const hypothetical = run('A Hill Guards attack would give the Valley Army a pretext to stay.', {
    actors: [{ name: 'Hill Guards' }, { name: 'Valley Army' }],
  });
  assert.deepEqual(hypothetical.filter((e) => e.type === 'attack'), []);
  const glued = run('The Hill Guards answer to a self-declared council in Karmel.', { actors: [{ name: 'Hill Guards' }], places: [{ name: 'Karmel' }] });
  assert.deepEqual(glued.filter((e) => e.type === 'statement'), []);
  const adjective = run('In 2019, the Hill Guards conducted coordinated suicide bombings on Karmel.', {
    actors: [{ name: 'Hill Guards' }], places: [{ name: 'Karmel' }], times: [year('2019', 2019)],
  });
  assert.deepEqual(adjective.filter((e) => e.type === 'cooperation'), [], JSON.stringify(adjective.map((e) => e.summary)));
  assert.equal(adjective.filter((e) => e.type === 'bombing').length, 1);
});

test('facilitation and cooperation need two parties', () => {
  const one = run('In 2019, the Hill Guards facilitated the passage of fuel trucks.', { actors: [{ name: 'Hill Guards' }], times: [year('2019', 2019)] });
  assert.deepEqual(one.filter((e) => e.type === 'facilitation'), []);
  const two = run('In 2019, the Hill Guards facilitated the Valley Army advance on Karmel.', {
    actors: [{ name: 'Hill Guards' }, { name: 'Valley Army' }], places: [{ name: 'Karmel' }], times: [year('2019', 2019)],
  });
  assert.equal(two.filter((e) => e.type === 'facilitation').length, 1, JSON.stringify(two.map((e) => e.summary)));
});

test('"the bombing in Karmel on 4 May" with a date of its own is a new event, not a back-reference', () => {
  const text = 'On 3 May 2021, the Hill Guards attacked a checkpoint near Karmel. The Hill Guards claimed responsibility for the bombing in Doran on 4 May 2021.';
  const out = run(text, {
    actors: [{ name: 'Hill Guards', mentions: ['Hill Guards', 'Hill Guards'] }], places: [{ name: 'Karmel' }, { name: 'Doran' }],
    times: [{ text: '3 May 2021', start: '2021-05-03' }, { text: '4 May 2021', start: '2021-05-04' }],
  });
  const bombing = out.find((e) => e.type === 'bombing');
  assert.equal(bombing?.date?.start, '2021-05-04', JSON.stringify(out.map((e) => e.summary)));
  assert.equal(bombing?.modality, 'claimed');
});

test('one dated action at several listed places is one event per place; a shared toll is not divided', () => {
  const text = 'On 5 May 2021, Ruritanian jets carried out airstrikes in Karmel, Doran and Esk, killing 6 fighters.';
  const out = run(text, {
    actors: [{ name: 'Ruritanian jets', kind: 'state-force' }], places: [{ name: 'Karmel' }, { name: 'Doran' }, { name: 'Esk' }],
    times: [{ text: '5 May 2021', start: '2021-05-05' }],
  });
  const strikes = out.filter((e) => e.type === 'bombing' || e.type === 'attack');
  assert.equal(new Set(strikes.map((e) => e.place)).size, 3, JSON.stringify(out.map((e) => e.summary)));
  for (const e of strikes) assert.deepEqual(e.fatalities, { min: 0, max: 6 });
  const moved = run('On 5 May 2021, Ruritanian troops brought in reinforcements from Karmel and Doran.', {
    actors: [{ name: 'Ruritanian troops', kind: 'state-force' }], places: [{ name: 'Karmel' }, { name: 'Doran' }],
    times: [{ text: '5 May 2021', start: '2021-05-05' }],
  });
  assert.equal(moved.filter((e) => e.type === 'deployment').length, 1);
});

test('a closing ", two officials said" reports the sentence\'s events; it is no statement of its own', () => {
  const text = 'On 5 May 2021, the Hill Guards attacked an army post near Karmel, killing four soldiers, two officials said.';
  const out = run(text, { actors: [{ name: 'Hill Guards' }], places: [{ name: 'Karmel' }], times: [{ text: '5 May 2021', start: '2021-05-05' }] });
  assert.deepEqual(out.map((e) => e.type), ['attack'], JSON.stringify(out.map((e) => e.summary)));
  assert.equal(out[0]!.modality, 'reported');
});

test('a headline joins the event the lead tells with its date', () => {
  const text = 'Hill Guards kill four soldiers near Karmel\n\nOn 5 May 2021, the Hill Guards attacked an army post near Karmel, killing four soldiers.';
  const out = run(text, {
    actors: [{ name: 'Hill Guards', mentions: ['Hill Guards', 'Hill Guards'] }], places: [{ name: 'Karmel', mentions: ['Karmel', 'Karmel'] }],
    times: [{ text: '5 May 2021', start: '2021-05-05' }],
  });
  const violent = out.filter((e) => ['attack', 'armed-clash'].includes(e.type));
  assert.equal(violent.length, 1, JSON.stringify(out.map((e) => e.summary)));
  assert.equal(violent[0]!.date?.start, '2021-05-05');
  assert.equal(violent[0]!.evidence.filter((x) => x.text.startsWith('Hill Guards kill')).length, 1, 'the headline is kept as evidence');
});

test('", saying ..." gives the reason, not the target', () => {
  const text = 'On 5 May 2021, the Hill Guards attacked two cargo ships, saying they acted for the Valley People.';
  const out = run(text, { actors: [{ name: 'Hill Guards' }, { name: 'Valley People', kind: 'population' }], times: [{ text: '5 May 2021', start: '2021-05-05' }] });
  const attack = out.find((e) => e.type === 'attack');
  assert.deepEqual(attack?.actors.map((a) => a.actor), ['a1'], JSON.stringify(out.map((e) => e.summary)));
});

test('what an appeal urges is hypothetical; the appeal itself is asserted', () => {
  const text = 'On 5 May 2021, the Hill Guards urged their supporters to attack the Valley Army in Karmel.';
  const out = run(text, { actors: [{ name: 'Hill Guards' }, { name: 'Valley Army' }], places: [{ name: 'Karmel' }], times: [{ text: '5 May 2021', start: '2021-05-05' }] });
  assert.equal(out.find((e) => e.type === 'attack')?.modality, 'hypothetical', JSON.stringify(out.map((e) => `${e.type}/${e.modality}`)));
  const appeal = out.find((e) => e.type === 'recruitment-appeal' || e.type === 'statement');
  assert.equal(appeal?.modality, 'asserted');
});

test('"85 targets", "meeting little resistance" and suspended operations are not events that happened', () => {
  const day = [{ text: '5 May 2021', start: '2021-05-05' }];
  const targets = run('On 5 May 2021, the Valley Army struck more than 80 Hill Guards targets in Karmel.', {
    actors: [{ name: 'Valley Army' }, { name: 'Hill Guards' }], places: [{ name: 'Karmel' }], times: day,
  });
  assert.equal(targets.filter((e) => e.type === 'attack' || e.type === 'bombing').length, 1, JSON.stringify(targets.map((e) => e.summary)));
  const resistance = run('On 5 May 2021, the Hill Guards entered Karmel, meeting little resistance from the Valley Army.', {
    actors: [{ name: 'Hill Guards' }, { name: 'Valley Army' }], places: [{ name: 'Karmel' }], times: day,
  });
  assert.deepEqual(resistance.filter((e) => e.type === 'meeting'), []);
  const suspended = run('On 5 May 2021, the Hill Guards announced they were suspending operations against the Valley Army.', {
    actors: [{ name: 'Hill Guards' }, { name: 'Valley Army' }], times: day,
  });
  assert.equal(suspended.find((e) => e.type === 'attack')?.modality, 'negated', JSON.stringify(suspended.map((e) => `${e.type}/${e.modality}`)));
});

test('rebels "led by" a group act with it; moving troops is a deployment', () => {
  const day = [{ text: '5 May 2021', start: '2021-05-05' }];
  const led = run('On 5 May 2021, hill rebels led by the Hill Guards launched an offensive on Karmel.', {
    actors: [{ name: 'hill rebels' }, { name: 'Hill Guards' }], places: [{ name: 'Karmel' }], times: day,
  });
  const attack = led.find((e) => e.type === 'attack');
  assert.deepEqual(attack?.actors.filter((a) => a.role === 'perpetrator').map((a) => a.actor).sort(), ['a1', 'a2'], JSON.stringify(led.map((e) => e.summary)));
  const moved = run('On 5 May 2021, the Valley Army moved troops into Karmel.', { actors: [{ name: 'Valley Army' }], places: [{ name: 'Karmel' }], times: day });
  assert.equal(moved.filter((e) => e.type === 'deployment').length, 1);
});
