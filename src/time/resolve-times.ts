// Finds time expressions in a text and resolves them against the publication date, keeping
// their precision. chrono-node finds calendar dates (day-month, month-year, weekdays, numeric
// dates); the resolution rules (news conventions, precision, relative chains) are ours, and
// years, periods and relative expressions are read by our own patterns because chrono either
// misses them or resolves them against the wrong anchor.
import * as chrono from 'chrono-node';
import type { Span, TimeOut } from '../analysis/types.js';
import {
  addDays, addMonths, daySpan, isoDate, monthNumber, monthSpan, rangeSpan, splitIso, weekdayOf,
  yearSpan, parsePartialDate, type DateSpan,
} from './partial-date.js';

type SentenceBounds = { start: number; end: number };

/** A found expression: either resolved already, or resolved later against the previous time. */
type Candidate = {
  start: number;
  end: number;
  span?: DateSpan;
  chain?: (anchor: DateSpan) => DateSpan | null;
  /** Breaks ties between candidates of equal length: our patterns beat chrono. */
  priority: number;
  /**
   * False for periods counted from the publication date ("last month", "in recent months",
   * "since 2013"): they frame the story rather than date a narrated moment, so "a week later"
   * after them still counts from the last narrated date.
   */
  narrative?: boolean;
};

const YEAR = '((?:19|20)\\d\\d|2100)';
// A year is not part of a larger number, an amount, a date with separators or a code.
const YEAR_BEFORE = '(?<![\\d.,$€£#/:\\-–])';
const YEAR_AFTER = '(?![\\d%]|[.,:/\\-]\\d)';
const Y = `${YEAR_BEFORE}${YEAR}${YEAR_AFTER}`;

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8,
  nine: 9, ten: 10, eleven: 11, twelve: 12, 'a couple of': 2, couple: 2, 'a few': 3, few: 3, several: 5,
};
const COUNT = '(\\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\\s+couple\\s+of|couple\\s+of|a\\s+few|few|several)';
/** Counts that are vague: resolved to a range rather than one day. */
const VAGUE_COUNTS = new Set(['a few', 'few', 'several']);

// Words that, after a number, show it counts things rather than naming a year ("of 2000 fighters").
const QUANTITY_NOUN = /^\s+(?:people|persons|men|women|children|civilians|fighters|militants|troops|soldiers|members|families|households|residents|prisoners|detainees|refugees|individuals|deaths|dead|killed|wounded|displaced|homes|houses|km|kilometres|kilometers|miles|metres|meters|hectares|tons|tonnes|dollars|euros|pounds|rounds|units|cases|times|attacks|vehicles|weapons)\b/i;
// A calendar date used as a name ("the March 8 alliance", "the 17 February Revolution").
const DATE_AS_NAME = /^\s+(?:alliance|movement|coalition|bloc|camp|revolution|brigades?|battalion|group|martyrs|forces|party|front|street|square|bridge|hospital|university|stadium)\b/i;

