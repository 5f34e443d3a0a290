import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadGazetteer } from '../../geo/gazetteer.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { PackPlace } from '../../knowledge/pack-types.js';
import type { Mention } from '../stage.js';
import stage from './places.js';

const lexicon = (name: string) => parse(readFileSync(new URL(`../../../packs/core/lexicon/${name}.yaml`, import.meta.url), 'utf8')) as unknown;
const packPlaces: PackPlace[] = [
  { id: 'al-hol-camp', name: 'Al-Hol camp', kind: 'camp', aliases: ['al-Hawl camp'], country: 'SY', admin1: 'Al-Hasakah', lat: 36.378, lon: 41.149 },
];
const kb: KnowledgeBase = {
  packs: ['test'], actors: new Map(), places: new Map(packPlaces.map((p) => [p.id, p])), relationTypes: new Map(),
  lexicons: new Map([['place-stopwords', lexicon('place-stopwords')], ['place-cues', lexicon('place-cues')]]),
  gazetteer: await loadGazetteer(packPlaces),
};

function run(text: string, mentions: Mention[] = []) {
  const doc = { id: 't', title: null, published: null, source: null, url: null, language: 'en', text };
  return stage.run({ document: doc, layers: { mentions }, kb });
}

test('ambiguous names resolve by the place the text puts them in', () => {
  const iq = run('Gunmen attacked Sinjar, Nineveh, on Monday.').places!;
  const sinjarIq = iq.find((p) => p.mentions[0]!.text === 'Sinjar');
  assert.equal(sinjarIq?.country, 'IQ');
  const sy = run('Shells fell on Sinjar in the Idlib countryside.').places!;
  const sinjarSy = sy.find((p) => p.mentions[0]!.text === 'Sinjar');
  assert.equal(sinjarSy?.country, 'SY');
  assert.ok(sinjarSy!.lat! < 36 && sinjarSy!.lon! < 37.5, 'the Syrian village, not the Iraqi town');
});

test('governorate cue, camps, countries and repeated mentions', () => {
  const text = 'Fighting in Deir ez-Zor province spread to Syria and Iraq. Families left the al-Hawl camp. Syria said more.';
  const out = run(text);
  const places = out.places!;
  const deir = places.find((p) => p.name === 'Deir ez-Zor');
  assert.equal(deir?.kind, 'admin1');
  assert.equal(deir?.precision, 'admin1');
  const syria = places.find((p) => p.name === 'Syria');
  assert.equal(syria?.mentions.length, 2);
  assert.equal(syria?.precision, 'country');
  assert.equal(places.find((p) => p.kind === 'camp')?.name, 'Al-Hol camp');
  assert.deepEqual(places.map((p) => p.id), places.map((_, k) => `pl${k + 1}`));
  assert.ok(out.mentions!.every((m) => m.type === 'place' && text.slice(m.start, m.end) === m.text));
  assert.ok(out.mentions!.some((m) => m.kbId === 'al-hol-camp' && m.via === 'pack'));
});

test('a village the gazetteer lacks is placed in its container', () => {
  const places = run('Two soldiers were killed in Zarqubiyya, rural Raqqa.').places!;
  const village = places.find((p) => p.name === 'Zarqubiyya');
  assert.ok(village, JSON.stringify(places));
  // "rural Raqqa" is the governorate's countryside: the village may lie anywhere in it.
  assert.equal(village.precision, 'admin1');
  assert.equal(village.geonames_id, null);
  assert.ok(Math.abs(village.lat! - 35.95) < 0.2 && Math.abs(village.lon! - 39.0) < 0.2);
});

test('common words, acronyms and names inside actor mentions are not places', () => {
  const text = 'Other sources said an IED hit the Deir ez-Zor Military Council near Mosul.';
  const actor: Mention = { start: 34, end: 62, text: 'Deir ez-Zor Military Council', type: 'actor', via: 'pack', sentence: 0 };
  assert.equal(text.slice(actor.start, actor.end), actor.text);
  const places = run(text, [actor]).places!;
  assert.deepEqual(places.map((p) => p.name), ['Mosul']);
});

