// Typed helpers over a parsed sentence: what extraction stages ask of the dependency tree (who is
// the subject, is the verb passive or negated, what span does this phrase cover) instead of
// matching regular expressions over the text. Stanza/spaCy-like, but plain functions over the
// shared shapes in types.ts.
//
// Tokens may be given as SyntaxToken or as their id. Relation queries: 'nsubj' matches exactly
// the label "nsubj"; 'nsubj:*' matches "nsubj" and every subtype ("nsubj:pass", "nsubj:outer").
// A child index is built once per sentence object and cached (WeakMap); sentences are treated as
// immutable once parsed.
import { sentenceIndexAt } from '../pipeline/sentence-lookup.js';
import type { ParsedSentence, SyntaxToken } from './types.js';

export type TokenRef = SyntaxToken | number;
export type Voice = 'active' | 'passive';
export type Span = { start: number; end: number };

/** Relations that head a clause of their own (clauseHead stops at them; clauseOf does not enter them). */
export const CLAUSAL_RELATIONS: ReadonlySet<string> = new Set([
  'root', 'ccomp', 'xcomp', 'advcl', 'acl', 'acl:relcl', 'parataxis', 'csubj', 'csubj:pass', 'csubj:outer', 'advcl:relcl',
]);
const SUBJECT_RELATIONS = ['nsubj', 'nsubj:pass', 'csubj', 'csubj:pass', 'nsubj:outer', 'csubj:outer'];
const NEGATORS = new Set(['not', "n't", 'n’t', 'never', 'nt']);
const RELATIVE_PRONOUNS = new Set(['who', 'whom', 'which', 'that', 'whose']);

// ---- basics ---------------------------------------------------------------------------------

const childIndex = new WeakMap<ParsedSentence, readonly (readonly number[])[]>();

function children(sentence: ParsedSentence): readonly (readonly number[])[] {
  let index = childIndex.get(sentence);
  if (!index) {
    const n = sentence.tokens.length;
    const lists: number[][] = Array.from({ length: n }, () => []);
    for (const t of sentence.tokens) if (t.head >= 0 && t.head < n && t.head !== t.id) lists[t.head]!.push(t.id);
    index = lists;
    childIndex.set(sentence, index);
  }
  return index;
}

/** The token itself, for a token or an id (undefined when out of range). */
export function tokenOf(sentence: ParsedSentence, ref: TokenRef): SyntaxToken | undefined {
  return sentence.tokens[typeof ref === 'number' ? ref : ref.id];
}

function idOf(ref: TokenRef): number {
  return typeof ref === 'number' ? ref : ref.id;
}

/** The relation without its subtype: "nsubj:pass" → "nsubj". */
export function baseRelation(deprel: string): string {
  const colon = deprel.indexOf(':');
  return colon < 0 ? deprel : deprel.slice(0, colon);
}

/** Does a label match a query ('obl' exactly; 'obl:*' = obl or any obl subtype)? */
export function relationMatches(deprel: string, query: string): boolean {
  if (query.endsWith(':*')) {
    const base = query.slice(0, -2);
    return deprel === base || (deprel.length > base.length && deprel.startsWith(base) && deprel[base.length] === ':');
  }
  return deprel === query;
}

function matchesAny(deprel: string, queries: readonly string[]): boolean {
  for (const q of queries) if (relationMatches(deprel, q)) return true;
  return false;
}

/** The head token; undefined for the root. */
export function headOf(sentence: ParsedSentence, token: TokenRef): SyntaxToken | undefined {
  const t = tokenOf(sentence, token);
  return t && t.head >= 0 ? sentence.tokens[t.head] : undefined;
}

/** Direct dependents in sentence order, optionally only those whose relation matches one of the queries. */
export function childrenOf(sentence: ParsedSentence, token: TokenRef, ...relations: string[]): SyntaxToken[] {
  const ids = children(sentence)[idOf(token)] ?? [];
  const out: SyntaxToken[] = [];
  for (const id of ids) {
    const c = sentence.tokens[id]!;
    if (relations.length === 0 || matchesAny(c.deprel, relations)) out.push(c);
  }
  return out;
}

