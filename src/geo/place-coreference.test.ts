import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkPlaceDescriptions } from './place-coreference.js';
import type { PlaceOut } from '../analysis/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';

const kb = { lexicons: new Map([['place-coreference', [
  { phrase: 'the camp', kinds: ['camp'], name_contains: 'camp' },
  { phrase: 'the town', kinds: ['town', 'city', 'village'] },
]]]) } as unknown as KnowledgeBase;

function place(id: string, name: string, kind: PlaceOut['kind'], text: string): PlaceOut {
  const start = text.indexOf(name);
  return { id, name, kind, country: null, admin1: null, lat: null, lon: null, geonames_id: null, mentions: [{ start, end: start + name.length, text: name }] };
}

// Written for this test.
const TEXT = 'Guards at Karmel camp reported shots near Dorval. The attack on the camp lasted an hour; the town was calm. The camp of Lerna was not hit.';

test('"the camp" and "the town" become mentions of the last compatible place named before', () => {
  const camp = place('pl1', 'Karmel camp', 'camp', TEXT);
  const town = place('pl2', 'Dorval', 'town', TEXT);
  const added = linkPlaceDescriptions(TEXT, [camp, town], kb);
  assert.deepEqual(added.map((s) => s.text), ['the camp', 'the town']);
  assert.deepEqual(camp.mentions.map((m) => m.text), ['Karmel camp', 'the camp']);
  assert.deepEqual(town.mentions.map((m) => m.text), ['Dorval', 'the town']);
});

test('"the camp of X" names X itself; with nothing compatible before, nothing is linked', () => {
  const camp = place('pl1', 'Karmel camp', 'camp', TEXT);
  linkPlaceDescriptions(TEXT, [camp], kb);
  assert.ok(!camp.mentions.some((m) => m.start === TEXT.indexOf('The camp of')));
  assert.deepEqual(linkPlaceDescriptions('The town was calm.', [], kb), []);
});
