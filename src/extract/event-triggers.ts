// Reader for event-triggers.yaml: every surface form of every trigger group in one matcher.
import type { EventType } from '../analysis/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { PhraseMatcher, phraseKey, type PhraseMatch } from './phrase-matcher.js';
import { badLexicon, isRecord, stringList } from './lexicon-errors.js';
import { nounForms, verbForms } from './inflect.js';

const LEXICON = 'event-triggers';
export const EVENT_TYPES: readonly EventType[] = [
  'attack', 'bombing', 'armed-clash', 'assassination', 'abduction', 'arrest', 'plot-foiled', 'prison-break',
  'meeting', 'statement', 'threat', 'propaganda-release', 'recruitment-appeal', 'funding', 'smuggling',
  'arms-transfer', 'cooperation', 'facilitation', 'territorial-change', 'withdrawal', 'deployment', 'agreement',
  'sanction', 'political', 'protest', 'other',
];

export type Trigger = {
  group: string; type: EventType; subtype: string | null; pos: 'verb' | 'noun'; generic: boolean;
  /** The word says someone died ("assassinated", "shot dead"). */
  impliesDeath: boolean;
  /** Type used instead when the object is an armed actor. */
  armedTargetType: EventType | null;
  /** Later triggers in the sentence are the event's subject matter ("protested against the arrest"). */
  grievance: boolean;
  /** No event without an actor, whatever the type allows. */
  needsActor: boolean;
  /** Some group lists this surface as a noun too ("attacks"); a verb-only word used as a noun ("85 targets") names no event. */
  alsoNoun: boolean;
};

/** What a surface form can mean: readings that need a certain object after them, else the plain one. */
type Reading = { plain: Trigger | null; conditional: { trigger: Trigger; objects: PhraseMatcher<true> }[] };

/** Finds trigger words in text; a word whose group names `objects` counts only before one of them. */
export type TriggerMatcher = { readonly size: number; matchAll(text: string, from?: number, to?: number): PhraseMatch<Trigger>[] };

const cache = new WeakMap<KnowledgeBase, TriggerMatcher>();

// How far after a trigger its object may stand: a few words of the same clause. Punctuation or
// a word opening a new clause ends the search; a bracketed aside is skipped.
const OBJECT_WORDS = 8;
const CLAUSE_BREAK = new Set(['after', 'before', 'when', 'while', 'which', 'who', 'that', 'where', 'as', 'because', 'since', 'but', 'whereas', 'although']);
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?|[^\s\p{L}\p{M}\p{N}]/gu;

/** End of the stretch after `from` where a conditional trigger's object may stand. */
export function objectWindowEnd(text: string, from: number, to: number): number {
  WORD.lastIndex = from;
  let words = 0;
  let depth = 0;
  let end = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const w = m[0];
    if (w === '(' || w === '[') { depth++; continue; }
    if (w === ')' || w === ']') { if (depth) depth--; else break; continue; }
    if (depth) continue;
    if (/^[^\p{L}\p{M}\p{N}]$/u.test(w) && w !== '-' && w !== "'" && w !== '’') break;
    if (CLAUSE_BREAK.has(w.toLowerCase()) || ++words > OBJECT_WORDS) break;
    end = m.index + w.length;
  }
  return Math.min(end, to);
}

function readingOf(map: Map<string, Reading>, surface: string): Reading {
  const k = phraseKey(surface);
  let r = map.get(k);
  if (!r) { r = { plain: null, conditional: [] }; map.set(k, r); }
  return r;
}

export function eventTriggers(kb: KnowledgeBase): TriggerMatcher {
  let m = cache.get(kb);
  if (m) return m;
  const raw = kb.lexicons.get(LEXICON) ?? {};
  if (!isRecord(raw)) throw badLexicon(LEXICON, 'must map trigger group names to {type, verbs, nouns, forms}');
  const readings = new Map<string, Reading>();
  const nounSurfaces = new Set<string>();
  // Specific groups first so a phrase listed in a generic group too keeps the specific reading.
  const groups = Object.entries(raw).sort(([, a], [, b]) => Number(isRecord(a) && a.generic === true) - Number(isRecord(b) && b.generic === true));
  for (const [group, g] of groups) {
    if (!isRecord(g)) throw badLexicon(LEXICON, `group "${group}" must be a mapping`);
    const type = g.type as EventType;
    if (!EVENT_TYPES.includes(type)) throw badLexicon(LEXICON, `group "${group}": unknown event type "${String(g.type)}"`);
    if (g.subtype !== undefined && typeof g.subtype !== 'string') throw badLexicon(LEXICON, `group "${group}": subtype must be a string`);
    const armed = g.armed_target_type;
    if (armed !== undefined && !EVENT_TYPES.includes(armed as EventType)) throw badLexicon(LEXICON, `group "${group}": unknown armed_target_type "${String(armed)}"`);
    const base = {
      group, type, subtype: (g.subtype as string | undefined) ?? null, generic: g.generic === true,
      impliesDeath: g.implies_death === true, armedTargetType: (armed as EventType | undefined) ?? null, grievance: g.grievance === true,
      needsActor: g.needs_actor === true, alsoNoun: false,
    };
    const objectWords = stringList(LEXICON, `${group}.objects`, g.objects).flatMap(nounForms);
    if (g.objects !== undefined && !objectWords.length) throw badLexicon(LEXICON, `group "${group}": objects must not be empty`);
    const objects = objectWords.length ? new PhraseMatcher(objectWords.map((w) => [w, true] as const)) : null;
    const add = (surface: string, trigger: Trigger) => {
      const r = readingOf(readings, surface);
      if (objects) r.conditional.push({ trigger, objects });
      else r.plain ??= trigger;
    };
    for (const v of stringList(LEXICON, `${group}.verbs`, g.verbs)) for (const f of verbForms(v)) add(f, { ...base, pos: 'verb' });
    for (const v of stringList(LEXICON, `${group}.forms`, g.forms)) add(v, { ...base, pos: 'verb' });
    for (const n of stringList(LEXICON, `${group}.nouns`, g.nouns)) for (const f of nounForms(n)) { add(f, { ...base, pos: 'noun' }); nounSurfaces.add(phraseKey(f)); }
  }
  for (const [k, r] of readings) {
    if (!nounSurfaces.has(k)) continue;
    if (r.plain) r.plain = { ...r.plain, alsoNoun: true };
    r.conditional = r.conditional.map((c) => ({ ...c, trigger: { ...c.trigger, alsoNoun: true } }));
  }
  const matcher = new PhraseMatcher<Reading>(readings);
  m = {
    size: matcher.size,
    matchAll(text, from = 0, to = text.length) {
      const out: PhraseMatch<Trigger>[] = [];
      for (const hit of matcher.matchAll(text, from, to)) {
        const r = hit.value;
        let value = r.plain;
        if (r.conditional.length) {
          const end = objectWindowEnd(text, hit.end, to);
          value = r.conditional.find((c) => c.objects.matchAll(text, hit.end, end).length)?.trigger ?? r.plain;
        }
        if (value) out.push({ ...hit, value });
      }
      return out;
    },
  };
  cache.set(kb, m);
  return m;
}
