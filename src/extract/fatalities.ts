// Reported deaths in a stretch of text: "at least 12 killed" → {12, null}, "killed two
// soldiers" → {2, 2}, "left more than 200 people dead" → {200, null}, "dozens dead" → {12, null},
// "neither fatalities nor injuries" → {0, 0}. Injuries never count, and neither do numbers that
// are dates ("On 7 May 2020, forces killed 2" is 2, not 2020). Counts of different victims add
// up: "killing 2 soldiers and 3 civilians" → 5, "4 fighters were killed by gunfire and 2 were
// killed by a mine" → 6; a count that restates or contains another ("including", "toll") does not.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { statisticCues } from './statistic-cues.js';
import { phrasePattern } from '../text/regexp-source.js';

export type Fatalities = { min: number; max: number | null };
type Compiled = {
  any: RegExp; none: RegExp; notes: RegExp | null; patterns: RegExp[]; listNext: RegExp; listPrev: RegExp; itemEnd: RegExp; hurtBefore: RegExp;
  numberWords: ReadonlyMap<string, number>; vague: ReadonlyMap<string, number>; openMin: Set<string>; upper: Set<string>;
};

const cache = new WeakMap<KnowledgeBase, Compiled>();

function alt(words: Iterable<string>): string {
  return [...words].sort((a, b) => b.length - a.length)
    .map((w) => phrasePattern(w)).join('|');
}

// Words of a clause of its own between two counts: an auxiliary starts a new predicate.
const AUX = 'were|was|is|are|been|being|had|have|has';
// The longest list item looked for: a count, a few words and "and".
const LIST_ITEM_CHARS = 200;
// A count of time or distance ("5 hours later", "3 km away") is no list item of victims.
const UNIT_AFTER = /^\s*(?:hours?|days?|minutes?|weeks?|months?|years?|km|kilometres?|kilometers?|metres?|meters?|miles?|percent|per\s+cent|%)(?![\p{L}])/iu;
// Between two death reports, words that make the second a part, total or restatement of the first.
const NOT_ADDED = /\b(?:includ\w*|among|of\s+(?:whom|them|which)|total|toll|bringing|raising|rising|claimed|claims|said|says|according|reported|reports|estimated|estimates|put)\b/i;

