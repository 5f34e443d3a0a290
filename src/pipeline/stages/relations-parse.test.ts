// The relations stage reading the parse (relation-frames.ts): each test runs the trained syntax
// stage over sentences written for the test, about made-up actors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import relations from './relations.js';
import syntax from './syntax.js';
import { testKb } from '../../extract/test-kb.js';
import { buildLayers, testDocument, type ActorSpec } from '../../extract/test-layers.js';
import type { QuoteOut, RelationOut } from '../../analysis/types.js';
import type { PackActor } from '../../knowledge/pack-types.js';

function run(text: string, actors: ActorSpec[], quotes: QuoteOut[] = [], packActors: PackActor[] = []): RelationOut[] {
  const kb = testKb({ actors: packActors });
  const document = testDocument(text, '2025-03-10');
  const layers = buildLayers(text, { actors });
  const parsed = { ...layers, ...syntax.run({ document, layers, kb }), quotes };
  return relations.run({ document, layers: parsed, kb }).relations!;
}

const has = (rs: RelationOut[], s: string, p: string, o: string) => rs.find((r) => r.subject === s && r.predicate === p && r.object === o);
const show = (rs: RelationOut[]) => JSON.stringify(rs.map((r) => `${r.subject} ${r.predicate} ${r.object} ${r.modality} ${r.source ?? ''}`));

test('apposition: "X, the spokesman of Y" and "X, a commander in Y"', () => {
  const rs = run('Karim Haddad, the spokesman of the Lion Front, denied the report. Omar Saleh, a commander in the Sun Battalion, was arrested.', [
    { name: 'Karim Haddad', kind: 'person' }, { name: 'Lion Front' }, { name: 'Omar Saleh', kind: 'person' }, { name: 'Sun Battalion' },
  ]);
  assert.ok(has(rs, 'a1', 'spokesperson_of', 'a2'), show(rs));
  assert.ok(has(rs, 'a3', 'member_of', 'a4'), show(rs));
  assert.ok(!has(rs, 'a2', 'spokesperson_of', 'a1'));
});

test('possessive and compound titles: "the Lion Front\'s commander X", "Sun Battalion spokesman Y said"', () => {
  const rs = run('The Lion Front\'s commander, Omar Saleh, visited the front. Sun Battalion spokesman Karim Haddad said the talks failed.', [
    { name: 'Lion Front' }, { name: 'Omar Saleh', kind: 'person' }, { name: 'Sun Battalion' }, { name: 'Karim Haddad', kind: 'person' },
  ]);
  assert.ok(has(rs, 'a2', 'member_of', 'a1'), show(rs));
  assert.ok(has(rs, 'a4', 'spokesperson_of', 'a3'), show(rs));
});

test('"backed by" and "X-backed": the backer is the subject, whatever the word order', () => {
  const rs = run('The Hill Guards, backed by Marland, took the bridge. Observers counted three Marland-backed militias of the River Forces.', [
    { name: 'Hill Guards' }, { name: 'Marland', kind: 'state' }, { name: 'River Forces', kind: 'militia' },
  ]);
  const backed = has(rs, 'a2', 'supports', 'a1');
  assert.ok(backed, show(rs));
  assert.ok(!has(rs, 'a1', 'supports', 'a2'));
  assert.ok(has(rs, 'a2', 'supports', 'a3'), show(rs));
});

test('coordination passes the argument: "X and Y, both backed by Z"', () => {
  const rs = run('The Hill Guards and the River Forces, both backed by Marland, crossed the river.', [
    { name: 'Hill Guards' }, { name: 'River Forces' }, { name: 'Marland', kind: 'state' },
  ]);
  assert.ok(has(rs, 'a3', 'supports', 'a1'), show(rs));
  assert.ok(has(rs, 'a3', 'supports', 'a2'), show(rs));
});

