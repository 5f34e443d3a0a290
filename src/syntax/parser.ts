// Dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011) with the root at the
// end of the buffer and a single root, scored by an averaged perceptron over Zhang & Nivre
// (2011)-style features, trained with the dynamic oracle of Goldberg & Nivre (2013), which
// keeps learning after the parser's own mistakes. Linear in sentence length.
import { hashString, key1, key2, key3 } from './feature-hash.js';
import { seededRandom, shuffleInPlace } from '../seeded-random.js';
import { AveragedPerceptron, type SparseLinearModel } from './perceptron.js';
import type { Scorer } from './tagger.js';

export type ParserModel = {
  /** Dependency labels; class 0 is SHIFT, 1..L left-arc with label l-1, L+1..2L right-arc. */
  labels: string[];
  weights: SparseLinearModel;
};

export type ParseInput = {
  /** Hash of each word's normalised form. */
  words: Uint32Array;
  /** Tag class of each word (any integer coding, the same in training and use). */
  tags: Int32Array;
};

export type TrainSentence = ParseInput & { head: Int32Array; label: Int32Array };

const NONE = hashString('<none>');
const ROOT_WORD = hashString('<root>');
const NO_TAG = -3;
const ROOT_TAG = -2;
const MAX_FEATS = 72;

/** Parser state over a sentence of n words; index n is the root. */
class State {
  readonly n: number;
  readonly stack: Int32Array;
  sp = 0;
  b0 = 0;
  readonly head: Int32Array;
  readonly label: Int32Array;
  readonly l1: Int32Array; readonly l2: Int32Array;
  readonly r1: Int32Array; readonly r2: Int32Array;
  readonly nl: Int32Array; readonly nr: Int32Array;

  constructor(n: number) {
    this.n = n;
    this.stack = new Int32Array(n + 1);
    this.head = new Int32Array(n + 1).fill(-1);
    this.label = new Int32Array(n + 1).fill(-1);
    this.l1 = new Int32Array(n + 1).fill(-1); this.l2 = new Int32Array(n + 1).fill(-1);
    this.r1 = new Int32Array(n + 1).fill(-1); this.r2 = new Int32Array(n + 1).fill(-1);
    this.nl = new Int32Array(n + 1); this.nr = new Int32Array(n + 1);
  }

  done(): boolean {
    return this.sp === 0 && this.b0 === this.n;
  }

  s(k: number): number {
    return this.sp > k ? this.stack[this.sp - 1 - k]! : -1;
  }

  addArc(h: number, d: number, l: number): void {
    this.head[d] = h;
    this.label[d] = l;
    if (d < h) { this.l2[h] = this.l1[h]!; this.l1[h] = d; this.nl[h]++; } else { this.r2[h] = this.r1[h]!; this.r1[h] = d; this.nr[h]++; }
  }

  /** Applies class `c` (see ParserModel.labels). */
  apply(c: number, L: number): void {
    if (c === 0) {
      this.stack[this.sp++] = this.b0++;
    } else if (c <= L) {
      const s0 = this.stack[--this.sp]!;
      this.addArc(this.b0, s0, c - 1);
    } else {
      const s0 = this.stack[--this.sp]!;
      this.addArc(this.stack[this.sp - 1]!, s0, c - 1 - L);
    }
  }
}

// Move validity: SHIFT needs a real word in b0; LEFT needs a stack, and onto the root only as
// the last word (one root); RIGHT needs two stack items.
function canShift(st: State): boolean { return st.b0 < st.n; }
function canLeft(st: State): boolean { return st.sp > 0 && (st.b0 < st.n || st.sp === 1); }
function canRight(st: State): boolean { return st.sp > 1; }

function distBucket(d: number): number {
  return d < 5 ? d : d < 8 ? 5 : d < 12 ? 6 : 7;
}

function W(st: State, x: ParseInput, i: number): number {
  return i < 0 ? NONE : i === st.n ? ROOT_WORD : x.words[i]!;
}
function T(st: State, x: ParseInput, i: number): number {
  return (i < 0 ? NO_TAG : i === st.n ? ROOT_TAG : x.tags[i]!) + 10;
}
function Lb(st: State, i: number): number {
  return (i < 0 ? -1 : st.label[i]!) + 2;
}

