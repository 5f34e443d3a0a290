// Dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011) with the root at the
// end of the buffer and a single root. One averaged perceptron over Zhang & Nivre (2011)-style
// features chooses the move (shift, left-arc, right-arc), trained with the dynamic oracle of
// Goldberg & Nivre (2013), which keeps learning after the parser's own mistakes; a second one
// labels each arc as it is made. Splitting the two keeps the move model's rows three wide, which
// is most of the parser's speed. Linear in sentence length.
import { hashString, key1, key2, key3 } from './feature-hash.js';
import { seededRandom, shuffleInPlace } from '../seeded-random.js';
import { AveragedPerceptron, type SparseLinearModel } from './perceptron.js';
import type { Scorer } from './tagger.js';

export type ParserModel = {
  /** Dependency labels, the labeller's classes. */
  labels: string[];
  /** Move classifier: SHIFT, LEFT, RIGHT. */
  moves: SparseLinearModel;
  labeler: SparseLinearModel;
};

const SHIFT = 0;
const LEFT = 1;
const RIGHT = 2;

export type ParseInput = {
  /** Hash of each word's normalised form. */
  words: Uint32Array;
  /** Tag class of each word (any integer coding, the same in training and use). */
  tags: Int32Array;
  /** Coarse (universal) tag of each word, which generalises where the fine tag is wrong. */
  coarse: Int32Array;
};

export type TrainSentence = ParseInput & { head: Int32Array; label: Int32Array };

const NONE = hashString('<none>');
const ROOT_WORD = hashString('<root>');
const NO_TAG = -3;
const ROOT_TAG = -2;
const MAX_FEATS = 80;
const MAX_LABEL_FEATS = 40;

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

  /** Head the arc of `move` would give s0. */
  headFor(move: number): number {
    return move === LEFT ? this.b0 : this.stack[this.sp - 2]!;
  }

  apply(move: number, label: number): void {
    if (move === SHIFT) {
      this.stack[this.sp++] = this.b0++;
    } else {
      const h = this.headFor(move);
      this.addArc(h, this.stack[--this.sp]!, label);
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
  return i < 0 || i > st.n ? NONE : i === st.n ? ROOT_WORD : x.words[i]!;
}
function T(st: State, x: ParseInput, i: number): number {
  return (i < 0 || i > st.n ? NO_TAG : i === st.n ? ROOT_TAG : x.tags[i]!) + 10;
}
function U(st: State, x: ParseInput, i: number): number {
  return (i < 0 || i > st.n ? NO_TAG : i === st.n ? ROOT_TAG : x.coarse[i]!) + 10;
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
  const s0u = U(st, x, s0), s1u = U(st, x, s1), b0u = U(st, x, b0), b1u = U(st, x, b1);
  out[k++] = key2(70, s0u, b0u); out[k++] = key3(71, s1u, s0u, b0u); out[k++] = key3(72, s0u, b0u, b1u);
  out[k++] = key2(73, s1u, s0u); out[k++] = key3(74, s0u, b0u, d);
  return k;
}

/** The state features (positions in features()' output) the labeller sees besides its own. */
const LABEL_CONTEXT = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 16, 22, 27, 29, 30, 38];

/**
 * Features for labelling the arc h → d, written after the context already in out[0..start): the
 * labeller sees part of the state that chose the move, and the arc itself.
 */
