import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  agentOf, baseRelation, caseOf, childOf, childrenOf, clauseHead, clauseOf, dependentsByRelation, headOf, isNegated,
  objectOf, phraseWords, relationMatches, sentenceAt, sentenceIndexAt, subjectOf, subtree, subtreeSpan, tokenAt, voiceOf,
} from './tree.js';
import type { ParsedSentence, SyntaxToken } from './types.js';
import {
  ATTACKED_AND_SEIZED, attackedAndSeized, didNotStrike, didntStrikeOrShell, KILLED_BY_IS, killedByIs, noCivilians,
  ORDERED_TO_LEAVE, orderedToLeave, parsed, withoutFiring, woundedAndEvacuated,
} from './fixtures.test-helper.js';

const byForm = (s: ParsedSentence, form: string, nth = 0): SyntaxToken => {
  const t = s.tokens.filter((x) => x.text === form)[nth];
  assert.ok(t, `no token "${form}"`);
  return t;
};
const forms = (s: ParsedSentence, ids: readonly number[] | readonly SyntaxToken[]): string[] =>
  ids.map((x) => (typeof x === 'number' ? s.tokens[x]! : x).text);

describe('relation queries', () => {
  it('match a label exactly, or with ":*" the base and every subtype', () => {
    assert.equal(relationMatches('nsubj:pass', 'nsubj'), false);
    assert.equal(relationMatches('nsubj:pass', 'nsubj:*'), true);
    assert.equal(relationMatches('nsubj', 'nsubj:*'), true);
    assert.equal(relationMatches('nsubjx', 'nsubj:*'), false);
    assert.equal(relationMatches('obl:agent', 'obl:agent'), true);
    assert.equal(baseRelation('acl:relcl'), 'acl');
    assert.equal(baseRelation('obj'), 'obj');
  });
});

describe('tree navigation', () => {
  const s = killedByIs();
  const killed = byForm(s, 'killed');

  it('headOf, childrenOf (all, exact, by base) and dependentsByRelation', () => {
    assert.equal(headOf(s, byForm(s, 'fighters'))?.text, 'killed');
    assert.equal(headOf(s, killed), undefined);
    assert.deepEqual(forms(s, childrenOf(s, killed)), ['fighters', 'were', 'IS', 'attack', '.']);
    assert.deepEqual(forms(s, childrenOf(s, killed, 'nsubj')), []);
    assert.deepEqual(forms(s, childrenOf(s, killed, 'nsubj:*')), ['fighters']);
    assert.deepEqual(forms(s, childrenOf(s, killed.id, 'obl:*')), ['IS', 'attack']);
    assert.deepEqual(forms(s, childrenOf(s, killed, 'obl')), ['attack']);
    assert.equal(childOf(s, killed, 'aux:pass')?.text, 'were');
    const deps = dependentsByRelation(s, killed);
    assert.deepEqual([...deps.keys()], ['nsubj:pass', 'aux:pass', 'obl:agent', 'obl', 'punct']);
    assert.deepEqual(forms(s, deps.get('obl')!), ['attack']);
  });

  it('subtree ids in order and their character span', () => {
    const attack = byForm(s, 'attack');
    assert.deepEqual(forms(s, subtree(s, attack)), ['in', 'an', 'attack', 'that', 'targeted', 'a', 'checkpoint']);
    const span = subtreeSpan(s, attack);
    assert.equal(KILLED_BY_IS.slice(span.start, span.end), 'in an attack that targeted a checkpoint');
    const np = subtreeSpan(s, byForm(s, 'fighters'));
    assert.equal(KILLED_BY_IS.slice(np.start, np.end), 'Five SDF fighters');
    assert.equal(subtree(s, killed).length, s.tokens.length);
  });

  it('caseOf gives the preposition of an oblique, with fixed multiword prepositions', () => {
    assert.equal(caseOf(s, byForm(s, 'IS')), 'by');
    assert.equal(caseOf(s, byForm(s, 'attack')), 'in');
    assert.equal(caseOf(s, killed), undefined);
    const t = parsed('They fled because of the shelling.', `
      They PRON PRP they 2 nsubj
      fled VERB VBD flee 0 root
      because ADP IN because 6 case
      of ADP IN of 3 fixed
      the DET DT the 6 det
      shelling NOUN NN shelling 2 obl
      . PUNCT . . 2 punct`);
    assert.equal(caseOf(t, byForm(t, 'shelling')), 'because of');
  });

  it('survives a malformed (cyclic) tree', () => {
    const bad = killedByIs();
    bad.tokens[4] = { ...bad.tokens[4]!, head: 2, deprel: 'acl' }; // killed → fighters → killed
    assert.ok(subtree(bad, 2).length >= 1);
    assert.equal(clauseHead(bad, 0)?.text, 'killed');
    bad.tokens[4] = { ...bad.tokens[4]!, deprel: 'nmod' };
    assert.equal(clauseHead(bad, 0), undefined);
    assert.doesNotThrow(() => subjectOf(bad, 4));
  });
});

