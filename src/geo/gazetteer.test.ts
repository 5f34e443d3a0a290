import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGazetteer } from './gazetteer.js';
import type { PackPlace } from '../knowledge/pack-types.js';

const pack: PackPlace[] = [
  { id: 'palmyra', name: 'Palmyra', kind: 'town', aliases: ['Tadmor'], country: 'SY', admin1: 'Homs', lat: 34.5624, lon: 38.284, geonames: 163808 },
  { id: 'test-camp', name: 'Test camp', kind: 'camp', aliases: ['Zuzu camp'], country: 'SY', lat: 36.0, lon: 40.0 },
];
const gaz = await loadGazetteer(pack);

test('finds Syrian and Iraqi towns under their romanisations', () => {
  const ids = (s: string) => gaz.lookup(s).map((e) => e.id);
  assert.ok(ids('Quamishli').includes('gn:173377'));
  assert.ok(ids('Al-Mayadeen').includes('gn:173480'));
  assert.ok(ids('Mosul').includes('gn:99072'));
  assert.ok(ids('Ain Issa').includes('gn:172134'));
  assert.ok(ids('Tal Tamer').includes('gn:163434'));
  const saraqeb = gaz.match?.('Saraqab');
  assert.equal(saraqeb?.loose, true, 'only the skeleton matches Sarāqib');
  assert.ok(saraqeb?.entries.some((e) => e.id === 'gn:164816'));
  assert.equal(gaz.lookup('Iranian').length, 0, 'a demonym is not a loose match for Iran');
});

test('countries, governorates and world cities', () => {
  assert.equal(gaz.lookup('Syrian Arab Republic')[0]?.id, 'country:SY');
  assert.ok(gaz.lookup('the US').some((e) => e.id === 'country:US'));
  const deir = gaz.lookup('Dayr az Zawr');
  assert.ok(deir.some((e) => e.kind === 'admin1' && e.country === 'SY'));
  assert.ok(deir.some((e) => e.kind === 'city' && e.geonames_id === 170794));
  assert.ok(gaz.lookup('Salahuddin').some((e) => e.id === 'admin1:IQ.18'));
  assert.ok(gaz.lookup('Paris').some((e) => e.country === 'FR'));
  assert.ok(gaz.lookup('Washington').some((e) => e.country === 'US'), 'short form of "Washington, D.C."');
});

test('a pack place absorbs its GeoNames twin', () => {
  const tadmur = gaz.lookup('Tadmur');
  assert.equal(tadmur.length, 1);
  assert.equal(tadmur[0]!.id, 'pack:palmyra');
  assert.ok(gaz.lookup('Zuzu camp').some((e) => e.id === 'pack:test-camp'));
  assert.equal(gaz.hasPrefix('Zuzu'), true);
  assert.equal(gaz.hasPrefix('Qqqxx'), false);
});
