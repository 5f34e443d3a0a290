// Which actor a speaker phrase of the parse names. In order: an actor mention on the phrase's
// head ("Adm. Brad Cooper": the person, not the rank); a pronoun ("he", "they", "it") through
// the persons and speakers before it; a person in apposition ("the group's spokesman, X"); an
// actor named inside the phrase ("a statement from the ministry", "a Houthi official"); an
// adjective or name that stands for an actor elsewhere in the document ("Iraqi officials"); a
// speech noun ("the statement said") through whoever issued that statement; a definite
// description ("the ministry", "the observatory") through the last actor whose name has that
// noun. Unnamed speakers ("one diplomat", "officials") stay unknown.
import type { ActorKind, ActorOut } from '../analysis/types.js';
import type { Sentence } from '../pipeline/stage.js';
import type { ParsedSentence, SyntaxToken } from '../syntax/types.js';
import { childrenOf, headOf, subtree, subtreeSpan } from '../syntax/tree.js';
import { isPronoun, isSpeechNoun, isSpeechVerb, nounOwner, speechSubject, type SpeechWords } from './quote-attribution.js';

export type ActorMention = { start: number; end: number; text: string; actor: ActorOut };

export type SpeakerScope = {
  text: string;
  sentences: readonly Sentence[];
  syntax: readonly ParsedSentence[];
  /** Actor mentions outside quotations, in text order. */
  mentions: readonly ActorMention[];
  words: SpeechWords;
  /** The speaker of the last attributed quotation before, with where it was said. */
  lastSpeaker: { actor: ActorOut; at: number; paragraph: number } | null;
};

/** Sentences back that a pronoun or a speech noun looks for what it stands for. */
const PRONOUN_REACH = 3;
const NOUN_REACH = 12;
const NOUN_CHARS = 3000;
/** Characters back that a definite description looks for its actor. */
const DESCRIPTION_REACH = 2500;
const NON_ISSUERS: ReadonlySet<ActorKind> = new Set(['person', 'population', 'media', 'other']);
const PERSONAL = new Set(['he', 'she', 'him', 'her']);
/** A possessive pronoun stands for what its subject form would. */
const POSSESSIVE: Readonly<Record<string, string>> = { its: 'it', their: 'they', his: 'he' };

type Found = { actor: ActorOut | null; how: 'named' | 'pronoun' | 'description' | 'unnamed' };

/** Participles that give a phrase its name ("an officer named X", "a commander called X", "a man identified as X"). */
const NAMING_PARTICIPLES = new Set(['named', 'called', 'identified', 'known']);

/** The span of a name's head with the words that make up the name with it (flat, compound). */
function nameSpan(sentence: ParsedSentence, t: SyntaxToken): { start: number; end: number } {
  let start = t.start, end = t.end;
  for (const c of childrenOf(sentence, t, 'flat', 'flat:*', 'compound', 'goeswith')) {
    if (c.upos !== 'PROPN' && c.upos !== 'NOUN') continue;
    start = Math.min(start, c.start); end = Math.max(end, c.end);
  }
  return { start, end };
}

function mentionsIn(scope: SpeakerScope, start: number, end: number): ActorMention[] {
  return scope.mentions.filter((m) => m.start < end && start < m.end);
}

/** The longest mention overlapping the head word itself, preferring one that covers it. */
function mentionOnHead(scope: SpeakerScope, sentence: ParsedSentence, t: SyntaxToken): ActorMention | undefined {
  const onHead = mentionsIn(scope, t.start, t.end);
  const hits = onHead.length ? onHead : (t.upos === 'PROPN' ? mentionsIn(scope, nameSpan(sentence, t).start, nameSpan(sentence, t).end) : []);
  // "Iranian Foreign Ministry Spokesperson Esmail Baghaei" parsed with the title as head: the
  // person named in the phrase speaks, not the body in its title.
  const person = (m: ActorMention) => (m.actor.kind === 'person' ? 1 : 0);
  return hits.sort((a, b) => (onHead.length ? 0 : person(b) - person(a)) || (b.end - b.start) - (a.end - a.start))[0];
}

