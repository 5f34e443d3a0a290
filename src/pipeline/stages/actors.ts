// Actor mentions, linking to the knowledge pack, actors the pack lacks, and in-document
// coreference; one ActorOut per actor with every mention.
import type { ActorKind, ActorOut, TimeOut } from '../../analysis/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { PackActor } from '../../knowledge/pack-types.js';
import { readStringList, readStringMap } from '../../knowledge/lexicon-shapes.js';
import { WatchfloorError } from '../../errors.js';
import { tokenize, type Token } from '../../text/tokenize.js';
import { aliasIndex } from '../../actors/alias-index.js';
import { findPackMentions, type PackHit } from '../../actors/find-pack-mentions.js';
import { findUnknownActors, foldTokens, type NamePatterns } from '../../actors/find-unknown-actors.js';
import { resolveDefiniteDescriptions, resolvePossessivePronouns, resolveSurnames, type CorefRule, type LinkedMention, type WholeOf } from '../../actors/coreference.js';
import type { Mention, Sentence, Stage } from '../stage.js';
import { dropLocativeStates } from '../../actors/locative-states.js';
import { sentenceIndexBefore } from '../sentence-lookup.js';
import { curatedPlaceCountries } from '../../geo/place-countries.js';
import { eventTriggers } from '../../extract/event-triggers.js';
import { activeAt, coalitionTheatres, FIELD_FAMILIES, padDate, parentForces, theatreCoalitions } from '../../actors/parent-forces.js';
import { typeInfo } from '../../extract/event-taxonomy.js';
import { datelinePlaces } from '../../geo/dateline.js';

type Resources = {
  patterns: NamePatterns; coref: CorefRule[]; personsByFirstLast: Map<string, string>;
  /** Folded demonym -> the state's forces (pack ids), and the military nouns that trigger it. */
  stateForces: Map<string, string[]>; militaryNouns: string[][];
  /** Nouns for people who bear arms ("fighters", "police"), folded. */
  combatantNouns: string[][];
  /** Heads of the names of sites ("Hospital", "Street", "Mosque"): place-cues feature and site words. */
  siteHeads: ReadonlySet<string>;
  /** Words after a name that make it a place ("province", "countryside", "airport"), folded. */
  placeWordsAfter: ReadonlySet<string>;
};
const cache = new WeakMap<KnowledgeBase, Resources>();

const LOCATIVE = new Set(['in', 'at', 'near', 'to', 'from', 'into', 'around', 'outside', 'across', 'toward', 'towards', 'of', 'between', 'via', 'through', 'inside', 'within', 'over', 'entered', 'reached']);
/**
 * Words that name a part of a place between a locative and its name ("in eastern Baghdad"). Not
 * "the": "fighters within the Ministry of Defense" is a body, and "the X area" has its place word.
 */
const PART_OF_PLACE = new Set(['eastern', 'western', 'northern', 'southern', 'central', 'northeastern', 'northwestern', 'southeastern', 'southwestern',
  'east', 'west', 'north', 'south', 'downtown', 'greater', 'rural', 'outer', 'inner', 'old']);

/**
 * Whether the text reads the ambiguous name at token `first`..`last` as a place: after a locative
 * ("in eastern Baghdad"), before a place word ("Damascus countryside", "Beirut's southern
 * suburbs"), or as the target of an act of violence ("struck Erbil"): a city then, not the
 * government it may stand for.
 */
function readAsPlace(kb: KnowledgeBase, res: Resources, text: string, tokens: Token[], first: number, last: number): boolean {
  let k = first - 1;
  while (k >= 0 && first - k <= 3 && PART_OF_PLACE.has(tokens[k]!.norm)) k--;
  if (k >= 0 && LOCATIVE.has(tokens[k]!.norm)) return true;
  let n = last + 1;
  while (n < tokens.length && n - last <= 3 && PART_OF_PLACE.has(tokens[n]!.norm)) n++;
  const after = tokens[n];
  if (after && res.placeWordsAfter.has(after.norm) && !/[.;:!?]/.test(text.slice(tokens[last]!.end, after.start))) return true;
  const prev = tokens[first - 1];
  if (!prev || !/^\s+$/.test(text.slice(prev.end, tokens[first]!.start))) return false;
  return eventTriggers(kb).matchAll(text, Math.max(0, prev.start - 40), tokens[first]!.start)
    .some((t) => t.end === prev.end && typeInfo(kb, t.value.type).family === 'violence');
}
/**
 * Words that may stand before a common noun naming a state's force ("police") without saying
 * whose force it is. Any other word is a modifier ("military police", "Kurdish police",
 * "civilian police") that makes it someone else's.
 */
