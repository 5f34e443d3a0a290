// How an event word is used in its sentence: as a noun ("IS attacks in Syria"), in the plural,
// or as a participle describing another event word ("coordinated suicide bombings"). Analytic
// prose names patterns and topics with such words; the events stage reads them as no happening.
import type { Trigger } from './event-triggers.js';
import type { PhraseMatch } from './phrase-matcher.js';

/** Between an attributive participle and the event noun it describes: at most one plain word. */
const ATTRIBUTIVE_GAP = /^\s+(?:(?!(?:the|a|an|and|or|by|with|in|on|at|to|of)\s)[\p{Ll}-]+\s+)?$/u;
/** What follows a plural noun, not a present-tense verb: "IS attacks in Syria", "attacks have spared". */
const NOUN_FOLLOWS = /^\s*(?:[,.;:)]|(?:have|has|had|were|are|was|is|in|on|against|by|of|that|which|since|during|across|throughout)\b)/i;

const DETERMINER_BEFORE = /\b(?:a|an|the|this|that|its|their|his|her)\s+(?:[\p{L}.’'-]+\s+){0,2}$/iu;

/** "attacks", "raids": the verb reading of a plural noun, unless an object follows it. */
export function usedAsNoun(text: string, t: PhraseMatch<Trigger>): boolean {
  if (t.value.pos === 'noun') return true;
  // "the timing of declaring", "responsible for attacking": a gerund names the act, not one happening.
  if (/ing$/i.test(t.text) && /\b(?:of|for|about)\s+$/i.test(text.slice(Math.max(0, t.start - 8), t.start))) return true;
  // "an IS attack", "the raid": a base form after a determiner is the noun.
  if (!/(?:ed|ing)$/i.test(t.text) && DETERMINER_BEFORE.test(text.slice(Math.max(0, t.start - 40), t.start))) return true;
  return /[^s]s$/i.test(t.text) && NOUN_FOLLOWS.test(text.slice(t.end, t.end + 14));
}

/** A trigger whose head word is plural ("attacks", "suicide bombings", "operations against"). */
const PLURAL_HEAD = /\b\p{L}+[^\s'’siu]s\b/iu;

export function isPlural(t: PhraseMatch<Trigger>): boolean {
  return PLURAL_HEAD.test(t.text);
}

/** "coordinated suicide bombings": an -ed verb right before another event word describes it. */
export function isAttributive(text: string, t: PhraseMatch<Trigger>, triggers: readonly PhraseMatch<Trigger>[]): boolean {
  return t.value.pos === 'verb' && /ed$/i.test(t.text) && triggers.some((n) => n.start > t.end && ATTRIBUTIVE_GAP.test(text.slice(t.end, n.start)));
}

/**
 * A word listed only as a verb, used here as a noun: "struck 85 targets" (target), not an event
 * word at all. Gerunds ("for attacking") still name an act.
 */
export function verbUsedAsNoun(text: string, t: PhraseMatch<Trigger>): boolean {
  if (t.value.pos !== 'verb' || t.value.alsoNoun || /ing$|ed$|\s/i.test(t.text)) return false;
  // "PKK targets in the area", "the targets": a plural before a preposition, or right after a determiner.
  if (/[^s]s$/i.test(t.text) && NOUN_FOLLOWS.test(text.slice(t.end, t.end + 14))) return true;
  return /\b(?:a|an|the|its|their|his|her)\s+(?:[\p{L}-]+\s+)?$/iu.test(text.slice(Math.max(0, t.start - 24), t.start));
}

/**
 * "..., meeting little resistance", "meeting the demands": "meet" in its other sense (to
 * encounter, to satisfy) is no meeting; the object says so.
 */
export function otherSenseOfMeet(text: string, t: PhraseMatch<Trigger>): boolean {
  return /^meet/i.test(t.text) && OTHER_SENSE_OBJECT.test(text.slice(t.end, t.end + 40));
}

const OTHER_SENSE_OBJECT = /^\s+(?:(?:the|its|their|his|her|all)\s+)?(?:(?:little|no|some|any|stiff|fierce|strong|heavy|fresh|key|basic)\s+)?(?:resistance|opposition|demands?|expectations|needs|deadlines?|criteria|standards|targets|requirements|conditions|obligations|challenges?)\b/iu;