function labelFeatures(st: State, x: ParseInput, h: number, d: number, out: Uint32Array, start: number): number {
  const hw = W(st, x, h), ht = T(st, x, h), dw = W(st, x, d), dt = T(st, x, d);
  const dir = d < h ? 1 : 2;
  const dd = distBucket(Math.abs(h - d)) * 4 + dir;
  let k = start;
  out[k++] = key1(100, dir);
  out[k++] = key2(101, hw, dir); out[k++] = key2(102, ht, dir); out[k++] = key2(103, dw, dir); out[k++] = key2(104, dt, dir);
  out[k++] = key3(105, ht, dt, dir); out[k++] = key3(106, hw, dt, dir); out[k++] = key3(107, ht, dw, dir); out[k++] = key3(108, hw, dw, dir);
  out[k++] = key3(109, dd, ht, dt);
  out[k++] = key3(110, dt, Lb(st, st.l1[d]!), Lb(st, st.r1[d]!));
  out[k++] = key2(111, dw, Lb(st, st.l1[d]!));
  out[k++] = key3(112, ht, Lb(st, st.l1[h]!), dir); out[k++] = key3(113, ht, Lb(st, st.r1[h]!), dir);
  out[k++] = key3(114, dt, T(st, x, d - 1), T(st, x, d + 1)); out[k++] = key3(115, ht, T(st, x, h - 1), T(st, x, h + 1));
  out[k++] = key2(116, dt, T(st, x, st.l1[d]!)); out[k++] = key2(117, dt, T(st, x, st.r1[d]!));
  out[k++] = key3(118, dt, st.nl[d]!, st.nr[d]!);
  out[k++] = key3(119, dw, dt, ht); out[k++] = key3(120, hw, ht, dt);
  out[k++] = key3(121, ht, dt, T(st, x, d + 1) * 4 + dir); out[k++] = key2(122, W(st, x, d + 1), dt);
  out[k++] = key3(123, ht, dt, T(st, x, st.l2[d]!)); out[k++] = key3(124, dt, dir, Lb(st, st.l1[h]!) * 64 + Lb(st, st.r1[h]!));
  // The parser state around the arc: what comes next and what waits on the stack.
  const b0 = st.b0, s1 = st.s(1), s2 = st.s(2);
  const next = d < h ? b0 + 1 : b0;
  out[k++] = key3(125, ht, dt, T(st, x, next) * 4 + dir); out[k++] = key3(126, dt, dir, W(st, x, next));
  out[k++] = key3(127, ht, dt, T(st, x, d < h ? s1 : s2) * 4 + dir); out[k++] = key3(128, dw, ht, dir);
  out[k++] = key3(129, dt, T(st, x, st.r2[d]!), T(st, x, st.r1[d]!));
  out[k++] = key3(130, U(st, x, h), U(st, x, d), dir);
  return k;
}

/** Best valid move under `scores`; `allowed` optionally restricts to zero-cost moves. */
function bestMove(st: State, scores: Float64Array, allowed?: Uint8Array): number {
  let best = -1;
  let bestScore = -Infinity;
  if (canShift(st) && (!allowed || allowed[SHIFT]) && scores[SHIFT]! > bestScore) { best = SHIFT; bestScore = scores[SHIFT]!; }
  if (canLeft(st) && (!allowed || allowed[LEFT]) && scores[LEFT]! > bestScore) { best = LEFT; bestScore = scores[LEFT]!; }
  if (canRight(st) && (!allowed || allowed[RIGHT]) && scores[RIGHT]! > bestScore) best = RIGHT;
  return best;
}

/** Best label other than root (only the root arc takes that one). */
function bestLabel(scores: Float64Array, rootLabel: number): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let l = 0; l < scores.length; l++) {
    if (l !== rootLabel && scores[l]! > bestScore) { best = l; bestScore = scores[l]!; }
  }
  return best;
}

export type ParseResult = { head: Int32Array; label: Int32Array };