function compile(kb: KnowledgeBase): Compiled {
  let c = cache.get(kb);
  if (c) return c;
  const cues = statisticCues(kb);
  const f = cues.fatalities;
  const qual = alt([...f.openMin, ...f.approx, ...f.upper]);
  const words = alt([...cues.numberWords.keys()]);
  const vague = alt([...cues.vagueCounts.keys()]);
  // A count: optional qualifier, then digits, a number word, a range or a vague count.
  const digits = '\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+';
  const count = `(?<q>${qual || '(?!)'})?\\s*(?:between\\s+)?(?<n>${digits}|${words || '(?!)'}|${vague || '(?!)'})(?:\\s*(?:to|-|–|(?<=between\\s+\\S+\\s*)and)\\s*(?<n2>${digits}))?`;
  // Words between a count and its verb; an injury word there means the count is of the injured.
  // A bracketed aside ("3 fighters (one of them a commander) dead") stands for one word.
  const hurt = alt(f.injured) || '(?!)';
  // Nor may another count stand there: in "3 soldiers and 2 police were killed" the verb is the 2's.
  const otherCount = alt([...cues.numberWords.keys(), ...cues.vagueCounts.keys()].filter((w) => !/^an?$/i.test(w))) || '(?!)';
  const filler = (n: number) => `(?:(?:(?!(?:${hurt}|${otherCount})(?![\\p{L}]))[\\p{L}'’-]+|\\([^()]{0,80}\\))\\s+){0,${n}}?`;
  const b = (s: string) => `(?<![\\p{L}\\p{N}])(?:${s})(?![\\p{L}\\p{N}])`;
  const patterns = [
    // "12 people were killed", "more than 200 people dead", "two soldiers killed"
    `${b(count)}\\s+${filler(3)}${b(alt(f.killed))}`,
    // "2 members of the regime's intelligence service were killed"
    `${b(count)}\\s+${filler(8)}(?:were|was|have\\s+been|had\\s+been)\\s+(?:\\p{L}+ly\\s+)?${b(alt(f.killed))}`,
    // "killed two security personnel", "killing of two", "left 12 dead"
    `${b(alt(f.killing))}\\s+(?:of\\s+)?${b(count)}(?:\\s+${filler(3)}${b(alt(f.nouns))})?`,
    // "death toll rose to 30"
    `${b(alt(f.toll))}\\s+${b(count)}`,
    // "killing the driver", "leaving him dead": one named victim
    `${b(alt(f.killing))}\\s+(?<one>him|her|the\\s+[\\p{L}-]+(?<![^s]s))(?![\\p{L}\\p{N}])(?:\\s+(?:dead|killed))?`,
  ].map((p) => new RegExp(p, 'gdiu'));
  // One item of a list of victims: the words naming who, ending in a noun (not "arrested", not
  // an auxiliary), then "and" or a comma, then the next count: "2 soldiers and 3 civilians".
  const itemWord = `(?!(?:${hurt}|${AUX}|and)(?![\\p{L}]))[\\p{L}'’-]+`;
  const gap = `(?:(?:${itemWord}|\\([^()]{0,80}\\))(?:\\s+|(?=,))){0,6}?(?<!ed\\)?\\s*)`;
  const join = '(?:,\\s*and|,|and)';
  c = {
    // One cheap scan first: most sentences name no death at all.
    any: new RegExp(b(alt([...f.killed, ...f.killing, ...f.toll, ...f.none])), 'iu'),
    none: new RegExp(b(alt(f.none)), 'iu'),
    notes: f.notes.length ? new RegExp(b(alt(f.notes)), 'iu') : null,
    patterns,
    listNext: new RegExp(`\\s*${gap}${join}\\s+${b(count)}`, 'ydiu'),
    listPrev: new RegExp(`${b(count)}\\s*${gap}${join}\\s+$`, 'diu'),
    // What follows a list item up to the next comma or "and": no injury word, no new predicate.
    itemEnd: new RegExp(`^[^,;.]*?(?:${b(hurt)}|${b(AUX)})`, 'iu'),
    hurtBefore: new RegExp(`${b(hurt)}\\s+(?:of\\s+)?$`, 'iu'),
    numberWords: cues.numberWords,
    vague: cues.vagueCounts,
    openMin: new Set(f.openMin.map((s) => s.toLowerCase())),
    upper: new Set(f.upper.map((s) => s.toLowerCase())),
  };
  cache.set(kb, c);
  return c;
}

function toNumber(c: Compiled, s: string): { n: number; vague: boolean } | null {
  const k = s.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d/.test(k)) return { n: Number(k.replace(/,/g, '')), vague: false };
  if (c.vague.has(k)) return { n: c.vague.get(k)!, vague: true };
  if (c.numberWords.has(k)) return { n: c.numberWords.get(k)!, vague: false };
  return null;
}

const PASSIVE_PATTERN = 1;
const KILLING_PATTERN = 2;
const TOLL_PATTERN = 3;

/** A 4-digit number that reads as a year, not a count. */
function yearLike(s: string): boolean {
  return /^(?:1[89]|20)\d\d$/.test(s);
}

/** One count of the dead, at slice offsets [at, end) of its number. */
type Count = { at: number; end: number; f: Fatalities };
/** A count read with its death word: before it ("12 were killed"), after it ("killing 12"), or a toll. */
type Reading = Count & { kind: 'death' | 'killing' | 'toll'; matchEnd: number; pending: boolean };
/** Counts that add up to one report, and where that report stands in the slice. */
type Group = { start: number; end: number; f: Fatalities };

