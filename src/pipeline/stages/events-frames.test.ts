// Events read through the parse (the trained model the syntax stage loads): roles through
// relative clauses and passives, modality from governing verbs, support verbs, victims counted
// from their names, recipients of a handover, and the path each role came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import events from './events.js';
import syntax from './syntax.js';
import { testKb } from '../../extract/test-kb.js';
import { buildLayers, testDocument, type ActorSpec, type PlaceSpec, type TimeSpec } from '../../extract/test-layers.js';
import type { EventOut } from '../../analysis/types.js';

function run(text: string, spec: { actors?: ActorSpec[]; places?: PlaceSpec[]; times?: TimeSpec[] }): EventOut[] {
  const kb = testKb();
  const document = testDocument(text, '2021-05');
  const layers = buildLayers(text, spec);
  const parsed = syntax.run({ document, layers, kb }).syntax!;
  return events.run({ document, layers: { ...layers, syntax: parsed }, kb }).events!;
}
const rolesOf = (e: EventOut | undefined, id: string) => e?.actors.filter((a) => a.actor === id).map((a) => a.role) ?? [];
const BANNER: ActorSpec = { name: 'Blue Banner', kind: 'armed-group' };
const CELLS: ActorSpec = { name: 'Night Cells', kind: 'armed-group' };

test('a relative clause does not make the victims the attackers', () => {
  const text = 'An attack that killed five Blue Banner fighters was claimed by the Night Cells.';
  const all = run(text, { actors: [BANNER, CELLS] });
  const killing = all.find((e) => e.evidence[1]?.text === 'killed') ?? all[0];
  assert.ok(killing, 'an event');
  assert.ok(!rolesOf(killing, 'a1').includes('perpetrator'), JSON.stringify(killing.actors));
  assert.ok(rolesOf(killing, 'a1').includes('target'));
});

test('the by-agent of a passive is the perpetrator, its subject the target', () => {
  const text = 'Two Blue Banner activists were killed by the Night Cells in Karmel on 4 May 2021.';
  const [e] = run(text, { actors: [{ name: 'Blue Banner', kind: 'political-party' }, CELLS], places: [{ name: 'Karmel' }], times: [{ text: '4 May 2021', start: '2021-05-04' }] });
  assert.deepEqual(rolesOf(e, 'a2'), ['perpetrator']);
  assert.deepEqual(rolesOf(e, 'a1'), ['target']);
  assert.equal(e?.date_source, 'predicate');
  assert.match(e?.roles_via?.find((r) => r.actor === 'a2')?.via ?? '', /^parse: /);
});

test('a prevented bombing is a foiled plot by its plotters', () => {
  const text = 'The Blue Banner prevented a bombing by the Night Cells in Karmel.';
  const [e] = run(text, { actors: [BANNER, CELLS], places: [{ name: 'Karmel' }] });
  assert.equal(e?.type, 'plot-foiled');
  assert.equal(e?.modality, 'foiled');
  assert.deepEqual(rolesOf(e, 'a2'), ['perpetrator']);
  assert.ok(!rolesOf(e, 'a1').includes('target'));
});

test('what a speaker says happened is reported with the speaker as its source; its own act is claimed', () => {
  const reported = run('The Blue Banner said the Night Cells attacked Karmel on 4 May 2021.', {
    actors: [BANNER, CELLS], places: [{ name: 'Karmel' }], times: [{ text: '4 May 2021', start: '2021-05-04' }],
  }).find((e) => e.type === 'attack');
  assert.equal(reported?.modality, 'reported');
  assert.equal(reported?.source, 'a1');
  assert.deepEqual(rolesOf(reported, 'a2'), ['perpetrator']);
  const claimed = run('The Blue Banner said it had captured the village of Karmel.', { actors: [BANNER], places: [{ name: 'Karmel' }] })
    .find((e) => e.type === 'territorial-change');
  assert.equal(claimed?.modality, 'claimed');
  assert.deepEqual(rolesOf(claimed, 'a1'), ['perpetrator', 'claimant']);
});

