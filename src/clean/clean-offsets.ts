// Maps offsets in a cleaned document's text back to its raw text.
import type { CleanedDocument } from '../ingest/types.js';

/**
 * Raw-text offset of cleaned-text offset `i`. Inside a copied stretch the mapping is exact;
 * in whitespace the cleaner wrote itself (collapsed spaces, paragraph breaks) it is the end of
 * the preceding copied stretch. `i === text.length` maps to the end of the last stretch.
 */
export function cleanToRawOffset(doc: Pick<CleanedDocument, 'segments' | 'text'>, i: number): number {
  if (!Number.isInteger(i) || i < 0 || i > doc.text.length) {
    throw new RangeError(`offset ${i} is outside the cleaned text (0..${doc.text.length})`);
  }
  const segs = doc.segments;
  let lo = 0;
  let hi = segs.length - 1;
  let found = -1;
  while (lo <= hi) { // last segment starting at or before i
    const mid = (lo + hi) >> 1;
    if (segs[mid]!.cleanStart <= i) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found < 0) return segs[0]?.rawStart ?? 0;
  const s = segs[found]!;
  return i < s.cleanStart + s.length ? s.rawStart + (i - s.cleanStart) : s.rawStart + s.length;
}

/** Raw span of a cleaned span [start, end). */
export function cleanToRawSpan(doc: Pick<CleanedDocument, 'segments' | 'text'>, start: number, end: number): { start: number; end: number } {
  const rawStart = cleanToRawOffset(doc, start);
  const rawEnd = end > start ? cleanToRawOffset(doc, end - 1) + 1 : rawStart;
  return { start: rawStart, end: rawEnd };
}
