// Attaches a time expression to a span of text (an event trigger, a quote): the nearest time
// mentioned in the same sentence, optionally inherited from the sentence before.
import type { TimeOut } from '../analysis/types.js';
import { sentenceIndexAt } from '../pipeline/sentence-lookup.js';

export { sentenceIndexAt };

type SentenceBounds = { start: number; end: number; paragraph?: number };

/** The time whose mention inside sentence `index` lies nearest to [start, end); ties go to the earlier one. */
function nearestInSentence(times: readonly TimeOut[], sentence: SentenceBounds, start: number, end: number): TimeOut | null {
  let best: TimeOut | null = null;
  let bestDistance = Infinity;
  let bestStart = Infinity;
  for (const t of times) {
    for (const m of t.mentions) {
      if (m.start < sentence.start || m.end > sentence.end) continue;
      const distance = m.end <= start ? start - m.end : m.start >= end ? m.start - end : 0;
      if (distance < bestDistance || (distance === bestDistance && m.start < bestStart)) {
        best = t;
        bestDistance = distance;
        bestStart = m.start;
      }
    }
  }
  return best;
}

/** The time expression in the same sentence as [start, end) closest to it, else null. */
export function timeForSpan(times: readonly TimeOut[], start: number, end: number, sentences: readonly SentenceBounds[]): TimeOut | null {
  const i = sentenceIndexAt(sentences, start);
  return i < 0 ? null : nearestInSentence(times, sentences[i]!, start, end);
}

/**
 * Like timeForSpan, but when the sentence has no time, takes the one nearest the end of the
 * previous sentence of the same paragraph ("On 3 May, X attacked Y. The group then ...").
 * `inherited` tells the caller the time came from the previous sentence.
 */
export function timeForSpanOrPrevious(
  times: readonly TimeOut[], start: number, end: number, sentences: readonly SentenceBounds[],
): { time: TimeOut; inherited: boolean } | null {
  const i = sentenceIndexAt(sentences, start);
  if (i < 0) return null;
  const own = nearestInSentence(times, sentences[i]!, start, end);
  if (own) return { time: own, inherited: false };
  const prev = sentences[i - 1];
  if (!prev) return null;
  const cur = sentences[i]!;
  if (prev.paragraph !== undefined && cur.paragraph !== undefined && prev.paragraph !== cur.paragraph) return null;
  const time = nearestInSentence(times, prev, prev.end, prev.end);
  return time ? { time, inherited: true } : null;
}