const PLAIN_BEFORE = new Set(['the', 'a', 'an', 'some', 'several', 'many', 'dozens', 'hundreds', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'and', 'or', 'by', 'with', 'against', 'on', 'for']);

/** True when nothing before a common-noun alias says whose it is: a determiner, a number, punctuation or the start. */
function plainNounPhrase(text: string, tokens: Token[], first: number): boolean {
  const prev = tokens[first - 1];
  if (!prev) return true;
  if (/[^\s]/.test(text.slice(prev.end, tokens[first]!.start))) return true;
  return /^\d+$/.test(prev.norm) || PLAIN_BEFORE.has(prev.norm);
}

function resources(kb: KnowledgeBase): Resources {
  const hit = cache.get(kb);
  if (hit) return hit;
  const heads = readStringMap(kb.lexicons, 'organisation-heads');
  const orgHeads = Object.entries(heads).flatMap(([kind, list]) => list.map((h) => ({ tokens: foldTokens(h), kind: kind as ActorKind })))
    .sort((a, b) => b.tokens.length - a.tokens.length);
  const titles = readStringList(kb.lexicons, 'person-titles').map(foldTokens).sort((a, b) => b.length - a.length);
  const givenNames = new Set(readStringList(kb.lexicons, 'given-names').map((n) => foldTokens(n)[0]!));
  const rawCoref = kb.lexicons.get('coreference') ?? [];
  if (!Array.isArray(rawCoref)) throw new WatchfloorError('BAD_PACK', 'lexicon "coreference" must be a list of {phrase, kinds}', { subject: 'lexicon/coreference.yaml' });
  const coref: CorefRule[] = rawCoref.map((r: { phrase?: unknown; kinds?: unknown; alias_contains?: unknown; prefer?: unknown; whole?: unknown }, i: number) => {
    if (typeof r?.phrase !== 'string' || !Array.isArray(r.kinds)) {
      throw new WatchfloorError('BAD_PACK', `lexicon "coreference" entry ${i + 1} needs a phrase and kinds`, { subject: 'lexicon/coreference.yaml' });
    }
    return { phrase: foldTokens(r.phrase), kinds: r.kinds as ActorKind[], ...(typeof r.alias_contains === 'string' ? { aliasContains: r.alias_contains } : {}),
      ...(typeof r.prefer === 'string' ? { prefer: r.prefer as ActorKind } : {}), ...(r.whole === true ? { whole: true } : {}) };
  }).sort((a, b) => b.phrase.length - a.phrase.length);
  const personsByFirstLast = new Map<string, string>();
  for (const a of kb.actors.values()) {
    if (a.kind !== 'person') continue;
    for (const form of [a.name, ...a.aliases]) {
      const t = foldTokens(form.replace(/-/g, ' '));
      if (t.length >= 2) personsByFirstLast.set(`${t[0]} ${t[t.length - 1]}`, a.id);
    }
  }
  const stateForces = new Map<string, string[]>();
  for (const [demonym, ids] of Object.entries(readStringMap(kb.lexicons, 'state-forces'))) {
    const unknown = ids.find((id) => !kb.actors.has(id));
    if (unknown) throw new WatchfloorError('BAD_PACK', `lexicon "state-forces": ${demonym} refers to unknown actor "${unknown}"`, { subject: 'lexicon/state-forces.yaml' });
    stateForces.set(foldTokens(demonym).join(''), ids);
  }
  const militaryNouns = readStringList(kb.lexicons, 'military-nouns').map(foldTokens).sort((a, b) => b.length - a.length);
  const combatantNouns = readStringList(kb.lexicons, 'combatant-nouns').map(foldTokens).sort((a, b) => b.length - a.length);
  const cues = readStringMap(kb.lexicons, 'place-cues');
  const siteHeads = new Set([...(cues.feature ?? []), ...(cues.site ?? [])].filter((w) => !w.includes(' ')).map((w) => w.toLowerCase()));
  const placeWordsAfter = new Set([...(cues.admin1 ?? []), ...(cues.near ?? []), ...(cues.feature ?? []), ...(cues.site ?? [])]
    .map((w) => w.toLowerCase().split(/\s+/)[0]!));
  const res = { patterns: { titles, givenNames, orgHeads }, coref, personsByFirstLast, stateForces, militaryNouns, combatantNouns, siteHeads, placeWordsAfter };
  cache.set(kb, res);
  return res;
}

