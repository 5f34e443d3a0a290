// Proposes indicators from a scenario's words: each condition (and the outcome) is read for
// event words, relation cues, actors and places, and becomes a declarative indicator the
// analyst can edit. Pure: the texts arrive with their actors and places already resolved, and
// the vocabulary arrives as a ProposalLexicon.
import type { ActorKind, EventType, Predicate } from '../analysis/types.js';
import type { IndicatorDef, Region } from './types.js';
import { phrasePattern } from '../text/regexp-source.js';

export type ProposalCues = {
  escalation: string[];
  keywords: { cues: string[]; match: string[]; types: EventType[] }[];
  events: { words: string[]; type: EventType }[];
};

export type ProposalLexicon = {
  /** Event words in the text with their type (from the packs' trigger lexicon and the cues). */
  eventWords(text: string): { type: EventType; text: string; start: number }[];
  relationWords(text: string): { predicate: Predicate; symmetric: boolean; text: string; start: number }[];
  cues: ProposalCues;
};

/** A condition or outcome with the actors (pack ids) and places named in it. */
export type ProposalText = {
  role: 'condition' | 'outcome';
  text: string;
  /** In order of first mention; at: offset of that mention in text. */
  actors: { id: string; kind: ActorKind; at: number }[];
  places: { name: string; kind: string; country: string | null; admin1: string | null }[];
};

export type Proposal = {
  indicator: IndicatorDef;
  /** What it was proposed from, for the analyst to judge. */
  source: { role: 'condition' | 'outcome'; text: string; cues: string[] };
};

/** Actors that carry out violence; states and persons name sponsors or places more often. */
const VIOLENT_KINDS: ReadonlySet<ActorKind> = new Set(['armed-group', 'militia', 'coalition', 'state-force']);
const TWO_SIDED: ReadonlySet<EventType> = new Set(['armed-clash']);
const AREA_KINDS = new Set(['country', 'admin1']);

function containsWord(text: string, word: string): boolean {
  const w = phrasePattern(word.toLowerCase());
  return new RegExp(`(?:^|[^\\p{L}])${w}`, 'iu').test(text);
}

function regionOf(t: ProposalText): Region | undefined {
  const countries = new Set<string>();
  const admin1 = new Set<string>();
  for (const p of t.places) {
    if (p.kind === 'admin1') admin1.add(p.name);
    else if (p.kind === 'country' && p.country) countries.add(p.country);
    else if (p.admin1) admin1.add(p.admin1);
    else if (!AREA_KINDS.has(p.kind) && p.country) countries.add(p.country);
  }
  // The narrowest area named wins: a governorate inside a named country is the place to watch.
  if (admin1.size) return { admin1: [...admin1] };
  if (countries.size) return { countries: [...countries] };
  return undefined;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'x';
}

/** Proposals for one scenario, in text order; ids are unique within the scenario. */
export function proposeIndicators(texts: ProposalText[], lex: ProposalLexicon): Proposal[] {
  const out: Proposal[] = [];
  const ids = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
    ids.add(id);
    return id;
  };
  for (const original of texts) {
    // A leading circumstance ("Since a ceasefire is in place, …", "With these groups having
    // built …, …") is background, not what the scenario expects to happen.
    const t = { ...original, text: original.text.replace(/^(since|with|as|given|while|although|because)\b[^,]{3,}?,\s*/i, '') };
    const cut = original.text.length - t.text.length;
    if (cut) t.actors = t.actors.filter((a) => a.at >= cut).map((a) => ({ ...a, at: a.at - cut }));
    const cues: string[] = [];
    const types = new Set<EventType>();
    const keywords: string[] = [];
    const keywordWords = new Set<string>();
    for (const k of lex.cues.keywords) {
      const hits = k.cues.filter((c) => containsWord(t.text, c));
      if (!hits.length) continue;
      keywords.push(...k.match);
      for (const h of hits) for (const w of h.toLowerCase().split(/\s+/)) keywordWords.add(w);
      cues.push(`"${hits[0]}" → keywords ${k.match.join('/')}, types ${k.types.join('/')}`);
      for (const ty of k.types) types.add(ty);
    }
    for (const w of lex.eventWords(t.text)) {
      // A word the keyword cues already read ("detention centres") is not also an event word.
      if (w.text.toLowerCase().split(/\s+/).some((x) => keywordWords.has(x))) continue;
      types.add(w.type);
      cues.push(`"${w.text}" → ${w.type}`);
    }
    const escalation = lex.cues.escalation.find((w) => containsWord(t.text, w));
    if (escalation) cues.push(`"${escalation}" → above baseline`);
    const actors = [...new Map([...t.actors].sort((a, b) => a.at - b.at).map((a) => [a.id, a])).values()];
    const violent = actors.filter((a) => VIOLENT_KINDS.has(a.kind));
    const region = regionOf(t);
    if (region) cues.push(`region ${JSON.stringify(region)}`);
    const label = `${t.role === 'outcome' ? 'Outcome' : 'Condition'}: ${t.text.length > 90 ? `${t.text.slice(0, 89)}…` : t.text}`;

    if (types.size) {
      const watched = violent.length ? violent : actors;
      const twoSided = [...types].some((ty) => TWO_SIDED.has(ty)) && watched.length >= 2;
      const def: IndicatorDef = {
        id: uniqueId(slug(`${[...types][0]}-${watched[0]?.id ?? 'any'}`)),
        label, kind: 'event-count', types: [...types],
        ...(watched.length ? twoSided ? { actors_any: [watched[0]!.id], actors_any_2: watched.slice(1).map((a) => a.id) } : { actors_any: watched.map((a) => a.id) } : {}),
        ...(region ? { region } : {}),
        ...(keywords.length ? { keywords_any: [...new Set(keywords)] } : {}),
        window_days: 30,
        ...(escalation ? { baseline_days: 90, threshold: { ratio_to_baseline: 2, min_count: 2 } } : { threshold: { min_count: 1 } }),
      };
      out.push({ indicator: def, source: { role: t.role, text: t.text, cues } });
      continue;
    }
    const rel = lex.relationWords(t.text)[0];
    // Subject: actors named before the cue; object: after it ("people join IS": any subject).
    const subjects = rel ? actors.filter((a) => a.at < rel.start).map((a) => a.id) : [];
    const objects = rel ? actors.filter((a) => a.at > rel.start).map((a) => a.id) : [];
    if (rel && objects.length) {
      cues.push(`"${rel.text}" → ${rel.predicate}`);
      out.push({
        indicator: {
          id: uniqueId(slug(`${rel.predicate}-${objects[0]!}`)), label, kind: 'relation-reported',
          predicates: [rel.predicate], ...(subjects.length ? { subject_any: subjects.slice(-1) } : {}), object_any: objects.slice(0, 1),
          ...(rel.symmetric ? { either_direction: true } : {}), window_days: 90, threshold: { min_count: 1 },
        },
        source: { role: t.role, text: t.text, cues },
      });
    }
  }
  return out;
}