function sentenceIndexOf(scope: SpeakerScope, sentence: ParsedSentence): number {
  let lo = 0, hi = scope.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = scope.sentences[mid]!;
    if (sentence.start < s.start) hi = mid - 1;
    else if (sentence.start >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Ids under the token, leaving out relative clauses and clauses ("X, who said ..."). */
function phraseIds(sentence: ParsedSentence, t: SyntaxToken): number[] {
  const skip = new Set<number>();
  for (const id of subtree(sentence, t)) {
    const u = sentence.tokens[id]!;
    if (id !== t.id && /^(?:acl|acl:relcl|advcl|ccomp|parataxis)$/.test(u.deprel)) for (const k of subtree(sentence, u)) skip.add(k);
  }
  return subtree(sentence, t).filter((id) => !skip.has(id));
}

/** An actor an adjective or name stands for elsewhere in the document ("Iraqi" → the Iraqi forces named so). */
function sameSurface(scope: SpeakerScope, t: SyntaxToken): ActorOut | null {
  if (!/^\p{Lu}/u.test(t.text)) return null;
  const same = scope.mentions.filter((m) => m.text === t.text);
  return (same.filter((m) => m.start < t.start).at(-1) ?? same[0])?.actor ?? null;
}

/**
 * The actor a speaker phrase names, how it was found ('named', through a 'pronoun' or a
 * 'description'), or null with 'unnamed'.
 */
export function resolveSpeaker(scope: SpeakerScope, sentence: ParsedSentence, t: SyntaxToken, depth = 0): Found {
  const head = mentionOnHead(scope, sentence, t);
  if (head) return { actor: head.actor, how: 'named' };
  if (isPronoun(t)) return { actor: resolvePronoun(scope, sentence, t, depth), how: 'pronoun' };
  // "its news agency, which said" read as a subject outside a relative clause: the noun before it.
  if (/^(?:which|who|that)$/i.test(t.text) && (t.xpos === 'WDT' || t.xpos === 'WP') && depth <= 2) {
    const before = sentence.tokens.slice(0, t.id).reverse().find((u) => u.upos !== 'PUNCT');
    if (before && (before.upos === 'NOUN' || before.upos === 'PROPN')) return resolveSpeaker(scope, sentence, before, depth + 1);
  }
  const ids = phraseIds(sentence, t);
  const tokenAt = (id: number) => sentence.tokens[id]!;
  const overlaps = (m: ActorMention, id: number) => tokenAt(id).start < m.end && m.start < tokenAt(id).end;
  const inPhrase = scope.mentions.filter((m) => ids.some((id) => overlaps(m, id)));
  // "the group's spokesman, X": the person in apposition.
  const appositions = childrenOf(sentence, t, 'appos').flatMap((a) => subtree(sentence, a));
  const person = inPhrase.find((m) => m.actor.kind === 'person' && appositions.some((id) => overlaps(m, id)));
  if (person) return { actor: person.actor, how: 'named' };
  // "One Iranian officer named Ali Fadavi said": the person a participle of the phrase names.
  const namedBy = childrenOf(sentence, t, 'acl').filter((a) => NAMING_PARTICIPLES.has(a.text.toLowerCase())).flatMap((a) => subtree(sentence, a));
  const namedPerson = scope.mentions.find((m) => m.actor.kind === 'person' && namedBy.some((id) => overlaps(m, id)));
  if (namedPerson) return { actor: namedPerson.actor, how: 'named' };
  // "its spokesperson, Abu X" where the parse lost the apposition: a person named right after the phrase.
  if (t.upos === 'NOUN' && ids.length) {
    const end = Math.max(...ids.map((id) => tokenAt(id).end));
    const next = scope.mentions.find((m) => m.start >= end && m.start - end <= 3 && /^[\s,]*$/.test(scope.text.slice(end, m.start)));
    if (next?.actor.kind === 'person') return { actor: next.actor, how: 'named' };
  }
  if (isSpeechNoun(t, scope.words)) return { actor: depth > 2 ? null : issuerOf(scope, sentence, t, depth + 1), how: 'description' };
  // "“…,” Erdogan told reporters. “…,” the Turkish president added": a definite person role with no
  // body named beside it goes back to the person just quoted.
  const lemma = t.lemma.toLowerCase();
  const definite = childrenOf(sentence, t, 'det').some((d) => /^(?:the|this|that)$/i.test(d.text));
  const last = scope.lastSpeaker;
  if (definite && t.upos === 'NOUN' && scope.words.roles.has(lemma) && !scope.words.bodies.has(lemma) && last?.actor.kind === 'person'
    && !inPhrase.some((m) => !childrenOf(sentence, t, 'amod').some((a) => a.start <= m.start && m.end <= a.end))
    && t.start - last.at < 1500) return { actor: last.actor, how: 'description' };
  // A name, or a noun that speaks for a body ("a Houthi official", "Iraqi officials", "a spokesman
  // for X"): the actor named in the phrase, or one its adjective stands for elsewhere.
  if (t.upos === 'PROPN' || scope.words.roles.has(t.lemma.toLowerCase())) {
    // A person first; then a name after the head ("the UN peacekeeping force UNIFIL"); then the rest.
    const pick = inPhrase.find((m) => m.actor.kind === 'person') ?? inPhrase.find((m) => m.start >= t.end) ?? inPhrase[0];
    if (pick) return { actor: pick.actor, how: 'named' };
    for (const m of [...childrenOf(sentence, t, 'amod', 'compound', 'nmod:poss'), ...(t.upos === 'PROPN' ? [t] : [])]) {
      const a = sameSurface(scope, m);
      if (a) return { actor: a, how: 'named' };
    }
    // "its spokesman", "their media office": the body the possessive stands for.
    const poss = childrenOf(sentence, t, 'nmod:poss').find((m) => /^(?:its|their)$/i.test(m.text));
    if (poss && depth <= 2) {
      const a = resolvePronoun(scope, sentence, poss, depth + 1);
      if (a) return { actor: a, how: 'pronoun' };
    }
  }
  if (depth <= 2 && definite) {
    const a = describedActor(scope, t);
    if (a) return { actor: a, how: 'description' };
  }
  return { actor: null, how: 'unnamed' };
}

/** "the ministry", "the observatory", "the rebels": the last actor before whose name or mention has the noun. */
function describedActor(scope: SpeakerScope, t: SyntaxToken): ActorOut | null {
  const noun = t.lemma.toLowerCase();
  if (noun.length < 3) return null;
  const has = (s: string) => s.toLowerCase().split(/[^\p{L}]+/u).some((w) => w === noun || w === `${noun}s` || `${w}s` === noun || w === t.text.toLowerCase());
  for (let i = scope.mentions.length - 1; i >= 0; i--) {
    const m = scope.mentions[i]!;
    if (m.start >= t.start) continue;
    if (t.start - m.start > DESCRIPTION_REACH) break;
    if (has(m.text) || has(m.actor.name) || m.actor.aliases.some(has)) return m.actor;
    // "the spokesman": a person introduced with that word ("spokesman Omar Haddad", "X, the group's spokesman").
    if (m.actor.kind === 'person' && has(scope.text.slice(Math.max(0, m.start - 30), Math.min(scope.text.length, m.end + 40)))) return m.actor;
  }
  return null;
}

const wordCache = new WeakMap<SpeakerScope, Map<number, Set<string>>>();

/** Lower-cased words of sentence i, to skip parsing sentences that cannot hold what is looked for. */
function wordsOf(scope: SpeakerScope, i: number): Set<string> {
  let perScope = wordCache.get(scope);
  if (!perScope) wordCache.set(scope, (perScope = new Map()));
  let words = perScope.get(i);
  if (!words) {
    const s = scope.sentences[i]!;
    words = new Set(scope.text.slice(s.start, s.end).toLowerCase().match(/\p{L}+/gu) ?? []);
    perScope.set(i, words);
  }
  return words;
}

/** The parse of sentence i when its text has a speech verb form (`verbs`) or a speech noun (`nouns`, singular or plural). */
function parseIfSpeech(scope: SpeakerScope, i: number, what: 'verbs' | 'nouns'): ParsedSentence | undefined {
  const words = wordsOf(scope, i);
  const lexicon = what === 'verbs' ? [scope.words.verbs, scope.words.naming] : [scope.words.nouns];
  for (const w of words) {
    for (const set of lexicon) if (set.has(w) || (what === 'nouns' && w.endsWith('s') && set.has(w.slice(0, -1)))) return scope.syntax[i];
  }
  return undefined;
}

/** The sentences from `from` back, at most `reach`, not beyond the previous paragraph. */
function sentencesBack(scope: SpeakerScope, from: number, reach: number): number[] {
  const out: number[] = [];
  const paragraph = scope.sentences[from]?.paragraph ?? 0;
  for (let i = from; i >= 0 && from - i <= reach; i--) {
    if (scope.sentences[i]!.paragraph < paragraph - 1) break;
    out.push(i);
  }
  return out;
}

/**
 * "he said", "they added", "it said": for he/she, the person named last before it (in this
 * sentence or the few before), else the last quotation's speaker when a person; for they/it,
 * the last speech verb's subject of a fitting number, else the last speaker when not a person.
 */
function resolvePronoun(scope: SpeakerScope, sentence: ParsedSentence, t: SyntaxToken, depth: number): ActorOut | null {
  const word = POSSESSIVE[t.text.toLowerCase()] ?? t.text.toLowerCase();
  const si = sentenceIndexOf(scope, sentence);
  if (si < 0) return null;
  const back = sentencesBack(scope, si, PRONOUN_REACH);
  const last = scope.lastSpeaker && t.start - scope.lastSpeaker.at < 3000 && (scope.sentences[si]!.paragraph - scope.lastSpeaker.paragraph) <= 2 ? scope.lastSpeaker.actor : null;
  if (PERSONAL.has(word)) {
    // Sentence by sentence back: the subject of the last speech verb when it is a person, named or
    // not ("A security official told reporters ... “…,” he said" is that official); else a person
    // named as a subject; else the last person named.
    for (const i of back) {
      const bounds = scope.sentences[i]!;
      const persons = scope.mentions.filter((m) => m.actor.kind === 'person' && m.start >= bounds.start && m.end <= Math.min(bounds.end, t.start));
      const s = persons.length ? scope.syntax[i] : parseIfSpeech(scope, i, 'verbs');
      if (!s) continue;
      const verbs = s.tokens.filter((v) => isSpeechVerb(v, scope.words) && v.end <= t.start).reverse();
      for (const v of verbs) {
        const subj = speechSubject(s, v);
        if (!subj || subj.start >= t.start || subj.feats.Number === 'Plur') continue;
        if (isPronoun(subj)) {
          if (!PERSONAL.has(subj.text.toLowerCase()) || s === sentence) continue;
          return depth < 2 ? resolvePronoun(scope, s, subj, depth + 1) : null;
        }
        const found = resolveSpeaker(scope, s, subj, depth + 1);
        if (found.actor?.kind === 'person') return found.actor;
        // An unnamed person ("a security official") who speaks for a body: that body, as for the phrase itself.
        if (found.how === 'unnamed' || (found.actor && subj.upos === 'NOUN' && scope.words.roles.has(subj.lemma.toLowerCase()) && !scope.words.bodies.has(subj.lemma.toLowerCase()))) return found.actor;
      }
      if (!persons.length) continue;
      const subjects = s.tokens.filter((n) => /^nsubj/.test(n.deprel) && n.end <= t.start);
      const asSubject = persons.filter((m) => subjects.some((n) => { const span = subtreeSpan(s, n); return m.start >= span.start && m.end <= span.end; }));
      return (asSubject.at(-1) ?? persons.at(-1))!.actor;
    }
    return last?.kind === 'person' ? last : null;
  }
  if (word !== 'they' && word !== 'it') return null;
  // "The speech ...; it announced": a speech noun subject earlier in the sentence, or the one before.
  if (word === 'it') {
    for (const i of back.slice(0, 2)) {
      const s = parseIfSpeech(scope, i, 'nouns');
      const noun = s?.tokens.find((n) => n.start < t.start && /^nsubj/.test(n.deprel) && isSpeechNoun(n, scope.words));
      if (s && noun) return depth < 2 ? issuerOf(scope, s, noun, depth + 1) : null;
    }
  }
  // The subject of an earlier speech verb, of the pronoun's number.
  for (const i of back) {
    const s = parseIfSpeech(scope, i, 'verbs');
    if (!s) continue;
    const verbs = s.tokens.filter((v) => isSpeechVerb(v, scope.words) && v.end <= t.start).reverse();
    for (const v of verbs) {
      const subj = speechSubject(s, v);
      if (!subj || subj.start >= t.start || (isPronoun(subj) && subj.text.toLowerCase() === word && s === sentence)) continue;
      const plural = subj.feats.Number === 'Plur' || childrenOf(s, subj, 'conj').length > 0;
      if (word === 'it' && plural) continue;
      const found = isPronoun(subj) ? (depth < 2 ? resolvePronoun(scope, s, subj, depth + 1) : null) : resolveSpeaker(scope, s, subj, depth + 1).actor;
      if (found && found.kind !== 'person') return found;
      if (found && word === 'they' && plural) return found;
    }
  }
  // Else the nearest subject before it that names a group ("Lion Front fighters entered ... “…,” they said").
  for (const i of back) {
    const bounds = scope.sentences[i]!;
    if (!scope.mentions.some((m) => m.start >= bounds.start && m.end <= bounds.end && m.actor.kind !== 'person')) continue;
    const s = scope.syntax[i];
    if (!s) continue;
    const subjects = s.tokens.filter((n) => /^nsubj/.test(n.deprel) && n.end <= t.start && !isPronoun(n)).reverse();
    for (const subj of subjects) {
      if (word === 'it' && subj.feats.Number === 'Plur') continue;
      const found = resolveSpeaker(scope, s, subj, depth + 1).actor;
      if (found && found.kind !== 'person') return found;
    }
  }
  return last && last.kind !== 'person' ? last : null;
}

/**
 * Who issued a speech noun ("the statement said", "the recording warned"): its own owner, else
 * the owner of the last such noun before (the verb's subject where it is the object or the
 * oblique of one: "the ministry issued a statement", "X said in a statement", "released a
 * recording of its spokesman X"), else the last quotation's speaker, else the last organisation
 * named in this paragraph or the one before.
 */
export function issuerOf(scope: SpeakerScope, sentence: ParsedSentence, noun: SyntaxToken, depth: number): ActorOut | null {
  // The noun's own owner: "the ministry's statement", "a statement from X", "signed by X" (not the
  // outlet that carried it: "a statement carried by X News Agency").
  const ownerOf = (s: ParsedSentence, n: SyntaxToken): ActorOut | null => {
    const owner = nounOwner(s, n);
    if (!owner || isPronoun(owner) || /^(?:its|his|her|their)$/i.test(owner.text)) return null;
    const a = resolveSpeaker(scope, s, owner, depth + 1).actor;
    return a && a.kind === 'media' && owner.head !== n.id ? null : a;
  };
  // The verb it is the object or oblique of: "the ministry issued a statement", "X said in a statement".
  const issuedBy = (s: ParsedSentence, n: SyntaxToken): ActorOut | null => {
    const h = headOf(s, n);
    if (!h || h.upos !== 'VERB' || !/^(?:obj|obl|nsubj:pass)$/.test(n.deprel)) return null;
    const subj = speechSubject(s, h);
    if (!subj || subj.id === n.id || isSpeechNoun(subj, scope.words)) return null;
    return isPronoun(subj) ? (depth < 2 ? resolvePronoun(scope, s, subj, depth + 1) : null) : resolveSpeaker(scope, s, subj, depth + 1).actor;
  };
  const own = ownerOf(sentence, noun) ?? issuedBy(sentence, noun);
  if (own) return own;
  const si = sentenceIndexOf(scope, sentence);
  if (si < 0) return null;
  // The speech introduced earlier may lie paragraphs back ("released a recording of its spokesman
  // X" ... "The speech also warned"): sentences back within reach, whatever their paragraph.
  for (let i = si; i >= 0 && si - i <= NOUN_REACH && noun.start - scope.sentences[i]!.start <= NOUN_CHARS; i--) {
    const s = parseIfSpeech(scope, i, 'nouns');
    if (!s) continue;
    const nouns = s.tokens.filter((n) => n !== noun && (s !== sentence || n.start < noun.start) && isSpeechNoun(n, scope.words)).reverse();
    for (const n of nouns) {
      const a = ownerOf(s, n) ?? issuedBy(s, n);
      if (a) return a;
    }
  }
  const paragraph = scope.sentences[si]!.paragraph;
  const last = scope.lastSpeaker && paragraph - scope.lastSpeaker.paragraph <= 2 && noun.start - scope.lastSpeaker.at < 3000 ? scope.lastSpeaker.actor : null;
  if (last && last.kind !== 'person') return last;
  const from = scope.sentences.find((s) => s.paragraph >= paragraph - 1)?.start ?? 0;
  return scope.mentions.filter((m) => m.start >= from && m.end <= noun.start && !NON_ISSUERS.has(m.actor.kind)).at(-1)?.actor ?? last;
}
