// Which speech act a quotation belongs to, read from the dependency tree: the speech verb whose
// clausal complement, object or parataxis the quotation is ("X said: “…”", "“…,” said X",
// "“…,” X said", "X called it “…”", "X said the army was “…”"), the X of "according to X, “…”",
// or the speech noun it stands beside ("a statement from X: “…”"); and who that act's speaker
// is in the tree (the verb's subject, the according-to phrase, the noun's owner). Which actor
// that phrase names is speaker-resolution.ts's business.
import type { ParsedSentence, SyntaxToken } from '../syntax/types.js';
import { caseOf, childOf, childrenOf, headOf, subjectOf } from '../syntax/tree.js';

export type SpeechWords = {
  /** Word forms of verbs that report words ("said", "told", "warned", "according"). */
  verbs: ReadonlySet<string>;
  /** Lemmas of nouns that stand for words said or written ("statement", "speech", "recording"). */
  nouns: ReadonlySet<string>;
  /** Word forms of verbs that name something in the speaker's words ("called it “…”", "described X as “…”"). */
  naming: ReadonlySet<string>;
  /**
   * Lemmas of nouns that speak for the body named beside them ("a Houthi official", "a
   * spokesman for X", "the group's media office"), unlike "an analyst in Baghdad".
   */
  roles: ReadonlySet<string>;
  /** Of those, the lemmas naming a body rather than a person ("ministry", "command", "office"). */
  bodies: ReadonlySet<string>;
};

export type Governor = {
  /** The speech verb (or speech noun) whose words the quotation is. */
  predicate: SyntaxToken;
  /** The phrase naming the speaker in this sentence; undefined when the tree names none. */
  speaker: SyntaxToken | undefined;
  via: 'subject' | 'according-to' | 'inverted object' | 'noun owner' | 'none';
  /** A naming verb: the quotation is what the speaker called something. */
  naming: boolean;
};

/** Relations by which a speech clause may hang under the quotation it reports. */
const DOWN = ['parataxis:*', 'conj', 'advcl:*', 'dep', 'ccomp', 'xcomp'];
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

export function isSpeechVerb(t: SyntaxToken, words: SpeechWords): boolean {
  if (t.upos !== 'VERB' && !(t.upos === 'AUX' && t.deprel === 'root')) return false;
  const form = t.text.toLowerCase();
  return words.verbs.has(form) || words.naming.has(form);
}

export function isSpeechNoun(t: SyntaxToken, words: SpeechWords): boolean {
  return (t.upos === 'NOUN' || t.upos === 'PROPN') && words.nouns.has(t.lemma.toLowerCase());
}

/** Tokens of the sentence inside [start, end), the quotation marks just outside it included. */
function insideIds(sentence: ParsedSentence, start: number, end: number): Set<number> {
  const ids = new Set<number>();
  for (const t of sentence.tokens) if (t.start >= start - 1 && t.end <= end + 1) ids.add(t.id);
  return ids;
}

/** The words of a phrase's case marker as written ("according to"), lower-cased. */
function caseWords(sentence: ParsedSentence, t: SyntaxToken): string {
  const c = childOf(sentence, t, 'case');
  return c ? [c, ...childrenOf(sentence, c, 'fixed')].map((w) => w.text.toLowerCase()).join(' ') : '';
}

/** The X of "according to X" among a token's dependents, outside the quotation. */
function accordingTo(sentence: ParsedSentence, t: SyntaxToken, inside: Set<number>): SyntaxToken | undefined {
  return childrenOf(sentence, t).find((c) => !inside.has(c.id) && /^according(?: to)?$/.test(caseWords(sentence, c)));
}

/** The owner of a speech noun in its own phrase: "the ministry's statement", "a statement from/by/of X", "the Iraqi statement". */
export function nounOwner(sentence: ParsedSentence, noun: SyntaxToken, inside: ReadonlySet<number> = new Set()): SyntaxToken | undefined {
  const kids = childrenOf(sentence, noun).filter((c) => !inside.has(c.id));
  const poss = kids.find((c) => c.deprel === 'nmod:poss');
  if (poss) return poss;
  const nmod = kids.find((m) => m.deprel === 'nmod' && /^(?:of|from|by)$/.test(caseOf(sentence, m) ?? ''));
  if (nmod) return nmod;
  const named = kids.find((m) => (m.deprel === 'amod' || m.deprel === 'compound') && (m.upos === 'PROPN' || (m.upos === 'ADJ' && /^\p{Lu}/u.test(m.text))));
  if (named) return named;
  // "the statement, signed/issued by the general command".
  for (const acl of kids.filter((k) => k.deprel === 'acl' && k.xpos === 'VBN')) {
    const by = childrenOf(sentence, acl, 'obl', 'obl:agent').find((o) => !inside.has(o.id) && caseOf(sentence, o) === 'by');
    if (by) return by;
  }
  return undefined;
}

/**
 * The subject of a speech verb. "Lion Front commander Omar Haddad said", "the UN force UNIFIL
 * said" may come out as two subjects: the name (nearest the verb) speaks; one with a preposition
 * ("ministry of defense") is a modifier misread.
 */
export function speechSubject(sentence: ParsedSentence, verb: SyntaxToken, inside: ReadonlySet<number> = new Set()): SyntaxToken | undefined {
  const own = childrenOf(sentence, verb, 'nsubj', 'nsubj:pass').filter((c) => !inside.has(c.id) && !childOf(sentence, c, 'case'));
  return own.length > 1
    ? own.sort((a, b) => Number(b.upos === 'PROPN') - Number(a.upos === 'PROPN') || Math.abs(a.id - verb.id) - Math.abs(b.id - verb.id))[0]
    : subjectOf(sentence, verb);
}

