// Reader for relation-cues.yaml: one matcher per cue kind (verb/phrase, passive, compound,
// between) plus the title nouns used in appositions ("X, the spokesperson of Y").
import type { Predicate } from '../analysis/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { PhraseMatcher } from './phrase-matcher.js';
import { badLexicon, isRecord, stringList } from './lexicon-errors.js';
import { nounForms, verbForms } from './inflect.js';

const LEXICON = 'relation-cues';
const PREDICATES: readonly Predicate[] = [
  'cooperates_with', 'supports', 'funds', 'pays', 'supplies', 'commands', 'allied_with', 'hostile_to', 'rival_of',
  'fights', 'attacks', 'threatens', 'member_of', 'leader_of', 'spokesperson_of', 'media_arm_of', 'part_of',
  'split_from', 'successor_of', 'formerly_member_of',
];

export type RelationCue = {
  predicate: Predicate; symmetric: boolean; former: string[];
  /** `conjoined_subjects`: what coordinated subjects of this relation hold among themselves ("X and Y attacked Z": X and Y act together). */
  joint?: RelationCue;
};
/** One frame of the parse reader: the cue and the preposition marking its object (null: the direct object, or the modified noun). */
export type FrameEntry = { cue: RelationCue; case: string | null };
/**
 * What the parse reader (relation-frames.ts) looks words up in, lower case: verbs by lemma from
 * `verbs` ("split from": the verb, then the object's preposition), passive participles
 * by form from one-word `passive` cues ("controlled by"), hyphenated participles from `compound`
 * ("-backed"), relation nouns from
 * `nouns` ("war on", singular and plural), adjectives and participles with a preposition by lemma
 * from `adjectives` ("close to", "affiliate with"), and title nouns from `titles` by their last word.
 */
