import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGazetteer } from './gazetteer.js';
import { curatedPlaceCountries } from './place-countries.js';

test('countries come from capitalised country and governorate names, not from villages or lower-case words', async () => {
  const gaz = await loadGazetteer([]);
  assert.deepEqual([...curatedPlaceCountries(gaz, 'Police in Diyala province arrested two men.')], ['IQ']);
  assert.deepEqual([...curatedPlaceCountries(gaz, 'Talks between Syria and Iraq resumed.')].sort(), ['IQ', 'SY']);
  assert.deepEqual([...curatedPlaceCountries(gaz, 'They served turkey and rice.')], []);
});