/** The count in a match's groups, or null when it is not one (a date, a year, a lone article). */
function countOf(c: Compiled, g: Record<string, string | undefined>, atAbs: number, skip: readonly { start: number; end: number }[]): Fatalities | null {
  if (!g.n || yearLike(g.n) || skip.some((t) => t.start <= atAbs && atAbs < t.end)) return null;
  const n = toNumber(c, g.n);
  if (!n || !Number.isFinite(n.n)) return null;
  const q = (g.q ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (g.n2) return { min: n.n, max: Number(g.n2.replace(/,/g, '')) };
  if (c.upper.has(q)) return { min: 0, max: n.n };
  if (n.vague || c.openMin.has(q)) return { min: n.n, max: null };
  return { min: n.n, max: n.n };
}

function add(a: Fatalities, b: Fatalities): Fatalities {
  return { min: a.min + b.min, max: a.max !== null && b.max !== null ? a.max + b.max : null };
}

function sum(fs: Fatalities[]): Fatalities {
  return fs.reduce(add);
}

/** Counts listed after `from` ("... and 3 civilians, 2 children"), each with where it stands. */
function listAfter(c: Compiled, slice: string, from: number, base: number, skip: readonly { start: number; end: number }[]): Count[] {
  const out: Count[] = [];
  for (let at = from; ;) {
    c.listNext.lastIndex = at;
    const m = c.listNext.exec(slice);
    const nAt = m?.indices?.groups?.n;
    if (!m || !nAt || /^an?$/i.test(m.groups!.n!)) break;
    const f = countOf(c, m.groups!, base + nAt[0], skip);
    const end = m.indices!.groups!.n2?.[1] ?? nAt[1];
    if (!f || UNIT_AFTER.test(slice.slice(end))) break;
    out.push({ at: nAt[0], end, f });
    at = end;
  }
  return out;
}

/** Counts listed just before `to` ("2 soldiers and" before "3 civilians were killed"), nearest last. */
function listBefore(c: Compiled, slice: string, to: number, base: number, skip: readonly { start: number; end: number }[]): Count[] {
  const out: Count[] = [];
  for (let end = to; ;) {
    const lo = Math.max(0, end - LIST_ITEM_CHARS);
    const m = c.listPrev.exec(slice.slice(lo, end));
    const nAt = m?.indices?.groups?.n;
    if (!m || !nAt || /^an?$/i.test(m.groups!.n!)) break;
    const f = countOf(c, m.groups!, base + lo + nAt[0], skip);
    const nEnd = lo + (m.indices!.groups!.n2?.[1] ?? nAt[1]);
    const start = lo + m.index;
    // "wounding 3 soldiers and 2 civilians were killed": the first count is of the injured.
    if (!f || UNIT_AFTER.test(slice.slice(nEnd)) || c.hurtBefore.test(slice.slice(Math.max(0, start - 40), start))) break;
    out.unshift({ at: lo + nAt[0], end: nEnd, f });
    end = start;
  }
  return out;
}

/**
 * Fatalities stated in text[from, to), or null when none are stated. "killing" alone needs a
 * count. Numbers inside `skip` spans (date mentions) are never counts; a sentence holding a
 * coder's note ("fatalities coded as 10") is not read at all.
 */
export function findFatalities(kb: KnowledgeBase, text: string, from: number, to: number, skip: readonly { start: number; end: number }[] = []): Fatalities | null {
  const c = compile(kb);
  const slice = text.slice(from, to);
  if (!c.any.test(slice) || c.notes?.test(slice)) return null;
  let one = false;
  const byAt = new Map<number, Reading>();
  for (const [i, re] of c.patterns.entries()) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const g = m.groups ?? {};
      // The killing-verb pattern matches "left" and "leaving" too: they need the dead-noun, here
      // or after a list of victims ("left 3 soldiers and 2 policemen dead").
      const pending = /^(left|leaving)\b/i.test(m[0]) && !/(dead|killed|deaths|fatalities)\s*$/i.test(m[0]);
      if (g.one) { one ||= !pending; continue; }
      if (!g.n) continue;
      // An article counts one victim only as a verb's object ("killing a civilian") or the
      // subject of "was killed", never as "an attack that killed".
      if (i !== KILLING_PATTERN && /^an?$/i.test(g.n) && !(i === PASSIVE_PATTERN && /\bwas\s/i.test(m[0]))) continue;
      const nAt = m.indices!.groups!.n!;
      const f = countOf(c, g, from + nAt[0], skip);
      if (!f) continue;
      const kind = i === KILLING_PATTERN ? 'killing' : i === TOLL_PATTERN ? 'toll' : 'death';
      const r: Reading = { at: nAt[0], end: m.indices!.groups!.n2?.[1] ?? nAt[1], f, kind, matchEnd: m.index + m[0].length, pending };
      const had = byAt.get(r.at);
      if (!had || (had.pending && !pending)) byAt.set(r.at, r);
    }
  }
  const readings = [...byAt.values()].sort((a, b) => a.at - b.at);
  const used = new Set<number>();
  const groups: Group[] = [];
  for (const r of readings) {
    if (used.has(r.at) || r.kind !== 'killing') continue;
    // "killing 2 soldiers and 3 civilians": one verb, several victims.
    const items: Count[] = [];
    for (const item of listAfter(c, slice, r.end, from, skip)) {
      if (byAt.get(item.at)?.kind === 'death') { items.push(item); break; }
      // "killed 2 soldiers and 3 policemen were wounded": the last count is not of the dead.
      if (!r.pending && c.itemEnd.test(slice.slice(item.end).replace(/\band\b[^]*$/i, ''))) break;
      items.push(item);
    }
    const last = items.at(-1);
    // "left 3 soldiers and 2 policemen dead": valid once a listed count reaches the dead-noun.
    if (r.pending && !(last && byAt.get(last.at)?.kind === 'death')) continue;
    for (const x of [r, ...items]) used.add(x.at);
    groups.push({ start: r.at, end: last?.end ?? r.end, f: sum([r.f, ...items.map((x) => x.f)]) });
  }
  for (const r of readings) {
    if (used.has(r.at) || r.pending) continue;
    used.add(r.at);
    if (r.kind === 'toll') { groups.push({ start: r.at, end: r.end, f: r.f }); continue; }
    // "2 soldiers and 3 civilians were killed": the list before one death word.
    const before = r.kind === 'death' ? listBefore(c, slice, r.at, from, skip).filter((x) => !used.has(x.at)) : [];
    for (const x of before) used.add(x.at);
    groups.push({ start: before[0]?.at ?? r.at, end: r.matchEnd, f: sum([...before.map((x) => x.f), r.f]) });
  }
  groups.sort((a, b) => a.start - b.start);
  // Separate reports joined by "and" or "while" add up ("6 were killed by fire and 3 by mines"),
  // unless the second restates or contains the first.
  const merged: Group[] = [];
  for (const g of groups) {
    const prev = merged.at(-1);
    const between = prev ? slice.slice(prev.end, g.start) : '';
    if (prev && /\b(?:and|while|whereas)\b/i.test(between) && !NOT_ADDED.test(between) && !/\d/.test(between)
      && between.trim().split(/\s+/).length <= 12) {
      merged[merged.length - 1] = { start: prev.start, end: g.end, f: add(prev.f, g.f) };
    } else merged.push(g);
  }
  // Several reports in one sentence: keep the largest lower bound (the fullest report).
  let best: Fatalities | null = null;
  for (const g of merged) if (!best || g.f.min > best.min) best = g.f;
  if (best) return best;
  if (one) return { min: 1, max: 1 };
  return c.none.test(slice) ? { min: 0, max: 0 } : null;
}
