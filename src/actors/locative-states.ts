// A country is an actor where it acts and a place where it is a location. A state mention the
// parse puts in a locative phrase ("in Syria", "across Iraq and Syria", "from Jordan"), as the
// owner of a place ("Syria's Sweida province", "Iraq's north") or in apposition to one ("Dahuk,
// Northern Iraq") names where something is; a state all of whose mentions are such is no actor of
// the document (the places layer keeps it as a place).
import type { ActorOut } from '../analysis/types.js';
import type { Mention, Sentence } from '../pipeline/stage.js';
import { sentenceIndexAt } from '../pipeline/sentence-lookup.js';
import { baseRelation, caseOf, headOf } from '../syntax/tree.js';
import type { ParsedSentence, SyntaxToken } from '../syntax/types.js';

/** Case words of a locative phrase ("from" and "to" also mark sources and recipients: "participation from the US"). */
const LOCATIVE_CASES = new Set(['in', 'inside', 'across', 'throughout', 'within', 'into', 'near', 'at', 'toward', 'towards',
  'around', 'outside', 'through', 'via', 'between', 'beyond', 'along', 'over', 'out of']);
/** Relations that pass a phrase's role to a word inside it ("in Iraq and Syria", "Dahuk, northern Iraq"). */
const PASS_ON = new Set(['conj', 'appos', 'flat', 'compound', 'nmod']);

function headToken(sentence: ParsedSentence, start: number, end: number): SyntaxToken | undefined {
  const inside = sentence.tokens.filter((t) => t.start < end && start < t.end);
  const ids = new Set(inside.map((t) => t.id));
  return inside.find((t) => !ids.has(t.head)) ?? inside[0];
}

/**
 * Is the token in a locative position: an oblique or modifier with a locative case word, the
 * owner of a place noun, or a conjunct/apposition/part of such a phrase.
 */
function locative(sentence: ParsedSentence, t: SyntaxToken, placeNouns: ReadonlySet<string>, depth = 0): boolean {
  if (depth > 4) return false;
  const rel = baseRelation(t.deprel);
  if ((rel === 'obl' || rel === 'nmod') && LOCATIVE_CASES.has(caseOf(sentence, t) ?? '')) return true;
  const h = headOf(sentence, t);
  if (!h) return false;
  if (t.deprel === 'nmod:poss') return placeNouns.has(h.lemma.toLowerCase()) || placeNouns.has(h.text.toLowerCase());
  return PASS_ON.has(t.deprel) && t.deprel !== 'nmod' ? locative(sentence, h, placeNouns, depth + 1) : false;
}

export function isLocativeMention(syntax: readonly ParsedSentence[], sentences: readonly Sentence[], m: { start: number; end: number },
  placeNouns: ReadonlySet<string>): boolean {
  const i = sentenceIndexAt(sentences, m.start);
  const sentence = i >= 0 ? syntax[i] : undefined;
  const t = sentence && headToken(sentence, m.start, m.end);
  return !!sentence && !!t && locative(sentence, t, placeNouns);
}

/** The actors without the states named only as locations, renumbered, and the mentions without theirs. */
// Before a locative mention: a preposition, maybe "the" and a direction ("in northern Syria"), or
// a comma ("Dahuk, Iraq"); after an owner: "'s". A mention with neither cannot be locative, and
// its sentence need not be parsed (parsing is the dear part of the pipeline).
const MAY_BE_LOCATIVE_BEFORE = /(?:\b(?:in|inside|across|throughout|within|into|near|at|toward|towards|around|outside|through|via|between|beyond|along|over|of|and|or)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?|,\s*(?:[\p{L}-]+\s+)?)$/iu;
const MAY_BE_OWNER_AFTER = /^['’]s?\b/u;

function mayBeLocative(text: string, m: { start: number; end: number }): boolean {
  return MAY_BE_LOCATIVE_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start)) || MAY_BE_OWNER_AFTER.test(text.slice(m.end, m.end + 3));
}

export function dropLocativeStates(out: { actors: ActorOut[]; mentions: Mention[] }, syntax: readonly ParsedSentence[], sentences: readonly Sentence[],
  placeNouns: ReadonlySet<string>, text: string): { actors: ActorOut[]; mentions: Mention[] } {
  const gone = out.actors.filter((a) => a.kind === 'state' && a.mentions.length > 0
    && a.mentions.every((m) => mayBeLocative(text, m)) && a.mentions.every((m) => isLocativeMention(syntax, sentences, m, placeNouns)));
  if (!gone.length) return out;
  const spans = new Set(gone.flatMap((a) => a.mentions.map((m) => `${m.start}:${m.end}`)));
  const actors = out.actors.filter((a) => !gone.includes(a)).map((a, i) => ({ ...a, id: `a${i + 1}` }));
  return { actors, mentions: out.mentions.filter((m) => m.type === 'place' || !spans.has(`${m.start}:${m.end}`)) };
}
