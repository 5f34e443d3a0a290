// Date helpers for When values (ISO dates, inclusive on both ends).
import type { When } from '../api/types.js';

const DAY = 86_400_000;

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" as the first day it covers (UTC ms), or null. */
export function parseIsoStart(s: string | null | undefined): number | null {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s);
  if (!m) return null;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

/** Last moment (exclusive) covered by a partial ISO date: the end of its day, month or year. */
export function parseIsoEndExclusive(s: string | null | undefined): number | null {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  if (!m[2]) return Date.UTC(y + 1, 0, 1);
  const mo = Number(m[2]) - 1;
  if (!m[3]) return Date.UTC(y, mo + 1, 1);
  return Date.UTC(y, mo, Number(m[3])) + DAY;
}

/** The half-open time interval a When covers: a year-precision date spans its whole year. */
export function whenInterval(w: When | null | undefined): [number, number] | null {
  if (!w) return null;
  const s = parseIsoStart(w.start);
  const e = parseIsoEndExclusive(w.end || w.start);
  if (s === null || e === null) return null;
  return [s, Math.max(e, s + DAY)];
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function formatWhen(w: When | string | null | undefined): string {
  if (!w) return 'undated';
  if (typeof w === 'string') return w;
  if (w.precision === 'year') return w.start.slice(0, 4);
  if (w.precision === 'month') return w.start.slice(0, 7);
  if (w.start === w.end || !w.end) return w.start;
  return `${w.start} – ${w.end}`;
}
