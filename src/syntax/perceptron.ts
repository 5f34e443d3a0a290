// Averaged perceptron (Collins 2002) over hashed features, with the lazy averaging trick
// (Daumé III): keep w and u = Σ c·Δw, the average is w − u/c. Training rows are dense per
// feature; the compiled model keeps only the non-negligible weights, sparse, for a small file
// and fast scoring.
import { FeatureTable } from './feature-table.js';

const CHUNK_BITS = 12;
const CHUNK_ROWS = 1 << CHUNK_BITS;

export class AveragedPerceptron {
  readonly nClasses: number;
  readonly table = new FeatureTable(1 << 18);
  private w: Float32Array[] = [];
  private u: Float64Array[] = [];
  /** Updates each row took part in: rows updated only once or twice are rare features, pruned at compile. */
  private updates: Int32Array[] = [];
  private rows = 0;
  /** Number of examples seen (the averaging clock). */
  private c = 1;

  constructor(nClasses: number) {
    this.nClasses = nClasses;
  }

  /** Adds the current weights of `n` features into `out` (which it first zeroes). */
  score(feats: Uint32Array, n: number, out: Float64Array): void {
    const C = this.nClasses;
    out.fill(0);
    for (let f = 0; f < n; f++) {
      const row = this.table.get(feats[f]!);
      if (row < 0) continue;
      const w = this.w[row >>> CHUNK_BITS]!;
      const off = (row & (CHUNK_ROWS - 1)) * C;
      for (let k = 0; k < C; k++) out[k] += w[off + k]!;
    }
  }

  /** Perceptron update: reward `truth`, penalise `guess`. */
  update(feats: Uint32Array, n: number, truth: number, guess: number): void {
    if (truth === guess) return;
    const C = this.nClasses;
    const c = this.c;
    for (let f = 0; f < n; f++) {
      const row = this.table.getOrAdd(feats[f]!, this.rows);
      if (row === this.rows) this.addRow();
      const ci = row >>> CHUNK_BITS;
      const off = (row & (CHUNK_ROWS - 1)) * C;
      const w = this.w[ci]!;
      const u = this.u[ci]!;
      this.updates[ci]![row & (CHUNK_ROWS - 1)]++;
      w[off + truth] += 1; u[off + truth] += c;
      w[off + guess] -= 1; u[off + guess] -= c;
    }
  }

  /** One example done: advances the averaging clock. */
  tick(): void {
    this.c++;
  }

  private addRow(): void {
    if ((this.rows & (CHUNK_ROWS - 1)) === 0) {
      this.w.push(new Float32Array(CHUNK_ROWS * this.nClasses));
      this.u.push(new Float64Array(CHUNK_ROWS * this.nClasses));
      this.updates.push(new Int32Array(CHUNK_ROWS));
    }
    this.rows++;
  }

  /** The averaged weights, sparse; entries below `minWeight` in magnitude and rows updated fewer than `minUpdates` times are dropped. */
  compile(minWeight: number, minUpdates = 1): SparseLinearModel {
    const C = this.nClasses;
    const c = this.c;
    // Rows in key order, so the same training gives the same bytes whatever the table layout.
    const tk = this.table.keys;
    const tr = this.table.rows;
    const byKey: number[] = [];
    for (let i = 0; i < tk.length; i++) if (tk[i] !== 0) byKey.push(i);
    byKey.sort((a, b) => tk[a]! - tk[b]!);
    const avg = (row: number, k: number) => {
      const off = (row & (CHUNK_ROWS - 1)) * C + k;
      return this.w[row >>> CHUNK_BITS]![off]! - this.u[row >>> CHUNK_BITS]![off]! / c;
    };
    const kept = (row: number) => this.updates[row >>> CHUNK_BITS]![row & (CHUNK_ROWS - 1)]! >= minUpdates;
    // Two passes (count, then fill) so typed arrays can be sized exactly: the entries can number
    // more than a JavaScript array may hold.
    let rows = 0;
    let entries = 0;
    for (const slot of byKey) {
      const row = tr[slot]!;
      if (!kept(row)) continue;
      let any = false;
      for (let k = 0; k < C; k++) if (Math.abs(avg(row, k)) >= minWeight) { entries++; any = true; }
      if (any) rows++;
    }
    const keys = new Uint32Array(rows);
    const offsets = new Uint32Array(rows + 1);
    const classes = new Uint8Array(entries);
    const weights = new Float32Array(entries);
    let r = 0;
    let e = 0;
    for (const slot of byKey) {
      const row = tr[slot]!;
      if (!kept(row)) continue;
      const e0 = e;
      for (let k = 0; k < C; k++) {
        const a = avg(row, k);
        if (Math.abs(a) >= minWeight) { classes[e] = k; weights[e] = a; e++; }
      }
      if (e > e0) { keys[r++] = tk[slot]!; offsets[r] = e; }
    }
    return SparseLinearModel.build(C, keys, offsets, classes, weights);
  }
}

