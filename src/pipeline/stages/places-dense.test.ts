// Places at village density: with an imported gazetteer of many small places, one word that is
// also a village needs evidence, namesakes are told apart by the places around them and by the
// stated governorate, and "X near Y" binds X to Y's surroundings. Villages are invented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadGazetteer } from '../../geo/gazetteer.js';
import { parseGeonamesLine } from '../../geo/geonames-row.js';
import { dumpLine } from '../../geo/zip-test-support.js';
import type { PackPlace } from '../../knowledge/pack-types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import stage from './places.js';

const lexicon = (name: string) => parse(readFileSync(new URL(`../../../packs/core/lexicon/${name}.yaml`, import.meta.url), 'utf8')) as unknown;
const filter = { countries: null, featureClasses: new Set(['P', 'A']) };
const rows = [
  // Namesakes: one in Aleppo governorate (code 09), one in Al-Hasakah (01), one in Daraa (06).
  dumpLine({ id: 9_300_001, name: 'Tall Zuzuwah', lat: 36.40, lon: 37.50, cc: 'SY', admin1: '09' }),
  dumpLine({ id: 9_300_002, name: 'Tall Zuzuwah', lat: 37.00, lon: 41.20, cc: 'SY', admin1: '01' }),
  dumpLine({ id: 9_300_003, name: 'Tall Zuzuwah', lat: 32.80, lon: 36.10, cc: 'SY', admin1: '06' }),
  // Two villages near each other in Al-Hasakah, and a namesake of one of them far away.
  dumpLine({ id: 9_300_010, name: 'Qirqiriyah', alt: ['القرقرية'], lat: 36.60, lon: 40.50, cc: 'SY', admin1: '01' }),
  dumpLine({ id: 9_300_011, name: 'Shaykh Mizmiz', lat: 36.63, lon: 40.55, cc: 'SY', admin1: '01' }),
  dumpLine({ id: 9_300_012, name: 'Shaykh Mizmiz', lat: 35.10, lon: 36.70, cc: 'SY', admin1: '10' }),
  // Villages whose names are also words of running text.
  dumpLine({ id: 9_300_020, name: 'Tower', lat: 34.0, lon: 43.0, cc: 'IQ' }),
  dumpLine({ id: 9_300_021, name: 'Hamas', lat: 31.8, lon: 48.6, cc: 'IR' }),
  dumpLine({ id: 9_300_022, name: 'Zarzurah', lat: 36.62, lon: 40.52, cc: 'SY', admin1: '01' }),
].map((l) => { const p = parseGeonamesLine(l, filter); if (!('row' in p)) throw new Error('bad row'); return p.row; });

// The pack's places say which countries this deployment reports on (the prior for villages).
const camp: PackPlace = { id: 'zuzu-camp', name: 'Zuzu camp', kind: 'camp', aliases: [], country: 'SY', lat: 36.0, lon: 40.0 };
const kb: KnowledgeBase = {
  packs: ['test'], actors: new Map(), places: new Map([[camp.id, camp]]), relationTypes: new Map(),
  lexicons: new Map([['place-stopwords', lexicon('place-stopwords')], ['place-cues', lexicon('place-cues')]]),
  gazetteer: await loadGazetteer([camp], [], rows),
};

function run(text: string) {
  const doc = { id: 't', title: null, published: null, source: null, url: null, language: 'en', text };
  return stage.run({ document: doc, layers: { mentions: [] }, kb }).places!;
}
const ids = (text: string) => run(text).map((p) => p.geonames_id);

test('among namesakes the one inside the governorate the paragraph names wins, and the others are kept as beaten', () => {
  const [p] = run('Regime forces shelled Tall Zuzuwah in Daraa Governorate on Monday.');
  assert.equal(p!.geonames_id, 9_300_003);
  assert.deepEqual(p!.beaten?.map((b) => b.geonames_id).sort(), [9_300_001, 9_300_002]);
});

test('among namesakes the one nearest the other places of the paragraph wins', () => {
  assert.ok(ids('Fighters moved from Qirqiriyah to Shaykh Mizmiz overnight.').includes(9_300_011));
});

test('"X near Y" puts X by Y: a namesake far from Y is not meant, and an unknown X is kept near Y', () => {
  const near = run('Turkish drones struck Shaykh Mizmiz near Qirqiriyah.');
  assert.ok(near.some((p) => p.geonames_id === 9_300_011));
  assert.ok(!near.some((p) => p.geonames_id === 9_300_012));
  const unknown = run('Turkish drones struck the village of Tall Zuzuwah near Qirqiriyah.');
  const z = unknown.find((p) => p.name.includes('Zuzuwah'))!;
  assert.equal(z.geonames_id, null, 'no Tall Zuzuwah lies within reach of Qirqiriyah');
  assert.equal(z.precision, 'near');
  assert.equal(z.lat, 36.6);
});

test('one word known only as a dense-gazetteer village needs evidence: a locative word, or a place nearby', () => {
  assert.deepEqual(ids('The Tower was hit twice. Hamas said it would respond.'), []);
  assert.deepEqual(ids('Hamas fighters and Hamas officials met.'), []);
  assert.ok(ids('Shelling hit the village of Zarzurah overnight.').includes(9_300_022));
  assert.ok(ids('Shelling hit Zarzurah and Qirqiriyah overnight.').includes(9_300_022), 'two such villages 2 km apart vouch for each other');
});

test('Arabic text finds a village by its Arabic-script name, with the Arabic words that say it is a place', () => {
  assert.ok(ids('قصفت القوات التركية قرية القرقرية أمس.').includes(9_300_010));
  assert.ok(ids('سقطت قذائف في قرقرية أمس.').includes(9_300_010), 'without the article');
});
