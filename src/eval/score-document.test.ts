import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyAnalysis, type Analysis } from '../analysis/types.js';
import type { GoldDocument } from './gold-types.js';
import { scoreDocument } from './score-document.js';

const text = 'On 3 March 2021, the Islamic State attacked an army post in Palmyra, killing four soldiers.';

function analysis(eventPlace: { lat: number; lon: number }, fatalities: number): Analysis {
  const a = emptyAnalysis({ id: 'd', title: null, published: '2021-03', source: null, url: null, language: 'en', text });
  a.actors.push({ id: 'a1', name: 'Islamic State', kind: 'armed-group', aliases: ['IS'], kb_id: 'islamic-state', mentions: [] });
  a.places.push({ id: 'pl1', name: 'Palmyra', kind: 'city', country: 'SY', admin1: null, ...eventPlace, geonames_id: null, mentions: [{ start: 61, end: 68, text: 'Palmyra' }] });
  a.events.push({
    id: 'e1', type: 'attack', acled: null, plover: null, date: { start: '2021-03-03', end: '2021-03-03', precision: 'day', text: '3 March 2021' },
    place: 'pl1', actors: [{ actor: 'a1', role: 'perpetrator' }], fatalities: { min: fatalities, max: fatalities }, modality: 'asserted',
    source: null, summary: 'IS attack in Palmyra', evidence: [], confidence: 0.8,
  });
  return a;
}

const gold: GoldDocument = {
  id: 'd', text, published: '2021-03',
  actors: [{ names: ['Islamic State', 'ISIS'] }],
  places: [{ names: ['Palmyra', 'Tadmur'], lat: 34.56, lon: 38.27, km: 25 }],
  events: [{ what: 'IS attack on Palmyra post', types: ['attack', 'armed-clash'], date: '2021-03-03', place: 'Palmyra', actors: ['ISIS'], fatalities_min: 4 }],
};

test('an event matching type, date, place, actor and fatalities is found', () => {
  const s = scoreDocument(gold, analysis({ lat: 34.55, lon: 38.28 }, 4));
  assert.equal(s.events?.goldFound, 1);
  assert.equal(s.events?.outputMatched, 1);
  assert.equal(s.places?.goldFound, 1);
});

test('a miss names the checks the nearest output event fails', () => {
  // Placed in Damascus (over 200 km away) with the wrong death toll.
  const s = scoreDocument(gold, analysis({ lat: 33.51, lon: 36.29 }, 3));
  assert.equal(s.events?.goldFound, 0);
  assert.deepEqual(s.events?.misses, ['IS attack on Palmyra post — nearest event fails: place, fatalities — place (got Palmyra, want Palmyra); fatalities (got 3, want 4)']);
  assert.match(s.places?.misses[0] ?? '', /^Palmyra \(found at .* km off, allowed 25\)$/);
});

test('a document with no output event says so', () => {
  const a = analysis({ lat: 34.55, lon: 38.28 }, 4);
  a.events = [];
  assert.deepEqual(scoreDocument(gold, a).events?.misses, ['IS attack on Palmyra post — no event']);
});

test('roles are scored on matched events whose gold says who carried out the act', () => {
  const right = scoreDocument({ ...gold, events: [{ ...gold.events![0]!, by: ['ISIS'] }] }, analysis({ lat: 34.55, lon: 38.28 }, 4));
  assert.deepEqual([right.roles?.goldTotal, right.roles?.goldFound], [1, 1]);
  const a = analysis({ lat: 34.55, lon: 38.28 }, 4);
  a.events[0]!.actors = [{ actor: 'a1', role: 'target' }];
  const inverted = scoreDocument({ ...gold, events: [{ ...gold.events![0]!, by: ['ISIS'] }] }, a);
  assert.deepEqual([inverted.roles?.goldTotal, inverted.roles?.goldFound], [1, 0]);
  assert.match(inverted.roles?.misses[0] ?? '', /by ISIS; got Islamic State=target/);
  // No `by`: no roles to score.
  assert.equal(scoreDocument(gold, a).roles, undefined);
});
