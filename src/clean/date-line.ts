// Date lines: short lines that carry a publication date and little else ("Middle East
// 23-02-2026 | 11:02", "Published: 12 March 2025", "Updated 2024-12-08 14:00 GMT").
import { formatPartialDate, isValidCalendarDate } from '../ingest/partial-date.js';
import type { PartialDate } from '../ingest/types.js';
import type { CleaningLexicon } from './cleaning-lexicon.js';
import { escapeRegExp } from '../text/regexp-source.js';

export type DateLine = { date: PartialDate; kind: 'published' | 'updated' };

/** Longest line read as a date line, and most words besides the date (a section name, a byline). */
const MAX_CHARS = 120;
const MAX_OTHER_WORDS = 4;
const UPDATED = /\b(?:updated|modified|last)\b|تحديث/iu;

type Pattern = { re: RegExp; pick: (m: RegExpExecArray, lex: CleaningLexicon) => [number, number, number?] | null };
const cache = new WeakMap<CleaningLexicon, Pattern[]>();

function monthOf(name: string, lex: CleaningLexicon): number | null {
  return lex.months.get(name.toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ')) ?? null;
}

function patterns(lex: CleaningLexicon): Pattern[] {
  let p = cache.get(lex);
  if (p) return p;
  const month = [...lex.months.keys()].sort((a, b) => b.length - a.length)
    .map((k) => escapeRegExp(k).replace(/ /g, '\\s+')).join('|') || '(?!)';
  const M = `(${month})(?![\\p{L}])\\.?`;
  p = [
    // 2024-12-08, 2024/12/08 (ISO order)
    { re: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/u, pick: (m) => [+m[1]!, +m[2]!, +m[3]!] },
    // 23-02-2026, 23/02/2026: day first unless the numbers only fit month first
    {
      re: /(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/u,
      pick: (m) => {
        const a = +m[1]!; const b = +m[2]!;
        return b > 12 && a <= 12 ? [+m[3]!, a, b] : [+m[3]!, b, a];
      },
    },
    // 12 March 2025, 12th of March, 2025
    {
      re: new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${M},?\\s+(\\d{4})(?!\\d)`, 'iu'),
      pick: (m, l) => { const mo = monthOf(m[2]!, l); return mo ? [+m[3]!, mo, +m[1]!] : null; },
    },
    // March 12, 2025
    {
      re: new RegExp(`(?<![\\p{L}])${M}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu'),
      pick: (m, l) => { const mo = monthOf(m[1]!, l); return mo ? [+m[3]!, mo, +m[2]!] : null; },
    },
    // March 2025 (month precision)
    {
      re: new RegExp(`(?<![\\p{L}])${M},?\\s+(\\d{4})(?!\\d)`, 'iu'),
      pick: (m, l) => { const mo = monthOf(m[1]!, l); return mo ? [+m[2]!, mo] : null; },
    },
  ];
  cache.set(lex, p);
  return p;
}

const TIME = /(?<!\d)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?\s?m\.?(?![\p{L}]))?/giu;
const OFFSET = /(?:\b(?:gmt|utc)\s*)?[+\-−]\s*\d{1,2}(?::?\d{2})?\b/giu;

/** The date a line announces, or null when the line is not a date line. */
export function parseDateLine(line: string, lex: CleaningLexicon): DateLine | null {
  const text = line.trim();
  if (text === '' || text.length > MAX_CHARS) return null;
  for (const pat of patterns(lex)) {
    const m = pat.re.exec(text);
    if (!m) continue;
    const ymd = pat.pick(m, lex);
    if (!ymd) continue;
    const [y, mo, d] = ymd;
    if (!isValidCalendarDate(y, mo, d)) return null;
    const rest = (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)).replace(TIME, ' ').replace(OFFSET, ' ');
    const words = (rest.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? [])
      .filter((w) => !lex.dateLineWords.has(w) && !lex.timeZones.has(w) && !lex.weekdays.has(w));
    const numbers = rest.match(/\d+/g) ?? [];
    if (words.length > MAX_OTHER_WORDS || numbers.length > 0) return null;
    const kind = UPDATED.test(text) ? 'updated' : 'published';
    // A bare "March 2025" may be a heading; only a labelled one is a date line.
    if (d === undefined && !(rest.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? []).some((w) => lex.dateLineWords.has(w))) return null;
    return { date: formatPartialDate(y, mo, d), kind };
  }
  return null;
}
