// Reported deaths in a stretch of text: "at least 12 killed" → {12, null}, "killed two
// soldiers" → {2, 2}, "left more than 200 people dead" → {200, null}, "dozens dead" → {12, null},
// "neither fatalities nor injuries" → {0, 0}. Injuries never count, and neither do numbers that
// are dates ("On 7 May 2020, forces killed 2" is 2, not 2020).
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { statisticCues } from './statistic-cues.js';

export type Fatalities = { min: number; max: number | null };
type Compiled = { any: RegExp; none: RegExp; notes: RegExp | null; patterns: RegExp[]; numberWords: ReadonlyMap<string, number>; vague: ReadonlyMap<string, number>; openMin: Set<string>; upper: Set<string> };

const cache = new WeakMap<KnowledgeBase, Compiled>();

function alt(words: Iterable<string>): string {
  return [...words].sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|');
}

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
  const count = `(?<q>${qual || '(?!)'})?\\s*(?:between\\s+)?(?<n>${digits}|${words || '(?!)'}|${vague || '(?!)'})(?:\\s*(?:to|and|-|–)\\s*(?<n2>${digits}))?`;
  // Words between a count and its verb; an injury word there means the count is of the injured.
  const hurt = alt(f.injured);
  const filler = (n: number) => `(?:(?!(?:${hurt || '(?!)'})\\b)[\\p{L}'’-]+\\s+){0,${n}}?`;
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
  c = {
    // One cheap scan first: most sentences name no death at all.
    any: new RegExp(b(alt([...f.killed, ...f.killing, ...f.toll, ...f.none])), 'iu'),
    none: new RegExp(b(alt(f.none)), 'iu'),
    notes: f.notes.length ? new RegExp(b(alt(f.notes)), 'iu') : null,
    patterns,
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

/** A 4-digit number that reads as a year, not a count. */
function yearLike(s: string): boolean {
  return /^(?:1[89]|20)\d\d$/.test(s);
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
  let best: Fatalities | null = null;
  for (const [i, re] of c.patterns.entries()) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const g = m.groups ?? {};
      // The killing-verb pattern matches "left" and "leaving" too: require the dead-noun then.
      if (!g.n && !g.one) continue;
      if (/^(left|leaving)\b/i.test(m[0]) && !/(dead|killed|deaths|fatalities)\s*$/i.test(m[0])) continue;
      if (g.one) {
        if (!best) best = { min: 1, max: 1 };
        continue;
      }
      // An article counts one victim only as a verb's object ("killing a civilian") or the
      // subject of "was killed", never as "an attack that killed".
      if (i !== KILLING_PATTERN && /^an?$/i.test(g.n) && !(i === PASSIVE_PATTERN && /\bwas\s/i.test(m[0]))) continue;
      const at = from + (m.indices?.groups?.n?.[0] ?? 0);
      if (yearLike(g.n) || skip.some((t) => t.start <= at && at < t.end)) continue;
      const n = toNumber(c, g.n);
      if (!n || !Number.isFinite(n.n)) continue;
      const q = (g.q ?? '').toLowerCase().replace(/\s+/g, ' ');
      let found: Fatalities;
      if (g.n2) found = { min: n.n, max: Number(g.n2.replace(/,/g, '')) };
      else if (c.upper.has(q)) found = { min: 0, max: n.n };
      else if (n.vague || c.openMin.has(q)) found = { min: n.n, max: null };
      else found = { min: n.n, max: n.n };
      // Several counts in one sentence: keep the largest lower bound (the fullest report).
      if (!best || found.min > best.min) best = found;
    }
  }
  if (best) return best;
  return c.none.test(slice) ? { min: 0, max: 0 } : null;
}
