// Reader for event-triggers.yaml: every surface form of every trigger group in one matcher.
import type { EventType } from '../analysis/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { PhraseMatcher } from './phrase-matcher.js';
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
};

const cache = new WeakMap<KnowledgeBase, PhraseMatcher<Trigger>>();

export function eventTriggers(kb: KnowledgeBase): PhraseMatcher<Trigger> {
  let m = cache.get(kb);
  if (m) return m;
  const raw = kb.lexicons.get(LEXICON) ?? {};
  if (!isRecord(raw)) throw badLexicon(LEXICON, 'must map trigger group names to {type, verbs, nouns, forms}');
  const entries: [string, Trigger][] = [];
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
      needsActor: g.needs_actor === true,
    };
    for (const v of stringList(LEXICON, `${group}.verbs`, g.verbs)) for (const f of verbForms(v)) entries.push([f, { ...base, pos: 'verb' }]);
    for (const v of stringList(LEXICON, `${group}.forms`, g.forms)) entries.push([v, { ...base, pos: 'verb' }]);
    for (const n of stringList(LEXICON, `${group}.nouns`, g.nouns)) for (const f of nounForms(n)) entries.push([f, { ...base, pos: 'noun' }]);
  }
  m = new PhraseMatcher(entries);
  cache.set(kb, m);
  return m;
}