const validAt: (actor: PackActor, date: string | null) => boolean = activeAt;

/** The date a sentence speaks of: a time inside it, else the publication date. */
function referenceDates(sentences: Sentence[], times: TimeOut[], published: string | null): (offset: number) => string | null {
  const perSentence = sentences.map((s) => {
    for (const t of times) for (const m of t.mentions) if (m.start >= s.start && m.end <= s.end) return t.when.start;
    return null;
  });
  const fallback = published ? padDate(published, false) : null;
  return (offset) => {
    const idx = sentenceIndexBefore(sentences, offset);
    return (idx >= 0 ? perSentence[idx] : null) ?? fallback;
  };
}

/**
 * `placeCountries` gives the countries of the places the document names; it is called at most
 * once, only when a common noun alias ("police") needs the document's country.
 */
export function extractActors(text: string, published: string | null, sentences: Sentence[], times: TimeOut[], kb: KnowledgeBase,
  placeCountries: () => ReadonlySet<string> = () => new Set()): { actors: ActorOut[]; mentions: Mention[] } {
  const res = resources(kb);
  const tokens = tokenize(text);
  const dateAt = referenceDates(sentences, times, published);
  // "Al-Fateh Hospital", "Baath Street": a name followed by a capitalised site word names the site.
  const hits = findPackMentions(text, tokens, aliasIndex(kb)).filter((h) => {
    const next = tokens[h.lastToken + 1];
    return !(next && /^\s+$/.test(text.slice(h.end, next.start)) && /^\p{Lu}/u.test(next.text) && res.siteHeads.has(next.norm));
  });

  // Unambiguous hits first: they decide whether ambiguous aliases ("Damascus", "Coalition") may link.
  const linked: LinkedMention[] = [];
  const present = new Set<string>();
  /** The actors an alias may name at its sentence's date (all of them when none fits the date). */
  const candidates = (hit: PackHit): PackActor[] => {
    const actors = hit.entry.actorIds.map((id) => kb.actors.get(id)!);
    const date = dateAt(hit.start);
    const fitting = actors.filter((a) => validAt(a, date));
    return fitting.length ? fitting : actors;
  };
  const choose = (hit: PackHit): PackActor | null => {
    const pool = candidates(hit);
    return pool.find((a) => present.has(a.id)) ?? pool[0] ?? null;
  };
  const accept = (hit: PackHit, actor: PackActor) => {
    present.add(actor.id);
    const first = actor.kind === 'person' ? nameAfterTitle(res, actor, tokens, hit.firstToken, hit.lastToken) : hit.firstToken;
    const start = tokens[first]!.start;
    linked.push({ start, end: hit.end, firstToken: first, lastToken: hit.lastToken, key: actor.id, kind: actor.kind, aliases: [actor.name, ...actor.aliases], via: 'pack', surface: text.slice(start, hit.end) });
  };
  for (const hit of hits) if (!hit.entry.ambiguous) { const a = choose(hit); if (a) accept(hit, a); }
  // The countries the document is about: those of the actors it names, weighted by mentions.
  const byCountry = new Map<string, number>();
  for (const m of linked) {
    const c = kb.actors.get(m.key)?.country;
    if (c) byCountry.set(c, (byCountry.get(c) ?? 0) + 1);
  }
  const top = Math.max(0, ...byCountry.values());
  const focus = new Set([...byCountry].filter(([, n]) => n >= top / 2 && n >= 2).map(([c]) => c));
  const namedCountries = new Set(byCountry.keys());
  let places: ReadonlySet<string> | null = null;
  /**
   * An ambiguous alias links to the actor named plainly elsewhere, else to the one of the
   * country the document is about (never when candidates of two such countries remain). A
   * common noun ("police", "tribesmen") with no such actor falls back on the countries of the
   * document's places, when those and the actors' focus name one country only.
   */
  const chooseAmbiguous = (hit: PackHit): PackActor | null => {
    const pool = candidates(hit);
    const named = pool.find((a) => present.has(a.id));
    if (named) return named;
    // With a candidate of no country among them ("the Coalition"), the focus cannot choose
    // against it: only the first candidate may link.
    if (!pool.every((a) => a.country)) return pool[0]?.country && focus.has(pool[0].country) ? pool[0] : null;
    const inFocus = pool.filter((a) => focus.has(a.country!));
    if (inFocus.length) return new Set(inFocus.map((a) => a.country)).size === 1 ? inFocus[0]! : null;
    if (hit.entry.caseMode !== 'any') {
      // A capital standing for its government ("as long as Tehran judges ...") where the
      // document names the state or one of its people or bodies, though it is mostly about
      // another country.
      const ofNamed = pool.filter((a) => namedCountries.has(a.country!));
      return new Set(ofNamed.map((a) => a.country)).size === 1 ? ofNamed[0]! : null;
    }
    places ??= placeCountries();
    const countries = new Set([...focus, ...places]);
    if (countries.size !== 1) return null;
    const [only] = countries;
    return pool.find((a) => a.country === only) ?? null;
  };
  const datelines = datelinePlaces(text);
  /** Names the pack knows but left unlinked for want of context ("the Security Council"). */
  const declined = new Set<string>();
  for (const hit of hits) {
    if (!hit.entry.ambiguous) continue;
    if (hit.entry.caseMode !== 'any') declined.add(`${hit.start}:${hit.end}`);
    // A dateline says where the report was filed.
    if (datelines.some((d) => d.start <= hit.start && hit.end <= d.end)) continue;
    if (readAsPlace(kb, res, text, tokens, hit.firstToken, hit.lastToken)) continue;
    if (hit.entry.caseMode === 'any' && !plainNounPhrase(text, tokens, hit.firstToken)) continue;
    const a = chooseAmbiguous(hit);
    if (a) accept(hit, a);
  }

  // "civilian police", "Turkmen fighters": a population's name before a noun for armed men
  // describes those men; they are not the population.
  for (let i = linked.length - 1; i >= 0; i--) {
    const m = linked[i]!;
    if (m.kind === 'population' && /^\s+$/.test(text.slice(m.end, tokens[m.lastToken + 1]?.start ?? m.end))
      && res.combatantNouns.some((noun) => noun.every((w, k) => tokens[m.lastToken + 1 + k]?.norm === w))) linked.splice(i, 1);
  }

  const taken = new Uint8Array(tokens.length);
  const mark = (m: { firstToken: number; lastToken: number }) => { for (let k = m.firstToken; k <= m.lastToken; k++) taken[k] = 1; };
  linked.forEach(mark);
  const isTaken = (t: number) => taken[t] === 1;

  for (const hit of findStateForces(text, tokens, res, isTaken)) {
    const actors = res.stateForces.get(hit.key)!.map((id) => kb.actors.get(id)!);
    const date = dateAt(hit.start);
    const actor = actors.find((a) => validAt(a, date)) ?? actors[0]!;
    const m: LinkedMention = { ...hit, key: actor.id, kind: actor.kind, aliases: [actor.name, ...actor.aliases], via: 'pack', surface: text.slice(hit.start, hit.end) };
    linked.push(m);
    mark(m);
  }

  for (const u of findUnknownActors(text, tokens, res.patterns, isTaken)) {
    // The pack knows the name and could not tell which actor it is: no new actor either.
    if (declined.has(`${u.start}:${u.end}`)) continue;
    const nameTokens = foldTokens(u.name.replace(/-/g, ' '));
    const packId = u.kind === 'person' && nameTokens.length >= 2 ? res.personsByFirstLast.get(`${nameTokens[0]} ${nameTokens[nameTokens.length - 1]}`) : undefined;
    const pack = packId ? kb.actors.get(packId) : undefined;
    const m: LinkedMention = pack
      ? { ...u, key: pack.id, kind: pack.kind, aliases: [pack.name, ...pack.aliases], via: 'pack', surface: u.name }
      : { ...u, key: `new:${u.kind}:${nameTokens.join(' ')}`, kind: u.kind, aliases: [u.name], via: 'pattern', surface: u.name };
    linked.push(m);
    mark(m);
  }

  mergeAliasStatements(text, tokens, linked, taken);

  // Surnames after a full name.
  const persons = linked.filter((m) => m.kind === 'person');
  const surnames = new Map<string, string>();
  for (const p of persons) {
    const name = p.via === 'pack' ? kb.actors.get(p.key)!.name : p.surface;
    const t: Token[] = tokenize(name);
    if (t.length >= 2 && t[t.length - 1]!.norm.length >= 3) surnames.set(p.key, t[t.length - 1]!.norm);
  }
  for (const m of resolveSurnames(tokens, persons, surnames, isTaken, text)) { linked.push(m); mark(m); }
  const wholeOf: WholeOf = (key, at) => {
    const top = governmentOf(kb, key, dateAt(at));
    return top ? { key: top.id, kind: top.kind, aliases: [top.name, ...top.aliases] } : null;
  };
  for (const m of resolveDefiniteDescriptions(tokens, res.coref, linked, isTaken, text, wholeOf)) { linked.push(m); mark(m); }
  for (const m of resolvePossessivePronouns(tokens, linked, isTaken, text, (offset) => {
    const si = sentenceIndexBefore(sentences, offset);
    return sentences[Math.max(0, si - 1)]?.start ?? 0;
  }, (i) => ownsAgentNoun(kb, text, tokens, i))) { linked.push(m); mark(m); }

  // A state force's unit named in a sentence that reports fighting, arrests or troop movements
  // implies the force it is part of at that date ("a convoy of the 5th Corps was attacked" →
  // the army): an actor of the document with no mention of its own, for the event to roll up to.
  // So does a force serving in a coalition in the coalition's theatre, when the document's
  // places lie there ("US forces" in Syria are the Global Coalition's).
  const implied: PackActor[] = [];
  const reports = new Map<number, boolean>();
  const theatres = coalitionTheatres(kb);
  for (const m of linked) {
    if (m.via !== 'pack') continue;
    const day = dateAt(m.start);
    const parents = parentForces(kb, m.key, day);
    if (theatres.some((t) => t.forces.has(m.key))) parents.push(...theatreCoalitions(kb, m.key, day, places ??= placeCountries()));
    const si = sentenceIndexBefore(sentences, m.start);
    const s = sentences[si];
    if (!parents.length || !s) continue;
    if (!reports.has(si)) reports.set(si, eventTriggers(kb).matchAll(text, s.start, s.end).some((t) => FIELD_FAMILIES.has(typeInfo(kb, t.value.type).family)));
    if (reports.get(si)) for (const p of parents) if (!implied.includes(p)) implied.push(p);
  }
  return assemble(linked, kb, tokens, sentences, implied);
}

