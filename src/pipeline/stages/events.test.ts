import { test } from 'node:test';
import assert from 'node:assert/strict';
import events from './events.js';
import { testKb } from '../../extract/test-kb.js';
import { buildLayers, testDocument, year, type ActorSpec, type PlaceSpec, type TimeSpec } from '../../extract/test-layers.js';
import type { EventOut } from '../../analysis/types.js';

const kb = testKb();

function run(text: string, spec: { actors?: ActorSpec[]; places?: PlaceSpec[]; times?: TimeSpec[] }, published: string | null = '2025-03-10'): EventOut[] {
  return events.run({ document: testDocument(text, published), layers: buildLayers(text, spec), kb }).events!;
}

const roleOf = (e: EventOut, id: string) => e.actors.filter((a) => a.actor === id).map((a) => a.role);

test('active verb: subject is perpetrator, object is target; place, date and fatalities from the sentence', () => {
  const text = 'On 4 June 2023, the Northern Brigade ambushed a Harbour Guard convoy near Qaryatayn, killing at least nine soldiers.';
  const ev = run(text, {
    actors: [{ name: 'Northern Brigade' }, { name: 'Harbour Guard', kind: 'state-force' }],
    places: [{ name: 'Qaryatayn' }],
    times: [{ text: '4 June 2023', start: '2023-06-04' }],
  });
  assert.equal(ev.length, 1);
  const e = ev[0]!;
  assert.equal(e.type, 'attack');
  assert.deepEqual(roleOf(e, 'a1'), ['perpetrator']);
  assert.deepEqual(roleOf(e, 'a2'), ['target']);
  assert.equal(e.place, 'pl1');
  assert.equal(e.date?.start, '2023-06-04');
  assert.equal(e.date?.precision, 'day');
  assert.deepEqual(e.fatalities, { min: 9, max: null });
  assert.equal(e.modality, 'asserted');
  // The target is an armed actor, so ACLED codes it a battle.
  assert.deepEqual(e.acled, { event_type: 'Battles', sub_event_type: 'Armed clash' });
  assert.equal(e.plover, 'ASSAULT');
  assert.ok(e.evidence.some((s) => s.text === 'ambushed'));
  assert.match(e.summary, /Northern Brigade attack → Harbour Guard in Qaryatayn/);
});

test('passive voice: "by X" is the perpetrator, the subject the target', () => {
  const text = 'Two officials of the River Council were abducted by the Eastern Cells in Karmel on 2 May 2022.';
  const ev = run(text, {
    actors: [{ name: 'River Council', kind: 'government-body' }, { name: 'Eastern Cells' }],
    places: [{ name: 'Karmel' }],
    times: [{ text: '2 May 2022', start: '2022-05-02' }],
  });
  const e = ev.find((x) => x.type === 'abduction');
  assert.ok(e);
  assert.deepEqual(roleOf(e, 'a2'), ['perpetrator']);
  assert.deepEqual(roleOf(e, 'a1'), ['victim']);
});

test('coordinated subjects all take part; date and place', () => {
  const text = 'In 2019, the Lion Front, the Sun Battalion and the Hill Guards met in the Jabal area to plan.';
  const ev = run(text, {
    actors: [{ name: 'Lion Front' }, { name: 'Sun Battalion' }, { name: 'Hill Guards' }],
    places: [{ name: 'Jabal' }],
    times: [year('2019', 2019)],
  });
  const e = ev.find((x) => x.type === 'meeting');
  assert.ok(e);
  assert.deepEqual(e.actors.map((a) => a.actor).sort(), ['a1', 'a2', 'a3']);
  assert.ok(e.actors.every((a) => a.role === 'participant'));
  assert.equal(e.date?.precision, 'year');
  assert.equal(e.date?.start, '2019-01-01');
  assert.equal(e.place, 'pl1');
  assert.equal(e.acled, null);
  assert.equal(e.plover, 'CONSULT');
});

