import { test } from 'node:test';
import assert from 'node:assert/strict';
import relations from './relations.js';
import { testKb } from '../../extract/test-kb.js';
import { buildLayers, testDocument, year, type ActorSpec, type TimeSpec } from '../../extract/test-layers.js';
import type { RelationOut } from '../../analysis/types.js';
import type { PackActor } from '../../knowledge/pack-types.js';

function run(text: string, actors: ActorSpec[], times: TimeSpec[] = [], packActors: PackActor[] = []): RelationOut[] {
  const kb = testKb({ actors: packActors });
  return relations.run({ document: testDocument(text, '2025-03-10'), layers: buildLayers(text, { actors, times }), kb }).relations!;
}

const has = (rs: RelationOut[], s: string, p: string, o: string) => rs.find((r) => r.subject === s && r.predicate === p && r.object === o);

test('verb cue: subject before, object after; prepositional-phrase actors are not subjects', () => {
  const rs = run('The Hill Guards, once aligned with the Sun Battalion, later severed ties with the Valley Army.', [
    { name: 'Hill Guards' }, { name: 'Sun Battalion' }, { name: 'Valley Army' },
  ]);
  assert.ok(has(rs, 'a1', 'split_from', 'a3'), JSON.stringify(rs));
  assert.ok(!has(rs, 'a2', 'split_from', 'a3'));
  assert.ok(has(rs, 'a1', 'allied_with', 'a2') || has(rs, 'a2', 'allied_with', 'a1'));
});

test('funding, payments and passive support', () => {
  const rs = run('Marland keeps up its funding of the Sun Battalion. The Lion Front paid the Hill Guards for passage. The Hill Guards are backed by Marland.', [
    { name: 'Marland', kind: 'state' }, { name: 'Sun Battalion' }, { name: 'Lion Front' }, { name: 'Hill Guards' },
  ]);
  assert.ok(has(rs, 'a1', 'funds', 'a2'));
  assert.ok(has(rs, 'a3', 'pays', 'a4'));
  assert.ok(has(rs, 'a1', 'supports', 'a4'));
});

test('compound modifier: "X-backed militias of Y"', () => {
  const rs = run('Fighters of the Marland-backed militias of the River Forces crossed the border.', [
    { name: 'Marland', kind: 'state' }, { name: 'River Forces', kind: 'militia' },
  ]);
  assert.ok(has(rs, 'a1', 'supports', 'a2'), JSON.stringify(rs));
});

test('symmetric cues: "rivalry between A and B", "A and B engaged in a rivalry"; merged with evidence', () => {
  const rs = run('The rivalry between the Lion Front and the Sun Battalion has lasted since 2016. For years, the Sun Battalion and the Lion Front engaged in a bitter rivalry.', [
    { name: 'Lion Front' }, { name: 'Sun Battalion' },
  ], [year('2016', 2016)]);
  const rival = rs.filter((r) => r.predicate === 'rival_of');
  assert.equal(rival.length, 1);
  assert.equal(rival[0]!.evidence.filter((e) => e.text.endsWith('.')).length, 2);
  assert.equal(rival[0]!.valid?.start, '2016-01-01');
  assert.equal(rival[0]!.valid?.end, '2025-03-10');
  assert.equal(rival[0]!.valid?.precision, 'range');
});

test('titles and appositions: spokesperson, leader, media arm', () => {
  const rs = run('Karim Haddad, the spokesperson of the Lion Front, spoke first. Sun Battalion leader Omar Saleh replied. The Lion Front, through its official media outlet Al-Minbar, released a video of its spokesman, Karim Haddad.', [
    { name: 'Karim Haddad', kind: 'person' }, { name: 'Lion Front' }, { name: 'Omar Saleh', kind: 'person' },
    { name: 'Sun Battalion' }, { name: 'Al-Minbar', kind: 'media' },
  ]);
  const spoke = has(rs, 'a1', 'spokesperson_of', 'a2');
  assert.ok(spoke, JSON.stringify(rs, null, 1));
  assert.equal(spoke.evidence.filter((e) => e.text.endsWith('.')).length, 2);
  assert.ok(has(rs, 'a3', 'leader_of', 'a4'));
  assert.ok(has(rs, 'a5', 'media_arm_of', 'a2'));
  assert.ok(!has(rs, 'a1', 'spokesperson_of', 'a5'));
});