test('sentence-initial English words, one-letter names and loose spellings are not places', () => {
  const places = run('Conversely, Damascus stayed calm. X said nothing. Such attacks are rare. Al-Naba newspaper praised them.').places!;
  assert.deepEqual(places.map((p) => p.name), ['Damascus']);
});

test("the document's countries outweigh population for small places", () => {
  // Ash Shajarah: a Syrian village (no population in GeoNames) and a Jordanian town of 11,000.
  for (const text of ['Shelling hit Ash Shajarah on Monday.', 'Shelling hit Ash Shajarah on Monday. Syria blamed the rebels.']) {
    const p = run(text).places!.find((x) => x.mentions[0]!.text === 'Ash Shajarah');
    assert.equal(p?.country, 'SY', text);
  }
  // A place named after its country: the document is about Jordan.
  const jo = run('Jordan closed its border. Police in Ash Shajarah arrested two men.').places!.find((x) => x.mentions[0]!.text === 'Ash Shajarah');
  assert.equal(jo?.country, 'JO');
});

test('containment uses the governorate; a lacking village keeps the container with honest precision', () => {
  const places = run('Gunmen killed a man in Zawiyat Nasr in Rural Damascus.').places!;
  const v = places.find((p) => p.name === 'Zawiyat Nasr');
  assert.equal(v?.precision, 'admin1');
  assert.equal(v?.admin1, 'Rif Dimashq');
  // The list shares its container; "Tal" alone is not a place in "Tal Qirmiz".
  const list = run('Jets struck rural Zarqubiyya and Tal Qirmiz in the Daraa countryside.').places!;
  assert.deepEqual(list.filter((p) => p.kind === 'village').map((p) => [p.name, p.admin1]), [['Zarqubiyya', 'Daraa'], ['Tal Qirmiz', 'Daraa']]);
  // A governorate in a list is no unknown village inside the next name.
  const gov = run('Attacks rose in Deir ez-Zor, Raqqa, and the Badia.').places!;
  assert.ok(gov.some((p) => p.name === 'Deir ez-Zor' && p.precision !== 'near'), JSON.stringify(gov));
});

test('a foreign namesake outside the container is rejected', () => {
  // Sinjar exists in Iraq (a pack town) and as a Syrian village in Idlib.
  const out = run('Troops entered Sinjar in Daraa province.').places!;
  const s = out.find((p) => p.mentions[0]!.text === 'Sinjar');
  assert.ok(!s || (s.country === 'SY' && s.admin1 === 'Daraa'), JSON.stringify(s));
});

test('a demonym is never a place, and a possessive does not hide the name', () => {
  const out = run('Iraqi officials met Syrian envoys. The leader was killed in Jasim, in southern Syria\'s Daraa province.');
  const names = out.places!.map((p) => p.name);
  assert.ok(!out.places!.some((p) => p.mentions.some((m) => /Iraqi|Syrian/.test(m.text))), names.join(', '));
  const syria = out.places!.find((p) => p.country === 'SY' && p.kind === 'country');
  assert.ok(syria && syria.mentions.some((m) => m.text === 'Syria'), names.join(', '));
});

const mentionOf = (places: ReturnType<typeof run>['places'], text: string) => places!.find((p) => p.mentions.some((m) => m.text === text));

test('a stated container binds: a namesake outside it gives way to an unknown name at the container', () => {
  // "X area west of Y": Syria's Sinjar (Idlib) lies 65 km from Salamiyah, in another governorate.
  const far = mentionOf(run('Clashes broke out in the Sinjar area west of Salamiyah.').places, 'Sinjar');
  assert.equal(far?.geonames_id, null, JSON.stringify(far));
  assert.equal(far?.precision, 'near');
  assert.ok(Math.abs(far!.lat! - 35.01) < 0.05 && Math.abs(far!.lon! - 37.05) < 0.05, 'at Salamiyah');
  // East of Maarat al-Numan it is the Idlib village.
  const near = mentionOf(run('Shells hit the Sinjar area east of Maarat al-Numan.').places, 'Sinjar');
  assert.ok(near?.geonames_id && near.country === 'SY' && near.admin1 === 'Idlib', JSON.stringify(near));
});

