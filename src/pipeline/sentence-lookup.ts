// Which sentence holds an offset: every stage that attaches something to "its sentence" asks this.
export type SentenceBounds = { start: number; end: number };

/** Index of the sentence holding offset `at`, or -1. Sentences are in text order. */
export function sentenceIndexAt(sentences: readonly SentenceBounds[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Index of the last sentence starting at or before `at` (for offsets between sentences), or -1. */
export function sentenceIndexBefore(sentences: readonly SentenceBounds[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= at) { idx = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return idx;
}