function speakerOfVerb(sentence: ParsedSentence, verb: SyntaxToken, inside: Set<number>, quoteEnd: number): Pick<Governor, 'speaker' | 'via'> {
  const own = childrenOf(sentence, verb, 'nsubj', 'nsubj:pass').filter((c) => !inside.has(c.id));
  // "Reuters quoted X as saying “…”": the one quoted speaks.
  const governing = headOf(sentence, verb);
  if (governing && governing.lemma.toLowerCase() === 'quote' && verb.xpos === 'VBG') {
    const quotedOne = childOf(sentence, governing, 'obj');
    if (quotedOne && !inside.has(quotedOne.id)) return { speaker: quotedOne, via: 'subject' };
  }
  // "…, emphasizing “…”", "he said, adding that …" (read as xcomp or ccomp): a participle without a
  // subject of its own speaks for the subject of the verb it hangs on.
  if (verb.xpos === 'VBG' && own.length === 0 && /^(?:xcomp|ccomp|conj|parataxis|dep)$/.test(verb.deprel)) {
    const h = headOf(sentence, verb);
    const hs = h && subjectOf(sentence, h);
    if (hs && !inside.has(hs.id)) return { speaker: hs, via: 'subject' };
  }
  const subject = speechSubject(sentence, verb, inside);
  if (subject && !inside.has(subject.id)) return { speaker: subject, via: 'subject' };
  // "“…,” said X": the parser sometimes reads the inverted subject as an object.
  if (verb.start > quoteEnd) {
    const obj = childrenOf(sentence, verb, 'obj', 'nsubj:*').find((c) => c.id > verb.id && !inside.has(c.id));
    if (obj) return { speaker: obj, via: 'inverted object' };
  }
  const according = accordingTo(sentence, verb, inside);
  if (according) return { speaker: according, via: 'according-to' };
  return { speaker: undefined, via: 'none' };
}

/**
 * The speech act the quotation [start, end) of this sentence belongs to, or null when the tree
 * ties it to none. Up from the quotation's top words: the nearest speech verb it hangs under
 * (a complement, object, xcomp or parataxis of it, at any depth); down: a speech verb hanging
 * under the quotation itself ("“…,” he said" read as parataxis); beside it: "according to X" or
 * a speech noun it is attached to. The nearest in the tree wins.
 */
export function governingSpeech(sentence: ParsedSentence, start: number, end: number, words: SpeechWords): Governor | null {
  const inside = insideIds(sentence, start, end);
  const anchors = sentence.tokens.filter((t) => inside.has(t.id) && t.upos !== 'PUNCT' && (t.head < 0 || !inside.has(t.head)));
  if (anchors.length === 0) return null;
  let best: { g: Governor; dist: number } | null = null;
  const offer = (g: Governor, dist: number) => { if (!best || dist < best.dist) best = { g, dist }; };
  for (const a of anchors) {
    // "according to X, “…”" attached to the quotation's own head.
    const own = accordingTo(sentence, a, inside);
    if (own) offer({ predicate: a, speaker: own, via: 'according-to', naming: false }, 0.5);
    // Up the heads.
    let dist = 1;
    let below: SyntaxToken = a;
    for (let h = headOf(sentence, a), steps = 0; h && steps <= sentence.tokens.length; below = h, h = headOf(sentence, h), steps++, dist++) {
      if (inside.has(h.id)) continue;
      // "X said A, and residents carried banners reading “…”": a clause conjoined to the speech verb
      // with a subject of its own in the narration is not what was said ("said that A and that “B”" is).
      if (below.deprel === 'conj' && isSpeechVerb(h, words) && !childOf(sentence, below, 'mark')
        && childrenOf(sentence, below, 'nsubj', 'nsubj:pass', 'expl').some((c) => !inside.has(c.id))) break;
      if (isSpeechVerb(h, words)) {
        // Naming only what the verb names itself: "called it “…”", "described X as “…”".
        offer({ predicate: h, ...speakerOfVerb(sentence, h, inside, end), naming: dist === 1 && words.naming.has(h.text.toLowerCase()) }, dist);
        break;
      }
      const according = accordingTo(sentence, h, inside);
      if (according) { offer({ predicate: h, speaker: according, via: 'according-to', naming: false }, dist + 0.5); break; }
      if (dist === 1 && isSpeechNoun(h, words)) {
        const owner = nounOwner(sentence, h, inside);
        offer({ predicate: h, speaker: owner, via: owner ? 'noun owner' : 'none', naming: false }, dist);
        break;
      }
    }
    // Down: a speech clause hung on the quotation's head ("“…,” he said" read as parataxis), two arcs at most.
    const queue: { t: SyntaxToken; d: number }[] = childrenOf(sentence, a, ...DOWN).filter((c) => !inside.has(c.id)).map((t) => ({ t, d: 1 }));
    while (queue.length) {
      const { t, d } = queue.shift()!;
      if (isSpeechVerb(t, words)) {
        offer({ predicate: t, ...speakerOfVerb(sentence, t, inside, end), naming: false }, d + 0.25);
        continue;
      }
      if (d < 2) for (const c of childrenOf(sentence, t, ...DOWN)) if (!inside.has(c.id)) queue.push({ t: c, d: d + 1 });
    }
  }
  return best === null ? null : (best as { g: Governor }).g;
}

/** Is the token a personal pronoun standing for a speaker ("he", "she", "they", "it")? */
export function isPronoun(t: SyntaxToken): boolean {
  return t.upos === 'PRON' && PRONOUN_SUBJECTS.has(t.text.toLowerCase());
}
