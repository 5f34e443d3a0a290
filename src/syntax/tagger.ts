// Part-of-speech tagger: greedy left-to-right averaged perceptron (Collins 2002; the
// features of Honnibal's "A good part-of-speech tagger in about 200 lines"), predicting the
// pair UPOS|XPOS as one class, with a tag dictionary for frequent unambiguous words.
import { hashString, key1, key2, key3 } from './feature-hash.js';
import { seededRandom, shuffleInPlace } from '../seeded-random.js';
import { AveragedPerceptron, type SparseLinearModel } from './perceptron.js';
import type { GoldSentence } from './treebank.js';
import { wordValues, type WordValues } from './word-features.js';

export type Scorer = { score(feats: Uint32Array, n: number, out: Float64Array): void };

export type TaggerModel = {
  /** Class names "UPOS|XPOS". */
  classes: string[];
  /** Exact form → class, for frequent words seen with one tag. */
  tagdict: Map<string, number>;
  /** Lower-case form → hash of the set of classes it was seen with (its ambiguity class). */
  ambiguity: Map<string, number>;
  weights: SparseLinearModel;
};

const MAX_FEATS = 40;
const START = hashString('<S>');
const START2 = hashString('<S2>');
const END = hashString('</S>');
const END2 = hashString('</S2>');

function tagValue(t: number): number {
  return t + 7; // -1/-2 for the sentence start stay distinct from class 0
}

/** Features of word i given the tags already chosen for i-1 and i-2. */
function features(v: WordValues, amb: Uint32Array, i: number, t1: number, t2: number, out: Uint32Array): number {
  const n = v.norm.length;
  const w = v.norm[i]!;
  const wm1 = i > 0 ? v.norm[i - 1]! : START;
  const wm2 = i > 1 ? v.norm[i - 2]! : i > 0 ? START : START2;
  const wp1 = i + 1 < n ? v.norm[i + 1]! : END;
  const wp2 = i + 2 < n ? v.norm[i + 2]! : i + 1 < n ? END : END2;
  const a = tagValue(t1);
  const b = tagValue(t2);
  let k = 0;
  out[k++] = key1(0, 1);
  out[k++] = key1(1, w);
  out[k++] = key1(2, v.suf3[i]!);
  out[k++] = key1(3, v.pre1[i]!);
  out[k++] = key1(4, a);
  out[k++] = key1(5, b);
  out[k++] = key2(6, a, b);
  out[k++] = key2(7, w, a);
  out[k++] = key1(8, wm1);
  out[k++] = key1(9, i > 0 ? v.suf3[i - 1]! : START);
  out[k++] = key1(10, wm2);
  out[k++] = key1(11, wp1);
  out[k++] = key1(12, i + 1 < n ? v.suf3[i + 1]! : END);
  out[k++] = key1(13, wp2);
  out[k++] = key1(14, v.shape[i]!);
  out[k++] = key1(15, v.suf2[i]!);
  out[k++] = key1(16, v.suf4[i]!);
  out[k++] = key1(17, v.suf1[i]!);
  out[k++] = key2(18, v.cap[i]!, i === 0 ? 1 : 0);
  out[k++] = key2(19, w, wp1);
  out[k++] = key2(20, wm1, w);
  out[k++] = key1(21, i + 1 < n ? v.shape[i + 1]! : END);
  out[k++] = key1(22, i > 0 ? v.shape[i - 1]! : START);
  out[k++] = key1(23, v.exact[i]!);
  out[k++] = key2(24, a, wp1);
  out[k++] = key3(25, a, v.suf3[i]!, v.cap[i]!);
  out[k++] = key2(26, v.shape[i]!, a);
  const am0 = amb[i]!;
  const ap1 = i + 1 < n ? amb[i + 1]! : END;
  const ap2 = i + 2 < n ? amb[i + 2]! : END2;
  out[k++] = key1(27, am0);
  out[k++] = key1(28, ap1);
  out[k++] = key2(29, am0, ap1);
  out[k++] = key2(30, a, ap1);
  out[k++] = key3(31, am0, ap1, ap2);
  out[k++] = key2(32, w, ap1);
  out[k++] = key2(33, am0, a);
  return k;
}

function argmax(scores: Float64Array): number {
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
  return best;
}

const UNSEEN = hashString('<unseen>');

/** Each word's ambiguity class (the tags it was seen with), hashed; the shape for unseen words. */
function ambiguityValues(ambiguity: ReadonlyMap<string, number>, v: WordValues, forms: readonly string[]): Uint32Array {
  const out = new Uint32Array(forms.length);
  for (let i = 0; i < forms.length; i++) {
    const a = ambiguity.get(forms[i]!.toLowerCase());
    // Unseen words: their shape stands in for the class set.
    out[i] = a ?? (UNSEEN ^ v.shape[i]!);
  }
  return out;
}

/** Tags a sentence; `forced[i]` ≥ 0 fixes word i's class (the next words see it as context). */
export function tagForms(model: TaggerModel, forms: readonly string[], v: WordValues = wordValues(forms), forced?: Int32Array): Int32Array {
  const amb = ambiguityValues(model.ambiguity, v, forms);
  const out = new Int32Array(forms.length);
  const feats = new Uint32Array(MAX_FEATS);
  const scores = new Float64Array(model.classes.length);
  let t1 = -1;
  let t2 = -2;
  for (let i = 0; i < forms.length; i++) {
    let t = forced && forced[i]! >= 0 ? forced[i]! : model.tagdict.get(forms[i]!);
    if (t === undefined) {
      const n = features(v, amb, i, t1, t2, feats);
      model.weights.score(feats, n, scores);
      t = argmax(scores);
    }
    out[i] = t;
    t2 = t1;
    t1 = t;
  }
  return out;
}

