// Open-addressing hash table from feature key (uint32, never 0) to row number. Faster than a
// Map for the millions of lookups tagging and parsing make, and it serialises as two arrays.

export class FeatureTable {
  keys: Uint32Array;
  rows: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 16) {
    let n = 1 << 4;
    while (n < capacity * 2) n <<= 1;
    this.keys = new Uint32Array(n);
    this.rows = new Int32Array(n);
    this.mask = n - 1;
  }

  static fromArrays(keys: Uint32Array, rows: Int32Array): FeatureTable {
    const t = new FeatureTable(1);
    t.keys = keys;
    t.rows = rows;
    t.mask = keys.length - 1;
    let size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) size++;
    t.size = size;
    return t;
  }

  /** Row of `key`, or -1. */
  get(key: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = keys[i]!;
      if (k === key) return this.rows[i]!;
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Row of `key`, adding it with row `next` when absent. */
  getOrAdd(key: number, next: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const keys = this.keys;
    const mask = this.mask;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = keys[i]!;
      if (k === key) return this.rows[i]!;
      if (k === 0) {
        keys[i] = key;
        this.rows[i] = next;
        this.size++;
        return next;
      }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRows = this.rows;
    const n = oldKeys.length * 2;
    this.keys = new Uint32Array(n);
    this.rows = new Int32Array(n);
    this.mask = n - 1;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] !== 0) this.getOrAdd(oldKeys[i]!, oldRows[i]!);
    }
  }
}