function features(st: State, x: ParseInput, out: Uint32Array): number {
  const n = st.n;
  const s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  const b0 = st.b0;
  const b1 = b0 + 1 < n ? b0 + 1 : -1;
  const b2 = b0 + 2 < n ? b0 + 2 : -1;
  const s0w = W(st, x, s0), s0t = T(st, x, s0), s1w = W(st, x, s1), s1t = T(st, x, s1), s2t = T(st, x, s2);
  const b0w = W(st, x, b0), b0t = T(st, x, b0), b1w = W(st, x, b1), b1t = T(st, x, b1), b2t = T(st, x, b2);
  const s0l1 = s0 >= 0 ? st.l1[s0]! : -1, s0l2 = s0 >= 0 ? st.l2[s0]! : -1;
  const s0r1 = s0 >= 0 ? st.r1[s0]! : -1, s0r2 = s0 >= 0 ? st.r2[s0]! : -1;
  const s1r1 = s1 >= 0 ? st.r1[s1]! : -1, s1l1 = s1 >= 0 ? st.l1[s1]! : -1;
  const b0l1 = st.l1[b0]!, b0l2 = st.l2[b0]!;
  const s0l1t = T(st, x, s0l1), s0r1t = T(st, x, s0r1), b0l1t = T(st, x, b0l1), s0l2t = T(st, x, s0l2), s0r2t = T(st, x, s0r2), b0l2t = T(st, x, b0l2), s1r1t = T(st, x, s1r1);
  const d = s0 >= 0 ? distBucket(b0 - s0) : 0;
  const d1 = s1 >= 0 ? distBucket(s0 - s1) : 0;
  let k = 0;
  out[k++] = key1(0, 1);
  out[k++] = key1(1, s0w); out[k++] = key1(2, s0t); out[k++] = key2(3, s0w, s0t);
  out[k++] = key1(4, s1w); out[k++] = key1(5, s1t); out[k++] = key2(6, s1w, s1t);
  out[k++] = key1(7, b0w); out[k++] = key1(8, b0t); out[k++] = key2(9, b0w, b0t);
  out[k++] = key1(10, b1w); out[k++] = key1(11, b1t); out[k++] = key2(12, b1w, b1t);
  out[k++] = key1(13, b2t); out[k++] = key1(14, s2t);
  out[k++] = key2(15, s0w, b0w); out[k++] = key2(16, s0t, b0t); out[k++] = key2(17, s0w, b0t); out[k++] = key2(18, s0t, b0w);
  out[k++] = key3(19, s0w, s0t, b0t); out[k++] = key3(20, s0t, b0w, b0t);
  out[k++] = key2(21, s1w, s0w); out[k++] = key2(22, s1t, s0t); out[k++] = key2(23, s1t, s0w); out[k++] = key2(24, s1w, s0t);
  out[k++] = key3(25, s1w, s1t, s0t); out[k++] = key3(26, s1t, s0w, s0t);
  out[k++] = key2(27, b0t, b1t); out[k++] = key3(28, b0t, b1t, b2t); out[k++] = key3(29, s0t, b0t, b1t);
  out[k++] = key3(30, s1t, s0t, b0t); out[k++] = key3(31, s2t, s1t, s0t);
  out[k++] = key3(32, s0t, s0l1t, b0t); out[k++] = key3(33, s0t, s0r1t, b0t); out[k++] = key3(34, s0t, b0t, b0l1t);
  out[k++] = key3(35, s1t, s0t, s0l1t); out[k++] = key3(36, s1t, s0t, s0r1t); out[k++] = key3(37, s1t, s1r1t, s0t);
  out[k++] = key3(38, d, s0t, b0t); out[k++] = key2(39, d, s0w); out[k++] = key2(40, d, b0w); out[k++] = key3(41, d1, s1t, s0t);
  out[k++] = key3(42, d, s0w, b0w);
  out[k++] = key2(43, s0 >= 0 ? st.nl[s0]! : -1, s0t); out[k++] = key2(44, s0 >= 0 ? st.nr[s0]! : -1, s0t);
  out[k++] = key2(45, st.nl[b0]!, b0t); out[k++] = key2(46, s1 >= 0 ? st.nr[s1]! : -1, s1t);
  out[k++] = key2(47, Lb(st, s0l1), s0t); out[k++] = key2(48, Lb(st, s0r1), s0t); out[k++] = key2(49, Lb(st, b0l1), b0t);
  out[k++] = key3(50, Lb(st, s0l1), Lb(st, s0l2), s0t); out[k++] = key3(51, Lb(st, s0r1), Lb(st, s0r2), s0t); out[k++] = key3(52, Lb(st, b0l1), Lb(st, b0l2), b0t);
  out[k++] = key2(53, Lb(st, s1r1), s1t); out[k++] = key2(54, Lb(st, s1l1), s1t);
  out[k++] = key2(55, W(st, x, s0l1), s0t); out[k++] = key2(56, W(st, x, s0r1), s0t); out[k++] = key2(57, W(st, x, b0l1), b0t);
  out[k++] = key1(58, s0l1t); out[k++] = key1(59, s0r1t); out[k++] = key1(60, b0l1t);
  out[k++] = key3(61, s0t, s0l1t, s0l2t); out[k++] = key3(62, s0t, s0r1t, s0r2t); out[k++] = key3(63, b0t, b0l1t, b0l2t);
  out[k++] = key2(64, b0w, b1w); out[k++] = key3(65, s0w, b0w, b1t); out[k++] = key3(66, s0t, s0w, Lb(st, s0l1));
  out[k++] = key3(67, b0w, b0t, Lb(st, b0l1)); out[k++] = key3(68, s1t, s0t, d);
  out[k++] = key3(69, s0t, b0t, Lb(st, s0r1));
  return k;
}