test('verbs and nouns: "X fought Y", "X split from Y", "X posed a threat to Y", "X is a branch of Y"', () => {
  const rs = run('The Lion Front fought the Sun Battalion in 2019. The Hill Guards split from the Lion Front. The River Forces posed a threat to the Hill Guards. The Valley Army is a branch of the Sun Battalion.', [
    { name: 'Lion Front' }, { name: 'Sun Battalion' }, { name: 'Hill Guards' }, { name: 'River Forces' }, { name: 'Valley Army' },
  ]);
  assert.ok(has(rs, 'a1', 'fights', 'a2'), show(rs));
  assert.ok(has(rs, 'a3', 'split_from', 'a1'), show(rs));
  assert.ok(has(rs, 'a4', 'threatens', 'a3'), show(rs));
  assert.ok(has(rs, 'a5', 'part_of', 'a2'), show(rs));
});

test('negation: "denied any link to Y" and "has no ties to Y" give no asserted relation', () => {
  const rs = run('The Lion Front denied any link to the Sun Battalion. The Hill Guards have no ties to the River Forces.', [
    { name: 'Lion Front' }, { name: 'Sun Battalion' }, { name: 'Hill Guards' }, { name: 'River Forces' },
  ]);
  for (const r of rs) assert.notEqual(r.modality, 'asserted', show(rs));
  assert.equal(has(rs, 'a1', 'cooperates_with', 'a2')?.modality, 'negated', show(rs));
  assert.equal(has(rs, 'a3', 'cooperates_with', 'a4')?.modality, 'negated', show(rs));
});

test('attribution: a relation under "said" or "according to" is reported, with its source', () => {
  const rs = run('The Hill Guards said that Marland funds the Sun Battalion. According to the Lion Front, the River Forces attacked the Valley Army.', [
    { name: 'Hill Guards' }, { name: 'Marland', kind: 'state' }, { name: 'Sun Battalion' }, { name: 'Lion Front' }, { name: 'River Forces' }, { name: 'Valley Army' },
  ]);
  const funds = has(rs, 'a2', 'funds', 'a3');
  assert.ok(funds, show(rs));
  assert.equal(funds.modality, 'reported');
  assert.equal(funds.source, 'a1');
  const attacks = has(rs, 'a5', 'attacks', 'a6');
  assert.ok(attacks, show(rs));
  assert.equal(attacks.modality, 'reported');
  assert.equal(attacks.source, 'a4');
});

test('a relation in a quotation is reported by the quote\'s speaker', () => {
  const text = '"The River Forces attacked the Valley Army," Karim Haddad said.';
  const start = text.indexOf('"');
  const end = text.indexOf('"', start + 1) + 1;
  const quote: QuoteOut = { id: 'q1', speaker: 'a3', text: text.slice(start + 1, end - 2), date: null, venue: null, evidence: [{ start, end, text: text.slice(start, end) }] };
  const rs = run(text, [{ name: 'River Forces' }, { name: 'Valley Army' }, { name: 'Karim Haddad', kind: 'person' }], [quote]);
  const attacks = has(rs, 'a1', 'attacks', 'a2');
  assert.ok(attacks, show(rs));
  assert.equal(attacks.modality, 'reported');
  assert.equal(attacks.source, 'a3');
});

test('an organ named after its state: "the Marland Interior Ministry" is part of Marland', () => {
  const rs = run('Marland said the Marland Interior Ministry would reply.', [
    { name: 'Marland', kind: 'state' }, { name: 'Marland Interior Ministry', kind: 'government-body' },
  ]);
  assert.ok(has(rs, 'a2', 'part_of', 'a1'), show(rs));
});

test('coordinated attackers act together: "X and Y attacked Z"', () => {
  const rs = run('The Lion Front and the Sun Battalion attacked the Valley Army on Monday.', [
    { name: 'Lion Front' }, { name: 'Sun Battalion' }, { name: 'Valley Army' },
  ]);
  assert.ok(has(rs, 'a1', 'attacks', 'a3') && has(rs, 'a2', 'attacks', 'a3'), show(rs));
  assert.ok(has(rs, 'a1', 'cooperates_with', 'a2') || has(rs, 'a2', 'cooperates_with', 'a1'), show(rs));
});

