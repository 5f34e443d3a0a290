// Reader for event-anaphors.yaml and the test for a definite noun that refers back to an event
// told earlier ("The speech also included ...", "the latest speech").
import type { EventType } from '../analysis/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { badLexicon, isRecord, stringList } from './lexicon-errors.js';
import { EVENT_TYPES } from './event-triggers.js';
import { phrasePattern } from '../text/regexp-source.js';

const LEXICON = 'event-anaphors';

export type EventAnaphora = {
  /** Head noun (lower case) → the event types it can refer back to. */
  heads: ReadonlyMap<string, readonly EventType[]>;
  /** "the latest speech", "this recording" ending at the head; group 1 is the head. */
  phrase: RegExp;
};

const cache = new WeakMap<KnowledgeBase, EventAnaphora>();

export function eventAnaphora(kb: KnowledgeBase): EventAnaphora {
  let a = cache.get(kb);
  if (a) return a;
  const raw = kb.lexicons.get(LEXICON) ?? [];
  if (!Array.isArray(raw)) throw badLexicon(LEXICON, 'must be a list of {nouns, types}');
  const heads = new Map<string, EventType[]>();
  raw.forEach((e, i) => {
    if (!isRecord(e)) throw badLexicon(LEXICON, `entry ${i + 1} must be {nouns, types}`);
    const types = stringList(LEXICON, `entry ${i + 1}.types`, e.types);
    const bad = types.find((t) => !EVENT_TYPES.includes(t as EventType));
    if (bad) throw badLexicon(LEXICON, `entry ${i + 1}: unknown event type "${bad}"`);
    for (const n of stringList(LEXICON, `entry ${i + 1}.nouns`, e.nouns)) heads.set(n.toLowerCase(), types as EventType[]);
  });
  const alt = [...heads.keys()].sort((x, y) => y.length - x.length).map((n) => phrasePattern(n)).join('|');
  // A determiner that points back, up to two modifiers ("latest", "audio"), the head; not "the
  // attack of ..." (a new description) and not a plural.
  const phrase = new RegExp(`\\b(?:the|this|that|its|their|his|her)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(${alt || '(?!)'})(?![\\p{L}-])(?!\\s+of\\b)`, 'giu');
  a = { heads, phrase };
  cache.set(kb, a);
  return a;
}

export type AnaphorMatch = { start: number; end: number; types: readonly EventType[]; opensSentence: boolean };

/** Definite back-references to events in [from, to); `opensSentence` when one is the sentence's first words. */
export function findEventAnaphors(kb: KnowledgeBase, text: string, from: number, to: number): AnaphorMatch[] {
  const { heads, phrase } = eventAnaphora(kb);
  if (heads.size === 0) return [];
  const out: AnaphorMatch[] = [];
  const slice = text.slice(from, to);
  phrase.lastIndex = 0;
  for (let m = phrase.exec(slice); m; m = phrase.exec(slice)) {
    const head = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    const start = from + m.index;
    out.push({
      start: from + m.index + m[0].length - m[1]!.length, end: from + m.index + m[0].length,
      types: heads.get(head) ?? [], opensSentence: /^[\s"“‘'(]*$/.test(text.slice(from, start)),
    });
  }
  return out;
}
