// The syntax layer: every sentence tokenised into syntactic words, tagged (UPOS, Penn XPOS),
// lemmatised and dependency-parsed by the trained models (models/syntax/), with morphological
// features derived from tag and tree. One ParsedSentence per entry of `layers.sentences`, same
// order; token offsets point into document.text.
//
// Robustness: a sentence over MAX_WORDS words is parsed in chunks of at most MAX_WORDS (each
// chunk's root a separate root), so run-on "sentences" (tables, lists scraped without stops) stay
// linear; a model that throws or returns a malformed analysis gives that sentence a flat analysis
// (X, head -1, dep) or a repaired tree instead of failing the document.
import { deriveFeats } from '../../syntax/features.js';
import { loadSyntaxModel } from '../../syntax/model.js';
import { tokenizeWords } from '../../syntax/tokenizer.js';
import type { Feats, ParsedSentence, SentencePrediction, SyntaxModel, SyntaxToken, Word } from '../../syntax/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Stage } from '../stage.js';

/** Longest run of words given to the parser at once. */
export const MAX_WORDS = 250;
/** When a long sentence is cut, prefer a cut after punctuation within this many words of the limit. */
const CUT_WINDOW = 80;
const CUT_AFTER = new Set([';', ',', ':', '.', '!', '?', '—', '–', '-', ')', '|', '•']);

export type Analysis = SentencePrediction & { feats: Feats[] };

/** Tag, lemmatise, parse and derive features for one sentence of word forms; never throws. */
export function analyzeForms(model: SyntaxModel, forms: readonly string[], hints?: readonly (string | null)[]): Analysis {
  const n = forms.length;
  let p: SentencePrediction;
  if (n <= MAX_WORDS) {
    p = predict(model, forms, hints);
    const retag = finiteVerbMissing(p);
    if (retag >= 0) {
      const h = hints ? hints.slice() : new Array<string | null>(n).fill(null);
      h[retag] = 'VERB|VBD';
      p = predict(model, forms, h);
    }
  } else {
    p = { upos: new Array<string>(n), xpos: new Array<string>(n), lemma: new Array<string>(n), head: new Array<number>(n), deprel: new Array<string>(n) };
    for (let from = 0; from < n;) {
      const to = cutPoint(forms, from);
      const part = predict(model, forms.slice(from, to), hints?.slice(from, to));
      for (let i = 0; i < to - from; i++) {
        p.upos[from + i] = part.upos[i]!;
        p.xpos[from + i] = part.xpos[i]!;
        p.lemma[from + i] = part.lemma[i]!;
        const h = part.head[i]!;
        p.head[from + i] = h < 0 ? -1 : h + from;
        p.deprel[from + i] = part.deprel[i]!;
      }
      from = to;
    }
  }
  let feats: Feats[];
  try {
    feats = deriveFeats(p.upos, p.xpos, p.lemma, forms, p.head, p.deprel);
  } catch {
    feats = new Array<Feats>(n).fill(NO_FEATS);
  }
  return { ...p, feats };
}

const NO_FEATS: Feats = Object.freeze({});
const FINITE = new Set(['VBD', 'VBZ', 'VBP', 'MD']);

/**
 * "On 8 May 2020, gunmen assassinated a member ...": a sentence the tagger left without a finite
 * verb, whose first participle takes a direct object and has no auxiliary, reads that participle
 * as the past tense it is (a passive participle has no object). Returns its index, or -1. A
 * headline participle without an object ("Five fighters killed in Raqqa") is left alone.
 */
export function finiteVerbMissing(p: SentencePrediction): number {
  for (const x of p.xpos) if (FINITE.has(x)) return -1;
  for (let i = 0; i < p.xpos.length; i++) {
    if (p.xpos[i] !== 'VBN') continue;
    let obj = false;
    let aux = false;
    for (let j = 0; j < p.head.length; j++) {
      if (p.head[j] !== i) continue;
      if (p.deprel[j] === 'obj') obj = true;
      if (p.deprel[j] === 'aux' || p.deprel[j] === 'aux:pass' || p.deprel[j] === 'cop') aux = true;
    }
    if (obj && !aux) return i;
    return -1;
  }
  return -1;
}