/** Best valid class under `scores`; `allowed` optionally restricts to zero-cost classes. */
function bestClass(st: State, scores: Float64Array, L: number, rootLabel: number, allowed?: Uint8Array): number {
  let best = -1;
  let bestScore = -Infinity;
  if (canShift(st) && (!allowed || allowed[0]) && scores[0]! > bestScore) { best = 0; bestScore = scores[0]!; }
  if (canLeft(st)) {
    if (st.b0 === st.n) {
      const c = 1 + rootLabel;
      if ((!allowed || allowed[c]) && scores[c]! > bestScore) { best = c; bestScore = scores[c]!; }
    } else {
      for (let l = 0; l < L; l++) {
        if (l === rootLabel) continue;
        const c = 1 + l;
        if ((!allowed || allowed[c]) && scores[c]! > bestScore) { best = c; bestScore = scores[c]!; }
      }
    }
  }
  if (canRight(st)) {
    for (let l = 0; l < L; l++) {
      if (l === rootLabel) continue;
      const c = 1 + L + l;
      if ((!allowed || allowed[c]) && scores[c]! > bestScore) { best = c; bestScore = scores[c]!; }
    }
  }
  return best;
}

export type ParseResult = { head: Int32Array; label: Int32Array };

export function parse(model: ParserModel, x: ParseInput, scorer: Scorer = model.weights): ParseResult {
  const n = x.words.length;
  const L = model.labels.length;
  const rootLabel = model.labels.indexOf('root');
  const st = new State(n);
  const feats = new Uint32Array(MAX_FEATS);
  const scores = new Float64Array(1 + 2 * L);
  while (!st.done()) {
    const k = features(st, x, feats);
    scorer.score(feats, k, scores);
    st.apply(bestClass(st, scores, L, rootLabel), L);
  }
  const head = new Int32Array(n);
  for (let i = 0; i < n; i++) head[i] = st.head[i] === n ? -1 : st.head[i]!;
  return { head, label: st.label.subarray(0, n) };
}

