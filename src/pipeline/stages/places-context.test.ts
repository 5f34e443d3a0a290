// Place names read through the words around them: datelines in capitals, governorate cues that
// stand apart from the name, broadcasters named after a place, possessives inside actor names,
// and loose spellings where a country is named only in passing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadGazetteer } from '../../geo/gazetteer.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Mention } from '../stage.js';
import stage from './places.js';

const lexicon = (name: string) => parse(readFileSync(new URL(`../../../packs/core/lexicon/${name}.yaml`, import.meta.url), 'utf8')) as unknown;
const kb: KnowledgeBase = {
  packs: ['test'], actors: new Map(), places: new Map(), relationTypes: new Map(),
  lexicons: new Map([['place-stopwords', lexicon('place-stopwords')], ['place-cues', lexicon('place-cues')]]),
  gazetteer: await loadGazetteer([]),
};

function run(text: string, mentions: Mention[] = []) {
  const doc = { id: 't', title: null, published: null, source: null, url: null, language: 'en', text };
  return stage.run({ document: doc, layers: { mentions }, kb }).places!;
}

test('a dateline in capitals names its cities; the mention keeps the text as written', () => {
  const places = run('Port talks stall\n\nSANAA/ADEN, July 3 (Wire) - Delegates from Yemen met again.');
  const sanaa = places.find((p) => p.mentions[0]!.text === 'SANAA');
  const aden = places.find((p) => p.mentions[0]!.text === 'ADEN');
  assert.equal(sanaa?.country, 'YE');
  assert.equal(aden?.country, 'YE');
});

test('an acronym opening a paragraph is no dateline', () => {
  assert.equal(run('Talks resumed.\nNATO, the alliance, said it would help Iraq.').filter((p) => p.country !== 'IQ').length, 0);
});

test('"the province of X" and "X, Y and Z provinces" mean the governorates', () => {
  const list = run('The forces hold much of Hasakah, Raqqa and Deir ez-Zor provinces.');
  assert.deepEqual(list.map((p) => `${p.name}/${p.kind}`), ['Al-Hasakah/admin1', 'Raqqa/admin1', 'Deir ez-Zor/admin1']);
  const before = run('Clashes broke out in the southern province of Daraa on Sunday.');
  assert.deepEqual(before.map((p) => p.kind), ['admin1']);
  assert.deepEqual(run('Clashes broke out in Daraa on Sunday.').map((p) => p.kind), ['city']);
});

test('a broadcaster named after a city is no place', () => {
  assert.deepEqual(run('The speech was aired by Aleppo television on Monday.'), []);
  assert.equal(run('The speech was aired in Aleppo on Monday.').length, 1);
});

test('a place before a possessive inside an actor name is still a place', () => {
  const text = "Iraq's parliament met on Monday.";
  const actor: Mention = { start: 0, end: 17, text: "Iraq's parliament", type: 'actor', kind: 'government-body', via: 'pack', sentence: 0 };
  assert.deepEqual(run(text, [actor]).map((p) => p.name), ['Iraq']);
});

test('a loose spelling is not matched in a country the text names only in passing', () => {
  // "Maqous" is spelled loosely like a Jordanian village; the text's places are Syrian.
  const text = 'Gunmen stormed Maqous on Sunday. Fighters from Daraa and Suwayda joined them, troops came from Damascus, and Jordan closed its border.';
  assert.ok(!run(text).some((p) => p.country === 'JO' && p.kind !== 'country'));
});

test('the Bekaa and the Litani are regions of Lebanon', () => {
  const places = run('Strikes hit the Bekaa Valley and villages south of the Litani River in Lebanon.');
  assert.deepEqual(places.filter((p) => p.kind === 'region').map((p) => `${p.name}/${p.country}`), ['Bekaa Valley/LB', 'Litani River/LB']);
});