test('relative clause: "Y, which X led" → X leader_of Y; former membership', () => {
  const rs = run('The Dawn Front, which Omar Saleh led for a decade, dissolved. Omar Saleh used to be a Lion Front fighter.', [
    { name: 'Dawn Front' }, { name: 'Omar Saleh', kind: 'person' }, { name: 'Lion Front' },
  ]);
  assert.ok(has(rs, 'a2', 'leader_of', 'a1'), JSON.stringify(rs));
  assert.ok(has(rs, 'a2', 'formerly_member_of', 'a3'), JSON.stringify(rs));
});

test('modality: hypothetical and negated cues', () => {
  const rs = run('Marland could step up cooperation with the Sun Battalion. The Hill Guards did not fund the Lion Front.', [
    { name: 'Marland', kind: 'state' }, { name: 'Sun Battalion' }, { name: 'Hill Guards' }, { name: 'Lion Front' },
  ]);
  assert.equal(has(rs, 'a1', 'cooperates_with', 'a2')?.modality, 'hypothetical');
  assert.equal(has(rs, 'a3', 'funds', 'a4')?.modality, 'negated');
});

test('pack affiliations between actors present become pack relations and merge with text ones', () => {
  const pack: PackActor[] = [
    { id: 'marland', name: 'Marland', kind: 'state', aliases: [], affiliations: [
      { predicate: 'supports', object: 'hill-guards', start: '2014' },
      { predicate: 'hostile_to', object: 'absent-group' },
    ] },
    { id: 'hill-guards', name: 'Hill Guards', kind: 'militia', aliases: [], affiliations: [{ predicate: 'rival_of', object: 'lion-front' }] },
    { id: 'lion-front', name: 'Lion Front', kind: 'armed-group', aliases: [] },
  ];
  const rs = run('Marland and the Hill Guards were mentioned. The Hill Guards fought the Lion Front.', [
    { name: 'Marland', kind: 'state', kb_id: 'marland' }, { name: 'Hill Guards', kb_id: 'hill-guards' }, { name: 'Lion Front', kb_id: 'lion-front' },
  ], [], pack);
  const sup = has(rs, 'a1', 'supports', 'a2');
  assert.ok(sup);
  assert.equal(sup.origin, 'pack');
  assert.equal(sup.confidence, 0.6);
  assert.equal(sup.modality, 'asserted');
  assert.deepEqual(sup.valid, { start: '2014-01-01', end: '2025-03-10', precision: 'range', text: 'since 2014' });
  assert.equal(sup.evidence.length, 2);
  assert.ok(has(rs, 'a2', 'rival_of', 'a3'));
  assert.ok(has(rs, 'a2', 'fights', 'a3'));
  assert.equal(rs.filter((r) => r.predicate === 'hostile_to').length, 0);
});

// ---- precision in analytic prose --------------------------------------------------------------

test('a name far before the cue is not its subject ("the grievances that drove people to join X")', () => {
  const rs = run('If the Valley Army addresses the grievances of the poor that drove many young people to join the Sun Battalion, the group will weaken.', [
    { name: 'Valley Army' }, { name: 'Sun Battalion' },
  ]);
  assert.equal(rs.filter((r) => r.predicate === 'member_of').length, 0, JSON.stringify(rs));
});

test('bare "fighting" is no relation cue; "fought" is', () => {
  assert.equal(run('The Hill Guards built their legitimacy on fighting the Sun Battalion.', [{ name: 'Hill Guards' }, { name: 'Sun Battalion' }]).length, 0);
  assert.ok(has(run('The Hill Guards fought the Sun Battalion.', [{ name: 'Hill Guards' }, { name: 'Sun Battalion' }]), 'a1', 'fights', 'a2'));
});

test('"X-backed groups and Y": the compound modifies the groups, Y is coordinated, not backed', () => {
  const rs = run('Ties between Freedonia-backed groups and the Sun Battalion grew.', [{ name: 'Freedonia', kind: 'state' }, { name: 'Sun Battalion' }]);
  assert.equal(rs.filter((r) => r.predicate === 'supports').length, 0, JSON.stringify(rs));
});

