// Who takes part in an event and in what role: groups fighting under an operation, owners of
// the vehicle hit, passers-by, victims named before "when", units and their parent force.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import events from './events.js';
import { testKb } from '../../extract/test-kb.js';
import { buildLayers, testDocument, type ActorSpec, type PlaceSpec, type TimeSpec } from '../../extract/test-layers.js';
import type { EventOut } from '../../analysis/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';

function run(text: string, spec: { actors?: ActorSpec[]; places?: PlaceSpec[]; times?: TimeSpec[] }, kb: KnowledgeBase = testKb()): EventOut[] {
  return events.run({ document: testDocument(text, '2021-05'), layers: buildLayers(text, spec), kb }).events!;
}
const rolesOf = (e: EventOut, id: string) => e.actors.filter((a) => a.actor === id).map((a) => a.role);
const day = (text: string, start: string): TimeSpec => ({ text, start });

test('every coordinated subject and the operation they fight under are perpetrators', () => {
  const text = 'On 4 May 2021, Ruritanian troops and Blue Banner factions, operating under the Dawn Shield, shelled Karmel.';
  const [e] = run(text, {
    actors: [{ name: 'Ruritanian troops', kind: 'state-force' }, { name: 'Blue Banner' }, { name: 'Dawn Shield', kind: 'coalition' }],
    places: [{ name: 'Karmel' }], times: [day('4 May 2021', '2021-05-04')],
  });
  assert.equal(e?.type, 'bombing');
  for (const id of ['a1', 'a2', 'a3']) assert.deepEqual(rolesOf(e!, id), ['perpetrator'], id);
});

test('"rebels under X" and "gunmen believed to belong to X": X acts with them', () => {
  const looting = run('On 9 May 2021, hill rebels under Dawn Shield looted shops in Karmel.', {
    actors: [{ name: 'hill rebels' }, { name: 'Dawn Shield', kind: 'coalition' }], places: [{ name: 'Karmel' }], times: [day('9 May 2021', '2021-05-09')],
  });
  assert.deepEqual(rolesOf(looting[0]!, 'a2'), ['perpetrator']);
  const shooting = run('On 9 May 2021, gunmen believed to belong to the Night Cells shot dead a shepherd near Karmel.', {
    actors: [{ name: 'gunmen' }, { name: 'Night Cells' }], places: [{ name: 'Karmel' }], times: [day('9 May 2021', '2021-05-09')],
  });
  assert.deepEqual(rolesOf(shooting[0]!, 'a1'), ['perpetrator']);
  assert.deepEqual(rolesOf(shooting[0]!, 'a2'), ['perpetrator']);
});

test('a "pro-" modifier between two subjects does not break their coordination', () => {
  const text = 'On 3 May 2021, Ruritanian troops and pro-Ruritania rebel factions shelled Karmel.';
  const [e] = run(text, {
    actors: [{ name: 'Ruritanian troops', kind: 'state-force' }, { name: 'Ruritania', kind: 'state' }, { name: 'rebel factions' }],
    places: [{ name: 'Karmel' }], times: [day('3 May 2021', '2021-05-03')],
  });
  assert.deepEqual(rolesOf(e!, 'a1'), ['perpetrator']);
  assert.deepEqual(rolesOf(e!, 'a3'), ['perpetrator']);
  assert.deepEqual(rolesOf(e!, 'a2'), []);
});

test('the owner named on the vehicle hit is never the perpetrator', () => {
  const text = 'On 5 May 2021, a bomb fixed on a civilian bus exploded in Karmel, leaving two passengers hurt.';
  const out = run(text, {
    actors: [{ name: 'Civilians', kind: 'population', mentions: ['civilian'] }], places: [{ name: 'Karmel' }], times: [day('5 May 2021', '2021-05-05')],
  });
  assert.ok(out.length > 0);
  for (const e of out) assert.ok(!rolesOf(e, 'a1').includes('perpetrator'), e.summary);
});

test('whoever passed by when a bomb went off is its target', () => {
  const [e] = run('On 4 May 2021, a landmine exploded near Karmel when the Hill Guards passed by it.', {
    actors: [{ name: 'Hill Guards', kind: 'state-force' }], places: [{ name: 'Karmel' }], times: [day('4 May 2021', '2021-05-04')],
  });
  assert.equal(e?.type, 'bombing');
  assert.deepEqual(rolesOf(e!, 'a1'), ['target']);
});