/** The first dependent (in sentence order) matching one of the queries. */
export function childOf(sentence: ParsedSentence, token: TokenRef, ...relations: string[]): SyntaxToken | undefined {
  for (const id of children(sentence)[idOf(token)] ?? []) {
    const c = sentence.tokens[id]!;
    if (relations.length === 0 || matchesAny(c.deprel, relations)) return c;
  }
  return undefined;
}

/** Direct dependents grouped by their full relation label, each group in sentence order. */
export function dependentsByRelation(sentence: ParsedSentence, token: TokenRef): Map<string, SyntaxToken[]> {
  const out = new Map<string, SyntaxToken[]>();
  for (const id of children(sentence)[idOf(token)] ?? []) {
    const c = sentence.tokens[id]!;
    const list = out.get(c.deprel);
    if (list) list.push(c);
    else out.set(c.deprel, [c]);
  }
  return out;
}

/** Ids of the token and everything below it, in sentence order. */
export function subtree(sentence: ParsedSentence, token: TokenRef): number[] {
  return phraseWords(sentence, token, () => true).sort((a, b) => a - b);
}

/**
 * Ids of the token and the dependents reached through those `follow` accepts (a phrase's own
 * words: "five SDF fighters" without the relative clause after it), the token first, then in
 * the order a depth-first walk reaches them.
 */
export function phraseWords(sentence: ParsedSentence, token: TokenRef, follow: (child: SyntaxToken) => boolean): number[] {
  const root = idOf(token);
  if (root < 0 || root >= sentence.tokens.length) return [];
  const index = children(sentence);
  const seen = new Uint8Array(sentence.tokens.length);
  const stack = [root];
  const out: number[] = [];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen[id]) continue; // a malformed tree (cycle) must not loop
    seen[id] = 1;
    out.push(id);
    for (const c of index[id]!) if (follow(sentence.tokens[c]!)) stack.push(c);
  }
  return out;
}

/** Character offsets covering the token's subtree (phrases are contiguous in English, near enough). */
export function subtreeSpan(sentence: ParsedSentence, token: TokenRef): Span {
  const ids = subtree(sentence, token);
  if (ids.length === 0) return { start: 0, end: 0 };
  let start = Infinity, end = -Infinity;
  for (const id of ids) {
    const t = sentence.tokens[id]!;
    if (t.start < start) start = t.start;
    if (t.end > end) end = t.end;
  }
  return { start, end };
}

// ---- clauses ------------------------------------------------------------------------------------

function isClauseHead(sentence: ParsedSentence, t: SyntaxToken, depth = 0): boolean {
  if (t.head < 0 || CLAUSAL_RELATIONS.has(t.deprel)) return true;
  if (t.deprel !== 'conj' || depth > sentence.tokens.length) return false;
  const h = sentence.tokens[t.head];
  return h !== undefined && isClauseHead(sentence, h, depth + 1);
}

/** The nearest clause head at or above the token: root, ccomp, xcomp, advcl, acl(:relcl), parataxis, csubj, or a conj of one. */
export function clauseHead(sentence: ParsedSentence, token: TokenRef): SyntaxToken | undefined {
  // Up the heads from the token itself; the step bound guards against a malformed (cyclic) tree.
  let t: SyntaxToken | undefined = tokenOf(sentence, token);
  for (let steps = 0; t && steps <= sentence.tokens.length; steps++) {
    if (isClauseHead(sentence, t)) return t;
    t = t.head >= 0 ? sentence.tokens[t.head] : undefined;
  }
  return undefined;
}

/** Ids (in order) of the tokens in the token's clause, without the clauses embedded in it (nor conjoined clauses). */
export function clauseOf(sentence: ParsedSentence, token: TokenRef): number[] {
  const headTok = clauseHead(sentence, token);
  if (!headTok) return [];
  const index = children(sentence);
  const seen = new Uint8Array(sentence.tokens.length);
  const stack = [headTok.id];
  const out: number[] = [];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen[id]) continue;
    seen[id] = 1;
    out.push(id);
    for (const c of index[id]!) {
      if (!isClauseHead(sentence, sentence.tokens[c]!)) stack.push(c);
    }
  }
  return out.sort((a, b) => a - b);
}

// ---- case, voice, negation ----------------------------------------------------------------------

