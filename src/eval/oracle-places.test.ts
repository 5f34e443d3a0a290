import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGazetteer } from '../geo/gazetteer.js';
import { oraclePlaces } from './oracle-places.js';

test('gold places become extra gazetteer entries in the document country', async () => {
  const extra = oraclePlaces([{
    path: 'x.gold.yaml', name: 'x',
    documents: [{ id: 'd1', text: '', published: null, country: 'Syria', places: [{ names: ['Khirbet Zawiyeh', 'Khirbat al-Zawiya'], lat: 35.1, lon: 36.7, km: 15 }] }],
  }], (name) => (name === 'Syria' ? 'SY' : null));
  assert.deepEqual(extra, [{ name: 'Khirbet Zawiyeh', aliases: ['Khirbat al-Zawiya'], country: 'SY', lat: 35.1, lon: 36.7 }]);
  const gaz = await loadGazetteer([], extra);
  const hit = gaz.lookup('Khirbat al-Zawiya').find((e) => e.country === 'SY' && e.lat === 35.1);
  assert.ok(hit, 'the alias finds the extra entry');
  assert.equal(hit.kind, 'village');
});