test('a state named as a location takes no part: "attacks in Freedonia"', () => {
  const text = 'The Sun Battalion carried out attacks in Freedonia.';
  const kb = testKb();
  const layers = buildLayers(text, { actors: [{ name: 'Sun Battalion' }, { name: 'Freedonia', kind: 'state' }] });
  layers.places = [{ id: 'pl1', name: 'Freedonia', kind: 'country', country: null, admin1: null, lat: null, lon: null, geonames_id: null, mentions: [{ start: text.indexOf('Freedonia'), end: text.indexOf('Freedonia') + 9, text: 'Freedonia' }] }];
  const rs = relations.run({ document: testDocument(text, '2025-03-10'), layers, kb }).relations!;
  assert.equal(rs.length, 0, JSON.stringify(rs));
});

test('commas without a conjunction do not make a list: "against X, spokesperson Y warned" keeps X alone', () => {
  const rs = run('During the Sun Battalion offensive against the Valley Army, Hill Guards spokesman Omar Dabbagh warned of chaos.', [
    { name: 'Sun Battalion' }, { name: 'Valley Army' }, { name: 'Hill Guards' }, { name: 'Omar Dabbagh', kind: 'person' },
  ]);
  assert.ok(has(rs, 'a1', 'attacks', 'a2'), JSON.stringify(rs));
  assert.ok(!rs.some((r) => r.predicate === 'attacks' && r.object !== 'a2'), JSON.stringify(rs));
});

test('a "but" clause without its own subject continues the sentence subject; coordinated objects each get the relation', () => {
  const text = 'The Hill Guards grew out of local militias but later broke away from the Sun Battalion and the Valley Army.';
  const rs = run(text, [{ name: 'Hill Guards' }, { name: 'Sun Battalion' }, { name: 'Valley Army' }]);
  assert.ok(has(rs, 'a1', 'split_from', 'a2'), JSON.stringify(rs));
  assert.ok(has(rs, 'a1', 'split_from', 'a3'));
  // A "but" clause with a subject of its own keeps it.
  const own = run('The Hill Guards held the pass, but the Lion Front broke away from the Sun Battalion.', [
    { name: 'Hill Guards' }, { name: 'Lion Front' }, { name: 'Sun Battalion' },
  ]);
  assert.ok(has(own, 'a2', 'split_from', 'a3'));
  assert.ok(!has(own, 'a1', 'split_from', 'a3'));
});

test('a dash opens a relative clause: "Y—which X led—"', () => {
  const rs = run('The feud with the Sun Battalion—which Omar Haddad led in those years—began early.', [
    { name: 'Sun Battalion' }, { name: 'Omar Haddad', kind: 'person' },
  ]);
  assert.ok(has(rs, 'a2', 'leader_of', 'a1'), JSON.stringify(rs));
});

test('"for years" and "for three decades" bound the relation back from the date of writing', () => {
  const rs = run('For years, Marland has funded the Sun Battalion. The Lion Front has fought the Hill Guards for three decades.', [
    { name: 'Marland', kind: 'state' }, { name: 'Sun Battalion' }, { name: 'Lion Front' }, { name: 'Hill Guards' },
  ]);
  assert.deepEqual(has(rs, 'a1', 'funds', 'a2')?.valid, { start: '2023-03-10', end: '2025-03-10', precision: 'range', text: 'For years' });
  const fight = rs.find((r) => r.predicate === 'fights' && new Set([r.subject, r.object]).has('a3'));
  assert.equal(fight?.valid?.start, '1995-03-10');
});

test('"X received missiles and drones from Y" and "received funding from Y": Y supplies / funds X', () => {
  const rs = run('The Hill Guards have received missiles and drones from Marland. The Sun Battalion received funding from the Lion Front.', [
    { name: 'Hill Guards' }, { name: 'Marland', kind: 'state' }, { name: 'Sun Battalion' }, { name: 'Lion Front' },
  ]);
  assert.ok(has(rs, 'a2', 'supplies', 'a1'), JSON.stringify(rs));
  assert.ok(has(rs, 'a4', 'funds', 'a3'));
  assert.ok(!has(rs, 'a1', 'supplies', 'a2'));
});

// ---- direction, attribution and scope ---------------------------------------------------------

