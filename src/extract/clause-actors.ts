// Who does what to whom inside a clause: the actor group before a trigger (its subject), the
// group after it (its object), the agent of a passive ("by X"). Groups follow coordination
// ("IS, the IRGC and Hezbollah") and title compounds ("U.S. President Donald Trump").
import type { ActorRef, SentenceInfo } from './sentence-index.js';
import { clauseAt, RELATIVE_OPENERS, type Clause } from './clauses.js';

const PREPOSITIONS = new Set([
  'of', 'in', 'with', 'to', 'from', 'on', 'against', 'at', 'by', 'for', 'into', 'toward', 'towards',
  'near', 'under', 'over', 'between', 'among', 'about', 'through', 'within', 'without', 'across',
  'after', 'before', 'during', 'like', 'including', 'onto', 'upon', 'via', 'than', 'versus', 'amid',
]);
// "X and pro-Turkey factions": a "pro-"/"anti-" modifier (its name is no participant) may sit in the gap.
const COORDINATION = /^(?:\s|,|\(|\)|and\b|or\b|&|as well as\b|along with\b|together with\b|the\b|(?:pro|anti)[-‐‑]\p{L}+)*$/iu;
// "rebels under OPS", "Turkish forces and JWS factions, operating under OPS,", "gunmen believed
// to belong to IS": what follows is the command, operation or group the subject fights under or
// belongs to, a participant with it. Up to two head nouns of the last name ("factions", "rebel
// fighters") may come before.
const UNDER_GAP = new RegExp('^(?:\\s+\\p{Ll}+){0,2}\\s*,?\\s*(?:'
  + '(?:(?:operating|fighting|acting|working|serving)\\s+)?under\\s+(?:the\\s+)?(?:(?:banner|umbrella|command|auspices|flag|leadership)\\s+of\\s+(?:the\\s+)?)?'
  // "rebels led by HTS launched": the leading group acts with them.
  + '|(?:led|commanded|headed|spearheaded)\\s+by\\s+(?:the\\s+)?'
  + '|(?:(?:believed|suspected|said|thought|reported)\\s+to\\s+)?(?:belong(?:ing)?\\s+to|be\\s+(?:members\\s+of|from))\\s+(?:the\\s+)?'
  + ')$', 'u');
// Case-sensitive on purpose: "IS attacked" names the Islamic State, "is attacked" is passive.
const BE = /\b(?:[Ii]s|[Aa]re|[Ww]as|[Ww]ere|[Bb]e|[Bb]een|[Bb]eing|[Hh]as been|[Hh]ave been|[Hh]ad been|[Gg]ot|[Gg]et|[Gg]ets)\s+(?:\w+ly\s+)?$/;
// "Turkey backed faction", "Iran-backed militia": the name modifies the noun that follows.
// "regime forces supported by QSD" is a participle phrase, not a modifier.
const MODIFIER_AFTER = /^(?:[-‐‑][\p{L}]|\s+(?:backed|supported|led|affiliated|aligned|allied|sponsored|funded|controlled|run|linked)\s+(?!by\b|and\b|or\b)\p{L})/u;