/** Gold arcs each move would make unreachable (arc-hybrid is arc-decomposable: exact). */
function moveCosts(st: State, gold: Int32Array, out: Int32Array): void {
  const n = st.n;
  const s0 = st.s(0);
  const s1 = st.s(1);
  const b0 = st.b0;
  // Children of s0 still in the buffer are lost by popping s0.
  let s0ChildrenInBuffer = 0;
  if (s0 >= 0) for (let i = b0; i < n; i++) if (gold[i] === s0) s0ChildrenInBuffer++;
  const g0 = s0 >= 0 ? gold[s0]! : -1;
  const headInBuffer = g0 >= b0; // root (n) counts as in the buffer
  out[0] = out[1] = out[2] = 0;
  if (canLeft(st)) out[1] = s0ChildrenInBuffer + (g0 !== b0 && (g0 === s1 || headInBuffer) ? 1 : 0);
  if (canRight(st)) out[2] = s0ChildrenInBuffer + (g0 !== s1 && headInBuffer ? 1 : 0);
  if (canShift(st)) {
    let c = 0;
    const gb = gold[b0]!;
    for (let k = 0; k < st.sp; k++) {
      const si = st.stack[k]!;
      if (gold[si] === b0) c++;
      if (si === gb && si !== s0) c++;
    }
    out[0] = c;
  }
}

export type TrainParserOptions = {
  epochs: number;
  seed: number;
  /** Probability of following the model's own (wrong) move after the first epoch. */
  explore?: number;
  log?: (line: string) => void;
  /** Called after each epoch with the averaged model, for held-out scores. */
  evaluate?: (model: ParserModel) => string;
};

export function trainParser(sentences: TrainSentence[], labels: string[], opts: TrainParserOptions): ParserModel {
  const L = labels.length;
  const rootLabel = labels.indexOf('root');
  const model = new AveragedPerceptron(1 + 2 * L);
  const feats = new Uint32Array(MAX_FEATS);
  const scores = new Float64Array(1 + 2 * L);
  const costs = new Int32Array(3);
  const allowed = new Uint8Array(1 + 2 * L);
  const random = seededRandom(opts.seed);
  const order = sentences.map((_, i) => i);
  const explore = opts.explore ?? 0.9;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    let correct = 0;
    let total = 0;
    for (const si of order) {
      const x = sentences[si]!;
      const n = x.words.length;
      const gold = new Int32Array(n);
      for (let i = 0; i < n; i++) gold[i] = x.head[i]! < 0 ? n : x.head[i]!;
      const st = new State(n);
      while (!st.done()) {
        const k = features(st, x, feats);
        model.score(feats, k, scores);
        moveCosts(st, gold, costs);
        // Zero-cost classes: the cheapest moves, and for an arc to its gold head only the gold label.
        let min = Infinity;
        if (canShift(st)) min = Math.min(min, costs[0]!);
        if (canLeft(st)) min = Math.min(min, costs[1]!);
        if (canRight(st)) min = Math.min(min, costs[2]!);
        allowed.fill(0);
        if (canShift(st) && costs[0] === min) allowed[0] = 1;
        const s0 = st.s(0);
        if (canLeft(st) && costs[1] === min) {
          if (gold[s0] === st.b0) allowed[1 + x.label[s0]!] = 1;
          else for (let l = 0; l < L; l++) allowed[1 + l] = 1;
        }
        if (canRight(st) && costs[2] === min) {
          if (gold[s0] === st.s(1)) allowed[1 + L + x.label[s0]!] = 1;
          else for (let l = 0; l < L; l++) allowed[1 + L + l] = 1;
        }
        const guess = bestClass(st, scores, L, rootLabel);
        let best = bestClass(st, scores, L, rootLabel, allowed);
        if (best < 0) best = guess; // no valid zero-cost labelled move (cannot happen with a root label)
        if (allowed[guess]) correct++;
        else model.update(feats, k, best, guess);
        model.tick();
        total++;
        const follow = allowed[guess] || (epoch > 1 && random() < explore) ? guess : best;
        st.apply(follow, L);
      }
    }
    shuffleInPlace(order, random);
    let line = `parser epoch ${epoch}/${opts.epochs}: train transitions right ${(correct / total).toFixed(4)}`;
    if (opts.evaluate) line += `, ${opts.evaluate({ labels, weights: model.compile(0.05) })}`;
    opts.log?.(line);
  }
  // Rows updated only once are mostly one-off features: dropping them keeps the file and the
  // lookup table small (memory latency bounds the speed) at little cost in accuracy.
  return { labels, weights: model.compile(0.05, 2) };
}
