import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { predicateArguments } from './arguments.js';
import { attackedAndSeized, didNotStrike, killedByIs, parsed, woundedAndEvacuated } from './fixtures.test-helper.js';
import { loadSyntaxModel } from './model.js';
import { parseSpan } from '../pipeline/stages/syntax.js';
import type { ParsedSentence } from './types.js';

const tok = (s: ParsedSentence, text: string) => s.tokens.find((t) => t.text === text)!;
const texts = (args: { token: { text: string } }[]) => args.map((a) => a.token.text);

// Sentences written for these tests; trees by hand (CoNLL-style 1-based heads).
const RELATIVE = 'An attack that killed five fighters hit the checkpoint.';
const relative = () => parsed(RELATIVE, `
  An DET DT a 2 det
  attack NOUN NN attack 7 nsubj
  that PRON WDT that 4 nsubj
  killed VERB VBD kill 2 acl:relcl
  five NUM CD five 6 nummod
  fighters NOUN NNS fighter 4 obj
  hit VERB VBD hit 0 root
  the DET DT the 9 det
  checkpoint NOUN NN checkpoint 7 obj
  . PUNCT . . 7 punct`);
const EVENT_NOUN = "The attack by IS on the checkpoint and IS's raid on the camp failed.";
const eventNoun = () => parsed(EVENT_NOUN, `
  The DET DT the 2 det
  attack NOUN NN attack 15 nsubj
  by ADP IN by 4 case
  IS PROPN NNP IS 2 nmod
  on ADP IN on 7 case
  the DET DT the 7 det
  checkpoint NOUN NN checkpoint 2 nmod
  and CCONJ CC and 11 cc
  IS PROPN NNP IS 11 nmod:poss
  's PART POS 's 9 case
  raid NOUN NN raid 2 conj
  on ADP IN on 14 case
  the DET DT the 14 det
  camp NOUN NN camp 11 nmod
  failed VERB VBD fail 0 root
  . PUNCT . . 15 punct`);
const PARTICIPLE = 'Fighters killed in the strike were buried.';
const participle = () => parsed(PARTICIPLE, `
  Fighters NOUN NNS fighter 7 nsubj:pass
  killed VERB VBN kill 1 acl
  in ADP IN in 5 case
  the DET DT the 5 det
  strike NOUN NN strike 2 obl
  were AUX VBD be 7 aux:pass
  buried VERB VBN bury 0 root
  . PUNCT . . 7 punct`);
const PREVENTED = 'Police prevented a bombing in the city.';
const prevented = () => parsed(PREVENTED, `
  Police NOUN NNS police 2 nsubj
  prevented VERB VBD prevent 0 root
  a DET DT a 4 det
  bombing NOUN NN bombing 2 obj
  in ADP IN in 7 case
  the DET DT the 7 det
  city NOUN NN city 4 nmod
  . PUNCT . . 2 punct`);

describe('predicate arguments', () => {
  it('passive: the by-agent acts, the subject undergoes; obliques keep their case word', () => {
    const s = killedByIs();
    const a = predicateArguments(s, tok(s, 'killed'));
    assert.equal(a.voice, 'passive');
    assert.deepEqual(texts(a.agents), ['IS']);
    assert.deepEqual(texts(a.patients), ['fighters']);
    assert.deepEqual(a.obliques.map((o) => `${o.case} ${o.token.text}`), ['in attack']);
    // The relative clause "that targeted a checkpoint": its agent is the attack it modifies.
    const t = predicateArguments(s, tok(s, 'targeted'));
    assert.deepEqual(texts(t.agents), ['attack']);
    assert.equal(t.agents[0]!.via, 'relative clause');
    assert.deepEqual(texts(t.patients), ['checkpoint']);
  });

  it('a relative clause\'s object is the victim, never the actor ("an attack that killed five fighters")', () => {
    const s = relative();
    const a = predicateArguments(s, tok(s, 'killed'));
    assert.deepEqual(texts(a.agents), ['attack']);
    assert.deepEqual(texts(a.patients), ['fighters']);
  });

  it('negation and conjoined verbs sharing subject and object', () => {
    const s = didNotStrike();
    assert.equal(predicateArguments(s, tok(s, 'strike')).negated, true);
    const c = attackedAndSeized();
    const seized = predicateArguments(c, tok(c, 'seized'));
    assert.deepEqual(texts(seized.agents), ['fighters']);
    assert.deepEqual(texts(seized.patients), ['town']);
    const attacked = predicateArguments(c, tok(c, 'attacked'));
    assert.deepEqual(texts(attacked.patients), ['town'], 'the object after both verbs is shared');
  });

  it('a passive conjunct shares its head\'s subject and agent', () => {
    const s = woundedAndEvacuated();
    const e = predicateArguments(s, tok(s, 'evacuated'));
    assert.equal(e.voice, 'passive');
    assert.deepEqual(texts(e.patients), ['soldiers']);
    assert.deepEqual(texts(e.agents), ['medics']);
  });

  it('event nouns: "by" and the possessor act, "on"/"of" mark the undergoer; conjuncts pass through', () => {
    const s = eventNoun();
    const attack = predicateArguments(s, tok(s, 'attack'));
    assert.equal(attack.kind, 'noun');
    assert.deepEqual(texts(attack.agents), ['IS']);
    assert.deepEqual(texts(attack.patients), ['checkpoint']);
    const raid = predicateArguments(s, s.tokens[10]!);
    assert.deepEqual(texts(raid.agents), ['IS']);
    assert.equal(raid.agents[0]!.via, 'nmod:poss');
    assert.deepEqual(texts(raid.patients), ['camp']);
  });

  it('a passive participle modifying a noun: the noun undergoes', () => {
    const s = participle();
    const k = predicateArguments(s, tok(s, 'killed'));
    assert.equal(k.voice, 'passive');
    assert.deepEqual(texts(k.patients), ['Fighters']);
    assert.deepEqual(k.agents, []);
    assert.deepEqual(k.obliques.map((o) => o.case), ['in']);
  });

  it('a governed event noun names its governor ("prevented a bombing")', () => {
    const s = prevented();
    const b = predicateArguments(s, tok(s, 'bombing'));
    assert.equal(b.governor?.token.text, 'prevented');
    assert.equal(b.governor?.relation, 'obj');
    assert.deepEqual(b.obliques.map((o) => `${o.case} ${o.token.text}`), ['in city']);
  });

  it('reads the trained model\'s parse of a plain news sentence', () => {
    const model = loadSyntaxModel();
    const text = 'The attack by IS on the checkpoint killed two guards.';
    // As in the pipeline: the pack's acronym "IS" is a proper noun, not the verb.
    const s = parseSpan(model, text, 0, text.length, new Map([['IS', 'PROPN|NNP']]));
    const attack = predicateArguments(s, tok(s, 'attack'));
    assert.deepEqual(texts(attack.agents), ['IS']);
    assert.deepEqual(texts(attack.patients), ['checkpoint']);
    const killed = predicateArguments(s, tok(s, 'killed'));
    assert.deepEqual(texts(killed.patients), ['guards']);
  });
});
