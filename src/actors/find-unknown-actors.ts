// Actors the pack does not know, found by general naming patterns: a person introduced by a
// title or a common given name, a kunya ("Abu …"), an organisation ending in a head noun
// ("the … Front/Army/Brigade").
import type { ActorKind } from '../analysis/types.js';
import type { Token } from '../text/tokenize.js';
import { foldWord, isCapitalised, joinableGap } from '../text/tokenize.js';

export type UnknownHit = { start: number; end: number; firstToken: number; lastToken: number; name: string; kind: ActorKind };

export type NamePatterns = {
  titles: string[][];            // folded token sequences
  givenNames: Set<string>;       // folded
  orgHeads: { tokens: string[]; kind: ActorKind }[];
};

/** Lower-case particles allowed inside a name: "Abu Bakr al-Baghdadi", "Osama bin Laden". */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'abou', 'ad', 'ar', 'as', 'ash', 'az', 'an', 'at', 'ud', 'ul', 'de', 'of', 'and']);
/** Capitalised words that begin sentences or headlines and are never names. */
const NOT_NAME = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'and', 'but', 'or', 'if', 'as', 'for', 'with', 'from', 'by', 'to', 'of', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'after', 'before', 'since', 'while', 'when', 'however', 'meanwhile', 'although', 'last', 'next', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

function nameWord(t: Token): boolean {
  return isCapitalised(t.text) && !NOT_NAME.has(t.norm) && !/^\d/.test(t.text);
}

/** Extend a name from token i over capitalised words and inner particles; returns the last token. */
function extendName(text: string, tokens: Token[], i: number, maxLen = 5): number {
  let last = i;
  for (let k = i + 1; k < tokens.length && k - i < maxLen; k++) {
    const prev = tokens[k - 1]!;
    const cur = tokens[k]!;
    if (!joinableGap(text.slice(prev.end, cur.start), prev.text)) break;
    if (nameWord(cur)) { last = k; continue; }
    if (PARTICLES.has(cur.norm) && cur.norm !== 'and' && cur.norm !== 'of') continue;
    break;
  }
  return last;
}

function matchesAt(tokens: Token[], i: number, seq: string[]): boolean {
  for (let k = 0; k < seq.length; k++) if (tokens[i + k]?.norm !== seq[k]) return false;
  return true;
}

export function findUnknownActors(text: string, tokens: Token[], patterns: NamePatterns, taken: (token: number) => boolean): UnknownHit[] {
  const hits: UnknownHit[] = [];
  const free = (a: number, b: number) => { for (let k = a; k <= b; k++) if (taken(k)) return false; return true; };
  const span = (a: number, b: number) => text.slice(tokens[a]!.start, tokens[b]!.end);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Kunya: "Abu Hudhaifa al-Ansari".
    if ((t.norm === 'abu' || t.norm === 'abou') && isCapitalised(t.text) && tokens[i + 1] && nameWord(tokens[i + 1]!)
        && joinableGap(text.slice(t.end, tokens[i + 1]!.start), t.text)) {
      const last = extendName(text, tokens, i + 1);
      if (free(i, last)) { hits.push({ start: t.start, end: tokens[last]!.end, firstToken: i, lastToken: last, name: span(i, last), kind: 'person' }); i = last; continue; }
    }
    // Given name + family name: "Mohammed Al-Bakheet".
    if (patterns.givenNames.has(t.norm) && isCapitalised(t.text)) {
      const last = extendName(text, tokens, i);
      if (last > i && free(i, last)) { hits.push({ start: t.start, end: tokens[last]!.end, firstToken: i, lastToken: last, name: span(i, last), kind: 'person' }); i = last; continue; }
    }
    // Title + name: "spokesperson Jane Doe", "Sheikh Abdul Karim".
    for (const title of titlesByFirst(patterns).get(t.norm) ?? []) {
      if (!matchesAt(tokens, i, title)) continue;
      const first = i + title.length;
      const ft = tokens[first];
      if (!ft || !nameWord(ft) || !joinableGap(text.slice(tokens[first - 1]!.end, ft.start), tokens[first - 1]!.text)) continue;
      const last = extendName(text, tokens, first, 4);
      if (last > first && free(first, last)) {
        hits.push({ start: ft.start, end: tokens[last]!.end, firstToken: first, lastToken: last, name: span(first, last), kind: 'person' });
        i = last;
      }
      break;
    }
  }
  // Organisations: a run of capitalised words ending in a head noun, optionally "of X".
  const heads = headsByFirst(patterns);
  for (let i = 0; i < tokens.length; i++) {
    for (const head of heads.get(tokens[i]!.norm) ?? []) {
      if (!matchesAt(tokens, i, head.tokens) || !isCapitalised(tokens[i]!.text)) continue;
      const headEnd = i + head.tokens.length - 1;
      let first = i;
      while (first > 0 && nameWord(tokens[first - 1]!) && joinableGap(text.slice(tokens[first - 1]!.end, tokens[first]!.start), tokens[first - 1]!.text)) first--;
      if (first === i) break; // the head alone ("Army") is no name
      let last = headEnd;
      if (tokens[last + 1]?.norm === 'of' && tokens[last + 2] && nameWord(tokens[last + 2]!)) last = extendName(text, tokens, last + 2, 3);
      if (free(first, last)) hits.push({ start: tokens[first]!.start, end: tokens[last]!.end, firstToken: first, lastToken: last, name: span(first, last), kind: head.kind });
      i = last;
      break;
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

// Lookups by first token, built once per pattern set (each is tried at every token).
const titleIndex = new WeakMap<NamePatterns, Map<string, string[][]>>();
const headIndex = new WeakMap<NamePatterns, Map<string, NamePatterns['orgHeads']>>();

function byFirst<T>(items: T[], first: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) { const k = first(it); m.set(k, [...(m.get(k) ?? []), it]); }
  return m;
}

function titlesByFirst(p: NamePatterns): Map<string, string[][]> {
  let m = titleIndex.get(p);
  if (!m) { m = byFirst(p.titles, (t) => t[0]!); titleIndex.set(p, m); }
  return m;
}

function headsByFirst(p: NamePatterns): Map<string, NamePatterns['orgHeads']> {
  let m = headIndex.get(p);
  if (!m) { m = byFirst(p.orgHeads, (h) => h.tokens[0]!); headIndex.set(p, m); }
  return m;
}

export function foldTokens(phrase: string): string[] {
  return phrase.split(/\s+/).filter(Boolean).map((w) => foldWord(w.replace(/\.$/, '')));
}
