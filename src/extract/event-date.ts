// When an event happened: the time mentioned nearest before its trigger in the sentence (else
// nearest after), with the times coordinated to it ("in 2014 and 2018" → two dates); else the
// latest time of an earlier sentence in the paragraph; else the publication period, marked as
// a range (the event happened by then) — never a precision the text does not give.
import type { When } from '../analysis/types.js';
import { parsePartialDate } from '../time/partial-date.js';
import type { SentenceInfo, TimeRef } from './sentence-index.js';

export type EventDate = { whens: When[]; source: 'sentence' | 'paragraph' | 'published' | 'none'; mentions: TimeRef[] };

const COORDINATED = /^(?:\s|,|and\b|or\b|&)*$/i;

/** The time at `i` with the times coordinated to it ("in 2014 and 2018"). */
export function coordinatedGroup(times: readonly TimeRef[], text: string, i: number): TimeRef[] {
  const group = [times[i]!];
  for (let j = i - 1; j >= 0 && COORDINATED.test(text.slice(times[j]!.end, group[0]!.start)); j--) group.unshift(times[j]!);
  for (let j = i + 1; j < times.length && COORDINATED.test(text.slice(group.at(-1)!.end, times[j]!.start)); j++) group.push(times[j]!);
  return group;
}

/** No date in the text: the event is known only to fall within the publication date, and says so. */
export function publicationWhen(published: string | null): When | null {
  const span = parsePartialDate(published);
  return span ? { start: span.start, end: span.end, precision: 'range', text: `by publication (${published!.trim()})` } : null;
}

export function eventDate(
  text: string, sentences: readonly SentenceInfo[], s: SentenceInfo, triggerStart: number, published: string | null,
): EventDate {
  const own = s.times;
  if (own.length) {
    let i = -1;
    for (let k = 0; k < own.length; k++) if (own[k]!.end <= triggerStart) i = k;
    if (i < 0) i = 0;
    const group = coordinatedGroup(own, text, i);
    return { whens: group.map((t) => ({ ...t.when })), source: 'sentence', mentions: group };
  }
  for (let k = s.index - 1; k >= 0 && sentences[k]!.paragraph === s.paragraph; k--) {
    const t = sentences[k]!.times.at(-1);
    if (t) return { whens: [{ ...t.when }], source: 'paragraph', mentions: [t] };
  }
  const pub = publicationWhen(published);
  return pub ? { whens: [pub], source: 'published', mentions: [] } : { whens: [], source: 'none', mentions: [] };
}