test('a partial match of a longer name outside the container keeps the whole name', () => {
  const places = run('A mine exploded in the Bab al Nasr area in Deir ez-Zor province.').places!;
  const whole = mentionOf(places, 'Bab al Nasr');
  assert.ok(whole && whole.admin1 === 'Deir ez-Zor' && whole.geonames_id === null, JSON.stringify(places));
  assert.ok(!places.some((p) => p.name === 'Al Bāb'), 'not Al-Bab in Aleppo');
});

test('another name in parentheses is the same place; a remark in parentheses is skipped', () => {
  // "Zap" alone is a village in Turkey; "(Amadiya)" says which place is meant.
  const places = run('Jets hit Kuniska village (local name) in Zap (Amadiya) district of Duhok.').places!;
  assert.ok(!places.some((p) => p.country === 'TR'), JSON.stringify(places));
  const amadiya = mentionOf(places, 'Amadiya');
  assert.ok(amadiya?.mentions.some((m) => m.text === 'Zap'), JSON.stringify(places));
  const village = mentionOf(places, 'Kuniska');
  assert.ok(village && village.precision === 'near' && village.lat === amadiya!.lat, JSON.stringify(places));
});

test('a street named after a town is a site of the city it is in', () => {
  // Tadef is a town 45 km from Manbij: "Tadef street of Manbij city" is in Manbij.
  const places = run('A car bomb exploded on Tadef street of Manbij city.').places!;
  const street = mentionOf(places, 'Tadef');
  const city = mentionOf(places, 'Manbij');
  assert.ok(street && city && street.lat === city.lat && street.lon === city.lon && street.precision === 'near', JSON.stringify(places));
});

test('"X region of Y" does not reject a known town just across the border of Y', () => {
  // Mergasur lies in Erbil governorate, next to Duhok's.
  const p = mentionOf(run('Drones struck targets in the Mergasur region of Duhok.').places, 'Mergasur');
  assert.ok(p?.geonames_id && p.admin1 === 'Erbil', JSON.stringify(p));
});

test('a village abroad needs the document to name its country', () => {
  // "Zap" is only a small Turkish village in the gazetteer, 35 km from Amadiya.
  const iq = run('Airstrikes hit Zap overnight. Families fled to Amadiya in Duhok province.').places!;
  assert.ok(!iq.some((p) => p.country === 'TR'), JSON.stringify(iq));
  const tr = run('Turkey said its jets hit Zap overnight. Families fled to Amadiya in Duhok province.').places!;
  assert.equal(mentionOf(tr, 'Zap')?.country, 'TR');
});

test('bodies and actors are no unknown places; "Y city" is the city, not its governorate', () => {
  const telecom = run('Staff of the Qasioun Telecom in Aleppo went on strike.').places!;
  assert.ok(!telecom.some((p) => p.mentions.some((m) => /Telecom/.test(m.text))), JSON.stringify(telecom));
  const text = 'Fighting pitted the Hamza Division against Zakiyeh Fighters at Shuyukh in Idlib city.';
  const actor: Mention = { start: 43, end: 59, text: 'Zakiyeh Fighters', type: 'actor', via: 'pattern', sentence: 0 };
  assert.equal(text.slice(actor.start, actor.end), actor.text);
  const places = run(text, [actor]).places!;
  assert.ok(!places.some((p) => p.mentions.some((m) => m.text.includes('Zakiyeh'))), JSON.stringify(places));
  const v = mentionOf(places, 'Shuyukh');
  assert.equal(v?.precision, 'near', JSON.stringify(places));
});

// A gazetteer with a few extra villages, to test names the GeoNames extract lacks: two named
// like English words, one like a person, one far out in its governorate with no admin1 code.
const extraKb: KnowledgeBase = {
  ...kb,
  gazetteer: await loadGazetteer(packPlaces, [
    { name: 'Bright', country: 'SY', lat: 35.85, lon: 36.55 },
    { name: 'Steady', country: 'IQ', lat: 34.2, lon: 43.9 },
    { name: 'Abu Hamam', country: 'SY', lat: 34.85, lon: 40.55 },
    { name: 'Umm Jurn', country: 'SY', lat: 35.6, lon: 37.95 },
  ]),
};
function runExtra(text: string, mentions: Mention[] = []) {
  const doc = { id: 't', title: null, published: null, source: null, url: null, language: 'en', text };
  return stage.run({ document: doc, layers: { mentions }, kb: extraKb }).places!;
}

