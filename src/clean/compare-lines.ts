// Loose comparison of lines: case, punctuation, quote styles and spacing do not count.
// Lines are compared pairwise within a window, so each is folded many times: keep the folds of
// the lines seen lately (bounded, so a long ingest does not grow it).
const folded = new Map<string, string[]>();
const FOLD_CACHE_MAX = 4096;

export function foldTokens(s: string): string[] {
  let hit = folded.get(s);
  if (!hit) {
    if (folded.size >= FOLD_CACHE_MAX) folded.clear();
    hit = s.normalize('NFKC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
    folded.set(s, hit);
  }
  return hit;
}

export function foldLine(s: string): string {
  return foldTokens(s).join(' ');
}

/** Dice coefficient over word multisets. */
export function wordDice(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const c = counts.get(w) ?? 0;
    if (c > 0) { common++; counts.set(w, c - 1); }
  }
  return (2 * common) / (a.length + b.length);
}

/** Equal, or differing only by a word or two in a line of some length ("near-equal"). */
export function nearEqual(a: string, b: string, threshold = 0.9): boolean {
  // Lines of very different lengths cannot share 90% of their words: skip the folding.
  if (Math.min(a.length, b.length) < Math.max(a.length, b.length) * 0.6) return false;
  const ta = foldTokens(a);
  const tb = foldTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  if (ta.join(' ') === tb.join(' ')) return true;
  if (Math.min(ta.length, tb.length) < 4) return false; // short lines must match exactly
  return wordDice(ta, tb) >= threshold;
}

/** True when `needle`'s words appear in order, contiguously, inside `hay`. */
export function containsFolded(hay: string, needle: string): boolean {
  const n = foldLine(needle);
  return n !== '' && ` ${foldLine(hay)} `.includes(` ${n} `);
}
