// The `relations` layer: links between actors a sentence names, with direction, validity and
// modality. Read first from the parse (src/extract/relation-frames.ts, frames in
// relation-cues.yaml): appositions, possessive and compound titles, copulas, verbs and their
// passives and participles ("backed by", "X-backed"), relation nouns ("war on", "a deal with"),
// adjectives ("affiliated with", "close to"), organs named after their state; negation,
// governing speech and denial verbs, "according to" and quotations give modality and the
// source. The phrase patterns (cue phrases over the clause: "X funds Y", "rivalry between X and
// Y", "X, the spokesperson of Y") read what the parse did not, except where the parse's reading
// of the same words says otherwise. The pack's own time-bounded affiliations between actors the
// document names come as `origin: pack`. Repeated relations merge, accumulating evidence.
import type { Modality, Predicate, QuoteOut, RelationOut, Span, When } from '../../analysis/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Stage } from '../stage.js';
import { indexDocument, isQuoted, type ActorRef, type DocIndex, type SentenceInfo } from '../../extract/sentence-index.js';
import { relationCues, type RelationCue, type RelationCues } from '../../extract/relation-cues.js';
import { clauseAt, RELATIVE_OPENERS, type Clause } from '../../extract/clauses.js';
import { inPrepositionalPhrase, isCompoundModifier, namesOnlyAPlace, objectAfter, subjectBefore } from '../../extract/clause-actors.js';
import { governedModality, modalityAt, modalityCues, type ModalityCues } from '../../extract/modality.js';
import { readRelations, type NameLookup, type ReadRelation } from '../../extract/relation-frames.js';
import { readStringMap } from '../../knowledge/lexicon-shapes.js';
import { foldName } from '../../text/tokenize.js';
import type { ParsedSentence, SyntaxToken } from '../../syntax/types.js';
import { parsePartialDate } from '../../time/partial-date.js';
import type { PhraseMatch } from '../../extract/phrase-matcher.js';

type Draft = Omit<RelationOut, 'id'>;
type Found = {
  subject: ActorRef; object: ActorRef; predicate: Predicate; cue: PhraseMatch<RelationCue>; confidence: number;
  /** A title or compound ("Iran-backed", "X, the leader of Y"): the narrator's description, not a reported claim. */
  descriptive?: boolean;
  /** Read from the parse: the grammar it came from, its negation and governing predicates. */
  read?: ReadRelation;
};

// "since 2015", "since the 1980s", "until the end of 2019"
const TIME_SINCE = /\b(?:since|from|starting in|as of)\s+(?:the\s+)?$/i;
const TIME_UNTIL = /\b(?:until|till|up to)\s+(?:the\s+)?$/i;

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

function overlapsActor(s: SentenceInfo, start: number, end: number): boolean {
  return s.actors.some((a) => a.start < end && start < a.end);
}

// "for years", "for two decades", "over the past three months": a duration up to the time of
// writing. Without a number the plural's least reading (two) is taken: the relation held over
// at least that stretch, so the range never claims more than the text does.
const DURATION = /\b(?:for|over\s+the\s+(?:past|last))\s+(?:(?:nearly|almost|about|around|some|more\s+than|over)\s+)?(?:(\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+)?(years|decades|months)\b/i;
const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, several: 2, many: 2 };

