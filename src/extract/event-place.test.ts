import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlaceOut } from '../analysis/types.js';
import { clauseAt } from './clauses.js';
import { eventPlace, placeRank } from './event-place.js';
import { indexDocument } from './sentence-index.js';
import { buildLayers, type ActorSpec, type PlaceSpec } from './test-layers.js';

/** The place eventPlace picks for the trigger word `trigger`, by name. */
function placeFor(text: string, trigger: string, places: (PlaceSpec & { precision?: PlaceOut['precision']; admin1?: string })[], actors: ActorSpec[] = []): string | null {
  const layers = buildLayers(text, { places, actors });
  for (const [k, p] of places.entries()) {
    const out = layers.places![k]!;
    if (p.precision) out.precision = p.precision;
    if (p.admin1) out.admin1 = p.admin1;
  }
  const idx = indexDocument(text, layers);
  const start = text.indexOf(trigger);
  assert.ok(start >= 0, trigger);
  const end = start + trigger.length;
  const s = idx.sentences.find((x) => x.start <= start && end <= x.end)!;
  const clause = clauseAt(text, s, start, end);
  return eventPlace(text, s, clause, start, end, (id) => placeRank(idx, id))?.name ?? null;
}

test('a place the text puts inside another wins over its container, whatever its kind', () => {
  // A plain (a region) in the countryside of a city: the region is where it happened.
  const text = 'Rebels downed a drone flying over the Ghab Plain in the north-western countryside of Hama.';
  assert.equal(placeFor(text, 'downed', [{ name: 'Ghab Plain', kind: 'region', admin1: 'Hama' }, { name: 'Hama', kind: 'city' }]), 'Ghab Plain');
  // Mountains inside a governorate.
  const hills = 'Aircraft bombed hideouts across the Hamrin Mountains area in Saladin province.';
  assert.equal(placeFor(hills, 'bombed', [{ name: 'Hamrin Mountains', kind: 'region', admin1: 'Salah al-Din' }, { name: 'Saladin', kind: 'admin1' }]), 'Hamrin Mountains');
  // "X area west of Y", "X street of Y city".
  const west = 'A mine went off in the Tuwayl area west of Salamiyah.';
  assert.equal(placeFor(west, 'went off', [{ name: 'Tuwayl', kind: 'village' }, { name: 'Salamiyah', kind: 'city' }]), 'Tuwayl');
  // Without the chain the more specific place still wins.
  const list = 'Jets struck Idlib and Sarmada.';
  assert.equal(placeFor(list, 'struck', [{ name: 'Idlib', kind: 'admin1' }, { name: 'Sarmada', kind: 'town' }]), 'Sarmada');
});

test('a country or a country-wide region is never taken as the inner place of a chain', () => {
  const text = 'Militants attacked a convoy in Syria, Deir ez-Zor.';
  assert.equal(placeFor(text, 'attacked', [{ name: 'Syria', kind: 'country' }, { name: 'Deir ez-Zor', kind: 'city' }]), 'Deir ez-Zor');
  const wide = 'Militants attacked a convoy in the Badia in Homs.';
  assert.equal(placeFor(wide, 'attacked', [{ name: 'Badia', kind: 'region' }, { name: 'Homs', kind: 'city' }]), 'Homs');
});

test('where fighters are from yields to where the event is', () => {
  const text = 'Police clashed with two factions, whose members are from Raqqa, in the town of Azaz in the Aleppo countryside.';
  assert.equal(placeFor(text, 'clashed', [{ name: 'Raqqa', kind: 'city' }, { name: 'Azaz', kind: 'town' }, { name: 'Aleppo', kind: 'city' }]), 'Azaz');
  // "starting from X" is no origin of people: X still locates a patrol.
  const patrol = 'A patrol set off starting from Tal Tamr toward the west.';
  assert.equal(placeFor(patrol, 'patrol', [{ name: 'Tal Tamr', kind: 'town' }]), 'Tal Tamr');
});

test('with no place in its clause, an event takes the innermost place of the nearest chain', () => {
  const text = 'Troops landed near the village of Shuhayl in the eastern countryside of Deir ez-Zor, during which soldiers searched a house.';
  assert.equal(placeFor(text, 'searched', [{ name: 'Shuhayl', kind: 'village' }, { name: 'Deir ez-Zor', kind: 'city' }]), 'Shuhayl');
});

test('a village known only by its governorate ranks as the governorate', () => {
  // "Kafr Zeita" is placed only at Hama's coordinates (precision admin1): the known town is
  // the more precise place for the event.
  const text = 'Shells fell on the road between Kafr Zeita and Suran in the northern countryside of Hama.';
  const places = [{ name: 'Kafr Zeita', kind: 'village' as const, precision: 'admin1' as const }, { name: 'Suran', kind: 'town' as const }, { name: 'Hama', kind: 'city' as const }];
  assert.equal(placeFor(text, 'fell', places), 'Suran');
});

test('a front, an axis or a frontline named after a village lies inside what follows', () => {
  // The village is known only by its governorate: only the chain says it is the more precise.
  const text = 'Rebels destroyed a tank on the Zarzour front in the western countryside of Hama.';
  const places = [{ name: 'Zarzour', kind: 'village' as const, precision: 'admin1' as const }, { name: 'Hama', kind: 'city' as const }];
  assert.equal(placeFor(text, 'destroyed', places), 'Zarzour');
  const axis = 'Shells hit the Zarzour axis, rural Hama, at dawn.';
  assert.equal(placeFor(axis, 'hit', places), 'Zarzour');
});

test('"X and the surrounding villages in Y" still puts the event at X', () => {
  const places = [{ name: 'Kurin', kind: 'village' as const, precision: 'admin1' as const }, { name: 'Idlib', kind: 'city' as const }];
  const text = 'Artillery pounded Kurin and the surrounding villages in the southern countryside of Idlib.';
  assert.equal(placeFor(text, 'pounded', places), 'Kurin');
  // Two places listed, not one described: the more precise one wins.
  const list = 'Artillery pounded Kurin and the roads in Idlib.';
  assert.equal(placeFor(list, 'pounded', places), 'Idlib');
});

test('a place named with a site word is as precise as a site', () => {
  // Both are towns; the crossing is where the convoy entered.
  const text = 'A long convoy entered Idlib through the Atmeh border crossing.';
  assert.equal(placeFor(text, 'entered', [{ name: 'Idlib', kind: 'city' }, { name: 'Atmeh', kind: 'town' }]), 'Atmeh');
  // The same town without the site word ties with Idlib, and the first after the trigger wins.
  const plain = 'A long convoy entered Idlib through Atmeh.';
  assert.equal(placeFor(plain, 'entered', [{ name: 'Idlib', kind: 'city' }, { name: 'Atmeh', kind: 'town' }]), 'Idlib');
});

test('a name that is also an actor mention is a place after "the town of", "the outskirts of"', () => {
  const text = 'Police patrolled the market on the outskirts of Abu Hamam in the eastern countryside of Deir ez-Zor.';
  const places = [{ name: 'Abu Hamam', kind: 'town' as const }, { name: 'Deir ez-Zor', kind: 'admin1' as const }];
  const actors: ActorSpec[] = [{ name: 'Abu Hamam', kind: 'person' }];
  assert.equal(placeFor(text, 'patrolled', places, actors), 'Abu Hamam');
  // After a verb, the same name is the person.
  const person = 'Abu Hamam patrolled the market in Deir ez-Zor.';
  assert.equal(placeFor(person, 'patrolled', places, actors), 'Deir ez-Zor');
});
