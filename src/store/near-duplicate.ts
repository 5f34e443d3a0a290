// Near-duplicate detection over MinHash signatures, shared by every store backend: the
// signature is cut into bands whose keys index candidates (LSH); a candidate counts as a
// near-duplicate when the estimated Jaccard similarity reaches the threshold.

/** Numbers per band: 64-number signatures give 16 bands of 4. */
export const BAND_SIZE = 4;
/** Estimated Jaccard similarity at or above which a document is a near-duplicate. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

/** Band keys "index:v1,v2,v3,v4"; a trailing partial band is ignored. */
export function bandKeys(signature: readonly number[]): string[] {
  const keys: string[] = [];
  for (let band = 0; (band + 1) * BAND_SIZE <= signature.length; band++) {
    keys.push(`${band}:${signature.slice(band * BAND_SIZE, (band + 1) * BAND_SIZE).join(',')}`);
  }
  return keys;
}

/** Fraction of equal positions; signatures of different lengths are not comparable (0). */
export function estimatedJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

export type Candidate = { id: string; signature: readonly number[]; nearDuplicateOf: string | null };

/**
 * The original a new signature duplicates, or null. The best-scoring candidate wins (ties:
 * the earliest in the list); when that candidate is itself a near-duplicate we link to its
 * original, so each cluster is a star around one original document.
 */
export function pickOriginal(signature: readonly number[], candidates: readonly Candidate[]): string | null {
  let best: Candidate | null = null;
  let bestScore = NEAR_DUPLICATE_THRESHOLD;
  for (const c of candidates) {
    const score = estimatedJaccard(signature, c.signature);
    if (score > bestScore || (best === null && score >= bestScore)) {
      best = c;
      bestScore = score;
    }
  }
  return best === null ? null : (best.nearDuplicateOf ?? best.id);
}