/** True when the mention sits in a prepositional phrase ("attack on X", "the regime of X"). */
export function inPrepositionalPhrase(text: string, ref: { start: number }, floor: number): boolean {
  const before = text.slice(Math.max(floor, ref.start - 48), ref.start);
  const words = before.match(/[\p{L}’'-]+|[,;:.()“”"—]/gu) ?? [];
  for (let i = words.length - 1, n = 0; i >= 0 && n < 3; i--, n++) {
    const w = words[i]!.toLowerCase();
    if (/^[,;:.()“”"—]$/.test(w)) return false;
    if (PREPOSITIONS.has(w)) return true;
  }
  return false;
}

/** "Iran-backed", "Turkey backed": the mention is the first half of a hyphenated modifier, not a noun phrase head. */
export function isCompoundModifier(text: string, ref: { end: number }): boolean {
  return MODIFIER_AFTER.test(text.slice(ref.end, ref.end + 16));
}

function joinsTitle(gap: string, titleWords: ReadonlySet<string>): boolean {
  const words = gap.trim().split(/\s+/);
  if (!gap.trim() || words.length > 4 || /[,;:()]/.test(gap)) return false;
  return words.every((w) => titleWords.has(w.toLowerCase()) || /^\p{Lu}/u.test(w));
}

function joinable(text: string, a: ActorRef, b: ActorRef, titleWords: ReadonlySet<string>): boolean {
  // "U.S. President Donald Trump": the initialism's last dot may fall outside its mention.
  const gap = text.slice(a.end, b.start).replace(/^\.(?=\s)/, /\p{L}\.\p{L}$/u.test(text.slice(a.start, a.end)) ? '' : '.');
  if (a.end > b.start) return false;
  return COORDINATION.test(gap) || joinsTitle(gap, titleWords);
}

const CONJUNCTION = /\b(?:and|or|as well as|along with|together with)\b|&/i;

/**
 * "IS, the IRGC and Hezbollah" is a list; "the Assad regime, Iranian spokesperson Baghaei"
 * (commas, no conjunction) is two phrases side by side: keep the head only.
 */
function listOnly(text: string, group: ActorRef[], head: ActorRef): ActorRef[] {
  if (group.length < 2) return group;
  const gaps = group.slice(1).map((g, i) => text.slice(group[i]!.end, g.start));
  if (gaps.some((g) => CONJUNCTION.test(g)) || !gaps.some((g) => g.includes(','))) return group;
  return [head];
}

function uniqueActors(refs: ActorRef[]): ActorRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => !seen.has(r.actor) && seen.add(r.actor));
}

export type GroupOptions = {
  titleWords?: ReadonlySet<string>; exclude?: ReadonlySet<string>;
  /**
   * Nouns for a group's people and units ("fighters", "convoy"). When given, a name before any
   * other noun ("a civilian vehicle", "an X checkpoint") is read as that noun's owner.
   */
  memberNouns?: ReadonlySet<string>;
};

const NOT_A_NOUN = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'may', 'might',
  'also', 'then', 'later', 'who', 'which', 'that', 'and', 'or', 'but', 'as', 'when', 'while', 'not']);

/**
 * "a civilian vehicle", "an X military vehicle": the mention modifies the head noun after it
 * (the last of up to three lower-case words before `limit`), and that noun names neither its
 * people nor its units. A possessive ("the regime's intelligence") names the owner of an agent
 * as often as of a thing: not counted.
 */
export function modifiesNoun(text: string, ref: { end: number }, limit: number, memberNouns: ReadonlySet<string>): boolean {
  const after = text.slice(ref.end, Math.min(limit, ref.end + 48));
  const m = /^((?:\s\p{Ll}[\p{Ll}-]*){1,3})/u.exec(after);
  if (!m) return false;
  const words: string[] = [];
  for (const w of m[1]!.trim().split(/\s+/)) {
    if (NOT_A_NOUN.has(w) || PREPOSITIONS.has(w) || /ly$/.test(w)) break;
    words.push(w);
  }
  if (!words.length) return false;
  const last = words.at(-1)!;
  return !memberNouns.has(last) && !memberNouns.has(words.slice(-2).join(' '));
}

/**
 * Subject group of a trigger at `pos`: the nearest actor before it in the clause that is not
 * inside a prepositional phrase or a hyphenated modifier (falling back to the nearest one),
 * with the actors coordinated to its left and the one they operate under ("rebels under OPS").
 * In a relative clause (", who wrote") with no actor of its own, the antecedent just before the
 * clause.
 */