test('one sentence with coordinated years yields one event per year', () => {
  const text = 'In 2011 and 2016, the Valley Army helped the Black Banner raid Tellnur.';
  const ev = run(text, {
    actors: [{ name: 'Valley Army', kind: 'state-force' }, { name: 'Black Banner' }],
    places: [{ name: 'Tellnur' }],
    times: [year('2011', 2011), year('2016', 2016)],
  });
  const raids = ev.filter((e) => e.type === 'attack');
  assert.deepEqual(raids.map((e) => e.date?.start.slice(0, 4)).sort(), ['2011', '2016']);
  for (const r of raids) {
    assert.deepEqual(roleOf(r, 'a2'), ['perpetrator']);
    assert.equal(r.place, 'pl1');
  }
  const help = ev.filter((e) => e.type === 'facilitation');
  assert.equal(help.length, 2);
  assert.deepEqual(roleOf(help[0]!, 'a1'), ['facilitator']);
  assert.deepEqual(roleOf(help[0]!, 'a2'), ['beneficiary']);
});

test('claimed responsibility: claimant, source and modality; number words', () => {
  const text = 'The Black Banner claimed responsibility for the killing of three border guards in Tellnur.';
  const ev = run(text, { actors: [{ name: 'Black Banner' }], places: [{ name: 'Tellnur' }] });
  assert.equal(ev.length, 1);
  const e = ev[0]!;
  assert.equal(e.modality, 'claimed');
  assert.equal(e.source, 'a1');
  assert.ok(roleOf(e, 'a1').includes('claimant'));
  assert.deepEqual(e.fatalities, { min: 3, max: 3 });
});

test('modalities: reported, foiled plot, negated, hypothetical', () => {
  const reported = run('Government troops reportedly arrested two Black Banner members in Karmel.', {
    actors: [{ name: 'Government troops', kind: 'state-force' }, { name: 'Black Banner' }], places: [{ name: 'Karmel' }],
  });
  assert.equal(reported.find((e) => e.type === 'arrest')?.modality, 'reported');

  const foiled = run('On 3 March, the police foiled a Black Banner plot to bomb the Karmel bridge.', {
    actors: [{ name: 'police', kind: 'state-force' }, { name: 'Black Banner' }], places: [{ name: 'Karmel' }],
    times: [{ text: '3 March', start: '2025-03-03' }],
  });
  const plot = foiled.find((e) => e.type === 'plot-foiled');
  assert.ok(plot);
  assert.equal(plot.modality, 'asserted');
  assert.deepEqual(plot.acled, { event_type: 'Strategic developments', sub_event_type: 'Disrupted weapons use' });
  const bomb = foiled.find((e) => e.type === 'bombing');
  assert.equal(bomb?.modality, 'foiled');
  assert.deepEqual(roleOf(bomb!, 'a2'), ['perpetrator']);

  const negated = run('The Sun Battalion did not attack the Hill Guards in Karmel.', {
    actors: [{ name: 'Sun Battalion' }, { name: 'Hill Guards' }], places: [{ name: 'Karmel' }],
  });
  assert.equal(negated[0]?.modality, 'negated');

  const hypo = run('If the ceasefire collapses, the Sun Battalion could attack Karmel.', {
    actors: [{ name: 'Sun Battalion' }], places: [{ name: 'Karmel' }],
  });
  assert.equal(hypo.find((e) => e.type === 'attack')?.modality, 'hypothetical');
});