test('a name that is also an English word is a place only inside the place the text puts it in', () => {
  const inside = mentionOf(runExtra('Jets bombed Bright in Idlib province at night.'), 'Bright');
  assert.ok(inside && inside.lat === 35.85 && inside.country === 'SY', JSON.stringify(inside));
  // No container: the word is an adjective as far as anyone can tell.
  assert.equal(mentionOf(runExtra('Jets bombed Bright targets at night near Idlib.'), 'Bright'), undefined);
  // A container it does not lie in: no place, and no unknown village called "Steady" either.
  assert.equal(mentionOf(runExtra('Shells fell on Steady in Idlib province.'), 'Steady'), undefined);
});

test('a known place read as a person is the place after "the outskirts of", "the town of", before "area"', () => {
  const person = (text: string): Mention => {
    const start = text.indexOf('Abu Hamam');
    return { start, end: start + 'Abu Hamam'.length, text: 'Abu Hamam', type: 'person', via: 'pattern', sentence: 0 };
  };
  for (const text of ['Patrols were seen on the outskirts of Abu Hamam in the eastern countryside of Deir ez-Zor.', 'Patrols were seen in the Abu Hamam area.']) {
    const p = mentionOf(runExtra(text, [person(text)]), 'Abu Hamam');
    assert.ok(p && p.lat === 34.85, text);
  }
  const speech = 'Abu Hamam spoke to fighters in Deir ez-Zor.';
  assert.equal(mentionOf(runExtra(speech, [person(speech)]), 'Abu Hamam'), undefined);
});

test('a city that shares its name with its governorate stands for the governorate as container', () => {
  // Umm Jurn (no admin1 code here) lies 115 km from Hama city, inside Hama governorate.
  const gov = mentionOf(runExtra('Gunmen attacked Umm Jurn in Hama.'), 'Umm Jurn');
  assert.ok(gov && gov.lat === 35.6, JSON.stringify(gov));
  // "Hama city": the city itself, and a village that far is not in it.
  const city = mentionOf(runExtra('Gunmen attacked Umm Jurn in Hama city.'), 'Umm Jurn');
  assert.ok(city && city.lat !== 35.6 && city.geonames_id === null, JSON.stringify(city));
});

test('a front or axis named after a village, and "X and surrounding areas", lie in what follows', () => {
  for (const text of ['Clashes broke out on the Maarzita front in the southern countryside of Idlib.', 'Clashes broke out on the Maarzita axis, rural Idlib.',
    'Turkish guns shelled Maarzita and surrounding areas in the northern countryside of Aleppo.']) {
    const p = mentionOf(run(text).places, 'Maarzita');
    assert.ok(p && p.precision === 'admin1' && p.geonames_id === null, text);
  }
});

test('a known name that begins a longer one, with no container, is not that place', () => {
  // "Manbij Kebir" is no name of Manbij: the gazetteer lacks it and nothing vouches for it.
  assert.equal(mentionOf(run('A sniper killed a farmer in Manbij Kebir on Sunday.').places, 'Manbij'), undefined);
  // A run ending in a site word is a site of the named place.
  for (const text of ['Rockets fell near the Manbij Air Base on Sunday.', 'Rockets fell near the Manbij Central Prison on Sunday.']) {
    assert.ok(mentionOf(run(text).places, 'Manbij'), text);
  }
});

test('"in front of X" does not make a person a place', () => {
  const text = 'Gunmen shot a guard in front of Abu Hamam and fled.';
  const start = text.indexOf('Abu Hamam');
  const person: Mention = { start, end: start + 9, text: 'Abu Hamam', type: 'person', via: 'pattern', sentence: 0 };
  assert.equal(mentionOf(runExtra(text, [person]), 'Abu Hamam'), undefined);
});