/** End (exclusive) of the chunk starting at `from`: MAX_WORDS words, or fewer to cut after punctuation. */
function cutPoint(forms: readonly string[], from: number): number {
  const limit = from + MAX_WORDS;
  if (limit >= forms.length) return forms.length;
  for (let i = limit - 1; i >= limit - CUT_WINDOW; i--) if (CUT_AFTER.has(forms[i]!)) return i + 1;
  return limit;
}

/** The model's analysis, checked and repaired; a flat one when the model throws or returns nonsense. */
function predict(model: SyntaxModel, forms: readonly string[], hints?: readonly (string | null)[]): SentencePrediction {
  const n = forms.length;
  if (n === 0) return { upos: [], xpos: [], lemma: [], head: [], deprel: [] };
  let p: SentencePrediction;
  try {
    p = model.analyze(forms, hints);
  } catch {
    return flat(forms);
  }
  if (!p || !Array.isArray(p.upos) || !Array.isArray(p.xpos) || !Array.isArray(p.lemma) || !Array.isArray(p.head) || !Array.isArray(p.deprel) ||
    p.upos.length !== n || p.xpos.length !== n || p.lemma.length !== n || p.head.length !== n || p.deprel.length !== n) {
    return flat(forms);
  }
  repair(p, forms);
  return p;
}

function flat(forms: readonly string[]): SentencePrediction {
  const n = forms.length;
  return {
    upos: new Array<string>(n).fill('X'), xpos: new Array<string>(n).fill('XX'), lemma: forms.slice(),
    head: new Array<number>(n).fill(-1), deprel: new Array<string>(n).fill('dep'),
  };
}

/** In place: strings where strings belong, heads in range, no cycles (a node on a cycle becomes a root). */
function repair(p: SentencePrediction, forms: readonly string[]): void {
  const n = forms.length;
  for (let i = 0; i < n; i++) {
    if (typeof p.upos[i] !== 'string' || !p.upos[i]) { p.upos[i] = 'X'; }
    if (typeof p.xpos[i] !== 'string' || !p.xpos[i]) { p.xpos[i] = 'XX'; }
    if (typeof p.lemma[i] !== 'string' || !p.lemma[i]) { p.lemma[i] = forms[i]!; }
    if (typeof p.deprel[i] !== 'string' || !p.deprel[i]) { p.deprel[i] = 'dep'; }
    const h = p.head[i];
    if (!Number.isInteger(h) || h! < -1 || h! >= n || h === i) { p.head[i] = -1; p.deprel[i] = 'dep'; }
  }
  // Cycle check: follow heads from each unvisited word; 1 = on the current path, 2 = known to reach a root.
  const state = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (state[i]) continue;
    let j = i;
    while (j >= 0 && state[j] === 0) { state[j] = 1; j = p.head[j]!; }
    if (j >= 0 && state[j] === 1) { p.head[j] = -1; p.deprel[j] = 'dep'; }
    for (let k = i; k >= 0 && state[k] === 1; k = p.head[k]!) state[k] = 2;
  }
}