describe('voice, negation, arguments', () => {
  it('a passive with an agent: voice, subject, agent, no object', () => {
    const s = killedByIs();
    const killed = byForm(s, 'killed');
    assert.equal(voiceOf(s, killed), 'passive');
    assert.equal(subjectOf(s, killed)?.text, 'fighters');
    assert.equal(agentOf(s, killed)?.text, 'IS');
    assert.equal(objectOf(s, killed), undefined);
    assert.equal(isNegated(s, killed), false);
  });

  it('a relative clause whose subject is a relative pronoun resolves to the modified noun', () => {
    const s = killedByIs();
    const targeted = byForm(s, 'targeted');
    assert.equal(voiceOf(s, targeted), 'active');
    assert.equal(subjectOf(s, targeted)?.text, 'attack');
    assert.equal(objectOf(s, targeted)?.text, 'checkpoint');
    assert.equal(agentOf(s, targeted), undefined);
  });

  it('"did not" negates the verb, and an aux carrying the negation counts too', () => {
    const s = didNotStrike();
    const strike = byForm(s, 'strike');
    assert.equal(isNegated(s, strike), true);
    assert.equal(voiceOf(s, strike), 'active');
    assert.equal(subjectOf(s, strike)?.text, 'coalition');
    assert.equal(objectOf(s, strike)?.text, 'camp');
    const misattached = didNotStrike();
    misattached.tokens[3] = { ...misattached.tokens[3]!, head: 2 }; // "not" under "did"
    assert.equal(isNegated(misattached, 4), true);
  });

  it("n't spreads over a bare conjunct; subject and object are shared across the conjuncts", () => {
    const s = didntStrikeOrShell();
    const strike = byForm(s, 'strike'), shell = byForm(s, 'shell');
    assert.equal(isNegated(s, strike), true);
    assert.equal(isNegated(s, shell), true);
    assert.equal(subjectOf(s, shell)?.text, 'They');
    assert.equal(objectOf(s, strike)?.text, 'base');
    assert.equal(objectOf(s, shell)?.text, 'base');
  });

  it('conjoined active verbs share the subject; an adverbial participle takes the main subject', () => {
    const s = attackedAndSeized();
    const attacked = byForm(s, 'attacked'), seized = byForm(s, 'seized'), killing = byForm(s, 'killing');
    assert.equal(subjectOf(s, seized)?.text, 'fighters');
    assert.equal(objectOf(s, seized)?.text, 'town');
    assert.equal(objectOf(s, attacked)?.text, 'town');
    assert.equal(subjectOf(s, killing)?.text, 'fighters');
    assert.equal(objectOf(s, killing)?.text, 'guards');
    assert.equal(voiceOf(s, seized), 'active');
    assert.equal(isNegated(s, attacked), false);
  });

  it('a bare participle conjoined to a passive is passive and shares the agent', () => {
    const s = woundedAndEvacuated();
    const wounded = byForm(s, 'wounded'), evacuated = byForm(s, 'evacuated');
    assert.equal(voiceOf(s, evacuated), 'passive');
    assert.equal(evacuated.feats.Voice, 'Pass');
    assert.equal(subjectOf(s, evacuated)?.text, 'soldiers');
    assert.equal(agentOf(s, evacuated)?.text, 'medics');
    assert.equal(agentOf(s, wounded)?.text, 'medics');
  });

  it('an xcomp takes the controlling object; "without" and "no" negate', () => {
    const s = orderedToLeave();
    assert.equal(subjectOf(s, byForm(s, 'leave'))?.text, 'residents');
    assert.equal(subjectOf(s, byForm(s, 'ordered'))?.text, 'army');
    const w = withoutFiring();
    assert.equal(isNegated(w, byForm(w, 'firing')), true);
    assert.equal(isNegated(w, byForm(w, 'advanced')), false);
    assert.equal(subjectOf(w, byForm(w, 'firing'))?.text, 'convoy');
    const n = noCivilians();
    assert.equal(isNegated(n, byForm(n, 'hurt')), true);
    assert.equal(voiceOf(n, byForm(n, 'hurt')), 'passive');
  });

  it('subjectOf an auxiliary is its predicate\'s subject', () => {
    const s = didNotStrike();
    assert.equal(subjectOf(s, byForm(s, 'did'))?.text, 'coalition');
  });
});

