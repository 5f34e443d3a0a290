// Predicate–argument structure read from the parse (PropBank-style proto-roles): who acts
// (agent), who or what undergoes (patient), the obliques with their case words (place, time,
// instrument are the frame's business), negation, and the predicate that governs this one
// ("prevented a bombing", "said that ... attacked"). For verbs and for event nouns with their
// own arguments ("the attack by IS on the checkpoint", "IS's attack", "the killing of five").
// Each argument says which grammatical path it came from, for `--explain`.
import type { ParsedSentence, SyntaxToken } from './types.js';
import { agentOf, caseOf, childOf, childrenOf, headOf, isNegated, objectOf, subjectOf, voiceOf } from './tree.js';

export type Argument = {
  token: SyntaxToken;
  /** The grammatical path: "nsubj", "obl:agent", "by-phrase", "nmod:poss", "of-phrase", "relative clause", ... */
  via: string;
};

export type Oblique = { token: SyntaxToken; relation: string; case: string | null };

export type PredicateArguments = {
  predicate: SyntaxToken;
  kind: 'verb' | 'noun';
  voice: 'active' | 'passive';
  negated: boolean;
  /** The one who acts, with its conjuncts ("SDF and coalition forces raided"). */
  agents: Argument[];
  /** The one acted on, with its conjuncts. */
  patients: Argument[];
  /** Prepositional and bare-noun modifiers: "in Raqqa", "on Tuesday", "east of Deir ez-Zor". */
  obliques: Oblique[];
  /** The predicate whose argument or complement this one is, and how ("obj" of "prevented", "ccomp" of "said"). */
  governor: { token: SyntaxToken; relation: string } | null;
};

const OBLIQUE = new Set(['obl', 'obl:tmod', 'obl:npmod', 'obl:unmarked', 'nmod', 'nmod:tmod', 'nmod:npmod', 'nmod:unmarked']);
/** Case words that mark the undergoer of an event noun: "attack on X", "killing of X", "campaign against X". */
const NOUN_PATIENT_CASES = new Set(['on', 'of', 'against', 'upon']);
/** Relations by which a predicate sits under a governing predicate. */
const GOVERNED = new Set(['obj', 'nsubj', 'nsubj:pass', 'xcomp', 'ccomp', 'csubj', 'advcl', 'obl', 'conj']);

function withConjuncts(sentence: ParsedSentence, first: Argument | null): Argument[] {
  if (!first) return [];
  const out = [first];
  for (const c of childrenOf(sentence, first.token, 'conj')) out.push({ token: c, via: `${first.via} + conj` });
  return out;
}

function verbArguments(sentence: ParsedSentence, v: SyntaxToken): Pick<PredicateArguments, 'agents' | 'patients' | 'voice'> {
  const voice = voiceOf(sentence, v);
  const head = headOf(sentence, v);
  // A participle modifying a noun: "fighters killed in the strike" (passive: the noun undergoes),
  // "gunmen attacking the convoy" (active: the noun acts).
  // (A verb with a subject of its own is a clause, however the parser labelled it.)
  if (v.deprel === 'acl' && head && !childOf(sentence, v, 'nsubj', 'nsubj:pass')) {
    // A passive participle takes no direct object: "gunmen opened fire" tagged VBN is a past tense.
    if (v.xpos === 'VBN' && !childOf(sentence, v, 'obj')) {
      const by = agentOf(sentence, v);
      return { voice: 'passive', agents: withConjuncts(sentence, by ? { token: by, via: 'by-phrase' } : null), patients: withConjuncts(sentence, { token: head, via: 'modified noun (participle)' }) };
    }
    const obj = objectOf(sentence, v);
    return { voice, agents: withConjuncts(sentence, { token: head, via: 'modified noun (participle)' }), patients: withConjuncts(sentence, obj ? { token: obj, via: 'obj' } : null) };
  }
  const subject = subjectOf(sentence, v);
  const subjectVia = subject ? (subject.head === v.id ? subject.deprel : v.deprel === 'acl:relcl' ? 'relative clause' : `${v.deprel} → subject`) : '';
  if (voice === 'passive') {
    const by = agentOf(sentence, v);
    return {
      voice,
      agents: withConjuncts(sentence, by ? { token: by, via: by.deprel === 'obl:agent' ? 'obl:agent' : 'by-phrase' } : null),
      patients: withConjuncts(sentence, subject ? { token: subject, via: subjectVia } : null),
    };
  }
  const obj = objectOf(sentence, v);
  return {
    voice,
    agents: withConjuncts(sentence, subject ? { token: subject, via: subjectVia } : null),
    patients: withConjuncts(sentence, obj ? { token: obj, via: obj.head === v.id ? 'obj' : 'obj (shared by conjuncts)' } : null),
  };
}

function nounArguments(sentence: ParsedSentence, n: SyntaxToken): Pick<PredicateArguments, 'agents' | 'patients' | 'voice'> {
  const poss = childrenOf(sentence, n, 'nmod:poss')[0];
  const nmods = childrenOf(sentence, n, 'nmod');
  const by = nmods.find((m) => caseOf(sentence, m) === 'by');
  const patient = nmods.find((m) => NOUN_PATIENT_CASES.has(caseOf(sentence, m) ?? ''));
  // "the attack by IS on the checkpoint", "IS's attack", "the killing of five".
  const agent = by ? { token: by, via: 'by-phrase' } : poss ? { token: poss, via: 'nmod:poss' } : null;
  return {
    voice: 'active',
    agents: withConjuncts(sentence, agent),
    patients: withConjuncts(sentence, patient ? { token: patient, via: `${caseOf(sentence, patient)}-phrase` } : null),
  };
}

export function predicateArguments(sentence: ParsedSentence, predicate: SyntaxToken): PredicateArguments {
  const kind = predicate.upos === 'NOUN' || predicate.upos === 'PROPN' ? 'noun' : 'verb';
  const core = kind === 'noun' ? nounArguments(sentence, predicate) : verbArguments(sentence, predicate);
  const taken = new Set([...core.agents, ...core.patients].map((a) => a.token.id));
  const obliques: Oblique[] = [];
  for (const c of childrenOf(sentence, predicate)) {
    if (!OBLIQUE.has(c.deprel) || taken.has(c.id)) continue;
    obliques.push({ token: c, relation: c.deprel, case: caseOf(sentence, c) ?? null });
  }
  const head = headOf(sentence, predicate);
  const governor = head && GOVERNED.has(predicate.deprel) && (head.upos === 'VERB' || head.upos === 'NOUN' || head.upos === 'ADJ')
    ? { token: head, relation: predicate.deprel } : null;
  return { predicate, kind, ...core, negated: kind === 'verb' ? isNegated(sentence, predicate) : negatedNoun(sentence, predicate), obliques, governor };
}

/** "no attack", "without agreement": an event noun negated by its determiner or its case word. */
function negatedNoun(sentence: ParsedSentence, n: SyntaxToken): boolean {
  if (childrenOf(sentence, n, 'det').some((d) => d.text.toLowerCase() === 'no')) return true;
  return caseOf(sentence, n) === 'without';
}