const WEEKDAY_AS_NAME = /^\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|prayers?|sermons?|market|school)\b/;
const MONTH_TOKEN = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?/;
const WEEKDAY = /\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/i;
// Cheap test that a stretch of text can hold a calendar date chrono should look at.
const CHRONO_HINT = /\b(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b|\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b/g;

/**
 * All time expressions of `text`, resolved against `published` ("YYYY", "YYYY-MM" or
 * "YYYY-MM-DD"; null when unknown). Expressions that cannot be resolved honestly at the
 * publication date's precision are left out rather than guessed. Pure.
 */
export function resolveTimes(text: string, published: string | null, sentences?: SentenceBounds[]): TimeOut[] {
  const pub = parsePartialDate(published);
  const candidates: Candidate[] = [];
  findYearExpressions(text, pub, sentences, candidates);
  findPublicationRelative(text, pub, candidates);
  findChainRelative(text, candidates);
  findCalendarDates(text, pub, candidates);
  return assemble(text, pickNonOverlapping(candidates));
}

// ---------------------------------------------------------------------------------------------
// Years, year ranges, parts of years, decades.

function findYearExpressions(text: string, pub: DateSpan | null, sentences: SentenceBounds[] | undefined, out: Candidate[]): void {
  const push = (start: number, end: number, span: DateSpan | null) => {
    if (span) out.push({ start, end, span, priority: 2 });
  };
  for (const m of text.matchAll(new RegExp(`\\bbetween\\s+${Y}\\s+and\\s+${Y}`, 'gi'))) {
    push(m.index, m.index + m[0].length, yearRange(Number(m[1]), Number(m[2])));
  }
  for (const m of text.matchAll(new RegExp(`\\bfrom\\s+${Y}\\s*(?:to|until|till|through|–|—|-)\\s*${Y}`, 'gi'))) {
    push(m.index, m.index + m[0].length, yearRange(Number(m[1]), Number(m[2])));
  }
  // "2013–2014", "2013–14", "2013-2014" (a hyphen with two digits would be "YYYY-MM").
  for (const m of text.matchAll(new RegExp(`${YEAR_BEFORE}${YEAR}(\\s*[–—]\\s*|-)(\\d{4}|\\d{2})(?![\\d%]|[-–/]\\d)`, 'g'))) {
    const first = Number(m[1]);
    if (m[2] === '-' && m[3]!.length === 2) continue;
    const second = m[3]!.length === 2 ? Math.floor(first / 100) * 100 + Number(m[3]) : Number(m[3]);
    push(m.index, m.index + m[0].length, yearRange(first, second));
  }
  for (const m of text.matchAll(new RegExp(`\\bsince\\s+${Y}`, 'gi'))) {
    const y = Number(m[1]);
    if (pub && pub.end >= isoDate(y, 1, 1)) {
      out.push({ start: m.index, end: m.index + m[0].length, span: rangeSpan(isoDate(y, 1, 1), pub.end), priority: 2, narrative: false });
    }
  }
  const PART = '(early|late|mid|the\\s+(?:beginning|start|end|middle|first\\s+half|second\\s+half)\\s+of)';
  for (const m of text.matchAll(new RegExp(`\\b${PART}[\\s-]+${YEAR}${YEAR_AFTER}`, 'gi'))) {
    push(m.index, m.index + m[0].length, partOfYear(m[1]!, Number(m[2])));
  }
  for (const m of text.matchAll(/\b(?:(early|mid|late)[\s-]+)?((?:19|20)\d0)['’]?s\b/gi)) {
    const d = Number(m[2]);
    const [a, b] = m[1] ? ({ early: [0, 3], mid: [3, 6], late: [6, 9] } as Record<string, [number, number]>)[m[1].toLowerCase()]! : [0, 9];
    push(m.index, m.index + m[0].length, rangeSpan(isoDate(d + a, 1, 1), isoDate(d + b, 12, 31)));
  }
  // A single year needs a cue: a preposition, a possessive, or standing at a sentence's start.
  const CUE = '(?:in|back\\s+to|by|until|till|of|from|during|after|before|throughout|through|around|circa|as\\s+of|year|the\\s+year)';
  for (const m of text.matchAll(new RegExp(`\\b${CUE}\\s+${Y}`, 'gi'))) {
    const yStart = m.index + m[0].length - 4;
    const after = text.slice(yStart + 4, yStart + 40);
    if (QUANTITY_NOUN.test(after)) continue;
    push(yStart, yStart + 4, yearSpan(Number(m[1])));
    // Coordinated years share the cue: "in 2014 and 2018", "in 2014, 2015 or 2018".
    let pos = yStart + 4;
    for (;;) {
      const next = new RegExp(`^(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+)${Y}`, 'i').exec(text.slice(pos, pos + 20));
      if (!next) break;
      const s = pos + next[0].length - 4;
      if (QUANTITY_NOUN.test(text.slice(s + 4, s + 40))) break;
      push(s, s + 4, yearSpan(Number(next[1])));
      pos = s + 4;
    }
  }
  for (const m of text.matchAll(new RegExp(`${Y}(?=['’]s\\b)`, 'g'))) push(m.index, m.index + 4, yearSpan(Number(m[1])));
  for (const m of text.matchAll(new RegExp(`${Y}(?=\\s*[,:])`, 'g'))) {
    if (startsSentence(text, m.index, sentences)) push(m.index, m.index + 4, yearSpan(Number(m[1])));
  }
}

function yearRange(a: number, b: number): DateSpan | null {
  return b > a && b - a < 100 ? rangeSpan(isoDate(a, 1, 1), isoDate(b, 12, 31)) : null;
}

function partOfYear(part: string, y: number): DateSpan {
  const p = part.toLowerCase().replace(/\s+/g, ' ');
  const [m1, m2] =
    p === 'early' || p.includes('beginning') || p.includes('start') ? [1, 4]
      : p === 'late' || p.includes('end') ? [9, 12]
        : p.includes('first half') ? [1, 6]
          : p.includes('second half') ? [7, 12]
            : [5, 8];
  return rangeSpan(monthSpan(y, m1).start, monthSpan(y, m2).end);
}

function startsSentence(text: string, index: number, sentences: SentenceBounds[] | undefined): boolean {
  if (sentences) return sentences.some((s) => text.slice(s.start, index).trim() === '' && index >= s.start && index < s.end);
  const before = text.slice(Math.max(0, index - 4), index);
  return index === 0 || /(?:[.!?]["”’)]?\s+|\n\s*)$/.test(before) || /^\s*$/.test(text.slice(0, index));
}

// ---------------------------------------------------------------------------------------------
// Expressions relative to the publication date.

function findPublicationRelative(text: string, pub: DateSpan | null, out: Candidate[]): void {
  if (!pub) return;
  const push = (start: number, end: number, span: DateSpan | null) => {
    if (span) out.push({ start, end, span, priority: 2, narrative: span.precision === 'day' });
  };
  const hasMonth = pub.precision === 'day' || pub.precision === 'month';
  const hasDay = pub.precision === 'day';
  const [py, pm] = splitIso(pub.start);

  for (const m of text.matchAll(/\b(earlier|later)\s+this\s+(year|month)\b/gi)) {
    const unit = m[2]!.toLowerCase();
    if (unit === 'month' && !hasMonth) continue;
    const whole = unit === 'year' ? yearSpan(py) : monthSpan(py, pm);
    push(m.index, m.index + m[0].length, m[1]!.toLowerCase() === 'earlier'
      ? rangeSpan(whole.start, pub.end) : rangeSpan(pub.start, whole.end));
  }
  for (const m of text.matchAll(/\b(the\s+)?(last|this|next|past)\s+(year|month|week)\b/gi)) {
    const rel = m[2]!.toLowerCase();
    const unit = m[3]!.toLowerCase();
    const start = m.index;
    const end = m.index + m[0].length;
    if (m[1] || rel === 'past') {
      // "the past year", "over the last month": a window ending at publication.
      if (rel !== 'last' && rel !== 'past') continue;
      if (unit === 'week' && !hasDay) continue;
      const from = unit === 'year' ? addMonths(pub.start, -12) : unit === 'month' ? addMonths(pub.start, -1) : addDays(pub.start, -7);
      push(start, end, rangeSpan(from, pub.end));
      continue;
    }
    const delta = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
    if (unit === 'year') push(start, end, yearSpan(py + delta));
    else if (unit === 'month' && hasMonth) {
      const [y, mo] = splitIso(addMonths(isoDate(py, pm, 1), delta));
      push(start, end, monthSpan(y, mo));
    } else if (unit === 'week' && hasDay) {
      const monday = addDays(pub.start, -((weekdayOf(pub.start) + 6) % 7) + 7 * delta);
      push(start, end, rangeSpan(monday, addDays(monday, 6)));
    }
  }
  // "in recent months", "the past few years", "over the last three weeks".
  const WINDOW = new RegExp(`\\b(?:recent|(?:the\\s+)?(?:past|last)\\s+${COUNT.replace('an?|', '')})\\s+(days|weeks|months|years)\\b`, 'gi');
  for (const m of text.matchAll(WINDOW)) {
    const unit = m[2]!.toLowerCase();
    if ((unit === 'days' || unit === 'weeks') && !hasDay) continue;
    const n = m[1] ? countOf(m[1]) : ({ days: 7, weeks: 4, months: 6, years: 5 } as Record<string, number>)[unit]!;
    push(m.index, m.index + m[0].length, rangeSpan(shift(pub.start, unit, -n), pub.end));
  }
  for (const m of text.matchAll(new RegExp(`\\b${COUNT}\\s+(days?|weeks?|months?|years?)\\s+ago\\b`, 'gi'))) {
    const unit = m[2]!.toLowerCase().replace(/s$/, '');
    const n = countOf(m[1]!);
    const vague = VAGUE_COUNTS.has(m[1]!.toLowerCase().replace(/\s+/g, ' '));
    push(m.index, m.index + m[0].length, shiftedSpan(pub, unit, -n, vague));
  }
  if (hasDay) {
    for (const m of text.matchAll(/\b(yesterday|today|tonight|tomorrow)\b/gi)) {
      const w = m[1]!.toLowerCase();
      push(m.index, m.index + m[0].length, daySpan(addDays(pub.start, w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0)));
    }
  }
}

function countOf(word: string): number {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  return /^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w] ?? 1;
}

function shift(iso: string, unit: string, n: number): string {
  const u = unit.replace(/s$/, '');
  return u === 'day' ? addDays(iso, n) : u === 'week' ? addDays(iso, 7 * n) : u === 'month' ? addMonths(iso, n) : addMonths(iso, 12 * n);
}

/**
 * `anchor` moved by n units, at the precision the unit and the anchor support: days and weeks
 * need a day anchor; months give month precision, years year precision. Vague counts ("a few",
 * "several") give a range from one unit to the count.
 */
function shiftedSpan(anchor: DateSpan, unit: string, n: number, vague: boolean): DateSpan | null {
  if (anchor.precision === 'range') return null;
  const u = unit.replace(/s$/, '');
  if ((u === 'day' || u === 'week') && anchor.precision !== 'day') return null;
  if (u === 'month' && anchor.precision === 'year') return null;
  if (vague) {
    const sign = Math.sign(n);
    const near = shift(anchor.start, u, sign);
    const far = shift(anchor.start, u, n);
    return rangeSpan(near < far ? near : far, near < far ? coarseEnd(far, u) : coarseEnd(near, u));
  }
  const moved = shift(anchor.start, u, n);
  const [y, m] = splitIso(moved);
  return u === 'day' || u === 'week' ? daySpan(moved) : u === 'month' ? monthSpan(y, m) : yearSpan(y);
}

function coarseEnd(iso: string, unit: string): string {
  const [y, m] = splitIso(iso);
  return unit === 'month' ? monthSpan(y, m).end : unit === 'year' ? yearSpan(y).end : iso;
}

// ---------------------------------------------------------------------------------------------
// Expressions relative to the previous time in the text ("two days later", "the next day").

function findChainRelative(text: string, out: Candidate[]): void {
  const push = (start: number, end: number, chain: (a: DateSpan) => DateSpan | null) => {
    out.push({ start, end, chain, priority: 3 });
  };
  for (const m of text.matchAll(/\bthe\s+(next|following|previous|preceding)\s+(day|morning|afternoon|evening|night|week|month|year)\b/gi)) {
    const dir = /next|following/i.test(m[1]!) ? 1 : -1;
    const unit = m[2]!.toLowerCase();
    push(m.index, m.index + m[0].length, (a) => {
      if (unit === 'week') {
        if (a.precision !== 'day') return null;
        return dir > 0 ? rangeSpan(addDays(a.start, 1), addDays(a.start, 7)) : rangeSpan(addDays(a.start, -7), addDays(a.start, -1));
      }
      return shiftedSpan(a, ['month', 'year'].includes(unit) ? unit : 'day', dir, false);
    });
  }
  for (const m of text.matchAll(/\bthe\s+day\s+(before|after)\b/gi)) {
    const dir = m[1]!.toLowerCase() === 'after' ? 1 : -1;
    push(m.index, m.index + m[0].length, (a) => shiftedSpan(a, 'day', dir, false));
  }
  for (const m of text.matchAll(/\b(?:(?:later|earlier)\s+(?:that|the\s+same)|(?:that|the)\s+same)\s+(day|month|year)\b/gi)) {
    const unit = m[1]!.toLowerCase();
    push(m.index, m.index + m[0].length, (a) => shiftedSpan(a, unit, 0, false));
  }
  for (const m of text.matchAll(new RegExp(`\\b${COUNT}\\s+(days?|weeks?|months?|years?)\\s+(later|earlier|after|before|afterwards?|on)\\b`, 'gi'))) {
    const dir = /earlier|before/i.test(m[3]!) ? -1 : 1;
    const n = countOf(m[1]!) * dir;
    const vague = VAGUE_COUNTS.has(m[1]!.toLowerCase().replace(/\s+/g, ' '));
    const unit = m[2]!.toLowerCase();
    push(m.index, m.index + m[0].length, (a) => shiftedSpan(a, unit, n, vague));
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar dates found by chrono: "2 December", "Dec. 8, 2024", "May 2025", "Saturday", "23-02-2026".

function findCalendarDates(text: string, pub: DateSpan | null, out: Candidate[]): void {
  for (const [wStart, wEnd] of chronoWindows(text)) {
    const windowText = text.slice(wStart, wEnd);
    const results = chrono.en.casual.parse(windowText, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 });
    for (const r of results) {
      let start = wStart + r.index;
      let end = start + r.text.length;
      // Keep the date itself: no leading preposition, no trailing punctuation or clock time.
      const lead = /^(?:on|in|at|by|of|during)\s+/i.exec(r.text);
      if (lead) start += lead[0].length;
      const surface = text.slice(start, end);
      const cut = /(?:,?\s+at\s+\d|,?\s+\d{1,2}:\d{2}|[\s,;:]+$)/.exec(surface);
      if (cut) end = start + cut.index;
      const c = classifyChrono(text, start, end, r, pub);
      if (c) out.push(c);
    }
  }
}

/** Merged windows of text around each hint, snapped to whitespace; chrono only reads these. */
function chronoWindows(text: string): [number, number][] {
  const windows: [number, number][] = [];
  for (const m of text.matchAll(CHRONO_HINT)) {
    let s = Math.max(0, m.index - 24);
    let e = Math.min(text.length, m.index + m[0].length + 24);
    while (s > 0 && !/\s/.test(text[s - 1]!) && s > m.index - 40) s--;
    while (e < text.length && !/\s/.test(text[e]!) && e < m.index + m[0].length + 40) e++;
    const last = windows[windows.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else windows.push([s, e]);
  }
  return windows;
}

const RELATIVE_WORDS = /\b(?:later|earlier|ago|after|before|yesterday|today|tonight|tomorrow|now|noon|midnight|day|days|week|weeks|month|months|year|years)\b/i;

function classifyChrono(text: string, start: number, end: number, r: chrono.ParsedResult, pub: DateSpan | null): Candidate | null {
  if (end <= start) return null;
  const surface = text.slice(start, end);
  if (RELATIVE_WORDS.test(surface)) return null; // our own patterns own these
  const c = r.start;
  const before = text.slice(Math.max(0, start - 16), start);
  const after = text.slice(end, end + 24);
  const since = /\bsince\s+(?:(?:early|mid|late)[\s-]+)?$/i.exec(before);
  const finish = (span: DateSpan | null): Candidate | null => {
    if (!span) return null;
    if (since) {
      if (!pub || pub.end < span.start) return null;
      return { start: start - since[0].length, end, span: rangeSpan(span.start, pub.end), priority: 1, narrative: false };
    }
    return { start, end, span, priority: 1 };
  };

  if (c.isCertain('day') && c.isCertain('month')) {
    if (!MONTH_TOKEN.test(surface) && !/\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(surface)) return null;
    const month = c.get('month')!;
    const day = c.get('day')!;
    const year = c.isCertain('year') ? c.get('year')! : inferYear(month, day, pub);
    if (year === null) return null;
    if (!c.isCertain('year') && DATE_AS_NAME.test(after)) return null;
    const first = isoDate(year, month, day);
    if (r.end && r.end.isCertain('day')) {
      const endYear = r.end.isCertain('year') ? r.end.get('year')! : year;
      const last = isoDate(endYear, r.end.get('month')!, r.end.get('day')!);
      return finish(last > first ? rangeSpan(first, last) : daySpan(first));
    }
    return finish(daySpan(first));
  }
  if (c.isCertain('month') && !c.isCertain('weekday')) {
    // A month without a day: capitalised, and with a year or a cue ("in March").
    const monthWord = MONTH_TOKEN.exec(surface);
    if (!monthWord) return null;
    const month = monthNumber(monthWord[0]);
    if (month === null) return null;
    let first: DateSpan;
    if (c.isCertain('year')) first = monthSpan(c.get('year')!, month);
    else {
      const cue = /\b(in|since|by|until|till|during|through|throughout|of|from|early|late|mid|last|this|next)[\s-]+$/i.exec(before);
      if (!cue || !pub) return null;
      const [py, pm] = splitIso(pub.end);
      const rel = cue[1]!.toLowerCase();
      let year = pub.precision === 'year' ? py : month <= pm ? py : py - 1;
      if (rel === 'next') year = month > pm ? py : py + 1;
      else if (rel === 'last' && pub.precision !== 'year' && month === pm) year = py - 1;
      first = monthSpan(year, month);
    }
    // "from January to October": a range of whole months.
    if (r.end && r.end.isCertain('month') && !r.end.isCertain('day')) {
      const [fy, fm] = splitIso(first.start);
      const em = r.end.get('month')!;
      const ey = r.end.isCertain('year') ? r.end.get('year')! : em >= fm ? fy : fy + 1;
      const last = monthSpan(ey, em);
      if (last.end > first.end) return finish(rangeSpan(first.start, last.end));
    }
    return finish(first);
  }
  if (c.isCertain('weekday') && !c.isCertain('day')) {
    // Only a full weekday name, and only against a day-precise publication date.
    if (!WEEKDAY.test(surface) || !pub || pub.precision !== 'day') return null;
    // Habits and names are not dates: "every Friday", "Friday prayers", "the Sunday Times".
    if (/\b(?:every|each)\s+$/i.test(before) || WEEKDAY_AS_NAME.test(after)) return null;
    const target = c.get('weekday')!;
    const rel = /\b(last|past|next|this|coming)\b/i.exec(surface)?.[1]?.toLowerCase();
    const back = (weekdayOf(pub.start) - target + 7) % 7;
    let iso: string;
    if (rel === 'next' || rel === 'coming' || rel === 'this') iso = addDays(pub.start, ((target - weekdayOf(pub.start) + 7) % 7) || 7);
    else if (rel === 'last' || rel === 'past') iso = addDays(pub.start, -(back || 7));
    else iso = addDays(pub.start, -back);
    // Keep only the weekday and its modifier; chrono sometimes swallows a neighbouring clock time.
    const wd = /\b(?:(?:last|past|next|this|coming)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/i.exec(surface)!;
    return { start: start + wd.index, end: start + wd.index + wd[0].length, span: daySpan(iso), priority: 1 };
  }
  return null;
}

/** News convention: a day and month without a year is the latest such date not after publication. */
function inferYear(month: number, day: number, pub: DateSpan | null): number | null {
  if (!pub) return null;
  const [py] = splitIso(pub.end);
  if (month === 2 && day === 29) {
    for (let y = py; y > py - 8; y--) if (isoDate(y, 2, 29) <= pub.end && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return y;
    return null;
  }
  return isoDate(py, month, day) <= pub.end ? py : py - 1;
}

// ---------------------------------------------------------------------------------------------
// Assembly.

function pickNonOverlapping(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => (b.end - b.start) - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function assemble(text: string, candidates: Candidate[]): TimeOut[] {
  const byKey = new Map<string, TimeOut>();
  let anchor: DateSpan | null = null;
  for (const c of candidates) {
    const span: DateSpan | null = c.span ?? (anchor && c.chain ? c.chain(anchor) : null);
    if (!span) continue;
    if (c.narrative !== false) anchor = span;
    const mention: Span = { start: c.start, end: c.end, text: text.slice(c.start, c.end) };
    const key = `${span.start}|${span.end}|${span.precision}`;
    const found = byKey.get(key);
    if (found) found.mentions.push(mention);
    else byKey.set(key, { id: `t${byKey.size + 1}`, when: { ...span, text: mention.text }, mentions: [mention] });
  }
  return [...byKey.values()];
}