export function subjectBefore(s: SentenceInfo, text: string, clause: Clause, pos: number, opts: GroupOptions = {}): ActorRef[] {
  const titles = opts.titleWords ?? new Set<string>();
  const before = s.actors.filter((a) => a.end <= pos && a.start >= clause.start && !opts.exclude?.has(a.actor));
  let head: ActorRef | undefined;
  for (let i = before.length - 1; i >= 0 && !head; i--) {
    const a = before[i]!;
    if (!inPrepositionalPhrase(text, a, clause.start) && !isCompoundModifier(text, a)) head = a;
  }
  // Every candidate sits in a prepositional phrase ("militants from IS attacked"): the last one,
  // unless it only modifies a noun ("an IED planted on a civilian vehicle exploded"). In a
  // relative clause ("who were backed by Iran and who fought X") the subject is the pronoun's
  // antecedent, never a name inside a phrase of the clause.
  const pool = RELATIVE_OPENERS.has(clause.opener) ? before.filter((a) => !inPrepositionalPhrase(text, a, clause.start)) : before;
  head ??= opts.memberNouns ? pool.filter((a) => !modifiesNoun(text, a, pos, opts.memberNouns!)).at(-1) : pool.at(-1);
  // "X raided the area following the targeting of a vehicle with an IED": the trigger sits in a
  // phrase naming another happening, whose agent the text leaves open.
  if (head && opensOtherHappening(text.slice(head.end, pos))) return [];
  if (!head) {
    if (RELATIVE_OPENERS.has(clause.opener)) {
      const antecedent = s.actors.filter((a) => a.end <= clause.openerStart && clause.openerStart - a.end <= 2).at(-1);
      if (antecedent && !opts.exclude?.has(antecedent.actor)) return [antecedent];
    }
    return [];
  }
  const group = [head];
  for (let i = before.indexOf(head) - 1; i >= 0; i--) {
    if (!joinable(text, before[i]!, group[0]!, titles)) break;
    group.unshift(before[i]!);
  }
  const subjects = listOnly(text, group, head);
  for (let i = before.indexOf(head) + 1; i < before.length; i++) {
    if (!UNDER_GAP.test(text.slice(subjects.at(-1)!.end, before[i]!.start))) break;
    subjects.push(before[i]!);
  }
  return uniqueActors(subjects);
}

// "following the targeting of", "after an attack on", "in response to the shelling of": a
// preposition of time or cause before a noun phrase names another happening. A comma after it
// closes the phrase ("IS, after a long lull, attacked").
const OTHER_HAPPENING = /\b(?:following|after|amid|in\s+response\s+to|in\s+retaliation\s+for)\s+(?:the|an?|its|their)\s[^,;]*$/i;

function opensOtherHappening(gap: string): boolean {
  return OTHER_HAPPENING.test(gap);
}

// "..., according to the SDF", "..., a spokesman for the SDF told reporters", "..., the SDF
// said": the actor is the source of the report, not a party to what it reports.
const SOURCE_BEFORE = /(?:\baccording\s+to|\b(?:spokes(?:man|woman|person)|officials?|sources?|statement|media\s+office|commander)\s+(?:for|of|from|with|in))\s+(?:the\s+)?$/iu;
const SAID_AFTER = /^\s+(?:said|says|told|reported|announced|stated|added|claimed|confirmed)\b/u;

function isSource(text: string, a: ActorRef, pos: number): boolean {
  if (SOURCE_BEFORE.test(text.slice(Math.max(0, a.start - 40), a.start))) return true;
  return SAID_AFTER.test(text.slice(a.end, a.end + 14)) && text.slice(pos, a.start).includes(',');
}

/**
 * Object group: the first actor after `pos` in the clause, with those coordinated to its right;
 * none past a phrase naming another happening ("raids ... following the targeting of X").
 */
export function objectAfter(s: SentenceInfo, text: string, clause: Clause, pos: number, opts: GroupOptions = {}): ActorRef[] {
  const titles = opts.titleWords ?? new Set<string>();
  const after = s.actors.filter((a) => a.start >= pos && a.end <= clause.end && !opts.exclude?.has(a.actor) && !isSource(text, a, pos));
  if (!after.length || opensOtherHappening(text.slice(pos, after[0]!.start))) return [];
  const group = [after[0]!];
  for (let i = 1; i < after.length; i++) {
    if (!joinable(text, group.at(-1)!, after[i]!, titles)) break;
    group.push(after[i]!);
  }
  return uniqueActors(listOnly(text, group, group[0]!));
}

const LOCATIVE_BEFORE = /\b(?:in|near|inside|across|around|throughout|within|into|at)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|central\s+)?$/i;
// "Dahuk, Northern Iraq": a country after a place and a comma is that place's address.
const ADDRESS_BEFORE = /,\s*(?:(?:north|south|east|west)(?:ern)?\s+|central\s+)?$/i;

