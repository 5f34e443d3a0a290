// Reader for relation-cues.yaml: one matcher per cue kind (verb/phrase, passive, compound,
// between) plus the title nouns used in appositions ("X, the spokesperson of Y").
import type { Predicate } from '../analysis/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { PhraseMatcher } from './phrase-matcher.js';
import { badLexicon, isRecord, stringList } from './lexicon-errors.js';
import { verbForms } from './inflect.js';

const LEXICON = 'relation-cues';
const PREDICATES: readonly Predicate[] = [
  'cooperates_with', 'supports', 'funds', 'pays', 'supplies', 'commands', 'allied_with', 'hostile_to', 'rival_of',
  'fights', 'attacks', 'threatens', 'member_of', 'leader_of', 'spokesperson_of', 'media_arm_of', 'part_of',
  'split_from', 'successor_of', 'formerly_member_of',
];

export type RelationCue = { predicate: Predicate; symmetric: boolean; former: string[] };
export type RelationCues = {
  active: PhraseMatcher<RelationCue>;
  passive: PhraseMatcher<RelationCue>;
  compound: PhraseMatcher<RelationCue>;
  between: PhraseMatcher<RelationCue>;
  titles: PhraseMatcher<RelationCue>;
  /** Things received "from" someone ("missiles", "funding"), each with the relation it shows. */
  received: PhraseMatcher<RelationCue>;
  /** Every word of every title, lower case: lets "U.S. President Donald Trump" group as one phrase. */
  titleWords: ReadonlySet<string>;
  /** Verbs that put words or views in someone's mouth ("said", "reported", "regards"): speech.yaml verbs and attribution_verbs. */
  speechVerbs: ReadonlySet<string>;
  /** Words that stand before a person's name ("General", "Sheikh"), lower case, from person-titles.yaml. */
  personTitles: ReadonlySet<string>;
  symmetric: ReadonlySet<Predicate>;
};

const cache = new WeakMap<KnowledgeBase, RelationCues>();

export function relationCues(kb: KnowledgeBase): RelationCues {
  let c = cache.get(kb);
  if (c) return c;
  const raw = kb.lexicons.get(LEXICON) ?? [];
  if (!Array.isArray(raw)) throw badLexicon(LEXICON, 'must be a list of {predicate, verbs, phrases, passive, compound, between, titles}');
  const active: [string, RelationCue][] = [];
  const passive: [string, RelationCue][] = [];
  const compound: [string, RelationCue][] = [];
  const between: [string, RelationCue][] = [];
  const titles: [string, RelationCue][] = [];
  const received: [string, RelationCue][] = [];
  const titleWords = new Set<string>();
  const symmetric = new Set<Predicate>();
  raw.forEach((e, i) => {
    if (!isRecord(e) || !PREDICATES.includes(e.predicate as Predicate)) throw badLexicon(LEXICON, `entry ${i + 1}: unknown or missing predicate`);
    const where = `${String(e.predicate)}`;
    const cue: RelationCue = { predicate: e.predicate as Predicate, symmetric: e.symmetric === true, former: stringList(LEXICON, `${where}.former`, e.former) };
    if (cue.symmetric) symmetric.add(cue.predicate);
    for (const v of stringList(LEXICON, `${where}.verbs`, e.verbs)) for (const f of verbForms(v)) active.push([f, cue]);
    for (const p of stringList(LEXICON, `${where}.phrases`, e.phrases)) active.push([p, cue]);
    for (const p of stringList(LEXICON, `${where}.passive`, e.passive)) passive.push([p, cue]);
    for (const p of stringList(LEXICON, `${where}.compound`, e.compound)) compound.push([p, cue]);
    for (const p of stringList(LEXICON, `${where}.between`, e.between)) between.push([p, cue]);
    for (const p of stringList(LEXICON, `${where}.received`, e.received)) received.push([p, cue]);
    for (const p of stringList(LEXICON, `${where}.titles`, e.titles)) {
      titles.push([p, cue]);
      for (const w of p.toLowerCase().split(/\s+/)) titleWords.add(w);
    }
  });
  const personTitles = new Set<string>();
  const rawTitles = kb.lexicons.get('person-titles');
  if (Array.isArray(rawTitles)) for (const t of rawTitles) if (typeof t === 'string') personTitles.add(t.toLowerCase());
  const speech = kb.lexicons.get('speech');
  const speechVerbs = new Set<string>();
  if (isRecord(speech)) {
    for (const field of ['verbs', 'attribution_verbs']) for (const v of stringList('speech', field, speech[field])) speechVerbs.add(v.toLowerCase());
  }
  // "according to X, Y attacked Z" is marked by modality-cues.yaml; as a verb it has no complement.
  speechVerbs.delete('according');
  c = {
    personTitles, speechVerbs,
    active: new PhraseMatcher(active), passive: new PhraseMatcher(passive), compound: new PhraseMatcher(compound),
    between: new PhraseMatcher(between), titles: new PhraseMatcher(titles), titleWords, symmetric,
    received: new PhraseMatcher(received),
  };
  cache.set(kb, c);
  return c;
}
