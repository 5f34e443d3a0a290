// Who does what to whom inside a clause: the actor group before a trigger (its subject), the
// group after it (its object), the agent of a passive ("by X"). Groups follow coordination
// ("IS, the IRGC and Hezbollah") and title compounds ("U.S. President Donald Trump").
import type { ActorRef, SentenceInfo } from './sentence-index.js';
import { RELATIVE_OPENERS, type Clause } from './clauses.js';

const PREPOSITIONS = new Set([
  'of', 'in', 'with', 'to', 'from', 'on', 'against', 'at', 'by', 'for', 'into', 'toward', 'towards',
  'near', 'under', 'over', 'between', 'among', 'about', 'through', 'within', 'without', 'across',
  'after', 'before', 'during', 'like', 'including', 'onto', 'upon', 'via', 'than', 'versus', 'amid',
]);
const COORDINATION = /^(?:\s|,|\(|\)|and\b|or\b|&|as well as\b|along with\b|together with\b|the\b)*$/i;
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
  const gap = text.slice(a.end, b.start);
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

export type GroupOptions = { titleWords?: ReadonlySet<string>; exclude?: ReadonlySet<string> };

/**
 * Subject group of a trigger at `pos`: the nearest actor before it in the clause that is not
 * inside a prepositional phrase or a hyphenated modifier (falling back to the nearest one),
 * with the actors coordinated to its left. In a relative clause (", who wrote") with no actor
 * of its own, the antecedent just before the clause.
 */
export function subjectBefore(s: SentenceInfo, text: string, clause: Clause, pos: number, opts: GroupOptions = {}): ActorRef[] {
  const titles = opts.titleWords ?? new Set<string>();
  const before = s.actors.filter((a) => a.end <= pos && a.start >= clause.start && !opts.exclude?.has(a.actor));
  let head: ActorRef | undefined;
  for (let i = before.length - 1; i >= 0 && !head; i--) {
    const a = before[i]!;
    if (!inPrepositionalPhrase(text, a, clause.start) && !isCompoundModifier(text, a)) head = a;
  }
  head ??= before.at(-1);
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
  return uniqueActors(listOnly(text, group, head));
}

/** Object group: the first actor after `pos` in the clause, with those coordinated to its right. */
export function objectAfter(s: SentenceInfo, text: string, clause: Clause, pos: number, opts: GroupOptions = {}): ActorRef[] {
  const titles = opts.titleWords ?? new Set<string>();
  const after = s.actors.filter((a) => a.start >= pos && a.end <= clause.end && !opts.exclude?.has(a.actor));
  if (!after.length) return [];
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