/** The preposition of an oblique/nominal modifier: its `case` child's lemma, lower-cased ("by", "in", "because of"). */
export function caseOf(sentence: ParsedSentence, token: TokenRef): string | undefined {
  const c = childOf(sentence, token, 'case');
  if (!c) return undefined;
  let word = (c.lemma || c.text).toLowerCase();
  for (const f of childrenOf(sentence, c, 'fixed')) word += ' ' + (f.lemma || f.text).toLowerCase();
  return word;
}

/** 'passive' when the verb has a passive auxiliary, a passive subject or an agent, carries Voice=Pass, or is a bare participle conjoined to a passive verb. */
export function voiceOf(sentence: ParsedSentence, verb: TokenRef): Voice {
  const v = tokenOf(sentence, verb);
  if (!v) return 'active';
  for (let t: SyntaxToken | undefined = v, steps = 0; t && steps <= sentence.tokens.length; steps++) {
    if (t.feats.Voice === 'Pass') return 'passive';
    if (childOf(sentence, t, 'aux:pass', 'nsubj:pass', 'csubj:pass', 'obl:agent')) return 'passive';
    // "were attacked and killed": the second conjunct shares the first's auxiliary.
    const ownAux = childOf(sentence, t, 'aux', 'cop', 'nsubj', 'csubj');
    if (t.deprel === 'conj' && t.xpos === 'VBN' && !ownAux) {
      const h = headOf(sentence, t);
      t = h && h.xpos === 'VBN' ? h : undefined;
    } else {
      t = undefined;
    }
  }
  return 'active';
}

function isNegator(t: SyntaxToken): boolean {
  return t.feats.Polarity === 'Neg' || NEGATORS.has(t.text.toLowerCase()) || NEGATORS.has(t.lemma.toLowerCase());
}

/**
 * Is the predicate negated? A negating advmod ("not", "n't", "never") on it or on its aux/cop;
 * "without" as its marker ("advanced without firing"); "no" on its subject or object ("no one was
 * hurt"); or a bare conjunct sharing a negated head ("did not strike or shell").
 */
export function isNegated(sentence: ParsedSentence, verb: TokenRef): boolean {
  const v = tokenOf(sentence, verb);
  if (!v) return false;
  return negatedHere(sentence, v) || sharesNegation(sentence, v);
}

function negatedHere(sentence: ParsedSentence, v: SyntaxToken): boolean {
  for (const c of childrenOf(sentence, v)) {
    if ((c.deprel === 'advmod' || c.deprel === 'neg') && isNegator(c)) return true;
    if ((c.deprel === 'aux' || c.deprel === 'aux:pass' || c.deprel === 'cop') && childrenOf(sentence, c, 'advmod').some(isNegator)) return true;
    if (c.deprel === 'mark' && c.lemma.toLowerCase() === 'without') return true;
    if ((relationMatches(c.deprel, 'nsubj:*') || c.deprel === 'obj') && childrenOf(sentence, c, 'det').some((d) => d.text.toLowerCase() === 'no')) return true;
  }
  return false;
}

function sharesNegation(sentence: ParsedSentence, v: SyntaxToken): boolean {
  if (v.deprel !== 'conj') return false;
  const h = headOf(sentence, v);
  if (!h || h.xpos !== v.xpos) return false;
  if (childOf(sentence, v, 'nsubj:*', 'csubj:*', 'aux:*', 'cop')) return false;
  if (childrenOf(sentence, v, 'cc').some((c) => c.lemma.toLowerCase() === 'but')) return false;
  return negatedHere(sentence, h);
}

// ---- arguments ------------------------------------------------------------------------------

/** Is the token a relative pronoun ("who", "which", "that" opening a relative clause)? */
function isRelativePronoun(t: SyntaxToken): boolean {
  return t.feats.PronType === 'Rel' || ((t.xpos === 'WDT' || t.xpos === 'WP' || t.xpos === 'WP$') && RELATIVE_PRONOUNS.has(t.text.toLowerCase()));
}

/**
 * The subject of a predicate (nsubj, nsubj:pass, csubj, ...). Without one of its own: a conjunct
 * inherits its head's ("IS fighters attacked and killed"); an xcomp takes its controller (the
 * head's object when it has one — "ordered residents to leave" — else the head's subject); an
 * adverbial clause takes the main clause's subject ("IS attacked the town, killing five"); a
 * participial modifier (acl) takes the noun it modifies. A relative pronoun subject resolves to
 * the noun the relative clause modifies ("fighters who attacked").
 */