export type RelationFrames = {
  verbs: ReadonlyMap<string, FrameEntry[]>;
  participles: ReadonlyMap<string, FrameEntry[]>;
  compounds: ReadonlyMap<string, FrameEntry[]>;
  nouns: ReadonlyMap<string, FrameEntry[]>;
  adjectives: ReadonlyMap<string, FrameEntry[]>;
  /** `inverse`: the title's holder is the relation's object ("X, an Iranian proxy": Iran supports X). */
  titles: ReadonlyMap<string, { words: string[]; cue: RelationCue; inverse: boolean }[]>;
  /** Verbs whose object noun carries the relation and whose subject holds it ("signed a deal with", "posed a threat to"). */
  lightVerbs: ReadonlySet<string>;
  /** The part_of cue, for organisations named after what they belong to ("Syrian Interior Ministry"). */
  partOf: RelationCue | null;
  /**
   * Head nouns that name a state as a whole or its forces at large ("the Iraqi government",
   * "Turkish forces"), not one of its organs: `whole_state` entries and military-nouns.yaml.
   */
  wholeState: ReadonlySet<string>;
  /** Of those, the `whole_state` nouns (a government, an administration): they belong to nothing named before them. */
  government: ReadonlySet<string>;
};
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
  frames: RelationFrames;
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
  const frames = { verbs: new Map<string, FrameEntry[]>(), participles: new Map<string, FrameEntry[]>(), compounds: new Map<string, FrameEntry[]>(), nouns: new Map<string, FrameEntry[]>(),
    adjectives: new Map<string, FrameEntry[]>(), titles: new Map<string, { words: string[]; cue: RelationCue; inverse: boolean }[]>(), lightVerbs: new Set<string>(),
    partOf: null as RelationCue | null, wholeState: new Set<string>(), government: new Set<string>() };
  const military = kb.lexicons.get('military-nouns');
  if (Array.isArray(military)) for (const w of military) if (typeof w === 'string') frames.wholeState.add(w.toLowerCase());
  const joints: [RelationCue, Predicate][] = [];
  const firstCue = new Map<Predicate, RelationCue>();
  const put = (map: Map<string, FrameEntry[]>, form: string, entry: FrameEntry) => {
    const k = form.toLowerCase();
    const list = map.get(k) ?? [];
    if (!list.some((x) => x.cue === entry.cue && x.case === entry.case)) list.push(entry);
    map.set(k, list);
  };
  // "split from" → the word "split", object marked "from"; "cooperate with" → "with".
  const headAndCase = (phrase: string): [string, string | null] | null => {
    const words = phrase.trim().toLowerCase().split(/\s+/);
    if (words.length > 2) return null;
    return [words[0]!, words[1] ?? null];
  };
  raw.forEach((e, i) => {
    if (isRecord(e) && e.light_verbs !== undefined && e.predicate === undefined) {
      for (const v of stringList(LEXICON, 'light_verbs', e.light_verbs)) frames.lightVerbs.add(v.toLowerCase());
      return;
    }
    if (isRecord(e) && e.whole_state !== undefined && e.predicate === undefined) {
      for (const v of stringList(LEXICON, 'whole_state', e.whole_state)) { frames.wholeState.add(v.toLowerCase()); frames.government.add(v.toLowerCase()); }
      return;
    }
    if (!isRecord(e) || !PREDICATES.includes(e.predicate as Predicate)) throw badLexicon(LEXICON, `entry ${i + 1}: unknown or missing predicate`);
    const where = `${String(e.predicate)}`;
    const cue: RelationCue = { predicate: e.predicate as Predicate, symmetric: e.symmetric === true, former: stringList(LEXICON, `${where}.former`, e.former) };
    if (cue.symmetric) symmetric.add(cue.predicate);
    const addTitle = (p: string, inverse: boolean) => {
      for (const form of nounForms(p.toLowerCase())) {
        const words = form.split(/\s+/);
        const list = frames.titles.get(words.at(-1)!) ?? [];
        list.push({ words, cue, inverse });
        frames.titles.set(words.at(-1)!, list);
      }
    };
    if (cue.predicate === 'part_of') frames.partOf ??= cue;
    if (!firstCue.has(cue.predicate)) firstCue.set(cue.predicate, cue);
    if (e.conjoined_subjects !== undefined) {
      if (!PREDICATES.includes(e.conjoined_subjects as Predicate)) throw badLexicon(LEXICON, `${where}.conjoined_subjects: unknown predicate`);
      joints.push([cue, e.conjoined_subjects as Predicate]);
    }
    for (const v of stringList(LEXICON, `${where}.verbs`, e.verbs)) {
      for (const f of verbForms(v)) active.push([f, cue]);
      const hc = headAndCase(v);
      if (hc) put(frames.verbs, hc[0], { cue, case: hc[1] });
    }
    for (const p of stringList(LEXICON, `${where}.passive`, e.passive)) {
      const m = /^(\S+)\s+by$/i.exec(p.trim());
      if (m) put(frames.participles, m[1]!, { cue, case: null });
    }
    for (const p of stringList(LEXICON, `${where}.compound`, e.compound)) put(frames.compounds, p.replace(/^[-‐‑]/, ''), { cue, case: null });
    for (const p of stringList(LEXICON, `${where}.nouns`, e.nouns)) {
      const hc = headAndCase(p);
      if (hc) for (const f of nounForms(hc[0])) put(frames.nouns, f, { cue, case: hc[1] });
    }
    for (const p of stringList(LEXICON, `${where}.adjectives`, e.adjectives)) {
      const hc = headAndCase(p);
      if (hc) put(frames.adjectives, hc[0], { cue, case: hc[1] });
    }
    for (const p of stringList(LEXICON, `${where}.phrases`, e.phrases)) {
      active.push([p, cue]);
      if (!/\s/.test(p.trim())) put(frames.verbs, p.trim(), { cue, case: null });
    }
    for (const p of stringList(LEXICON, `${where}.passive`, e.passive)) passive.push([p, cue]);
    for (const p of stringList(LEXICON, `${where}.compound`, e.compound)) compound.push([p, cue]);
    for (const p of stringList(LEXICON, `${where}.between`, e.between)) between.push([p, cue]);
    for (const p of stringList(LEXICON, `${where}.received`, e.received)) received.push([p, cue]);
    for (const p of stringList(LEXICON, `${where}.titles`, e.titles)) {
      titles.push([p, cue]);
      for (const w of p.toLowerCase().split(/\s+/)) titleWords.add(w);
      addTitle(p, false);
    }
    for (const p of stringList(LEXICON, `${where}.inverse_titles`, e.inverse_titles)) addTitle(p, true);
  });
  for (const [cue, p] of joints) { const j = firstCue.get(p); if (j) cue.joint = j; }
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
    received: new PhraseMatcher(received), frames,
  };
  cache.set(kb, c);
  return c;
}