export function parse(model: ParserModel, x: ParseInput, moves: Scorer = model.moves, labeler: Scorer = model.labeler): ParseResult {
  const n = x.words.length;
  const L = model.labels.length;
  const rootLabel = model.labels.indexOf('root');
  const st = new State(n);
  const feats = new Uint32Array(MAX_FEATS);
  const lfeats = new Uint32Array(LABEL_CONTEXT.length + MAX_LABEL_FEATS);
  const scores = new Float64Array(3);
  const lscores = new Float64Array(L);
  while (!st.done()) {
    const k = features(st, x, feats);
    moves.score(feats, k, scores);
    const move = bestMove(st, scores);
    let label = -1;
    if (move !== SHIFT) {
      const h = st.headFor(move);
      if (h === n) label = rootLabel;
      else {
        for (let c = 0; c < LABEL_CONTEXT.length; c++) lfeats[c] = feats[LABEL_CONTEXT[c]!]!;
        labeler.score(lfeats, labelFeatures(st, x, h, st.s(0), lfeats, LABEL_CONTEXT.length), lscores);
        label = bestLabel(lscores, rootLabel);
      }
    }
    st.apply(move, label);
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
  const moves = new AveragedPerceptron(3);
  const labeler = new AveragedPerceptron(L);
  const feats = new Uint32Array(MAX_FEATS);
  const lfeats = new Uint32Array(LABEL_CONTEXT.length + MAX_LABEL_FEATS);
  const scores = new Float64Array(3);
  const lscores = new Float64Array(L);
  const costs = new Int32Array(3);
  const allowed = new Uint8Array(3);
  const random = seededRandom(opts.seed);
  const order = sentences.map((_, i) => i);
  const explore = opts.explore ?? 0.9;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    let correct = 0, total = 0, labelled = 0, labelledRight = 0;
    for (const si of order) {
      const x = sentences[si]!;
      const n = x.words.length;
      const gold = new Int32Array(n);
      for (let i = 0; i < n; i++) gold[i] = x.head[i]! < 0 ? n : x.head[i]!;
      const st = new State(n);
      while (!st.done()) {
        const k = features(st, x, feats);
        moves.score(feats, k, scores);
        moveCosts(st, gold, costs);
        let min = Infinity;
        if (canShift(st)) min = Math.min(min, costs[SHIFT]!);
        if (canLeft(st)) min = Math.min(min, costs[LEFT]!);
        if (canRight(st)) min = Math.min(min, costs[RIGHT]!);
        allowed[SHIFT] = canShift(st) && costs[SHIFT] === min ? 1 : 0;
        allowed[LEFT] = canLeft(st) && costs[LEFT] === min ? 1 : 0;
        allowed[RIGHT] = canRight(st) && costs[RIGHT] === min ? 1 : 0;
        const guess = bestMove(st, scores);
        const best = bestMove(st, scores, allowed);
        if (allowed[guess]) correct++;
        else moves.update(feats, k, best, guess);
        moves.tick();
        total++;
        const follow = allowed[guess] || (epoch > 1 && random() < explore) ? guess : best;
        let label = -1;
        if (follow !== SHIFT) {
          const h = st.headFor(follow);
          const d = st.s(0);
          if (h === n) label = rootLabel;
          else {
            for (let c = 0; c < LABEL_CONTEXT.length; c++) lfeats[c] = feats[LABEL_CONTEXT[c]!]!;
            const lk = labelFeatures(st, x, h, d, lfeats, LABEL_CONTEXT.length);
            labeler.score(lfeats, lk, lscores);
            label = bestLabel(lscores, rootLabel);
            // The labeller learns from arcs to the gold head; its own guess stays in the state,
            // as it will in use.
            if (gold[d] === h) {
              labelled++;
              if (label === x.label[d]) labelledRight++;
              else labeler.update(lfeats, lk, x.label[d]!, label);
              labeler.tick();
            }
          }
        }
        st.apply(follow, label);
      }
    }
    shuffleInPlace(order, random);
    let line = `parser epoch ${epoch}/${opts.epochs}: train moves right ${(correct / total).toFixed(4)}, labels right ${(labelledRight / Math.max(1, labelled)).toFixed(4)}`;
    if (opts.evaluate) line += `, ${opts.evaluate({ labels, moves: moves.compile(0.05), labeler: labeler.compile(0.05) })}`;
    opts.log?.(line);
  }
  // Rows updated only once are mostly one-off features: dropping them keeps the file and the
  // lookup table small at little cost in accuracy.
  return { labels, moves: moves.compile(0.05, 2), labeler: labeler.compile(0.05, 2) };
}