const personForms = new WeakMap<PackActor, Set<string>>();

/**
 * Where the name begins in a person's alias written with a title ("UN Secretary-General Antonio
 * Guterres", "President Joseph Aoun"): after the last title word that leaves another form of
 * the person's name ("Amir Ali Hajizadeh" keeps "Amir", a given name there). The title links
 * the alias; it is not part of the name.
 */
function nameAfterTitle(res: Resources, actor: PackActor, tokens: Token[], first: number, last: number): number {
  let forms = personForms.get(actor);
  if (!forms) {
    forms = new Set([actor.name, ...actor.aliases, ...(actor.ambiguous ?? [])].map((f) => tokenize(f).map((t) => t.norm).join(' ')));
    personForms.set(actor, forms);
  }
  for (let k = last - 1; k >= first; k--) {
    if (!res.patterns.titles.some((t) => t.length <= k - first + 1 && t.every((w, i) => tokens[k - t.length + 1 + i]!.norm === w))) continue;
    if (forms.has(tokens.slice(k + 1, last + 1).map((t) => t.norm).join(' '))) return k + 1;
  }
  return first;
}

/**
 * The government a government body (a ministry) belongs to at `date`: its part_of chain through
 * government bodies, to the top. Null when the actor is no government body or belongs to none.
 */