function durationBefore(text: string, clause: Clause, published: string | null): When | null {
  const m = DURATION.exec(text.slice(clause.start, clause.end));
  const pub = parsePartialDate(published);
  if (!m || !pub) return null;
  const n = m[1] ? Number(m[1]) || NUMBER_WORDS[m[1].toLowerCase()]! : 2;
  const months = m[2]!.toLowerCase() === 'months' ? n : m[2]!.toLowerCase() === 'decades' ? n * 120 : n * 12;
  const end = new Date(`${pub.end}T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() - months);
  return { start: end.toISOString().slice(0, 10), end: pub.end, precision: 'range', text: m[0] };
}

// A time past the relation's last word that a relative clause introduces ("part of Y, an
// umbrella that parliament made official in 2016") dates that clause, not the relation.
const RELATIVE_BETWEEN = /\b(?:that|which|who|whom|whose|where)\b/i;
// A time before the relation's first word, with ", and" between, belongs to the coordinated
// clause before ("… after the fall of X in December, and Y kept striking Z").
const COORDINATED_BETWEEN = /,\s*and\s/i;
// "Y split from Z in 2006 and is led by X": a time before "and" dates the first verb phrase.
const COORDINATED_VP = /\band\s+(?:(?:is|was|are|were|has|have|had|been|later|then|also|now)\s+)*(?:\p{Ll}+\s+)?$/u;

/**
 * When the relation held, from a time in the cue's clause ("since 2021", "for years" → a range).
 * `from`/`to` bound the relation's own words (subject, cue, object). A description ("X, an
 * Iran-backed militia, has been part of Y since 2014") takes no time from past its commas.
 */
function validity(text: string, s: SentenceInfo, clause: Clause, published: string | null, from: number, to: number, cueStart: number, descriptive: boolean): When | null {
  const t = s.times.find((x) => x.start >= clause.start && x.end <= clause.end
    && !(x.start >= to && (RELATIVE_BETWEEN.test(text.slice(to, x.start)) || (descriptive && text.slice(to, x.start).includes(','))))
    && !(x.end <= from && COORDINATED_BETWEEN.test(text.slice(x.end, from)))
    && !(x.end <= cueStart && COORDINATED_VP.test(text.slice(x.end, cueStart)))) ?? null;
  if (!t) return durationBefore(text, clause, published);
  const before = text.slice(Math.max(s.start, t.start - 20), t.start);
  const pub = parsePartialDate(published);
  const since = TIME_SINCE.exec(before);
  if (since) {
    return { start: t.when.start, end: pub && pub.end > t.when.start ? pub.end : t.when.end, precision: 'range', text: `${since[0].trim()} ${t.when.text}` };
  }
  const until = TIME_UNTIL.exec(before);
  if (until) return { start: t.when.start, end: t.when.end, precision: 'range', text: `${until[0].trim()} ${t.when.text}` };
  return { ...t.when };
}

function pairs(subjects: ActorRef[], objects: ActorRef[], cue: PhraseMatch<RelationCue>, confidence: number, out: Found[]): void {
  for (const a of subjects) for (const b of objects) {
    if (a.actor !== b.actor) out.push({ subject: a, object: b, predicate: cue.value.predicate, cue, confidence });
  }
}

function allPairs(group: ActorRef[], cue: PhraseMatch<RelationCue>, confidence: number, out: Found[]): void {
  for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) pairs([group[i]!], [group[j]!], cue, confidence, out);
}

/** "former fighter", "used to be a member": member_of becomes formerly_member_of. */
function formerAdjusted(text: string, s: SentenceInfo, at: number, cue: RelationCue): Predicate {
  if (cue.predicate !== 'member_of' || !cue.former.length) return cue.predicate;
  const before = text.slice(Math.max(s.start, at - 40), at).toLowerCase();
  return cue.former.some((f) => before.includes(f.toLowerCase())) ? 'formerly_member_of' : cue.predicate;
}

/**
 * "UN experts reported that X supplies Y": a "that" clause with an actor of its own before the
 * cue has its own subject; the words before "that" are another clause's.
 */
function complementClause(text: string, s: SentenceInfo, clause: Clause, cueStart: number): Clause {
  const re = /\bthat\s/gi;
  const stretch = text.slice(clause.start, cueStart);
  let start = -1;
  for (let m = re.exec(stretch); m; m = re.exec(stretch)) start = clause.start + m.index + m[0].length;
  if (start < 0 || !s.actors.some((a) => a.start >= start && a.end <= cueStart)) return clause;
  return { ...clause, start };
}

// "Y has long been backed by X", "Y, which is led by X": a form of "be" before the cue makes
// the clause's subject the patient, wherever it stands.
const BE_BEFORE = /\b(?:is|are|was|were|be|been|being)\s+(?:\p{Ll}+\s+)?$/u;
// Without it the participle modifies the noun phrase just before ("Y, led by X,", "Y fighters
// backed by X"); "Y's transition moved quickly after rebels led by X" names no patient.
const PARTICIPLE_GAP = /^(?:['’]s)?[\s,)]*(?:(?!(?:of|in|on|at|after|before|with|from|for|to|by|against|when|while|as|and|or)\b)[\p{Ll}-]+[\s,]+){0,2}$/u;

// "X, which says it protects Y, struck Z": a comma (and auxiliaries) just before the cue closes
// the relative clause; the cue is the main clause's verb and the antecedent its subject.
const RELATIVE_CLOSED = /\S\s*,\s*(?:(?:has|have|had|then|later|also|again|\p{Ll}+ly)\s+){0,2}$/u;

const COORDINATED_VERB = /^\s*(?:,\s*)?(?:and|or|and\s+later|but\s+also)?\s*$/;

/** "with US support", "with Iranian backing": the named supporter backs the clause's subject. */
const WITH_BEFORE = /\bwith\s+(?:the\s+)?$/i;

function fromVerbs(text: string, s: SentenceInfo, cues: RelationCues, out: Found[]): void {
  const opts = { titleWords: cues.titleWords };
  const passive = cues.passive.matchAll(text, s.start, s.end).filter((m) => !overlapsActor(s, m.start, m.end));
  for (const m of passive) {
    const clause = complementClause(text, s, clauseAt(text, s, m.start, m.end), m.start);
    // "Y (was) backed by X": X is the relation's subject.
    let patient = subjectBefore(s, text, clause, m.start, opts);
    const nearest = patient.at(-1);
    if (/\sby$/i.test(m.text) && nearest && !BE_BEFORE.test(text.slice(nearest.end, m.start)) && !PARTICIPLE_GAP.test(text.slice(nearest.end, m.start))) {
      // No "be": the participle modifies the noun phrase right before it, whatever its preposition.
      const adjacent = s.actors.filter((a) => a.start >= clause.start && a.end <= m.start && PARTICIPLE_GAP.test(text.slice(a.end, m.start))).at(-1);
      patient = adjacent ? [adjacent] : [];
    }
    const agent = objectAfter(s, text, clause, m.end, opts).filter((a) => a.start - m.end <= 24);
    pairs(agent, patient, m, 0.65, out);
  }
  const active = cues.active.matchAll(text, s.start, s.end);
  for (const m of active) {
    if (overlapsActor(s, m.start, m.end) || passive.some((p) => p.start < m.end && m.start < p.end)) continue;
    // "Iran-backed groups": the compound reading (fromCompounds) decides, not the verb.
    if (/[-‐‑]/.test(text[m.start - 1] ?? '')) continue;
    const supporter = s.actors.find((a) => /^(?:['’]s)?\s+$/.test(text.slice(a.end, m.start)) && WITH_BEFORE.test(text.slice(Math.max(s.start, a.start - 12), a.start)));
    if (supporter && (m.value.predicate === 'supports' || m.value.predicate === 'funds')) {
      // The "with" phrase modifies the clause's verb: its subject, the first actor of the clause
      // outside a prepositional phrase, is who is backed ("X fought Y with Z support": Z backs X).
      const clause = clauseAt(text, s, m.start, m.end);
      const backed = s.actors.find((a) => a.start >= clause.start && a.end <= supporter.start && a.actor !== supporter.actor
        && !inPrepositionalPhrase(text, a, clause.start) && !isCompoundModifier(text, a));
      if (backed) pairs([supporter], [backed], m, 0.6, out);
      continue;
    }
    const clause = complementClause(text, s, clauseAt(text, s, m.start, m.end), m.start);
    // Subject and object sit close to the cue: a name far before it ("Syria's new leaders
    // address the grievances that drove people to join IS") or past a comma after it is
    // another phrase's.
    const closed = RELATIVE_OPENERS.has(clause.opener) && RELATIVE_CLOSED.test(text.slice(clause.start, m.start));
    let subject = closed
      ? s.actors.filter((a) => a.end <= clause.openerStart && clause.openerStart - a.end <= 2).slice(-1)
      : subjectBefore(s, text, clause, m.start, opts).filter((a) => m.start - a.end <= NEAR);
    if (!subject.length) subject = sharedSubject(text, s, clause, m.start);
    const object = objectAfter(s, text, closed ? { ...clause, start: m.start } : clause, m.end, { ...opts, exclude: new Set(subject.map((a) => a.actor)) });
    if (object.length && (object[0]!.start - m.end > NEAR || text.slice(m.end, object[0]!.start).includes(','))) object.length = 0;
    // "join the army, and the SNA has not …": a lone ", and" after the first name opens a new clause, not a list.
    if (object.length === 2 && /^\s*,\s*and\s/i.test(text.slice(object[0]!.end, object[1]!.start))) object.length = 1;
    // "backed a deal with the government": another cue between the verb and the name claims it.
    // "funded and armed X" coordinates two verbs over one object: no claim.
    if (object.length && [...active, ...passive].some((c) => c !== m && c.start >= m.end && c.end <= object[0]!.start
      && !COORDINATED_VERB.test(text.slice(m.end, c.start)))) object.length = 0;
    if (object.length) {
      pairs(subject, object, m, subject.some((a) => inPrepositionalPhrase(text, a, clause.start)) ? 0.5 : 0.65, out);
    } else if (m.value.symmetric && subject.length >= 2) {
      allPairs(subject, m, 0.6, out);
    } else if (RELATIVE_OPENERS.has(clause.opener) && !closed && subject.length) {
      // "Y, which X led": the antecedent of the relative pronoun is the object.
      const antecedent = s.actors.filter((a) => a.end <= clause.openerStart && clause.openerStart - a.end <= 2).at(-1);
      if (antecedent) pairs(subject, [antecedent], m, 0.6, out);
    }
  }
}

/**
 * "X was born out of ... but later severed ties with Y": a clause opened by "but" with no
 * subject of its own continues the sentence's subject, when the sentence opens with an actor.
 */
function sharedSubject(text: string, s: SentenceInfo, clause: Clause, cueStart: number): ActorRef[] {
  if (clause.opener !== 'but' || !/^[\s\p{Ll}-]*$/u.test(text.slice(clause.start, cueStart))) return [];
  const first = s.actors[0];
  if (!first || !/^\s*(?:the\s+)?$/i.test(text.slice(s.start, first.start))) return [];
  return [first];
}

/** Words before a cue within which its subject, and after it within which its object, stand. */
const NEAR = 48;
// "Iran-backed militias of the PMF": the object closes the modified noun phrase; "Iran-linked
// groups and the SDF" coordinates another noun phrase instead.
const DESCRIBED_GAP = /^\s*(?:,\s*|\s+(?:is|was|are|were|remains|became|has\s+been|had\s+been)\s+)(?:a|an)\s+(?:[\p{Ll}-]+\s+)?$/u;
const NOUN_PHRASE_GAP = /^\s*(?:[\p{L}-]+\s+){0,3}?(?:(?:of|in|from|within)\s+)?(?:the\s+)?$/u;

function fromCompounds(text: string, s: SentenceInfo, cues: RelationCues, out: Found[]): void {
  for (const m of cues.compound.matchAll(text, s.start, s.end)) {
    // "Iran-backed militias of the PMF": the modifier is the subject, the next actor in the noun phrase the object.
    const modifier = s.actors.find((a) => a.end === m.start);
    if (!modifier) continue;
    const clause = clauseAt(text, s, m.start, m.end);
    // "an Iran-backed group that attacked Y": past a relative pronoun the noun phrase has ended.
    const object = s.actors.find((a) => a.start >= m.end && a.end <= clause.end && a.start - m.end <= 48 && !/[,;.]|\b(?:that|which|who)\b/i.test(text.slice(m.end, a.start)));
    if (object && (!NOUN_PHRASE_GAP.test(text.slice(m.end, object.start)) || /\band\b/i.test(text.slice(m.end, object.start)))) continue;
    if (!object) {
      // "X, an Iran-backed militia," / "X is an Iran-backed group": the noun phrase describes X.
      const described = s.actors.filter((a) => a.end <= modifier.start && a.start >= clause.start && DESCRIBED_GAP.test(text.slice(a.end, modifier.start))).at(-1);
      if (described && described.actor !== modifier.actor) out.push({ subject: modifier, object: described, predicate: m.value.predicate, cue: m, confidence: 0.6, descriptive: true });
      continue;
    }
    out.push({ subject: modifier, object, predicate: m.value.predicate, cue: m, confidence: 0.6, descriptive: true });
  }
}

/** "X has received missiles and drones from Y": the receipt verb, the thing, then "from Y". */
function fromReceipts(text: string, s: SentenceInfo, cues: RelationCues, out: Found[]): void {
  for (const m of cues.received.matchAll(text, s.start, s.end)) {
    // The verb within four words before the thing ("received advanced Iranian missiles").
    const lead = text.slice(Math.max(s.start, m.start - 48), m.start);
    const verb = /\b(?:receiv(?:e|es|ed|ing)|obtain(?:s|ed|ing)?|accept(?:s|ed|ing)?|got|gets|getting)\s+(?:[\p{L}-]+\s+){0,4}$/iu.exec(lead);
    if (!verb) continue;
    const verbAt = m.start - lead.length + verb.index;
    const clause = clauseAt(text, s, verbAt, m.end);
    // "from Y" within a few words after the thing ("missiles and drones from Iran").
    const from = s.actors.find((a) => a.start > m.end && a.end <= clause.end && /^(?:\s+(?:and|or|,)?\s*[\p{L}-]+){0,4}\s+from\s+(?:the\s+)?$/iu.test(text.slice(m.end, a.start)));
    const receiver = subjectBefore(s, text, clause, verbAt, { titleWords: cues.titleWords });
    if (from && receiver.length) pairs([from], receiver, m, 0.65, out);
  }
}

const BETWEEN_AND = /^(?:\s+[\p{Ll}-]+){0,2}\s+and\s+(?:the\s+)?$/u;

function fromBetween(text: string, s: SentenceInfo, cues: RelationCues, out: Found[]): void {
  const opts = { titleWords: cues.titleWords };
  for (const m of cues.between.matchAll(text, s.start, s.end)) {
    const clause = clauseAt(text, s, m.start, m.end);
    let after = /between\s*$/i.test(m.text) ? objectAfter(s, text, clause, m.end, opts) : [];
    if (after.length === 1) {
      // "clashes between X fighters and Y": a head noun or two may follow the first name.
      const second = s.actors.find((a) => a.start >= after[0]!.end && a.end <= clause.end && a.actor !== after[0]!.actor);
      if (second && BETWEEN_AND.test(text.slice(after[0]!.end, second.start))) after = [after[0]!, second];
    }
    if (after.length >= 2) { allPairs(after, m, 0.7, out); continue; }
    if (!m.value.symmetric) continue;
    // "A and B engaged in a rivalry"
    const before = subjectBefore(s, text, clause, m.start, opts);
    if (before.length >= 2) allPairs(before, m, 0.65, out);
  }
}

const POSSESSIVE = /^['’]s\s+(?:[\p{Ll}-]+\s+){0,2}$/u;
// "X, the spokesperson of Y", "X (Z), the backbone of Y"
const APPOSITION_BEFORE = /^\)?\s*,\s*(?:the|a|an|its|their)?\s*(?:[\p{Ll}-]+\s+){0,2}$/u;
const TITLE_OF = /^\s+(?:of|for|in|at|to)\s+(?:the\s+)?/i;
const NAME_AFTER = /^\s*,?\s*$/;
const BARE_GAP = /^\s+(?:[\p{Lu}][\p{L}.-]*\s+){0,3}$/u;

/** Nothing but a comma or honorifics ("General", "Sheikh") between a title and its holder's name. */
function nameFollows(gap: string, personTitles: ReadonlySet<string>): boolean {
  if (NAME_AFTER.test(gap)) return true;
  const words = gap.trim().toLowerCase().split(/\s+/);
  return !/[,;:()]/.test(gap) && words.length <= 2 && (personTitles.has(words.join(' ')) || words.every((w) => personTitles.has(w)));
}

// "a senior Y commander", "an IS fighter": the title's holder stands in apposition or after a copula.
const ARTICLE_BEFORE = /\b(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,2}$/u;
const HOLDER_GAP = /^\s*(?:,\s*)?(?:(?:who|which)\s+)?(?:(?:is|was|are|were|has been|had been|became|becomes|remains|remained|used to be|once|formerly|previously|also)\s+)*$/i;

function fromTitles(text: string, s: SentenceInfo, cues: RelationCues, out: Found[]): void {
  const titles = cues.titles.matchAll(text, s.start, s.end).filter((m) => !overlapsActor(s, m.start, m.end));
  const holders = new Set<ActorRef>();
  const pending: { title: PhraseMatch<RelationCue>; holder: ActorRef; at: number }[] = [];
  for (const t of titles) {
    const clause = clauseAt(text, s, t.start, t.end);
    const predicate = formerAdjusted(text, s, t.start, t.value);
    const push = (x: ActorRef, y: ActorRef, c: number) => {
      if (x.actor === y.actor) return;
      holders.add(x);
      out.push({ subject: x, object: y, predicate, cue: t, confidence: c, descriptive: true });
    };
    const before = s.actors.filter((a) => a.end <= t.start).at(-1);
    const after = s.actors.find((a) => a.start >= t.end);
    const gapBefore = before ? text.slice(before.end, t.start) : '';
    const gapAfter = after ? text.slice(t.end, after.start) : '';
    // "X, the spokesperson of Y"
    if (before && after && APPOSITION_BEFORE.test(gapBefore) && TITLE_OF.test(gapAfter) && !/^\s*,\s*its\b/i.test(gapBefore)) {
      push(before, after, 0.8);
      continue;
    }
    // "Y's media arm, X" / "Y's spokesperson X" / "Y spokesman X" / "U.S. President X" / "Y commander General X"
    if (before && after && nameFollows(gapAfter, cues.personTitles) && (POSSESSIVE.test(gapBefore) || BARE_GAP.test(gapBefore) || gapBefore === ' ')) {
      push(after, before, 0.8);
      continue;
    }
    // "The spokesman for Y, X," / "the head of Y, X": the name in apposition after the organisation.
    const next = after ? s.actors.find((a) => a.start >= after.end) : undefined;
    if (after && next && next.kind === 'person' && TITLE_OF.test(gapAfter) && /^\s*,\s*$/.test(text.slice(after.end, next.start))
      && (!before || !APPOSITION_BEFORE.test(gapBefore))) {
      push(next, after, 0.75);
      continue;
    }
    // "X, Y's spokesperson"
    const prev = before ? s.actors.filter((a) => a.end <= before.start).at(-1) : undefined;
    if (before && prev && POSSESSIVE.test(gapBefore) && /^\s*,\s*$/.test(text.slice(prev.end, before.start)) && (!after || !NAME_AFTER.test(gapAfter))) {
      push(prev, before, 0.75);
      continue;
    }
    // "its official media outlet Al-Furqan": the holder follows; "its" is the clause's subject, resolved below.
    const lead = text.slice(Math.max(clause.start, t.start - 32), t.start);
    const its = /\b(?:its|their)\s+(?:[\p{Ll}-]+\s+){0,2}$/iu.exec(lead);
    if (after && NAME_AFTER.test(gapAfter) && its) {
      pending.push({ title: t, holder: after, at: t.start - lead.length + its.index });
      continue;
    }
    // "X, who used to be an IS fighter" / "X is a member of ..." handled by phrases; "an IS fighter": Y before the title.
    const article = before && gapBefore === ' ' ? ARTICLE_BEFORE.exec(text.slice(Math.max(s.start, before.start - 32), before.start)) : null;
    if (before && article) {
      const at = before.start - article[0].length;
      // "X, a senior Y commander": the name just before the comma; "X is/was a Y fighter": the clause's subject.
      const subject = s.actors.filter((a) => a.end <= at && a.start >= clause.start && /^\s*,\s*$/.test(text.slice(a.end, at))).at(-1)
        ?? subjectBefore(s, text, clause, at, { titleWords: cues.titleWords, exclude: new Set([before.actor]) }).at(-1);
      if (subject && subject.actor !== before.actor && HOLDER_GAP.test(text.slice(subject.end, at))) push(subject, before, 0.65);
    }
  }
  // "its" is the clause's subject: the nearest actor before it that holds no title itself and
  // is not inside a prepositional phrase.
  for (const { title, holder, at } of pending) {
    const owner = s.actors.filter((a) => a.end <= at && !holders.has(a) && a.actor !== holder.actor && !inPrepositionalPhrase(text, a, s.start)).at(-1)
      ?? s.actors.find((a) => a.end <= at && a.actor !== holder.actor);
    if (!owner) continue;
    holders.add(holder);
    out.push({ subject: holder, object: owner, predicate: formerAdjusted(text, s, title.start, title.value), cue: title, confidence: 0.7, descriptive: true });
  }
}

/**
 * "UN experts reported that X supplies Y", "X, which says it protects Y": a speech or belief verb
 * before the cue, with no comma between, puts the relation in someone's words. Its own subject
 * speaking is a claim; anyone else, a report.
 */
function attributed(text: string, s: SentenceInfo, names: readonly ActorRef[], f: Found, verbs: ReadonlySet<string>): 'asserted' | 'claimed' | 'reported' {
  const re = /\p{L}+/gu;
  const stretch = text.slice(s.start, f.cue.start);
  let verb: { start: number; end: number } | null = null;
  for (let m = re.exec(stretch); m; m = re.exec(stretch)) {
    const at = s.start + m.index;
    // "The United States" is a name, not a verb.
    if (verbs.has(m[0].toLowerCase()) && !names.some((a) => a.start <= at && at < a.end)) verb = { start: at, end: at + m[0].length };
  }
  // An apposition or a parenthesis ("regards the YPG (…), the backbone of the SDF, as …") does not end the complement.
  const gap = verb ? text.slice(verb.end, f.cue.start).replace(/\([^()]{0,40}\)/g, '').replace(/,[^,;:]{1,60},/g, '') : '';
  if (!verb || /[,;:—–(]/.test(gap)) return 'asserted';
  const subject = f.subject.start < f.object.start ? f.subject : f.object;
  if (subject.end <= verb.start) return verb.start - subject.end <= 48 && !/[.;]/.test(text.slice(subject.end, verb.start)) ? 'claimed' : 'asserted';
  return 'reported';
}

/**
 * The document's actors by the words that name them: every surface form the document and the
 * pack give an actor ("U.S.", "IRGC"), and for states the demonyms of the pack's state-forces
 * lexicon ("Syrian" → the state whose forces they are, by the pack's country codes).
 */
function nameLookup(kb: KnowledgeBase, idx: DocIndex, published: string | null): NameLookup {
  const byWords = new Map<string, Omit<ActorRef, 'start' | 'end'>>();
  const key = (n: string) => foldName(n).join(' ');
  const countryOf = (a: { kb_id: string | null }) => (a.kb_id ? kb.actors.get(a.kb_id)?.country : undefined) ?? null;
  const ref = (a: { id: string; kind: ActorRef['kind']; name: string }) => ({ actor: a.id, kind: a.kind, name: a.name });
  // A state's titles and organs belong to its government when the document names that
  // government ("the Syrian prime minister" and the Syrian government named elsewhere): the
  // government-body of the state's country whose name is a government noun ("Assad regime",
  // "Syrian transitional government") and whose pack dates hold at publication.
  const governmentWords = relationCues(kb).frames.government;
  const pub = parsePartialDate(published);
  const governments = [...idx.actors.values()].filter((a) => {
    if (a.kind !== 'government-body' || !foldName(a.name).some((w) => governmentWords.has(w))) return false;
    const entry = a.kb_id ? kb.actors.get(a.kb_id) : undefined;
    return !pub || ((!entry?.start || entry.start <= pub.end) && (!entry?.end || entry.end >= pub.start));
  });
  const governing = (state: { kb_id: string | null; id: string; kind: ActorRef['kind']; name: string }) => {
    const c = countryOf(state);
    const g = c ? governments.find((x) => countryOf(x) === c) : undefined;
    return ref(g ?? state);
  };
  // Demonyms name the state, before any actor whose surface form the demonym alone was ("Iraqi" for Iraqi forces).
  const states = [...idx.actors.values()].filter((a) => a.kind === 'state');
  for (const [demonym, ids] of Object.entries(readStringMap(kb.lexicons, 'state-forces'))) {
    const country = ids.map((id) => kb.actors.get(id)?.country).find((c) => !!c);
    const state = country && states.find((a) => countryOf(a) === country);
    if (state && !byWords.has(key(demonym))) byWords.set(key(demonym), ref(state));
  }
  for (const a of idx.actors.values()) {
    const entry = a.kb_id ? kb.actors.get(a.kb_id) : undefined;
    for (const n of [a.name, ...a.aliases, ...(entry?.aliases ?? [])]) if (!byWords.has(key(n))) byWords.set(key(n), { actor: a.id, kind: a.kind, name: a.name });
  }
  const homeState = (id: string) => {
    const a = idx.actors.get(id);
    const country = a ? countryOf(a) : null;
    const state = country ? states.find((x) => countryOf(x) === country) : undefined;
    return state ? governing(state) : null;
  };
  const governmentOf = (id: string) => {
    const a = idx.actors.get(id);
    return a && a.kind === 'state' ? governing(a) : null;
  };
  return { named: (words) => byWords.get(key(words)) ?? null, homeState, governmentOf };
}

/** Relations the parse states (relation-frames.ts), as cue findings. */
function fromParse(parsed: ParsedSentence, s: SentenceInfo, cues: RelationCues, names: NameLookup, out: Found[]): { examined: SyntaxToken[]; blocked: SyntaxToken[] } {
  const reading = readRelations(parsed, s, cues.frames, names);
  for (const r of reading.relations) {
    const cue: PhraseMatch<RelationCue> = { start: r.token.start, end: r.token.end, text: r.token.text, value: r.cue };
    out.push({ subject: r.subject, object: r.object, predicate: r.cue.predicate, cue, confidence: r.descriptive ? 0.75 : 0.7, descriptive: r.descriptive, read: r });
  }
  return reading;
}

/**
 * How sure the text is of a relation read from the parse, and who says so: reported, claimed or
 * alleged by a governing predicate ("X said that ...", "X accused Y of backing Z", "denied any
 * link to" negates) or "according to X", with that speaker as source (claimed when the speaker
 * is the relation's own subject). Null when nothing governs it.
 */
function governed(modCues: ModalityCues, r: ReadRelation): { modality: Modality; source: string | null } | null {
  const g = governedModality(modCues, r.governors);
  if (g) return { modality: g.modality === 'reported' && g.source === r.subject.actor ? 'claimed' : g.modality, source: g.source };
  if (r.according) return { modality: r.according.actor === r.subject.actor ? 'claimed' : 'reported', source: r.according.actor };
  return null;
}

/** A name followed by a hyphen and a word ("Iran-backed"): a modifier inside a noun phrase. */
const HYPHENATED = /^[-‐‑]\p{L}/u;

/** The speaker of the quote holding [start, end), when the quotes layer found one. */
function quoteSpeaker(quotes: readonly QuoteOut[], start: number, end: number): string | null {
  return quotes.find((q) => q.speaker && q.evidence.some((e) => e.start <= start && end <= e.end))?.speaker ?? null;
}

function fromText(kb: KnowledgeBase, idx: DocIndex, published: string | null, syntax?: readonly ParsedSentence[], quotes: readonly QuoteOut[] = []): Draft[] {
  const text = idx.text;
  const cues = relationCues(kb);
  const modCues = modalityCues(kb);
  const drafts: Draft[] = [];
  const names = nameLookup(kb, idx, published);
  for (const full of idx.sentences) {
    if (full.actors.length < 1 && new Set(full.actors.map((a) => a.actor)).size < 2) continue;
    const kept = full.actors.filter((a) => !namesOnlyAPlace(text, full, a));
    const s = kept.length === full.actors.length ? full : { ...full, actors: kept };
    const parsed: Found[] = [];
    const tree = syntax?.[full.index];
    const { examined, blocked } = tree ? fromParse(tree, s, cues, names, parsed) : { examined: [], blocked: [] };
    const found: Found[] = [];
    fromTitles(text, s, cues, found);
    // "X-backed N": the parse reads the compound locally and reliably; where it read one, the
    // pattern's reading of it (which may reach past the noun phrase) is not wanted.
    const compounds: Found[] = [];
    fromCompounds(text, s, cues, compounds);
    found.push(...compounds.filter((f) => !examined.some((t) => t.start < f.cue.end && f.cue.start < t.end)));
    fromBetween(text, s, cues, found);
    const verbs: Found[] = [];
    fromVerbs(text, s, cues, verbs);
    // A one-word verb cue the parse tags as no verb ("armed forces", "85 targets", "a warning") is no verb.
    found.push(...(tree ? verbs.filter((f) => /\s/.test(f.cue.text) || tree.tokens.some((t) => t.start === f.cue.start && t.upos === 'VERB')) : verbs));
    fromReceipts(text, s, cues, found);
    // Where the parse read a relation from a cue word, its reading stands; the phrase patterns
    // fill in the rest (the parser is greedy and misattaches often enough that a cue word it
    // read without finding both sides keeps the patterns' reading).
    // Nor where the parse found the cue's subject to be a phrase naming no actor, nor with a
    // hyphenated modifier ("the Iran-backed groups") read as a subject or object.
    const read = found.filter((f) => !parsed.some((p) => p.cue.start < f.cue.end && f.cue.start < p.cue.end)
      && !blocked.some((t) => t.start < f.cue.end && f.cue.start < t.end)
      && !(tree && (HYPHENATED.test(text.slice(f.subject.end, f.subject.end + 2)) || HYPHENATED.test(text.slice(f.object.end, f.object.end + 2))) && !f.descriptive));
    for (const f of [...parsed, ...read]) {
      if (f.subject.actor === f.object.actor) continue;
      // A relation in a quotation is its speaker's word: reported by the speaker (claimed, when the
      // speaker is its subject), and left out when the quote has no known speaker.
      const quoted = isQuoted(idx, f.cue.start, f.cue.end);
      const speaker = quoted && f.read ? quoteSpeaker(quotes, f.cue.start, f.cue.end) : null;
      if (quoted && !speaker) continue;
      const clause = clauseAt(text, s, f.cue.start, f.cue.end);
      const mod = modalityAt(modCues, text, s, clause, f.cue.start, f.cue.end);
      let modality: Modality = mod.modality;
      let source: string | null = null;
      if (f.read) {
        // The parse's own negation and governors decide; of the word cues only those next to the
        // relation word ("would", "reportedly") or a conditional ("if") still count.
        const g = f.read.negated ? null : governed(modCues, f.read);
        const near = mod.cue?.value.some((c) => c.modality === mod.modality && (c.scope === 'near' || c.scope === 'after' || (c.scope === 'sentence' && c.modality === 'hypothetical')));
        if (f.read.negated) modality = 'negated';
        else if (g) ({ modality, source } = g);
        else if (f.read.descriptive || modality === 'negated' || !near) modality = 'asserted';
      } else if (modality === 'asserted' && !f.descriptive) {
        modality = attributed(text, s, full.actors, f, cues.speechVerbs);
      }
      if (speaker && (modality === 'asserted' || modality === 'reported')) {
        modality = speaker === f.subject.actor ? 'claimed' : 'reported';
        source = speaker;
      }
      const from = Math.min(f.subject.start, f.object.start, f.cue.start);
      const to = Math.max(f.subject.end, f.object.end, f.cue.end);
      drafts.push({
        subject: f.subject.actor, predicate: f.predicate, object: f.object.actor,
        valid: validity(text, s, clause, published, from, to, f.cue.start, f.descriptive === true),
        modality, source,
        evidence: [span(text, s.start, s.end), span(text, f.cue.start, f.cue.end)],
        confidence: f.confidence,
        origin: 'text',
      });
    }
  }
  return drafts;
}

function packWhen(start: string | undefined, end: string | undefined, published: string | null): When | null {
  const a = parsePartialDate(start);
  const b = parsePartialDate(end);
  if (!a && !b) return null;
  const pub = parsePartialDate(published);
  if (a && b) return { start: a.start, end: b.end, precision: 'range', text: `${start}–${end}` };
  if (a) return { start: a.start, end: pub && pub.end > a.start ? pub.end : a.end, precision: 'range', text: `since ${start}` };
  return { start: b!.start, end: b!.end, precision: 'range', text: `until ${end}` };
}

/** Affiliations the knowledge pack records between actors this document names. */
function fromPack(kb: KnowledgeBase, idx: DocIndex, published: string | null): Draft[] {
  const byKb = new Map<string, string>();
  for (const a of idx.actors.values()) if (a.kb_id && !byKb.has(a.kb_id)) byKb.set(a.kb_id, a.id);
  const drafts: Draft[] = [];
  for (const a of idx.actors.values()) {
    const entry = a.kb_id ? kb.actors.get(a.kb_id) : undefined;
    for (const aff of entry?.affiliations ?? []) {
      const other = byKb.get(aff.object);
      if (!other || other === a.id) continue;
      const o = idx.actors.get(other)!;
      const evidence = [a.mentions[0], o.mentions[0]].filter((m): m is Span => !!m).map((m) => ({ ...m }));
      drafts.push({
        subject: a.id, predicate: aff.predicate, object: other,
        valid: packWhen(aff.start, aff.end, published), modality: 'asserted', evidence, confidence: 0.6, origin: 'pack',
      });
    }
  }
  return drafts;
}

function key(d: Draft, symmetric: ReadonlySet<Predicate>): string {
  const [x, y] = symmetric.has(d.predicate) && d.object < d.subject ? [d.object, d.subject] : [d.subject, d.object];
  return `${x}|${d.predicate}|${y}`;
}

function merge(drafts: Draft[], symmetric: ReadonlySet<Predicate>): Draft[] {
  const out = new Map<string, Draft>();
  for (const d of drafts) {
    const k = key(d, symmetric);
    const have = out.get(k);
    if (!have) { out.set(k, { ...d, evidence: [...d.evidence] }); continue; }
    for (const e of d.evidence) if (!have.evidence.some((x) => x.start === e.start && x.end === e.end)) have.evidence.push(e);
    if (have.origin !== d.origin) {
      // Text and pack agree: more confident; the text's reading (modality, validity) leads.
      const textual = have.origin === 'text' ? have : d;
      have.modality = textual.modality;
      have.source = textual.source ?? null;
      have.valid = textual.valid ?? have.valid ?? d.valid;
      have.origin = 'text';
      have.confidence = Math.min(0.95, Math.max(have.confidence, d.confidence) + 0.1);
    } else {
      have.confidence = Math.min(0.95, Math.max(have.confidence, d.confidence) + 0.05);
      have.valid ??= d.valid;
      if (have.modality !== 'asserted' && d.modality === 'asserted') { have.modality = 'asserted'; have.source = null; }
      else if (!have.source && d.source && have.modality === d.modality) have.source = d.source;
    }
  }
  return [...out.values()].map((d) => ({ ...d, confidence: Math.round(d.confidence * 100) / 100 }));
}

export function extractRelations(kb: KnowledgeBase, idx: DocIndex, published: string | null, syntax?: readonly ParsedSentence[], quotes: readonly QuoteOut[] = []): RelationOut[] {
  const symmetric = relationCues(kb).symmetric;
  return merge([...fromText(kb, idx, published, syntax, quotes), ...fromPack(kb, idx, published)], symmetric).map((d, i) => ({ id: `r${i + 1}`, ...d }));
}

const stage: Stage = {
  name: 'relations',
  requires: ['sentences', 'syntax', 'actors', 'times', 'quotes'],
  run({ document, layers, kb }) {
    return { relations: extractRelations(kb, indexDocument(document.text, layers), document.published, layers.syntax, layers.quotes) };
  },
};
export default stage;