/** A state named only as a location ("attacks in Syria", "in Dahuk, Northern Iraq"): no participant. */
export function namesOnlyAPlace(text: string, s: SentenceInfo, a: ActorRef): boolean {
  if (a.kind !== 'state' || !s.places.some((p) => p.start < a.end && a.start < p.end)) return false;
  const before = text.slice(Math.max(s.start, a.start - 24), a.start);
  if (LOCATIVE_BEFORE.test(before)) return true;
  const comma = ADDRESS_BEFORE.exec(before);
  return !!comma && s.places.some((p) => p.end === a.start - comma[0].length);
}

/** Passive voice: the trigger follows a form of "be" ("was arrested", "were reportedly killed"). */
export function isPassive(text: string, triggerStart: number, floor: number): boolean {
  return BE.test(text.slice(Math.max(floor, triggerStart - 32), triggerStart));
}

/** The agent "by X" within a few words after the trigger. */
export function agentAfter(s: SentenceInfo, text: string, clause: Clause, pos: number, opts: GroupOptions = {}): ActorRef[] {
  const window = text.slice(pos, Math.min(clause.end, pos + 60));
  const m = /\bby\s+/i.exec(window);
  if (!m || m.index > 30) return [];
  const at = pos + m.index + m[0].length;
  const group = objectAfter(s, text, clause, at, opts);
  return group.length && group[0]!.start - at <= 24 ? group : [];
}

// "when QSD passed by it", "as a regime convoy was passing": who came by when it happened.
const PASSER_OPENER = /^,?\s+(?:when|as|while)\s+(?:(?:a|an|the)\s+)?$/i;
const PASSED = /^(?:\s+\p{Ll}+)?\s+(?:(?:was|were)\s+)?(?:pass(?:ed|ing)?|drove|driving|driven|travell?(?:ed|ing)|mov(?:ed|ing)|cross(?:ed|ing)|patroll(?:ed|ing)|went|going|came|coming)\b/u;

/**
 * A blast or ambush "when X passed by": X, named at the start of the clause after the trigger's,
 * is who it hit.
 */
export function passerByAfter(s: SentenceInfo, text: string, clause: Clause): ActorRef[] {
  const next = s.actors.find((a) => a.start >= clause.end);
  if (!next || !PASSER_OPENER.test(text.slice(clause.end, next.start))) return [];
  return PASSED.test(text.slice(next.end, Math.min(s.end, next.end + 40))) ? [next] : [];
}

// "a commander was killed when ...": a passive casualty verb just before the clause boundary.
const SUFFERED_BEFORE = /\b(?:was|were)\s+(?:\p{L}+ly\s+)?(?:killed|injured|wounded|hurt|maimed)\s*,?\s*$/u;

/**
 * "A commander of X was killed when an IED exploded": the trigger's clause opens with "when" and
 * the clause before it says who suffered; that subject is the event's target.
 */
export function sufferedBefore(s: SentenceInfo, text: string, clause: Clause): ActorRef[] {
  if (clause.opener !== 'when') return [];
  const before = text.slice(s.start, clause.openerStart);
  const m = SUFFERED_BEFORE.exec(before);
  if (!m) return [];
  const at = s.start + m.index;
  const prev = clauseAt(text, s, at);
  return subjectBefore(s, text, prev, at);
}

// "his May 2025 meeting", "Iran's latest statement": the owner, then up to three words, then the noun.
const POSSESSOR_GAP = /^(?:['’]s)?(?:\s+[\p{L}\d-]+){0,3}\s+$/u;

/**
 * The actor that owns the event noun at `pos` ("his meeting with X", "Iran's statement"): a
 * possessive pronoun linked to a person, or a name with "'s", just before the noun.
 */
export function possessorBefore(s: SentenceInfo, text: string, pos: number): ActorRef | null {
  const a = s.actors.filter((r) => r.end <= pos).at(-1);
  if (!a) return null;
  const gap = text.slice(a.end, pos);
  const pronoun = /^(?:his|her)$/i.test(text.slice(a.start, a.end));
  if (!POSSESSOR_GAP.test(gap) || (!pronoun && !/^['’]s/.test(gap))) return null;
  return a;
}