/**
 * The compiled, read-only model: feature key → (class, weight) pairs. Scoring is bound by
 * memory latency, so a lookup touches two places only: the slot (key and data offset side by
 * side) and the row's entries (count, then class/weight pairs, contiguous).
 */
export class SparseLinearModel {
  private readonly slots: Uint32Array;
  private readonly data: Float32Array;
  private readonly mask: number;
  /** Scratch: slot positions, then row offsets, of the features being scored. */
  private readonly at = new Uint32Array(256);
  /** Where the touching loads go, so the compiler keeps them. */
  sink = 0;

  constructor(
    readonly nClasses: number,
    /** Sorted feature keys; row i owns entries offsets[i]..offsets[i+1] (the serialised form). */
    readonly keys: Uint32Array,
    readonly offsets: Uint32Array,
    readonly classes: Uint8Array,
    readonly weights: Float32Array,
  ) {
    let cap = 16;
    while (cap < keys.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Uint32Array(cap * 2);
    this.data = new Float32Array(keys.length + classes.length * 2);
    let d = 0;
    for (let r = 0; r < keys.length; r++) {
      const key = keys[r]!;
      let i = Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
      while (this.slots[i * 2] !== 0) i = (i + 1) & this.mask;
      this.slots[i * 2] = key;
      this.slots[i * 2 + 1] = d;
      const a = offsets[r]!;
      const b = offsets[r + 1]!;
      this.data[d++] = b - a;
      for (let j = a; j < b; j++) {
        this.data[d++] = classes[j]!;
        this.data[d++] = weights[j]!;
      }
    }
  }

  static build(nClasses: number, keys: Uint32Array, offsets: Uint32Array, classes: Uint8Array, weights: Float32Array): SparseLinearModel {
    return new SparseLinearModel(nClasses, keys, offsets, classes, weights);
  }

  score(feats: Uint32Array, n: number, out: Float64Array): void {
    out.fill(0);
    const slots = this.slots;
    const data = this.data;
    const mask = this.mask;
    const at = this.at;
    // Scoring is bound by memory latency: most lookups miss the cache, and a branch on each
    // loaded key makes the misses wait for one another. Touching every slot first, with no
    // branch on what is read, lets the processor fetch them all at once; probing then runs on
    // cached lines. The same for the rows' data.
    let sink = 0;
    for (let f = 0; f < n; f++) {
      const i = Math.imul(feats[f]!, 0x9e3779b1) >>> 0 & mask;
      at[f] = i;
      sink ^= slots[i * 2]!;
    }
    let m = 0;
    for (let f = 0; f < n; f++) {
      const key = feats[f]!;
      let i = at[f]!;
      let k = slots[i * 2]!;
      while (k !== key && k !== 0) {
        i = (i + 1) & mask;
        k = slots[i * 2]!;
      }
      if (k !== 0) at[m++] = slots[i * 2 + 1]!;
    }
    let touch = 0;
    for (let r = 0; r < m; r++) touch += data[at[r]!]!;
    this.sink = sink + touch;
    for (let r = 0; r < m; r++) {
      let d = at[r]!;
      const end = d + 1 + 2 * data[d]!;
      for (d++; d < end; d += 2) out[data[d]! | 0] += data[d + 1]!;
    }
  }

}