test('"came to power with the backing of Y" and "with Y support": Y supports the clause subject', () => {
  const rs = run('Omar Saleh, who came to power with the backing of the Hill Guards, spoke. The Lion Front has fought the Sun Battalion with Marland support since 2015.', [
    { name: 'Omar Saleh', kind: 'person' }, { name: 'Hill Guards' }, { name: 'Lion Front' }, { name: 'Sun Battalion' }, { name: 'Marland', kind: 'state' },
  ]);
  assert.ok(has(rs, 'a2', 'supports', 'a1'), JSON.stringify(rs));
  assert.ok(!has(rs, 'a1', 'supports', 'a2'));
  assert.ok(has(rs, 'a5', 'supports', 'a3'));
  assert.ok(!has(rs, 'a5', 'supports', 'a4'));
});

test('a participle without "be" modifies the noun just before it: "Y, led by X," but not "Y\'s march moved after rebels led by X"', () => {
  const rs = run("Marland's transition moved quickly after rebels led by the Lion Front took the capital. The Hill Guards, led by Omar Saleh, held the pass. The Sun Battalion has long been backed by Marland.", [
    { name: 'Marland', kind: 'state' }, { name: 'Lion Front' }, { name: 'Hill Guards' }, { name: 'Omar Saleh', kind: 'person' }, { name: 'Sun Battalion' },
  ]);
  assert.ok(!has(rs, 'a2', 'leader_of', 'a1'), JSON.stringify(rs));
  assert.ok(has(rs, 'a4', 'leader_of', 'a3'));
  assert.ok(has(rs, 'a1', 'supports', 'a5'));
});

test('speech: "observers reported that X arms Y" is reported and X is the subject; "X, which says it protects Y, struck Z"', () => {
  const rs = run('Observers from the Northern League have reported for years that Marland arms the Hill Guards. Marland, which says it protects the Sun Battalion, struck the Lion Front on Monday. The Federated States struck the Lion Front.', [
    { name: 'Northern League', kind: 'international-org' }, { name: 'Marland', kind: 'state' }, { name: 'Hill Guards' }, { name: 'Sun Battalion' },
    { name: 'Lion Front' }, { name: 'Federated States', kind: 'state' },
  ]);
  assert.equal(has(rs, 'a2', 'supplies', 'a3')?.modality, 'reported', JSON.stringify(rs));
  assert.ok(!has(rs, 'a1', 'supplies', 'a3'));
  assert.equal(has(rs, 'a2', 'supports', 'a4')?.modality, 'claimed');
  assert.equal(has(rs, 'a2', 'attacks', 'a5')?.modality, 'asserted');
  assert.ok(!has(rs, 'a4', 'attacks', 'a5'));
  // An apposition between the verb and the cue keeps the view attributed.
  const view = run('Marland regards the Dawn Units (DU), the core of the Sun Battalion, as a wing of the Lion Front.', [
    { name: 'Marland', kind: 'state' }, { name: 'Dawn Units', mentions: ['Dawn Units', 'DU'] }, { name: 'Sun Battalion' }, { name: 'Lion Front' },
  ]);
  assert.equal(has(view, 'a2', 'part_of', 'a4')?.modality, 'reported', JSON.stringify(view));
  // "States" in a name is no speech verb.
  assert.equal(has(rs, 'a6', 'attacks', 'a5')?.modality, 'asserted');
});

test('"fought alongside X" is an alliance, not a fight; "funded and armed Y" gives both; another cue before the name claims it', () => {
  const rs = run('Marland, which has funded and armed the Hill Guards since the 1990s, fought alongside the Sun Battalion. Omar Saleh backed a deal with the Lion Front.', [
    { name: 'Marland', kind: 'state' }, { name: 'Hill Guards' }, { name: 'Sun Battalion' }, { name: 'Omar Saleh', kind: 'person' }, { name: 'Lion Front' },
  ], [{ text: '1990s', start: '1990-01-01', end: '1999-12-31', precision: 'range' }]);
  assert.ok(has(rs, 'a1', 'allied_with', 'a3') || has(rs, 'a3', 'allied_with', 'a1'), JSON.stringify(rs));
  assert.ok(!rs.some((r) => r.predicate === 'fights'));
  const funds = has(rs, 'a1', 'funds', 'a2');
  assert.deepEqual(funds?.valid, { start: '1990-01-01', end: '2025-03-10', precision: 'range', text: 'since the 1990s' });
  assert.ok(has(rs, 'a1', 'supplies', 'a2'));
  assert.ok(!has(rs, 'a4', 'supports', 'a5'));
});