test('date falls back to the paragraph, then to the publication period as a range', () => {
  const text = 'On 8 April 2024, the Hill Guards shelled Karmel. The Sun Battalion later withdrew from Tellnur.\n\nThe Sun Battalion attacked Qaryatayn.';
  const ev = run(text, {
    actors: [{ name: 'Hill Guards' }, { name: 'Sun Battalion' }],
    places: [{ name: 'Karmel' }, { name: 'Tellnur' }, { name: 'Qaryatayn' }],
    times: [{ text: '8 April 2024', start: '2024-04-08' }],
  }, '2024-05');
  const shelling = ev.find((e) => e.type === 'bombing');
  assert.deepEqual(shelling?.acled, { event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack' });
  const withdrawal = ev.find((e) => e.type === 'withdrawal');
  assert.equal(withdrawal?.date?.start, '2024-04-08');
  const attack = ev.find((e) => e.type === 'attack');
  assert.deepEqual(attack?.date, { start: '2024-05-01', end: '2024-05-31', precision: 'range', text: 'by publication (2024-05)' });
  assert.ok(attack!.confidence < shelling!.confidence);
});

test('fatalities: "more than 200 people dead", vague counts, none reported', () => {
  const a = run('In 2017, the Black Banner carried out suicide bombings in Karmel that left more than 200 people dead.', {
    actors: [{ name: 'Black Banner' }], places: [{ name: 'Karmel' }], times: [year('2017', 2017)],
  });
  const bomb = a.find((e) => e.type === 'bombing');
  assert.deepEqual(bomb?.fatalities, { min: 200, max: null });
  assert.equal(bomb?.acled?.sub_event_type, 'Suicide bomb');
  const b = run('Dozens were killed when gunmen raided Tellnur on 1 May 2020.', {
    places: [{ name: 'Tellnur' }], times: [{ text: '1 May 2020', start: '2020-05-01' }],
  });
  assert.deepEqual(b.find((e) => e.type === 'attack')?.fatalities, { min: 12, max: null });
  const c = run('On 1 May 2020, an IED exploded near Tellnur. No one was killed or wounded, officials reported.', {
    places: [{ name: 'Tellnur' }], times: [{ text: '1 May 2020', start: '2020-05-01' }],
  });
  assert.equal(c.length, 1);
  assert.equal(c[0]!.type, 'bombing');
});

test('a later mention of the same happening is merged, not counted twice', () => {
  const text = 'On 9 May 2020, the Hill Guards clashed with the Sun Battalion near Karmel. Four fighters were killed in the clashes.';
  const ev = run(text, {
    actors: [{ name: 'Hill Guards' }, { name: 'Sun Battalion' }], places: [{ name: 'Karmel' }],
    times: [{ text: '9 May 2020', start: '2020-05-09' }],
  });
  assert.equal(ev.length, 1);
  assert.equal(ev[0]!.type, 'armed-clash');
  assert.deepEqual(ev[0]!.fatalities, { min: 4, max: 4 });
  assert.equal(ev[0]!.evidence.filter((s) => s.text.endsWith('.')).length, 2);
});

test('talk without actors yields no event; triggers inside quotes and inside names are skipped', () => {
  const text = 'The statement was long. He said the “attack will come”. The United States Institute published data.';
  const ev = run(text, { actors: [{ name: 'United States Institute', kind: 'other' }] });
  assert.deepEqual(ev, []);
});

test('statement: speaker and source; title compounds group with the name', () => {
  const text = 'Valley Army spokesman Karim Haddad warned on 5 January that the truce would fail.';
  const ev = run(text, {
    actors: [{ name: 'Valley Army', kind: 'state-force' }, { name: 'Karim Haddad', kind: 'person' }],
    times: [{ text: '5 January', start: '2025-01-05' }],
  });
  const e = ev.find((x) => x.type === 'statement');
  assert.ok(e);
  assert.deepEqual(e.actors.map((a) => a.actor).sort(), ['a1', 'a2']);
  assert.equal(e.source, 'a2');
  assert.equal(e.date?.start, '2025-01-05');
});

test('relative clause subject: ", who wrote" takes the antecedent', () => {
  const text = 'The reply came from the minister, Salim Aziz, who wrote on 2 February that the border was closed.';
  const ev = run(text, { actors: [{ name: 'Salim Aziz', kind: 'person' }], times: [{ text: '2 February', start: '2025-02-02' }] });
  const e = ev.find((x) => x.type === 'statement');
  assert.deepEqual(e?.actors, [{ actor: 'a1', role: 'speaker' }]);
});

// ---- Extraction II fixes: fatalities, types, roles ------------------------------------------

test('a year is never a count: "On 2 March 2021, guards killed 3 raiders" has 3 deaths, not 2021', () => {
  const text = 'On 2 March 2021, Harbour Guard troops killed 3 Northern Brigade raiders near Qaryatayn.';
  const ev = run(text, {
    actors: [{ name: 'Harbour Guard', kind: 'state-force' }, { name: 'Northern Brigade' }],
    places: [{ name: 'Qaryatayn' }], times: [{ text: '2 March 2021', start: '2021-03-02' }],
  });
  assert.ok(ev.length >= 1);
  assert.ok(ev.every((e) => e.fatalities?.min === 3), JSON.stringify(ev.map((e) => e.fatalities)));
});

test('assassinating one combatant implies one death and makes it an attack on an armed actor', () => {
  const text = 'On 5 April 2021, gunmen of the Northern Brigade assassinated a colonel of the Harbour Guard in Qaryatayn.';
  const ev = run(text, {
    actors: [{ name: 'Northern Brigade' }, { name: 'Harbour Guard', kind: 'state-force' }],
    places: [{ name: 'Qaryatayn' }], times: [{ text: '5 April 2021', start: '2021-04-05' }],
  });
  assert.equal(ev.length, 1);
  assert.equal(ev[0]!.type, 'attack');
  assert.deepEqual(ev[0]!.fatalities, { min: 1, max: 1 });
  assert.deepEqual(ev[0]!.acled, { event_type: 'Battles', sub_event_type: 'Armed clash' });
});

test('"shot dead a man" with no number: one death', () => {
  const text = 'On 6 April 2021, the Northern Brigade shot dead a shepherd near Qaryatayn.';
  const ev = run(text, { actors: [{ name: 'Northern Brigade' }], places: [{ name: 'Qaryatayn' }], times: [{ text: '6 April 2021', start: '2021-04-06' }] });
  assert.deepEqual(ev[0]?.fatalities, { min: 1, max: 1 });
});

test('a protest word that evokes the protesters yields a protest; the grievance after it yields no event', () => {
  const text = 'On 7 April 2021, residents of Qaryatayn protested against the arrest of a teacher by the Harbour Guard.';
  const ev = run(text, {
    actors: [{ name: 'Protesters', kind: 'population', mentions: ['protested'] }, { name: 'Harbour Guard', kind: 'state-force' }],
    places: [{ name: 'Qaryatayn' }], times: [{ text: '7 April 2021', start: '2021-04-07' }],
  });
  assert.deepEqual(ev.map((e) => e.type), ['protest']);
  assert.deepEqual(roleOf(ev[0]!, 'a1'), ['participant']);
  assert.equal(ev[0]!.acled?.event_type, 'Protests');
});

test('looting maps to ACLED looting/property destruction', () => {
  const text = 'On 8 April 2021, the Northern Brigade looted grain stores in Qaryatayn.';
  const ev = run(text, { actors: [{ name: 'Northern Brigade' }], places: [{ name: 'Qaryatayn' }], times: [{ text: '8 April 2021', start: '2021-04-08' }] });
  assert.equal(ev.length, 1);
  assert.equal(ev[0]!.type, 'other');
  assert.deepEqual(ev[0]!.acled, { event_type: 'Strategic developments', sub_event_type: 'Looting/property destruction' });
  assert.deepEqual(roleOf(ev[0]!, 'a1'), ['perpetrator']);
});

test('capturing fighters on a front is a battle; detaining civilians an arrest', () => {
  const times = [{ text: '9 April 2021', start: '2021-04-09' }];
  const front = run('On 9 April 2021, the Harbour Guard captured 2 fighters of the Northern Brigade near Qaryatayn.', {
    actors: [{ name: 'Harbour Guard', kind: 'state-force' }, { name: 'Northern Brigade' }], places: [{ name: 'Qaryatayn' }], times,
  });
  assert.equal(front[0]?.type, 'armed-clash');
  const civil = run('On 9 April 2021, the Harbour Guard detained 4 shopkeepers in Qaryatayn.', {
    actors: [{ name: 'Harbour Guard', kind: 'state-force' }], places: [{ name: 'Qaryatayn' }], times,
  });
  assert.equal(civil[0]?.type, 'arrest');
});

test('a country named only as a location is no participant; "X backed" modifies, it does not act', () => {
  const text = 'On 10 April 2021, the Northern Brigade shelled a Freedonia backed patrol in Qaryatayn, northern Freedonia.';
  const ev = run(text, {
    actors: [{ name: 'Northern Brigade' }, { name: 'Freedonia', kind: 'state' }],
    places: [{ name: 'Qaryatayn', kind: 'town' }, { name: 'Freedonia', kind: 'country' }],
    times: [{ text: '10 April 2021', start: '2021-04-10' }],
  });
  assert.equal(ev.length, 1);
  assert.deepEqual(ev[0]!.actors.map((a) => a.actor), ['a1']);
  assert.equal(ev[0]!.place, 'pl1');
});

test('"IS attacked" is active voice: the acronym is not the verb "is"', () => {
  const text = 'On 11 April 2021, IS attacked a Harbour Guard post near Qaryatayn.';
  const ev = run(text, {
    actors: [{ name: 'Islamic State', mentions: ['IS'] }, { name: 'Harbour Guard', kind: 'state-force' }],
    places: [{ name: 'Qaryatayn' }], times: [{ text: '11 April 2021', start: '2021-04-11' }],
  });
  assert.deepEqual(roleOf(ev[0]!, 'a1'), ['perpetrator']);
  assert.deepEqual(roleOf(ev[0]!, 'a2'), ['target']);
});

test('an IED with no named actor is still an event; the death toll may come from the next sentence', () => {
  const text = 'On 12 April 2021, an unidentified IED exploded near Qaryatayn. Two shepherds were killed.';
  const ev = run(text, { places: [{ name: 'Qaryatayn' }], times: [{ text: '12 April 2021', start: '2021-04-12' }] });
  const bomb = ev.find((e) => e.type === 'bombing');
  assert.ok(bomb);
  assert.deepEqual(bomb.actors, []);
  assert.equal(bomb.fatalities?.min, 2);
});

test('the most specific place of a chain: "in Kafr Sous in Qaryatayn" is Kafr Sous', () => {
  const text = 'On 13 April 2021, residents in Kafr Sous in Qaryatayn protested.';
  const ev = run(text, {
    actors: [{ name: 'Protesters', kind: 'population', mentions: ['protested'] }],
    places: [{ name: 'Kafr Sous', kind: 'town' }, { name: 'Qaryatayn', kind: 'city' }],
    times: [{ text: '13 April 2021', start: '2021-04-13' }],
  });
  assert.equal(ev[0]?.place, 'pl1');
});

test('an undated abstract noun in analysis ("cooperation between X and Y") is a topic, not an event', () => {
  const text = 'Cooperation between the Northern Brigade and the Harbour Guard has deepened.';
  const ev = run(text, { actors: [{ name: 'Northern Brigade' }, { name: 'Harbour Guard', kind: 'state-force' }] });
  assert.equal(ev.length, 0);
});

test('a coder\'s note on the count is not a report', () => {
  const text = 'On 14 April 2021, the Northern Brigade clashed with the Harbour Guard near Qaryatayn. Fatalities coded as 10.';
  const ev = run(text, {
    actors: [{ name: 'Northern Brigade' }, { name: 'Harbour Guard', kind: 'state-force' }],
    places: [{ name: 'Qaryatayn' }], times: [{ text: '14 April 2021', start: '2021-04-14' }],
  });
  assert.equal(ev[0]?.type, 'armed-clash');
  assert.equal(ev[0]?.fatalities, null);
});
