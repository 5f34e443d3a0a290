// Integer feature keys for the perceptron models. Strings are hashed once per token (FNV-1a);
// a feature is a template number mixed with one to three value hashes, so extracting a feature
// costs a few multiplications and no string building.

/** FNV-1a over UTF-16 code units; never 0. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) || 1;
}

function mix(h: number, v: number): number {
  h ^= v;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Feature key of template `t` with value hashes a (b, c). Never 0 (0 marks an empty slot). */
export function key1(t: number, a: number): number {
  return (mix(Math.imul(t + 1, 0x9e3779b1), a) >>> 0) || 1;
}
export function key2(t: number, a: number, b: number): number {
  return (mix(mix(Math.imul(t + 1, 0x9e3779b1), a), b) >>> 0) || 1;
}
export function key3(t: number, a: number, b: number, c: number): number {
  return (mix(mix(mix(Math.imul(t + 1, 0x9e3779b1), a), b), c) >>> 0) || 1;
}