test('"X was killed when a bomb exploded": X is the bomb\'s target', () => {
  const text = 'On 2 May 2021, a Hill Guards officer was killed when a bomb, planted by unknown gunmen, exploded in Karmel.';
  const out = run(text, {
    actors: [{ name: 'Hill Guards', kind: 'state-force' }, { name: 'unknown gunmen' }], places: [{ name: 'Karmel' }], times: [day('2 May 2021', '2021-05-02')],
  });
  const bombing = out.find((e) => e.type === 'bombing');
  assert.ok(bombing, out.map((e) => e.summary).join('; '));
  assert.deepEqual(rolesOf(bombing, 'a1'), ['target']);
  assert.deepEqual(rolesOf(bombing, 'a2'), ['perpetrator']);
});

test('two words for one blast in a sentence make one event; two attackers make two', () => {
  const one = run('On 6 May 2021, a bomb planted in a Hill Guards vehicle by unknown gunmen exploded in Karmel.', {
    actors: [{ name: 'Hill Guards', kind: 'state-force' }, { name: 'unknown gunmen' }], places: [{ name: 'Karmel' }], times: [day('6 May 2021', '2021-05-06')],
  });
  assert.equal(one.filter((e) => e.type === 'bombing').length, 1, one.map((e) => e.summary).join('; '));
  const two = run('On 6 May 2021, the Lion Front attacked the River Guard in Karmel and the Sun Battalion attacked the Hill Guards in Karmel.', {
    actors: [{ name: 'Lion Front' }, { name: 'River Guard' }, { name: 'Sun Battalion' }, { name: 'Hill Guards' }],
    places: [{ name: 'Karmel' }], times: [day('6 May 2021', '2021-05-06')],
  });
  assert.equal(two.filter((e) => e.type === 'attack' || e.type === 'armed-clash').length, 2, two.map((e) => e.summary).join('; '));
});

test('a unit\'s role is also its parent force\'s, while the unit is part of it', () => {
  const kb = testKb({
    actors: [
      { id: 'army', name: 'Ruritanian Army', kind: 'state-force', aliases: [] },
      { id: 'corps', name: '9th Corps', kind: 'state-force', aliases: [], affiliations: [{ predicate: 'part_of', object: 'army', end: '2021-12' }] },
    ],
  });
  const spec = (date: string, start: string) => ({
    actors: [{ name: 'unknown gunmen' }, { name: '9th Corps', kind: 'state-force' as const, kb_id: 'corps' }, { name: 'Ruritanian Army', kind: 'state-force' as const, kb_id: 'army', mentions: [] }],
    places: [{ name: 'Karmel' }], times: [day(date, start)],
  });
  const [e] = run('On 7 May 2021, unknown gunmen opened fire on a convoy of the 9th Corps in Karmel.', spec('7 May 2021', '2021-05-07'), kb);
  assert.deepEqual(rolesOf(e!, 'a2'), ['target']);
  assert.deepEqual(rolesOf(e!, 'a3'), ['target']);
  const [later] = run('On 7 May 2022, unknown gunmen opened fire on a convoy of the 9th Corps in Karmel.', spec('7 May 2022', '2022-05-07'), kb);
  assert.deepEqual(rolesOf(later!, 'a3'), []);
});

test('a force serving in a coalition takes the coalition along where the event lies in its theatre', () => {
  const kb = testKb({
    actors: [
      { id: 'league', name: 'Northern League Coalition', kind: 'coalition', aliases: [], start: '2016-03' },
      { id: 'gr-forces', name: 'Graustarkian Armed Forces', kind: 'state-force', aliases: [] },
    ],
    lexicons: { 'coalition-theatres': [{ coalition: 'league', countries: ['RU'], forces: ['gr-forces'] }] },
  });
  const text = 'On 4 May 2021, Graustarkian troops opened fire on unknown gunmen near Karmel.';
  const roles = (country: string) => {
    const layers = buildLayers(text, {
      actors: [{ name: 'Graustarkian troops', kind: 'state-force', kb_id: 'gr-forces' }, { name: 'unknown gunmen' }, { name: 'Northern League Coalition', kind: 'coalition', kb_id: 'league', mentions: [] }],
      places: [{ name: 'Karmel' }], times: [day('4 May 2021', '2021-05-04')],
    });
    layers.places![0]!.country = country;
    const [e] = events.run({ document: testDocument(text, '2021-05'), layers, kb }).events!;
    return [rolesOf(e!, 'a1'), rolesOf(e!, 'a3')];
  };
  assert.deepEqual(roles('RU'), [['perpetrator'], ['perpetrator']]);
  assert.deepEqual(roles('GR'), [['perpetrator'], []]);
});

