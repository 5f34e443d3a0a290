import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropLocativeStates, isLocativeMention } from './locative-states.js';
import { parsed } from '../syntax/fixtures.test-helper.js';
import type { ActorOut } from '../analysis/types.js';

// Sentences written for this test.
const TEXT = 'Drones struck targets in Ruritania. Ruritania condemned the strikes. Gunmen attacked Karmel, in Borduria\'s north.';
const s1 = parsed(TEXT, `
  Drones NOUN NNS drone 2 nsubj
  struck VERB VBD strike 0 root
  targets NOUN NNS target 2 obj
  in ADP IN in 5 case
  Ruritania PROPN NNP Ruritania 2 obl
  . PUNCT . . 2 punct`);
const s2 = parsed(TEXT, `
  Ruritania PROPN NNP Ruritania 2 nsubj
  condemned VERB VBD condemn 0 root
  the DET DT the 4 det
  strikes NOUN NNS strike 2 obj
  . PUNCT . . 2 punct`, s1.end);
const s3 = parsed(TEXT, `
  Gunmen NOUN NNS gunman 2 nsubj
  attacked VERB VBD attack 0 root
  Karmel PROPN NNP Karmel 2 obj
  , PUNCT , , 8 punct
  in ADP IN in 8 case
  Borduria PROPN NNP Borduria 8 nmod:poss
  's PART POS 's 6 case
  north NOUN NN north 2 obl
  . PUNCT . . 2 punct`, s2.end);
const syntax = [s1, s2, s3];
const sentences = syntax.map((s, i) => ({ start: s.start, end: s.end, text: TEXT.slice(s.start, s.end), paragraph: 0, i }));
const span = (word: string, from = 0) => { const start = TEXT.indexOf(word, from); return { start, end: start + word.length, text: word }; };
const places = new Set(['north', 'province']);

test('a state in a locative phrase or owning a place noun is named as a location; as a subject it acts', () => {
  assert.equal(isLocativeMention(syntax, sentences, span('Ruritania'), places), true);
  assert.equal(isLocativeMention(syntax, sentences, span('Ruritania', s2.start), places), false);
  assert.equal(isLocativeMention(syntax, sentences, span('Borduria'), places), true);
});

test('a state only ever named as a location is dropped; one that acts somewhere stays', () => {
  const actors: ActorOut[] = [
    { id: 'a1', name: 'Ruritania', kind: 'state', aliases: ['Ruritania'], kb_id: null, mentions: [span('Ruritania'), span('Ruritania', s2.start)] },
    { id: 'a2', name: 'Borduria', kind: 'state', aliases: ['Borduria'], kb_id: null, mentions: [span('Borduria')] },
    { id: 'a3', name: 'Gunmen', kind: 'armed-group', aliases: ['Gunmen'], kb_id: null, mentions: [span('Gunmen')] },
  ];
  const out = dropLocativeStates({ actors, mentions: [] }, syntax, sentences, places, TEXT);
  assert.deepEqual(out.actors.map((a) => [a.id, a.name]), [['a1', 'Ruritania'], ['a2', 'Gunmen']]);
});