function governmentOf(kb: KnowledgeBase, id: string, date: string | null): PackActor | null {
  let current = kb.actors.get(id);
  let top: PackActor | null = null;
  const seen = new Set<string>();
  while (current && current.kind === 'government-body' && !seen.has(current.id)) {
    seen.add(current.id);
    const link = (current.affiliations ?? []).find((f) => f.predicate === 'part_of' && activeAt(f, date)
      && kb.actors.get(f.object)?.kind === 'government-body' && activeAt(kb.actors.get(f.object)!, date));
    current = link ? kb.actors.get(link.object) : undefined;
    if (current) top = current;
  }
  return top;
}

/**
 * A noun for an act whose owner is its agent (a meeting, a statement: symmetric and speech
 * events) within three words after token `i` ("his May 2025 meeting").
 */
function ownsAgentNoun(kb: KnowledgeBase, text: string, tokens: Token[], i: number): boolean {
  const from = tokens[i]!.end;
  const to = tokens[Math.min(tokens.length - 1, i + 4)]!.end;
  return eventTriggers(kb).matchAll(text, from, to).some((t) => {
    if (!/^[\s\p{L}\d-]*$/u.test(text.slice(from, t.start))) return false;
    const info = typeInfo(kb, t.value.type);
    return info.symmetric || info.roles.subject === 'speaker';
  });
}

