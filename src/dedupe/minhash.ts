// MinHash signatures over word shingles, and LSH band keys so a store can find near-duplicate
// candidates without comparing every pair. Deterministic: same text -> same signature.

export const NUM_HASHES = 64;
export const SHINGLE_WORDS = 5;
/** 16 bands of 4 rows: pairs at similarity 0.8 share a band with probability > 0.999. */
export const BANDS = 16;
export const ROWS_PER_BAND = NUM_HASHES / BANDS;
/** Estimated Jaccard similarity from which two documents count as near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

const EMPTY_SLOT = 0xffffffff;

/** FNV-1a over UTF-16 code units, 32-bit. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: a good 32-bit mix, so seed ^ h gives independent-looking hashes. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds derived from the slot number: never random, so signatures are stable across runs. */
const SEEDS: number[] = Array.from({ length: NUM_HASHES }, (_, i) => fmix32(0x9e3779b9 ^ Math.imul(i + 1, 0x27d4eb2d)));

export function shingleWords(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

export function fingerprint(text: string): number[] {
  const words = shingleWords(text);
  const sig = new Array<number>(NUM_HASHES).fill(EMPTY_SLOT);
  if (words.length === 0) return sig;
  const n = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < n; i++) {
    const base = fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' '));
    for (let k = 0; k < NUM_HASHES; k++) {
      const h = fmix32(base ^ SEEDS[k]!);
      if (h < sig[k]!) sig[k] = h;
    }
  }
  return sig;
}

/** Share of equal slots: an estimate of the Jaccard similarity of the two shingle sets. */
export function estimateSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  let empty = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === EMPTY_SLOT && b[i] === EMPTY_SLOT) empty++;
    else if (a[i] === b[i]) same++;
  }
  // Two empty texts are not "duplicates" of each other in any useful sense.
  return empty === a.length ? 0 : same / a.length;
}

export function isNearDuplicate(a: readonly number[], b: readonly number[], threshold = NEAR_DUPLICATE_THRESHOLD): boolean {
  return estimateSimilarity(a, b) >= threshold;
}

/** One key per band ("b03:1a2b3c4d"); documents sharing any key are near-duplicate candidates. */
export function bandKeys(sig: readonly number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS_PER_BAND; r++) {
      h = fmix32(h ^ (sig[b * ROWS_PER_BAND + r] ?? 0));
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    keys.push(`b${String(b).padStart(2, '0')}:${(h >>> 0).toString(16).padStart(8, '0')}`);
  }
  return keys;
}
