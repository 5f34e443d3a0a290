// "The camp", "the base", "the town" after the place was named: a definite description refers
// back to the last compatible place (by kind, or by a word of its name) named within reach, and
// becomes one more mention of it — so an event told in the next sentence ("The attack on the
// base ...") is placed. Rules are data (place-coreference.yaml).
import type { PlaceOut, Span } from '../analysis/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { WatchfloorError } from '../errors.js';

type Rule = { phrase: string; kinds: ReadonlySet<string>; nameContains: string | null; reach: number };

const LEXICON = 'place-coreference';
const cache = new WeakMap<KnowledgeBase, Rule[]>();

function rules(kb: KnowledgeBase): Rule[] {
  let r = cache.get(kb);
  if (r) return r;
  const raw = kb.lexicons.get(LEXICON) ?? [];
  if (!Array.isArray(raw)) throw new WatchfloorError('BAD_PACK', `lexicon "${LEXICON}" must be a list of {phrase, kinds, name_contains?, reach?}`, { subject: `lexicon/${LEXICON}.yaml` });
  r = raw.map((x: unknown, i) => {
    const o = x as { phrase?: unknown; kinds?: unknown; name_contains?: unknown; reach?: unknown };
    if (typeof o?.phrase !== 'string' || !Array.isArray(o.kinds) || !o.kinds.every((k) => typeof k === 'string')) {
      throw new WatchfloorError('BAD_PACK', `lexicon "${LEXICON}" entry ${i + 1}: needs a phrase and a list of kinds`, { subject: `lexicon/${LEXICON}.yaml` });
    }
    return {
      phrase: o.phrase.toLowerCase(), kinds: new Set(o.kinds as string[]),
      nameContains: typeof o.name_contains === 'string' ? o.name_contains.toLowerCase() : null,
      reach: typeof o.reach === 'number' ? o.reach : 1500,
    };
  });
  cache.set(kb, r);
  return r;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Adds, in place, a mention for each definite description that refers back to a place; returns the spans added. */
export function linkPlaceDescriptions(text: string, places: PlaceOut[], kb: KnowledgeBase): Span[] {
  const list = rules(kb);
  if (!list.length || !places.length) return [];
  const named = places.flatMap((p) => p.mentions.map((m) => ({ place: p, start: m.start, end: m.end }))).sort((a, b) => a.start - b.start);
  const added: Span[] = [];
  for (const rule of list) {
    // Not "the camp of X" (it names X), not "the town's", not inside a longer name ("the camp
    // administration" is fine: the noun is still the camp).
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(rule.phrase)}(?![\\p{L}\\p{N}'’-])(?!\\s+of\\b)`, 'giu');
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (named.some((n) => n.start < end && start < n.end)) continue;
      const fits = (p: PlaceOut) => rule.kinds.has(p.kind) || (rule.nameContains !== null && p.name.toLowerCase().includes(rule.nameContains));
      const antecedent = named.filter((n) => n.end <= start && start - n.end <= rule.reach && fits(n.place)).at(-1);
      if (!antecedent) continue;
      const span = { start, end, text: text.slice(start, end) };
      antecedent.place.mentions.push(span);
      added.push(span);
    }
  }
  for (const p of places) p.mentions.sort((a, b) => a.start - b.start);
  return added;
}