test('"Among the dead, X": a blast with no target takes the victims named after it', () => {
  const text = 'On 8 May 2021, a fuel truck exploded in the market of Karmel. Many people were killed. Among the dead were five Hill Guards and two children.';
  const out = run(text, { actors: [{ name: 'Hill Guards', kind: 'state-force' }], places: [{ name: 'Karmel' }], times: [day('8 May 2021', '2021-05-08')] });
  const blast = out.find((e) => e.type === 'bombing');
  assert.ok(blast, out.map((e) => e.summary).join('; '));
  assert.deepEqual(rolesOf(blast, 'a1'), ['target']);
});

test('"X raided the town. Ten men were arrested.": the arrests are X\'s', () => {
  const text = 'On 1 May 2021, the Hill Guards raided the town of Karmel. Ten young men were arrested and taken to the Hill Guards\' prison.';
  const out = run(text, { actors: [{ name: 'Hill Guards', kind: 'state-force' }], places: [{ name: 'Karmel' }], times: [day('1 May 2021', '2021-05-01')] });
  const arrest = out.find((e) => e.type === 'arrest');
  assert.ok(arrest, out.map((e) => e.summary).join('; '));
  assert.deepEqual(rolesOf(arrest, 'a1'), ['perpetrator']);
});

test('after a passive verb a name in a prepositional phrase is no target', () => {
  const text = 'On 2 May 2021, two shepherds were abducted near Karmel and taken to a prison of the Night Cells.';
  const out = run(text, { actors: [{ name: 'Night Cells' }], places: [{ name: 'Karmel' }], times: [day('2 May 2021', '2021-05-02')] });
  for (const e of out) assert.ok(!rolesOf(e, 'a1').includes('victim') && !rolesOf(e, 'a1').includes('target'), e.summary);
});

test('"following the targeting of X": the main subject is not the agent, nor X its object', () => {
  const text = 'On 2 May 2021, the Hill Guards carried out raids in Karmel following the targeting of a Blue Banner vehicle with an IED.';
  const out = run(text, { actors: [{ name: 'Hill Guards', kind: 'state-force' }, { name: 'Blue Banner' }], places: [{ name: 'Karmel' }], times: [day('2 May 2021', '2021-05-02')] });
  const bombing = out.find((e) => e.type === 'bombing');
  assert.ok(bombing, out.map((e) => e.summary).join('; '));
  assert.deepEqual(rolesOf(bombing, 'a1'), []);
  const raids = out.find((e) => e.evidence.some((s) => s.text === 'raids'));
  assert.ok(raids);
  assert.deepEqual(rolesOf(raids, 'a1'), ['perpetrator']);
});

test('the owner of a meeting is its participant, not the subject of the main clause', () => {
  const text = 'On 3 May 2021, the Karmel Gazette mocked the envoy after his meeting with Flavia Elphberg.';
  const out = run(text, {
    actors: [{ name: 'Karmel Gazette', kind: 'media' }, { name: 'Rudolf Rassendyll', kind: 'person', mentions: ['his'] }, { name: 'Flavia Elphberg', kind: 'person' }],
    times: [day('3 May 2021', '2021-05-03')],
  });
  const meeting = out.find((e) => e.type === 'meeting');
  assert.ok(meeting, out.map((e) => e.summary).join('; '));
  assert.deepEqual(rolesOf(meeting, 'a2'), ['participant']);
  assert.deepEqual(rolesOf(meeting, 'a3'), ['participant']);
  assert.deepEqual(rolesOf(meeting, 'a1'), []);
});

test('a source of the report is neither target nor party; "May" of a date is no modal verb', () => {
  const spec = { actors: [{ name: 'Night Cells' }, { name: 'Valley Army', mentions: ['Valley Army'] }], places: [{ name: 'Karmel' }], times: [day('3 May 2021', '2021-05-03')] };
  const according = run('On 3 May 2021, the Night Cells attacked a checkpoint near Karmel, according to the Valley Army.', spec);
  const a = according.find((e) => e.type === 'attack')!;
  assert.deepEqual(rolesOf(a, 'a2'), [], 'the Valley Army only reports it');
  assert.equal(a.modality, 'reported');
  assert.equal(a.source, 'a2');
  const said = run('On 3 May 2021, the Night Cells attacked a checkpoint near Karmel, the Valley Army said.', spec);
  const b = said.find((e) => e.type === 'attack')!;
  assert.deepEqual(rolesOf(b, 'a2'), []);
  assert.notEqual(b.modality, 'hypothetical', '"May" is the month');
});