/**
 * "Turkish column", "Turkish and Russian patrols", "Iraqi troops": a demonym before a military
 * noun names that state's forces. Only the demonym is the mention ("Russian" may be linked by
 * its own pack alias already).
 */
function findStateForces(text: string, tokens: Token[], res: Resources, taken: (t: number) => boolean): { start: number; end: number; firstToken: number; lastToken: number; key: string }[] {
  const out: { start: number; end: number; firstToken: number; lastToken: number; key: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const key = t.norm.replace(/\./g, '');
    if (taken(i) || !res.stateForces.has(key) || !/^\p{Lu}/u.test(t.text)) continue;
    // The demonym must stand alone, not in "Turkish-backed".
    if (text[t.end] === '-') continue;
    let j = i + 1;
    // Skip "and Russian", ", Iraqi" between the demonym and the noun.
    while (j + 1 < tokens.length && (tokens[j]!.norm === 'and' || res.stateForces.has(tokens[j]!.norm)) && j - i < 4) j++;
    const nounAt = res.militaryNouns.some((noun) => noun.every((w, k) => tokens[j + k]?.norm === w));
    const gapOk = /^[\s,]*$/.test(text.slice(t.end, tokens[j]?.start ?? t.end).replace(/\band\b/g, '').replace(/\p{L}+/gu, ''));
    if (nounAt && gapOk) out.push({ start: t.start, end: t.end, firstToken: i, lastToken: i, key });
  }
  return out;
}