test('the subject of a support verb carries out the event noun', () => {
  const [e] = run('The Night Cells carried out an attack on a Blue Banner checkpoint near Karmel.', { actors: [BANNER, CELLS], places: [{ name: 'Karmel' }] });
  assert.equal(e?.type, 'attack');
  assert.deepEqual(rolesOf(e, 'a2'), ['perpetrator']);
  assert.deepEqual(rolesOf(e, 'a1'), ['target']);
});

test('named victims are counted when the text gives no number', () => {
  const [e] = run('Night Cells gunmen killed Ahmed Karim and Bandar Salim near Karmel.', { actors: [CELLS], places: [{ name: 'Karmel' }] });
  assert.deepEqual(e?.fatalities, { min: 2, max: 2 });
});

test('a handover names who receives the site', () => {
  const text = 'The Blue Banner handed over the Karmel dam to the Night Cells.';
  const [e] = run(text, { actors: [BANNER, CELLS], places: [{ name: 'Karmel' }] });
  assert.equal(e?.type, 'territorial-change');
  assert.equal(e?.subtype, 'handover');
  assert.equal(e?.acled?.sub_event_type, 'Non-violent transfer of territory');
  assert.deepEqual(rolesOf(e, 'a1'), ['perpetrator']);
  assert.deepEqual(rolesOf(e, 'a2'), ['beneficiary']);
});

test('the subject of "suffered", "repelled" or "came under" undergoes the event noun', () => {
  const repelled = run('The Blue Banner repelled an attack by the Night Cells near Karmel.', { actors: [BANNER, CELLS], places: [{ name: 'Karmel' }] })
    .find((e) => e.type === 'attack');
  assert.deepEqual(rolesOf(repelled, 'a1'), ['target']);
  assert.deepEqual(rolesOf(repelled, 'a2'), ['perpetrator']);
  const under = run('Blue Banner fighters came under attack near Karmel on 4 May 2021.', {
    actors: [BANNER], places: [{ name: 'Karmel' }], times: [{ text: '4 May 2021', start: '2021-05-04' }],
  }).find((e) => e.type === 'attack' || e.type === 'armed-clash');
  assert.ok(under && !rolesOf(under, 'a1').includes('perpetrator'), JSON.stringify(under?.actors));
});

test('a possessive pronoun on an event noun stands for its clause\'s subject', () => {
  const text = 'The Night Cells followed the raid with its own attack on Dorval on 4 May 2021.';
  const all = run(text, { actors: [CELLS], places: [{ name: 'Dorval' }], times: [{ text: '4 May 2021', start: '2021-05-04' }] });
  const own = all.find((e) => e.evidence.some((x) => x.text === 'attack'));
  assert.deepEqual(rolesOf(own, 'a1'), ['perpetrator'], JSON.stringify(all.map((e) => [e.evidence[1]?.text, e.actors])));
});

test('a definite event noun with no agent refers back to the latest event of its family that has one', () => {
  const text = 'The Night Cells launched strikes on Karmel on 4 May 2021. Witnesses said the raids hit a Blue Banner depot.';
  const all = run(text, { actors: [BANNER, CELLS], places: [{ name: 'Karmel' }], times: [{ text: '4 May 2021', start: '2021-05-04' }] });
  const raids = all.find((e) => e.evidence.some((x) => x.text === 'raids'));
  assert.ok(raids, JSON.stringify(all.map((e) => e.evidence[1]?.text)));
  assert.ok(rolesOf(raids, 'a2').includes('perpetrator'), JSON.stringify(raids.actors));
});

test('a state the parse puts in a locative phrase takes no part in the event', () => {
  const text = 'On 4 May 2021, the Blue Banner fought the Night Cells in northern Ruritania.';
  const [e] = run(text, { actors: [BANNER, CELLS, { name: 'Ruritania', kind: 'state' }], times: [{ text: '4 May 2021', start: '2021-05-04' }] });
  assert.ok(e);
  assert.deepEqual(rolesOf(e, 'a3'), []);
});