describe('clauses', () => {
  const s = orderedToLeave();
  it('clauseHead walks up to the nearest clause head', () => {
    assert.equal(clauseHead(s, byForm(s, 'area'))?.text, 'leave');
    assert.equal(clauseHead(s, byForm(s, 'army'))?.text, 'ordered');
    assert.equal(clauseHead(s, byForm(s, 'Officials'))?.text, 'said');
    assert.equal(clauseHead(s, byForm(s, 'said'))?.text, 'said');
    const c = attackedAndSeized();
    assert.equal(clauseHead(c, byForm(c, 'town'))?.text, 'seized');
  });

  it('clauseOf stays out of embedded and conjoined clauses', () => {
    assert.deepEqual(forms(s, clauseOf(s, byForm(s, 'Officials'))), ['Officials', 'said', '.']);
    assert.deepEqual(forms(s, clauseOf(s, byForm(s, 'residents'))), ['the', 'army', 'ordered', 'residents']);
    assert.deepEqual(forms(s, clauseOf(s, byForm(s, 'area'))), ['to', 'leave', 'the', 'area']);
    const c = attackedAndSeized();
    assert.deepEqual(forms(c, clauseOf(c, byForm(c, 'attacked'))), ['IS', 'fighters', 'attacked', '.']);
    const span = subtreeSpan(s, byForm(s, 'ordered'));
    assert.equal(ORDERED_TO_LEAVE.slice(span.start, span.end), 'the army ordered residents to leave the area');
  });
});

describe('lookup by offset', () => {
  const text = `${ATTACKED_AND_SEIZED} ${KILLED_BY_IS}`;
  const sentences = [
    parsed(text, ATTACKED_AND_SEIZED_ROWS()),
    parsed(text, KILLED_ROWS(), ATTACKED_AND_SEIZED.length + 1),
  ];
  it('finds the sentence and the token at a character offset', () => {
    assert.equal(sentenceIndexAt(sentences, 0), 0);
    assert.equal(sentenceIndexAt(sentences, text.indexOf('Five')), 1);
    assert.equal(sentenceAt(sentences, ATTACKED_AND_SEIZED.length), undefined); // the space between them
    assert.equal(tokenAt(sentences, text.indexOf('seized') + 2)?.text, 'seized');
    assert.equal(tokenAt(sentences, text.indexOf('checkpoint'))?.text, 'checkpoint');
    assert.equal(tokenAt(sentences, text.indexOf(' town')), undefined);
    assert.equal(tokenAt(sentences, text.length + 5), undefined);
    assert.equal(tokenAt([], 0), undefined);
  });
});

function ATTACKED_AND_SEIZED_ROWS(): string {
  return attackedAndSeized().tokens.map((t) => `${t.text} ${t.upos} ${t.xpos} ${t.lemma} ${t.head + 1} ${t.deprel}`).join('\n');
}
function KILLED_ROWS(): string {
  return killedByIs().tokens.map((t) => `${t.text} ${t.upos} ${t.xpos} ${t.lemma} ${t.head + 1} ${t.deprel}`).join('\n');
}

describe('phraseWords', () => {
  it('walks a phrase through the relations it is told to follow, head first', () => {
    const s = killedByIs();
    const fighters = s.tokens.find((t) => t.text === 'fighters')!;
    const ids = phraseWords(s, fighters, (c) => c.deprel === 'nummod' || c.deprel === 'compound');
    assert.equal(ids[0], fighters.id);
    assert.deepEqual(ids.map((id) => s.tokens[id]!.text).sort(), ['Five', 'SDF', 'fighters']);
  });
});