test('a title naming no organisation is held in the person\'s own state, by the pack\'s country', () => {
  const pack: PackActor[] = [
    { id: 'marland', name: 'Marland', kind: 'state', aliases: [], country: 'ML' },
    { id: 'omar-saleh', name: 'Omar Saleh', kind: 'person', aliases: [], country: 'ML' },
  ];
  const rs = run('Marland mourned the victims. President Omar Saleh promised an inquiry.', [
    { name: 'Marland', kind: 'state', kb_id: 'marland' }, { name: 'Omar Saleh', kind: 'person', kb_id: 'omar-saleh' },
  ], [], pack);
  assert.ok(has(rs, 'a2', 'leader_of', 'a1'), show(rs));
});

test('"X, a militia allied with Y" and "X, which is close to Y": the described actor holds the relation', () => {
  const rs = run('The prisons are guarded by the Hill Guards, a local militia allied with Marland. Reports came from the Dawn Agency, which is close to the Hill Guards.', [
    { name: 'Hill Guards' }, { name: 'Marland', kind: 'state' }, { name: 'Dawn Agency', kind: 'media' },
  ]);
  assert.ok(has(rs, 'a1', 'allied_with', 'a2') || has(rs, 'a2', 'allied_with', 'a1'), show(rs));
  assert.ok(has(rs, 'a3', 'allied_with', 'a1') || has(rs, 'a1', 'allied_with', 'a3'), show(rs));
});

test('titles of either side: "X, a proxy of Y" (Y supports X), "X, a rival of Y", "Y\'s ally, X"', () => {
  const rs = run('The Hill Guards, a proxy of Marland, shelled the town. The Lion Front, a rival of the Sun Battalion, withdrew. Marland\'s ally, the Valley Army, stayed.', [
    { name: 'Hill Guards' }, { name: 'Marland', kind: 'state' }, { name: 'Lion Front' }, { name: 'Sun Battalion' }, { name: 'Valley Army' },
  ]);
  assert.ok(has(rs, 'a2', 'supports', 'a1'), show(rs));
  assert.ok(!has(rs, 'a1', 'supports', 'a2'));
  assert.ok(has(rs, 'a3', 'rival_of', 'a4'), show(rs));
  assert.ok(has(rs, 'a5', 'allied_with', 'a2'), show(rs));
});

test('a state\'s minister serves its government where the document names one', () => {
  const pack: PackActor[] = [
    { id: 'marland', name: 'Marland', kind: 'state', aliases: [], country: 'ML' },
    { id: 'marland-government', name: 'Marland government', kind: 'government-body', aliases: [], country: 'ML' },
  ];
  const rs = run('The Marland government met on Monday. Marland\'s foreign minister, Karim Haddad, spoke after the meeting.', [
    { name: 'Marland', kind: 'state', kb_id: 'marland' }, { name: 'Marland government', kind: 'government-body', kb_id: 'marland-government' },
    { name: 'Karim Haddad', kind: 'person' },
  ], [], pack);
  assert.ok(has(rs, 'a3', 'member_of', 'a2'), show(rs));
});

test('"X accused Y of arming Z": alleged by X, Y the subject', () => {
  const rs = run('The Hill Guards accused Marland of arming the Sun Battalion.', [
    { name: 'Hill Guards' }, { name: 'Marland', kind: 'state' }, { name: 'Sun Battalion' },
  ]);
  const arms = has(rs, 'a2', 'supplies', 'a3');
  assert.ok(arms, show(rs));
  assert.equal(arms.modality, 'alleged');
  assert.equal(arms.source, 'a1');
  assert.ok(!has(rs, 'a1', 'supplies', 'a3'), show(rs));
});

test('copulas and "become": "X is a member of Y", "X became the leader of Y", "X joined Y"', () => {
  const rs = run('Omar Saleh is a member of the Lion Front. In 2019 Karim Haddad became the leader of the Sun Battalion. The Hill Guards joined the Valley Army.', [
    { name: 'Omar Saleh', kind: 'person' }, { name: 'Lion Front' }, { name: 'Karim Haddad', kind: 'person' }, { name: 'Sun Battalion' },
    { name: 'Hill Guards' }, { name: 'Valley Army' },
  ]);
  assert.ok(has(rs, 'a1', 'member_of', 'a2'), show(rs));
  assert.ok(has(rs, 'a3', 'leader_of', 'a4'), show(rs));
  assert.ok(has(rs, 'a5', 'member_of', 'a6'), show(rs));
});