const AKA = /^\s*,?\s*\(?\s*(?:also known as|better known as|known as|also called|aka|a\.k\.a\.|alias|nicknamed|known by the nom de guerre|whose nom de guerre is)\s+/i;

/**
 * "X, also known as Y" / "X (aka Y)": Y names the same actor. Y is taken from the mentions found
 * already, else read as a run of capitalised words; a pack actor wins over a pattern-found one.
 */
function mergeAliasStatements(text: string, tokens: Token[], linked: LinkedMention[], taken: Uint8Array): void {
  const sorted = [...linked].sort((a, b) => a.start - b.start);
  const rekey = new Map<string, LinkedMention>();
  for (const x of sorted) {
    const cue = AKA.exec(text.slice(x.end, x.end + 60));
    if (!cue) continue;
    const at = x.end + cue[0].length;
    let y = sorted.find((m) => m.start === at);
    if (!y) {
      const first = tokens.findIndex((t) => t.start === at);
      if (first < 0 || !/^\p{Lu}/u.test(tokens[first]!.text)) continue;
      let last = first;
      while (last + 1 < tokens.length && /^[\s-]$/.test(text.slice(tokens[last]!.end, tokens[last + 1]!.start))
        && (/^\p{Lu}/u.test(tokens[last + 1]!.text) || /^(al|el|bin|ibn|abu)$/.test(tokens[last + 1]!.norm))) last++;
      if (taken.subarray(first, last + 1).some((v) => v === 1)) continue;
      y = { start: tokens[first]!.start, end: tokens[last]!.end, firstToken: first, lastToken: last, key: x.key, kind: x.kind, aliases: x.aliases, via: x.via, surface: text.slice(tokens[first]!.start, tokens[last]!.end) };
      linked.push(y);
      for (let k = first; k <= last; k++) taken[k] = 1;
      continue;
    }
    if (y.key === x.key) continue;
    const [keep, drop] = x.key.startsWith('new:') && !y.key.startsWith('new:') ? [y, x] : [x, y];
    rekey.set(drop.key, keep);
  }
  if (!rekey.size) return;
  for (const m of linked) {
    const to = rekey.get(m.key);
    if (to) { m.key = to.key; m.kind = to.kind; m.aliases = to.aliases; if (to.via === 'pack') m.via = 'pack'; }
  }
}

function assemble(linked: LinkedMention[], kb: KnowledgeBase, _tokens: Token[], sentences: Sentence[], implied: PackActor[]): { actors: ActorOut[]; mentions: Mention[] } {
  linked.sort((a, b) => a.start - b.start);
  const byKey = new Map<string, ActorOut>();
  const sentenceOf = (offset: number) => Math.max(0, sentenceIndexBefore(sentences, offset));
  const mentions: Mention[] = [];
  for (const m of linked) {
    let actor = byKey.get(m.key);
    if (!actor) {
      const pack = m.key.startsWith('new:') ? undefined : kb.actors.get(m.key);
      actor = { id: `a${byKey.size + 1}`, name: pack?.name ?? m.surface, kind: pack?.kind ?? m.kind, aliases: [], kb_id: pack?.id ?? null, mentions: [] };
      byKey.set(m.key, actor);
    }
    actor.mentions.push({ start: m.start, end: m.end, text: m.surface });
    // Definite descriptions and pronouns are references, not names of the actor.
    const isDescription = m.via === 'coref' && /^(?:the\s|his$|her$)/i.test(m.surface);
    if (!isDescription && !actor.aliases.includes(m.surface)) actor.aliases.push(m.surface);
    if (m.via === 'pattern' && m.surface.length > actor.name.length) actor.name = m.surface;
    mentions.push({
      start: m.start, end: m.end, text: m.surface, type: actor.kind === 'person' ? 'person' : 'actor',
      ...(actor.kb_id ? { kbId: actor.kb_id } : {}), kind: actor.kind, via: m.via, sentence: sentenceOf(m.start),
    });
  }
  for (const p of implied) {
    if (!byKey.has(p.id)) byKey.set(p.id, { id: `a${byKey.size + 1}`, name: p.name, kind: p.kind, aliases: [], kb_id: p.id, mentions: [] });
  }
  return { actors: [...byKey.values()], mentions };
}

const placeNounCache = new WeakMap<KnowledgeBase, ReadonlySet<string>>();

/** Nouns for a place or part of one ("province", "north", "capital"): a state owning one is named as a location. */
function placeNouns(kb: KnowledgeBase): ReadonlySet<string> {
  let set = placeNounCache.get(kb);
  if (!set) {
    const cues = kb.lexicons.get('place-cues') as Record<string, unknown> | undefined;
    const words = ['admin1', 'near', 'feature', 'setting', 'extent', 'part_of_country'].flatMap((k) => readStringList(new Map([[k, cues?.[k]]]), k));
    set = new Set(words.map((w) => w.toLowerCase()));
    placeNounCache.set(kb, set);
  }
  return set;
}

const stage: Stage = {
  name: 'actors',
  requires: ['sentences', 'syntax'],
  run({ document, layers, kb }) {
    // The places stage runs later (it needs the actor mentions); a common noun's country may
    // need the document's places now, found without them.
    const placeCountries = () => curatedPlaceCountries(kb.gazetteer, document.text);
    const found = extractActors(document.text, document.published, layers.sentences ?? [], layers.times ?? [], kb, placeCountries);
    return layers.syntax ? dropLocativeStates(found, layers.syntax, layers.sentences ?? [], placeNouns(kb), document.text) : found;
  },
};
export default stage;
