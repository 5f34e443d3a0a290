// A binary min-heap keyed by a number: the engine's agenda of days when an indicator's window
// loses a day of records.
export class MinHeap<T> {
  private readonly keys: number[] = [];
  private readonly values: T[] = [];

  get size(): number {
    return this.keys.length;
  }

  peekKey(): number | undefined {
    return this.keys[0];
  }

  push(key: number, value: T): void {
    const k = this.keys;
    const v = this.values;
    let i = k.length;
    k.push(key);
    v.push(value);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (k[p]! <= key) break;
      k[i] = k[p]!; v[i] = v[p]!;
      i = p;
    }
    k[i] = key; v[i] = value;
  }

  pop(): T | undefined {
    const k = this.keys;
    const v = this.values;
    if (!k.length) return undefined;
    const top = v[0];
    const lastK = k.pop()!;
    const lastV = v.pop()!;
    const n = k.length;
    if (n) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const c = l + 1 < n && k[l + 1]! < k[l]! ? l + 1 : l;
        if (k[c]! >= lastK) break;
        k[i] = k[c]!; v[i] = v[c]!;
        i = c;
      }
      k[i] = lastK; v[i] = lastV;
    }
    return top;
  }
}
