import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatFeats } from './conllu.js';
import { deriveFeats } from './features.js';
import { attackedAndSeized, didntStrikeOrShell, killedByIs, noCivilians, orderedToLeave, parsed, woundedAndEvacuated, withoutFiring } from './fixtures.test-helper.js';
import type { ParsedSentence } from './types.js';

const featsOf = (s: ParsedSentence, form: string): string => formatFeats(s.tokens.find((t) => t.text === form)!.feats);

describe('deriveFeats', () => {
  it('passive participles, finite past verbs with agreement, nouns, numbers', () => {
    const s = killedByIs();
    assert.equal(featsOf(s, 'killed'), 'Tense=Past|VerbForm=Part|Voice=Pass');
    assert.equal(featsOf(s, 'were'), 'Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin');
    // Agreement through the relative pronoun: "an attack that targeted".
    assert.equal(featsOf(s, 'targeted'), 'Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin|Voice=Act');
    assert.equal(featsOf(s, 'fighters'), 'Number=Plur');
    assert.equal(featsOf(s, 'IS'), 'Number=Sing');
    assert.equal(featsOf(s, 'Five'), 'NumForm=Word|NumType=Card');
    assert.equal(featsOf(s, 'an'), 'Definite=Ind|PronType=Art');
    assert.equal(featsOf(s, 'that'), 'PronType=Rel');
    assert.equal(featsOf(s, 'by'), '_');
  });

  it('negation, infinitives, pronouns', () => {
    const s = didntStrikeOrShell();
    assert.equal(featsOf(s, "n't"), 'Polarity=Neg');
    assert.equal(featsOf(s, 'strike'), 'VerbForm=Inf|Voice=Act');
    assert.equal(featsOf(s, 'They'), 'Case=Nom|Number=Plur|Person=3|PronType=Prs');
    assert.equal(featsOf(s, 'did'), 'Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin');
    assert.equal(featsOf(noCivilians(), 'No'), 'Polarity=Neg|PronType=Neg');
  });

  it('conjoined passives, gerunds vs participles, imperatives, degree', () => {
    assert.equal(featsOf(woundedAndEvacuated(), 'evacuated'), 'Tense=Past|VerbForm=Part|Voice=Pass');
    // UD English: an adverbial -ing clause is a participle, an -ing complement a gerund.
    assert.equal(featsOf(withoutFiring(), 'firing'), 'Tense=Pres|VerbForm=Part|Voice=Act');
    assert.equal(featsOf(attackedAndSeized(), 'killing'), 'Tense=Pres|VerbForm=Part|Voice=Act');
    const stopped = parsed('Rebels stopped shelling the town.', `
      Rebels NOUN NNS rebel 2 nsubj
      stopped VERB VBD stop 0 root
      shelling VERB VBG shell 2 xcomp
      the DET DT the 5 det
      town NOUN NN town 3 obj
      . PUNCT . . 2 punct`);
    assert.equal(featsOf(stopped, 'shelling'), 'VerbForm=Ger|Voice=Act');
    assert.equal(featsOf(stopped, 'stopped'), 'Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin|Voice=Act');
    const wounded = parsed('The wounded men had attacked and looted.', `
      The DET DT the 3 det
      wounded VERB VBN wound 3 amod
      men NOUN NNS man 5 nsubj
      had AUX VBD have 5 aux
      attacked VERB VBN attack 0 root
      and CCONJ CC and 7 cc
      looted VERB VBN loot 5 conj
      . PUNCT . . 5 punct`);
    assert.equal(featsOf(wounded, 'wounded'), 'Tense=Past|VerbForm=Part|Voice=Pass');
    assert.equal(featsOf(wounded, 'attacked'), 'Tense=Past|VerbForm=Part|Voice=Act');
    assert.equal(featsOf(wounded, 'looted'), 'Tense=Past|VerbForm=Part|Voice=Act');
    assert.equal(featsOf(orderedToLeave(), 'leave'), 'VerbForm=Inf|Voice=Act');
    const imp = parsed('Hold the line at all costs.', `
      Hold VERB VB hold 0 root
      the DET DT the 3 det
      line NOUN NN line 1 obj
      at ADP IN at 6 case
      all DET DT all 6 det
      costs NOUN NNS cost 1 obl
      . PUNCT . . 1 punct`);
    assert.equal(featsOf(imp, 'Hold'), 'Mood=Imp|VerbForm=Fin|Voice=Act');
    const prog = parsed('Rebels were shelling larger towns.', `
      Rebels NOUN NNS rebel 3 nsubj
      were AUX VBD be 3 aux
      shelling VERB VBG shell 0 root
      larger ADJ JJR large 5 amod
      towns NOUN NNS town 3 obj
      . PUNCT . . 3 punct`);
    assert.equal(featsOf(prog, 'shelling'), 'Tense=Pres|VerbForm=Part|Voice=Act');
    assert.equal(featsOf(prog, 'larger'), 'Degree=Cmp');
  });

  it('shares frozen objects between words with the same features and tolerates ragged input', () => {
    const f = deriveFeats(['NOUN', 'NOUN'], ['NN', 'NN'], ['a', 'b'], ['a', 'b'], [-1, 0], ['root', 'compound']);
    assert.equal(f[0], f[1]);
    assert.ok(Object.isFrozen(f[0]));
    const odd = deriveFeats(['X'], ['VBD'], [], ['\u0000😀'], [7], ['nsubj']);
    assert.equal(odd.length, 1);
    assert.equal(deriveFeats([], [], [], [], [], []).length, 0);
  });
});