test('validity: times of a relative clause, of a coordinated clause or verb phrase, and past a description are not the relation\'s', () => {
  const rs = run([
    'The Hill Guards are part of the Lion Front, an alliance that Marland recognised in 2016.',
    'The Sun Battalion lost its bases in December, and Marland kept striking the Valley Army.',
    'The Dawn Front split from the Lion Front in 2006 and is led by Omar Saleh.',
    'The Valley Army, a Marland-backed militia, has been part of the Lion Front since 2014.',
    'Omar Saleh has been allied with Marland for nearly two decades.',
  ].join(' '), [
    { name: 'Hill Guards' }, { name: 'Lion Front' }, { name: 'Marland', kind: 'state' }, { name: 'Sun Battalion' }, { name: 'Valley Army' },
    { name: 'Dawn Front' }, { name: 'Omar Saleh', kind: 'person' },
  ], [year('2016', 2016), { text: 'December', start: '2024-12-01', end: '2024-12-31', precision: 'month' }, year('2006', 2006), year('2014', 2014)]);
  assert.equal(has(rs, 'a1', 'part_of', 'a2')?.valid, null, JSON.stringify(rs));
  assert.equal(has(rs, 'a3', 'attacks', 'a5')?.valid, null);
  assert.equal(has(rs, 'a6', 'split_from', 'a2')?.valid?.start, '2006-01-01');
  assert.equal(has(rs, 'a7', 'leader_of', 'a6')?.valid, null);
  assert.equal(has(rs, 'a3', 'supports', 'a5')?.valid, null);
  assert.equal(has(rs, 'a5', 'part_of', 'a2')?.valid?.start, '2014-01-01');
  assert.equal(rs.find((r) => r.predicate === 'allied_with')?.valid?.start, '2005-03-10');
});

test('titles: "the spokesman for Y, X", "X, a senior Y commander", "Y commander General X", "X (Z), the backbone of Y", secretary-general', () => {
  const rs = run([
    'A spokesman for the Hill Guards, Karim Haddad, denied the report.',
    'A strike killed Omar Saleh, a senior Lion Front commander.',
    'Valley Army commander General Sami Aziz visited the front.',
    'The Dawn Units (DU), the backbone of the Sun Battalion, held the city.',
    'Lion Front secretary-general Rami Nasser spoke.',
  ].join(' '), [
    { name: 'Hill Guards' }, { name: 'Karim Haddad', kind: 'person' }, { name: 'Omar Saleh', kind: 'person' }, { name: 'Lion Front' },
    { name: 'Valley Army' }, { name: 'Sami Aziz', kind: 'person' }, { name: 'Dawn Units', mentions: ['Dawn Units', 'DU'] }, { name: 'Sun Battalion' },
    { name: 'Rami Nasser', kind: 'person' },
  ]);
  assert.ok(has(rs, 'a2', 'spokesperson_of', 'a1'), JSON.stringify(rs));
  assert.ok(has(rs, 'a3', 'member_of', 'a4'));
  assert.ok(has(rs, 'a6', 'member_of', 'a5'));
  assert.ok(has(rs, 'a7', 'part_of', 'a8'));
  assert.ok(has(rs, 'a9', 'leader_of', 'a4'));
  // "an X fighter" after a verb is its object, not the subject's membership.
  assert.equal(run('The Hill Guards arrested a Lion Front fighter.', [{ name: 'Hill Guards' }, { name: 'Lion Front' }]).filter((r) => r.predicate === 'member_of').length, 0);
});

test('"clashes between X fighters and Y"; "X, a Y-backed militia,"; a lone ", and" ends the object list', () => {
  const rs = run('Clashes between Lion Front fighters and the Hill Guards went on. The Valley Army, a Marland-backed militia, held out. The Dawn Front will join the Sun Battalion, and the Hill Guards have not withdrawn.', [
    { name: 'Lion Front' }, { name: 'Hill Guards' }, { name: 'Valley Army' }, { name: 'Marland', kind: 'state' }, { name: 'Dawn Front' }, { name: 'Sun Battalion' },
  ]);
  assert.ok(rs.some((r) => r.predicate === 'fights' && new Set([r.subject, r.object]).has('a1') && new Set([r.subject, r.object]).has('a2')), JSON.stringify(rs));
  assert.ok(has(rs, 'a4', 'supports', 'a3'));
  assert.ok(has(rs, 'a5', 'member_of', 'a6'));
  assert.ok(!has(rs, 'a5', 'member_of', 'a2'));
});
