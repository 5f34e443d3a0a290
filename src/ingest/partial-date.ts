// Normalises dates supplied as metadata (CLI flag, feed pubDate, HTML meta tags) to a partial
// date "YYYY", "YYYY-MM" or "YYYY-MM-DD". The calendar date is taken as written, never shifted
// through the host's time zone.
import type { PartialDate } from './types.js';

const MONTH_PREFIX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True when y-m-d is a real calendar day (m and d may be omitted for coarser dates). */
export function isValidCalendarDate(y: number, m?: number, d?: number): boolean {
  if (!Number.isInteger(y) || y < 1000 || y > 2999) return false;
  if (m === undefined) return true;
  if (!Number.isInteger(m) || m < 1 || m > 12) return false;
  if (d === undefined) return true;
  return Number.isInteger(d) && d >= 1 && d <= daysIn(y, m);
}

export function formatPartialDate(y: number, m?: number, d?: number): PartialDate {
  const parts = [String(y).padStart(4, '0')];
  if (m !== undefined) parts.push(String(m).padStart(2, '0'));
  if (m !== undefined && d !== undefined) parts.push(String(d).padStart(2, '0'));
  return parts.join('-');
}

/**
 * "2025", "2025-01", "2025-01-11", "2025-01-11T10:00:00Z", "Sat, 11 Jan 2025 10:00:00 GMT",
 * "January 11, 2025" -> partial date; null when it is not a date.
 */
export function toPartialDate(value: string | null | undefined): PartialDate | null {
  if (value === null || value === undefined) return null;
  const s = value.trim();
  if (s === '') return null;
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$/.exec(s);
  if (iso) {
    const y = Number(iso[1]);
    const m = iso[2] === undefined ? undefined : Number(iso[2]);
    const d = iso[3] === undefined ? undefined : Number(iso[3]);
    return isValidCalendarDate(y, m, d) ? formatPartialDate(y, m, d) : null;
  }
  // RFC 822 (RSS pubDate) and "11 January 2025": day before month name.
  const dmy = /\b(\d{1,2})\s+([A-Za-z]{3,})\.?,?\s+(\d{4})\b/.exec(s);
  const mdy = /\b([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(s);
  for (const [dd, mon, yy] of [dmy ? [dmy[1], dmy[2], dmy[3]] : null, mdy ? [mdy[2], mdy[1], mdy[3]] : null]
    .filter((x): x is string[] => x !== null)) {
    const m = MONTH_PREFIX[mon!.slice(0, 3).toLowerCase()];
    const y = Number(yy);
    const d = Number(dd);
    if (m !== undefined && isValidCalendarDate(y, m, d)) return formatPartialDate(y, m, d);
  }
  const t = Date.parse(s);
  if (Number.isFinite(t)) return new Date(t).toISOString().slice(0, 10);
  return null;
}
