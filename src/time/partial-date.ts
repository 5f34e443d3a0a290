// Calendar arithmetic on ISO date strings and partial dates ("YYYY", "YYYY-MM", "YYYY-MM-DD").
// Everything is UTC and string based so results never depend on the host's time zone.
import type { Precision, When } from '../analysis/types.js';

/** A resolved calendar span, inclusive on both ends. */
export type DateSpan = { start: string; end: string; precision: Precision };

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

/** Month number (1–12) of an English month name or abbreviation ("Sept.", "December"). */
export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d)
    && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** [year, month, day] of an ISO date. */
export function splitIso(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

function toEpochDay(iso: string): number {
  const [y, m, d] = splitIso(iso);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromEpochDay(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return fromEpochDay(toEpochDay(iso) + n);
}

/** Adds months, clamping the day to the target month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = splitIso(iso);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return isoDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return new Date(toEpochDay(iso) * 86_400_000).getUTCDay();
}

export function daySpan(iso: string): DateSpan {
  return { start: iso, end: iso, precision: 'day' };
}

export function monthSpan(y: number, m: number): DateSpan {
  return { start: isoDate(y, m, 1), end: isoDate(y, m, daysInMonth(y, m)), precision: 'month' };
}

export function yearSpan(y: number): DateSpan {
  return { start: isoDate(y, 1, 1), end: isoDate(y, 12, 31), precision: 'year' };
}

export function rangeSpan(start: string, end: string): DateSpan {
  return start <= end ? { start, end, precision: 'range' } : { start: end, end: start, precision: 'range' };
}

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (publication dates); null when malformed. */
export function parsePartialDate(s: string | null | undefined): DateSpan | null {
  if (!s) return null;
  const m = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[2] === undefined) return yearSpan(y);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  if (m[3] === undefined) return monthSpan(y, mo);
  const d = Number(m[3]);
  return isValidDate(y, mo, d) ? daySpan(isoDate(y, mo, d)) : null;
}

/** The partial-date form of a span: "YYYY-MM-DD", "YYYY-MM", "YYYY" or an ISO interval "start/end". */
export function formatPartialDate(span: DateSpan | When): string {
  switch (span.precision) {
    case 'day': return span.start;
    case 'month': return span.start.slice(0, 7);
    case 'year': return span.start.slice(0, 4);
    default: return `${span.start}/${span.end}`;
  }
}

/** Orders by start, then by end (shorter first). */
export function compareSpans(a: DateSpan, b: DateSpan): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return 0;
}

export function spansOverlap(a: DateSpan, b: DateSpan): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function spanContains(outer: DateSpan, inner: DateSpan): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function sameSpan(a: DateSpan, b: DateSpan): boolean {
  return a.start === b.start && a.end === b.end && a.precision === b.precision;
}

const MONTH_NAME = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME},?\\s+(\\d{4})$`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'i');
const MONTH_YEAR = new RegExp(`^${MONTH_NAME},?\\s+(\\d{4})$`, 'i');

/**
 * Parses a standalone date string as found in date lines and metadata: "2025-01-11",
 * "23-02-2026" / "23/02/2026" / "23.02.2026" (day first unless only month-first is valid),
 * "11 January 2025", "January 11, 2025", "Dec. 8, 2024", "January 2025", "2025-01", "2025".
 */
export function parseDateString(input: string): DateSpan | null {
  const s = input.trim().replace(/\s+/g, ' ');
  const iso = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ].*)?$/.exec(s);
  if (iso || /^\d{4}$/.test(s)) return parsePartialDate(iso ? [iso[1], iso[2], iso[3]].filter(Boolean).join('-') : s);
  const numeric = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    const y = Number(numeric[3]);
    if (isValidDate(y, b, a)) return daySpan(isoDate(y, b, a));
    if (isValidDate(y, a, b)) return daySpan(isoDate(y, a, b));
    return null;
  }
  let m = DAY_MONTH_YEAR.exec(s);
  if (m) return dayOrNull(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return dayOrNull(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  m = MONTH_YEAR.exec(s);
  if (m) {
    const mo = monthNumber(m[1]!);
    return mo ? monthSpan(Number(m[2]), mo) : null;
  }
  return null;
}

function dayOrNull(y: number, m: number | null, d: number): DateSpan | null {
  return m !== null && isValidDate(y, m, d) ? daySpan(isoDate(y, m, d)) : null;
}