export type TrainTaggerOptions = { epochs: number; seed: number; log?: (line: string) => void; heldOut?: GoldSentence[] };

/** Class → index of its universal tag (the part before "|"), for the parser's coarse features. */
export function coarseTags(classes: readonly string[]): Int32Array {
  const upos = [...new Set(classes.map((c) => c.split('|')[0]!))].sort();
  return Int32Array.from(classes, (c) => upos.indexOf(c.split('|')[0]!));
}

export function tagClassOf(s: GoldSentence, i: number): string {
  return `${s.upos[i]}|${s.xpos[i]}`;
}

export function trainTagger(sentences: GoldSentence[], opts: TrainTaggerOptions): TaggerModel {
  const classIndex = new Map<string, number>();
  for (const s of sentences) for (let i = 0; i < s.forms.length; i++) {
    const c = tagClassOf(s, i);
    if (!classIndex.has(c)) classIndex.set(c, classIndex.size);
  }
  const classes = [...classIndex.keys()].sort();
  classIndex.clear();
  classes.forEach((c, i) => classIndex.set(c, i));
  const tagdict = buildTagDictionary(sentences, classIndex);
  const ambiguity = buildAmbiguityClasses(sentences, classIndex);
  const model = new AveragedPerceptron(classes.length);
  const feats = new Uint32Array(MAX_FEATS);
  const scores = new Float64Array(classes.length);
  const order = sentences.map((_, i) => i);
  const random = seededRandom(opts.seed);
  const prepared = sentences.map((s) => ({ v: wordValues(s.forms), amb: new Uint32Array(0) as Uint32Array, gold: Int32Array.from(s.forms.map((_, i) => classIndex.get(tagClassOf(s, i))!)) }));
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    let correct = 0;
    let total = 0;
    for (const si of order) {
      const p = prepared[si]!;
      const { v, gold } = p;
      if (!p.amb.length) p.amb = ambiguityValues(ambiguity, v, sentences[si]!.forms);
      const forms = sentences[si]!.forms;
      let t1 = -1;
      let t2 = -2;
      for (let i = 0; i < forms.length; i++) {
        let guess = tagdict.get(forms[i]!);
        if (guess === undefined) {
          const n = features(v, p.amb, i, t1, t2, feats);
          model.score(feats, n, scores);
          guess = argmax(scores);
          model.update(feats, n, gold[i]!, guess);
          model.tick();
        }
        if (guess === gold[i]) correct++;
        total++;
        t2 = t1;
        t1 = guess;
      }
    }
    shuffleInPlace(order, random);
    let line = `tagger epoch ${epoch}/${opts.epochs}: train accuracy ${(correct / total).toFixed(4)}`;
    if (opts.heldOut) {
      const compiled: TaggerModel = { classes, tagdict, ambiguity, weights: model.compile(0.05) };
      line += `, held-out UPOS ${uposAccuracy(compiled, opts.heldOut).toFixed(4)}`;
    }
    opts.log?.(line);
  }
  return { classes, tagdict, ambiguity, weights: model.compile(0.05) };
}

/** How often each word (as `key` writes it) was seen with each class, words in sorted order. */
function classCounts(sentences: GoldSentence[], classIndex: Map<string, number>, key: (form: string) => string): [string, Map<number, number>][] {
  const counts = new Map<string, Map<number, number>>();
  for (const s of sentences) for (let i = 0; i < s.forms.length; i++) {
    const form = key(s.forms[i]!);
    let m = counts.get(form);
    if (!m) counts.set(form, (m = new Map()));
    const c = classIndex.get(tagClassOf(s, i))!;
    m.set(c, (m.get(c) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function buildTagDictionary(sentences: GoldSentence[], classIndex: Map<string, number>): Map<string, number> {
  const dict = new Map<string, number>();
  for (const [form, m] of classCounts(sentences, classIndex, (f) => f)) {
    let total = 0;
    let best = -1;
    let bestCount = 0;
    for (const [c, n] of m) {
      total += n;
      if (n > bestCount || (n === bestCount && c < best)) { best = c; bestCount = n; }
    }
    if (total >= 20 && bestCount / total >= 0.99) dict.set(form, best);
  }
  return dict;
}

/** Classes seen at least twice (or 5 % of the time) with a word, as one hash. */
function buildAmbiguityClasses(sentences: GoldSentence[], classIndex: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [form, m] of classCounts(sentences, classIndex, (f) => f.toLowerCase())) {
    let total = 0;
    for (const n of m.values()) total += n;
    const kept = [...m].filter(([, n]) => n >= 2 || n / total >= 0.05).map(([c]) => c).sort((a, b) => a - b);
    if (total >= 2 && kept.length) out.set(form, hashString(kept.join(',')));
  }
  return out;
}

export function uposAccuracy(model: TaggerModel, sentences: GoldSentence[]): number {
  let correct = 0;
  let total = 0;
  for (const s of sentences) {
    const tags = tagForms(model, s.forms);
    for (let i = 0; i < tags.length; i++) {
      if (model.classes[tags[i]!]!.split('|')[0] === s.upos[i]) correct++;
      total++;
    }
  }
  return correct / Math.max(1, total);
}