export function subjectOf(sentence: ParsedSentence, verb: TokenRef): SyntaxToken | undefined {
  let v = tokenOf(sentence, verb);
  for (let steps = 0; v && steps <= sentence.tokens.length; steps++) {
    // An auxiliary or copula stands for the predicate it serves.
    if (v.deprel === 'aux' || v.deprel === 'aux:pass' || v.deprel === 'cop') { v = headOf(sentence, v); continue; }
    const s = childOf(sentence, v, ...SUBJECT_RELATIONS);
    if (s) {
      if (isRelativePronoun(s) && v.deprel === 'acl:relcl') return headOf(sentence, v);
      return s;
    }
    const h = headOf(sentence, v);
    if (!h) return undefined;
    switch (baseRelation(v.deprel)) {
      case 'conj': v = h; break;
      case 'xcomp': {
        const controller = childOf(sentence, h, 'obj', 'iobj');
        if (controller) return controller;
        v = h;
        break;
      }
      case 'advcl': v = h; break;
      case 'acl': return v.deprel === 'acl:relcl' ? undefined : h;
      default: return undefined;
    }
  }
  return undefined;
}

/**
 * A dependent shared between conjoined verbs: "seized and held the town" attaches "town" to one
 * conjunct only. A conjunct without its own subject inherits a dependent of its head that comes
 * after it; a head inherits one from a subject-less conjunct that follows the conjunct.
 */
function sharedDependent(sentence: ParsedSentence, v: SyntaxToken, relations: string[]): SyntaxToken | undefined {
  const own = childOf(sentence, v, ...relations);
  if (own) return own;
  if (v.deprel === 'conj') {
    const h = headOf(sentence, v);
    const d = h && childOf(sentence, h, ...relations);
    if (d && d.id > v.id && !childOf(sentence, v, 'nsubj:*', 'csubj:*')) return d;
  }
  for (const c of childrenOf(sentence, v, 'conj')) {
    if (c.id < v.id || childOf(sentence, c, 'nsubj:*', 'csubj:*')) continue;
    const d = childOf(sentence, c, ...relations);
    if (d && d.id > c.id) return d;
  }
  return undefined;
}

/** The direct object (obj), shared across conjoined verbs ("seized and held the town"). */
export function objectOf(sentence: ParsedSentence, verb: TokenRef): SyntaxToken | undefined {
  const v = tokenOf(sentence, verb);
  return v && sharedDependent(sentence, v, ['obj']);
}

/** The agent of a passive verb: obl:agent, or an obl with case "by"; shared across conjoined verbs. */
export function agentOf(sentence: ParsedSentence, verb: TokenRef): SyntaxToken | undefined {
  const v = tokenOf(sentence, verb);
  if (!v) return undefined;
  const agent = sharedDependent(sentence, v, ['obl:agent']);
  if (agent) return agent;
  if (voiceOf(sentence, v) !== 'passive') return undefined;
  const byPhrase = (t: SyntaxToken): SyntaxToken | undefined => childrenOf(sentence, t, 'obl').find((o) => caseOf(sentence, o) === 'by');
  const own = byPhrase(v);
  if (own) return own;
  if (v.deprel === 'conj') {
    const h = headOf(sentence, v);
    const d = h && byPhrase(h);
    if (d && d.id > v.id) return d;
  }
  for (const c of childrenOf(sentence, v, 'conj')) {
    const d = byPhrase(c);
    if (d && d.id > c.id && !childOf(sentence, c, 'nsubj:*')) return d;
  }
  return undefined;
}

// ---- lookup by offset -----------------------------------------------------------------------

/** Index of the sentence whose span contains the offset (start ≤ offset < end); -1 when none. */
export { sentenceIndexAt };

/** The sentence containing the offset. */
export function sentenceAt(sentences: readonly ParsedSentence[], offset: number): ParsedSentence | undefined {
  const i = sentenceIndexAt(sentences, offset);
  return i < 0 ? undefined : sentences[i];
}

/** The token covering the offset (start ≤ offset < end); undefined between tokens or outside sentences. */
export function tokenAt(sentences: readonly ParsedSentence[], offset: number): SyntaxToken | undefined {
  const s = sentenceAt(sentences, offset);
  if (!s) return undefined;
  let lo = 0, hi = s.tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = s.tokens[mid]!;
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return t;
  }
  return undefined;
}