/** Words of a span, never throwing: the tokenizer's, or whitespace-separated pieces if it fails. */
export function wordsOf(text: string, start: number, end: number): Word[] {
  try {
    return tokenizeWords(text, start, end);
  } catch {
    const out: Word[] = [];
    const re = /\S+/gu;
    re.lastIndex = start;
    const span = text.slice(0, end);
    for (let m = re.exec(span); m; m = re.exec(span)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    return out;
  }
}

/** Parse words already cut (with offsets) into one ParsedSentence spanning start..end. */
export function parseWords(model: SyntaxModel, words: readonly Word[], start: number, end: number, tagHints?: TagHints): ParsedSentence {
  const forms = words.map((w) => w.text);
  const a = analyzeForms(model, forms, hintsFor(forms, tagHints ?? NO_HINTS));
  const tokens = new Array<SyntaxToken>(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    tokens[i] = {
      start: w.start, end: w.end, text: w.text, id: i,
      upos: a.upos[i]!, xpos: a.xpos[i]!, lemma: a.lemma[i]!, feats: a.feats[i]!, head: a.head[i]!, deprel: a.deprel[i]!,
    };
  }
  return { start, end, tokens };
}

/** Tokenise and parse the span text[start, end). */
export function parseSpan(model: SyntaxModel, text: string, start: number, end: number, tagHints?: TagHints): ParsedSentence {
  return parseWords(model, wordsOf(text, start, end), start, end, tagHints);
}

/** Exact word form → the tag class ("UPOS|XPOS") the knowledge pack says it has. */
export type TagHints = ReadonlyMap<string, string>;

const hintCache = new WeakMap<KnowledgeBase, TagHints>();

/**
 * Actor and place names the packs write as one token of capitals (IS, SDF, HTS, IRGC) are
 * proper nouns: the tagger, trained on general English, reads "IS" as the verb.
 */
export function tagHintsOf(kb: KnowledgeBase): TagHints {
  let hints = hintCache.get(kb);
  if (!hints) {
    const map = new Map<string, string>();
    const add = (name: string) => { if (ACRONYM.test(name)) map.set(name, 'PROPN|NNP'); };
    for (const a of kb.actors.values()) { add(a.name); a.aliases.forEach(add); }
    for (const p of kb.places.values()) { add(p.name); p.aliases.forEach(add); }
    hintCache.set(kb, (hints = map));
  }
  return hints;
}
const ACRONYM = /^\p{Lu}[\p{Lu}\d&]*\p{Lu}$/u;

/** Per-word hints of a sentence; none in a sentence written in capitals (a shouted headline). */
function hintsFor(forms: readonly string[], tagHints: TagHints): (string | null)[] | undefined {
  let lower = 0;
  let upper = 0;
  for (const f of forms) {
    if (/\p{Ll}/u.test(f)) lower++;
    else if (/\p{Lu}/u.test(f)) upper++;
  }
  const shouted = upper > lower;
  let any = false;
  const out = forms.map((f, i) => {
    // A dash between words is punctuation (the tagger, seeing few in news use, can read an
    // en dash as a name); between numbers ("2014–2018") it stays the tagger's (a symbol).
    const h = DASH.test(f) ? (NUMBER.test(forms[i - 1] ?? '') && NUMBER.test(forms[i + 1] ?? '') ? null : 'PUNCT|:') : shouted ? null : tagHints.get(f) ?? null;
    if (h) any = true;
    return h;
  });
  return any ? out : undefined;
}
const DASH = /^(?:[–—]|--)$/u;
const NO_HINTS: TagHints = new Map();
const NUMBER = /^\d/u;

export function createSyntaxStage(model: SyntaxModel | (() => SyntaxModel)): Stage {
  const get = typeof model === 'function' ? model : () => model;
  return {
    name: 'syntax',
    requires: ['sentences'],
    prepare() {
      get();
    },
    run({ document, layers, kb }) {
      const sentences = layers.sentences ?? [];
      if (sentences.length === 0) return { syntax: [] };
      const m = get(); // loaded here, so a missing model fails this stage, not a later reader
      const hints = kb.actors ? tagHintsOf(kb) : undefined;
      // Parsing is the dearest step of the pipeline, so each sentence is parsed the first time a
      // later stage reads it, and kept: a document pays only for the sentences that are read.
      return { syntax: lazyArray(sentences.length, (i) => parseSpan(m, document.text, sentences[i]!.start, sentences[i]!.end, hints)) };
    },
  };
}

/** An array whose i-th element is computed on first read and then kept. */
export function lazyArray<T>(length: number, compute: (i: number) => T): T[] {
  const out = new Array<T>(length);
  for (let i = 0; i < length; i++) {
    Object.defineProperty(out, i, {
      configurable: true, enumerable: true,
      get() {
        const value = compute(i);
        Object.defineProperty(out, i, { value, writable: false, enumerable: true, configurable: false });
        return value;
      },
    });
  }
  return out;
}

// The trained model, loaded on first use and kept for the process (a failed load is remembered
// too, so a missing model costs one disk look-up, not one per document).
let cached: { model: SyntaxModel } | { error: unknown } | null = null;
function defaultModel(): SyntaxModel {
  if (!cached) {
    try {
      cached = { model: loadSyntaxModel() };
    } catch (error) {
      cached = { error };
    }
  }
  if ('error' in cached) throw cached.error;
  return cached.model;
}

const stage: Stage = createSyntaxStage(defaultModel);
export default stage;
