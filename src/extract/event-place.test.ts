import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlaceOut } from '../analysis/types.js';
import { clauseAt } from './clauses.js';
import { eventPlace, placeRank } from './event-place.js';
import { indexDocument } from './sentence-index.js';
import { buildLayers, type PlaceSpec } from './test-layers.js';

/** The place eventPlace picks for the trigger word `trigger`, by name. */
function placeFor(text: string, trigger: string, places: (PlaceSpec & { precision?: PlaceOut['precision']; admin1?: string })[]): string | null {
  const layers = buildLayers(text, { places });
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
