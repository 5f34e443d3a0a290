// How the text around a name decides what it refers to: datelines, a capital read as a place or
// as its government, titles before pack names, possessives inside aliases, and the definite
// descriptions "the government", "the authorities", "the army". Invented countries and people.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureKnowledgeBase } from '../../knowledge/knowledge-base-fixture.js';
import type { PackActor } from '../../knowledge/pack-types.js';
import { splitSentences } from './sentences.js';
import { extractActors } from './actors.js';

const actors: PackActor[] = [
  { id: 'ruritania', name: 'Ruritania', kind: 'state', aliases: [], country: 'XR' },
  { id: 'gov-rur', name: 'Government of Ruritania', kind: 'government-body', aliases: ['Ruritanian government'], ambiguous: ['Strelsau'], country: 'XR',
    affiliations: [{ predicate: 'part_of', object: 'ruritania' }] },
  { id: 'rur-interior', name: 'Ministry of Interior (Ruritania)', kind: 'government-body', aliases: ['Ruritanian Interior Ministry'], country: 'XR',
    affiliations: [{ predicate: 'part_of', object: 'gov-rur' }] },
  { id: 'rur-parliament', name: 'Parliament of Ruritania', kind: 'government-body', aliases: ["Ruritania's parliament"], country: 'XR' },
  { id: 'rur-army', name: 'Ruritanian Army', kind: 'state-force', aliases: ['Ruritanian army'], country: 'XR' },
  { id: 'rur-police', name: 'Ruritanian Police', kind: 'state-force', aliases: ['Ruritanian police'], country: 'XR' },
  { id: 'graustark', name: 'Graustark', kind: 'state', aliases: [], country: 'XG' },
  { id: 'graustark-army', name: 'Graustark Army', kind: 'state-force', aliases: ['Graustarkian troops'], country: 'XG' },
  { id: 'yetive', name: 'Yetive Edelweiss', kind: 'person', aliases: ['President Yetive Edelweiss', 'UN envoy Yetive Edelweiss'], country: 'XG' },
  { id: 'amir-tarlenheim', name: 'Amir Tarlenheim', kind: 'person', aliases: [], country: 'XR' },
  { id: 'world-council', name: 'World Peace Council', kind: 'international-org', aliases: [], ambiguous: ['Peace Council'] },
];
const kb = fixtureKnowledgeBase(actors);

function run(text: string, published = '2025-02-01') {
  return extractActors(text, published, splitSentences(text, new Set()), [], kb).actors;
}
const mentionsOf = (out: ReturnType<typeof run>, id: string) => out.find((a) => a.kb_id === id)?.mentions.map((m) => m.text) ?? [];

describe('a capital read as a place or as its government', () => {
  it('leaves the city of a dateline alone, and links it where it acts', () => {
    const out = run('STRELSAU, March 3 (Wire) - The Ruritanian government met. Strelsau rejected the plan.');
    assert.deepEqual(mentionsOf(out, 'gov-rur'), ['Ruritanian government', 'Strelsau']);
  });

  it('reads it as a place after a locative and a compass word, before a place word, and as the target of violence', () => {
    const text = 'The Ruritanian government met. A bomb went off in eastern Strelsau. Strelsau countryside was calm. Rockets struck Strelsau. Strelsau denied it.';
    assert.deepEqual(mentionsOf(run(text), 'gov-rur'), ['Ruritanian government', 'Strelsau']);
  });

  it('links it where the document names the state or its people, even when the document is mostly about another country', () => {
    const text = 'Graustark said Graustarkian troops would stay. Graustark and its army are ready. Ruritania is watching, and Strelsau judges the risk too high.';
    assert.deepEqual(mentionsOf(run(text), 'gov-rur'), ['Strelsau']);
    const viaPerson = 'Graustark said Graustarkian troops would stay. Graustark is ready. Amir Tarlenheim warned that Strelsau judges the risk too high.';
    assert.deepEqual(mentionsOf(run(viaPerson), 'gov-rur'), ['Strelsau']);
    assert.deepEqual(mentionsOf(run('Graustark said Graustarkian troops would stay. Graustark is ready, and Strelsau judges the risk too high.'), 'gov-rur'), []);
  });
});

describe('a name the pack knows but cannot place', () => {
  it('makes no new actor of an ambiguous pack name left unlinked', () => {
    assert.deepEqual(run('The Peace Council met in the capital on Monday.').map((a) => a.name), []);
    assert.deepEqual(run('The Harbour Council met in the capital on Monday.').map((a) => a.name), ['Harbour Council'], 'names the pack lacks are still found');
  });
});

describe('titles and possessives in pack aliases', () => {
  it('keeps a title that links a person\'s alias out of the name', () => {
    const out = run('UN envoy Yetive Edelweiss arrived. Later President Yetive Edelweiss spoke.');
    assert.deepEqual(mentionsOf(out, 'yetive'), ['Yetive Edelweiss', 'Yetive Edelweiss']);
    const amir = run('Amir Tarlenheim resigned.');
    assert.deepEqual(mentionsOf(amir, 'amir-tarlenheim'), ['Amir Tarlenheim'], 'a given name that is also a title stays');
  });

  it('matches an alias written with a possessive', () => {
    assert.deepEqual(mentionsOf(run("Ruritania's parliament voted on Monday."), 'rur-parliament'), ["Ruritania's parliament"]);
  });
});

describe('definite descriptions of governments and armies', () => {
  it('"the government" is the government named within reach rather than the state named last', () => {
    const out = run('The Ruritanian government sent envoys. Graustark warned it would act. The government replied on Sunday.');
    assert.deepEqual(mentionsOf(out, 'gov-rur'), ['Ruritanian government', 'The government']);
    assert.deepEqual(mentionsOf(out, 'graustark'), ['Graustark']);
  });

  it('"the authorities" after a ministry are the government it belongs to', () => {
    const out = run('The Ruritanian Interior Ministry imposed a curfew. Residents said the authorities had cut the power.');
    assert.deepEqual(mentionsOf(out, 'gov-rur'), ['the authorities']);
  });

  it('"the army" is the last force named as an army, not a nearer police force', () => {
    const out = run('The Ruritanian army moved north. Ruritanian police closed the roads. Residents said the army had shelled the hills.');
    assert.deepEqual(mentionsOf(out, 'rur-army'), ['Ruritanian army', 'the army']);
  });
});
