// The `relations` layer: links between actors named in one clause, read from cue phrases
// (relation-cues.yaml) — "X funds Y", "Y backed by X", "X-backed Y", "rivalry between X and Y",
// "X, the spokesperson of Y", "Y's media arm X" — plus the pack's own time-bounded affiliations
// between actors the document names. Repeated relations merge, accumulating evidence.
import type { Predicate, RelationOut, Span, When } from '../../analysis/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Stage } from '../stage.js';
import { indexDocument, isQuoted, type ActorRef, type DocIndex, type SentenceInfo } from '../../extract/sentence-index.js';
import { relationCues, type RelationCue, type RelationCues } from '../../extract/relation-cues.js';
import { clauseAt, RELATIVE_OPENERS, type Clause } from '../../extract/clauses.js';
import { inPrepositionalPhrase, namesOnlyAPlace, objectAfter, subjectBefore } from '../../extract/clause-actors.js';
import { modalityAt, modalityCues } from '../../extract/modality.js';
import { parsePartialDate } from '../../time/partial-date.js';
import type { PhraseMatch } from '../../extract/phrase-matcher.js';

type Draft = Omit<RelationOut, 'id'>;
type Found = { subject: ActorRef; object: ActorRef; predicate: Predicate; cue: PhraseMatch<RelationCue>; confidence: number };

const TIME_SINCE = /\b(?:since|from|starting in|as of)\s+$/i;
const TIME_UNTIL = /\b(?:until|till|up to)\s+$/i;

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

function overlapsActor(s: SentenceInfo, start: number, end: number): boolean {
  return s.actors.some((a) => a.start < end && start < a.end);
}

// "for years", "for two decades", "over the past three months": a duration up to the time of
// writing. Without a number the plural's least reading (two) is taken: the relation held over
// at least that stretch, so the range never claims more than the text does.
const DURATION = /\b(?:for|over\s+the\s+(?:past|last))\s+(?:(\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+)?(years|decades|months)\b/i;
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

/** When the relation held, from a time in the cue's clause ("since 2021", "for years" → a range). */
function validity(text: string, s: SentenceInfo, clause: Clause, published: string | null): When | null {
  const t = s.times.find((x) => x.start >= clause.start && x.end <= clause.end) ?? null;
  if (!t) return durationBefore(text, clause, published);
  const before = text.slice(Math.max(s.start, t.start - 16), t.start);
  const pub = parsePartialDate(published);
  if (TIME_SINCE.test(before)) {
    const word = /(\S+)\s+$/.exec(before)?.[1] ?? 'since';
    return { start: t.when.start, end: pub && pub.end > t.when.start ? pub.end : t.when.end, precision: 'range', text: `${word} ${t.when.text}` };
  }
  if (TIME_UNTIL.test(before)) return { start: t.when.start, end: t.when.end, precision: 'range', text: `until ${t.when.text}` };
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

function fromVerbs(text: string, s: SentenceInfo, cues: RelationCues, out: Found[]): void {
  const opts = { titleWords: cues.titleWords };
  const passive = cues.passive.matchAll(text, s.start, s.end).filter((m) => !overlapsActor(s, m.start, m.end));
  for (const m of passive) {
    const clause = clauseAt(text, s, m.start, m.end);
    // "Y (was) backed by X": X is the relation's subject.
    const patient = subjectBefore(s, text, clause, m.start, opts);
    const agent = objectAfter(s, text, clause, m.end, opts).filter((a) => a.start - m.end <= 24);
    pairs(agent, patient, m, 0.65, out);
  }
  for (const m of cues.active.matchAll(text, s.start, s.end)) {
    if (overlapsActor(s, m.start, m.end) || passive.some((p) => p.start < m.end && m.start < p.end)) continue;
    // "Iran-backed groups": the compound reading (fromCompounds) decides, not the verb.
    if (/[-‐‑]/.test(text[m.start - 1] ?? '')) continue;
    const clause = clauseAt(text, s, m.start, m.end);
    // Subject and object sit close to the cue: a name far before it ("Syria's new leaders
    // address the grievances that drove people to join IS") or past a comma after it is
    // another phrase's.
    let subject = subjectBefore(s, text, clause, m.start, opts).filter((a) => m.start - a.end <= NEAR);
    if (!subject.length) subject = sharedSubject(text, s, clause, m.start);
    const object = objectAfter(s, text, clause, m.end, { ...opts, exclude: new Set(subject.map((a) => a.actor)) });
    if (object.length && (object[0]!.start - m.end > NEAR || text.slice(m.end, object[0]!.start).includes(','))) object.length = 0;
    if (object.length) {
      pairs(subject, object, m, subject.some((a) => inPrepositionalPhrase(text, a, clause.start)) ? 0.5 : 0.65, out);
    } else if (m.value.symmetric && subject.length >= 2) {
      allPairs(subject, m, 0.6, out);
    } else if (RELATIVE_OPENERS.has(clause.opener) && subject.length) {
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
const NOUN_PHRASE_GAP = /^\s*(?:[\p{L}-]+\s+){0,3}?(?:(?:of|in|from|within)\s+)?(?:the\s+)?$/u;

function fromCompounds(text: string, s: SentenceInfo, cues: RelationCues, out: Found[]): void {
  for (const m of cues.compound.matchAll(text, s.start, s.end)) {
    // "Iran-backed militias of the PMF": the modifier is the subject, the next actor in the noun phrase the object.
    const modifier = s.actors.find((a) => a.end === m.start);
    if (!modifier) continue;
    const clause = clauseAt(text, s, m.start, m.end);
    const object = s.actors.find((a) => a.start >= m.end && a.end <= clause.end && a.start - m.end <= 48 && !/[,;.]/.test(text.slice(m.end, a.start)));
    if (object && (!NOUN_PHRASE_GAP.test(text.slice(m.end, object.start)) || /\band\b/i.test(text.slice(m.end, object.start)))) continue;
    if (object) pairs([modifier], [object], m, 0.6, out);
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

function fromBetween(text: string, s: SentenceInfo, cues: RelationCues, out: Found[]): void {
  const opts = { titleWords: cues.titleWords };
  for (const m of cues.between.matchAll(text, s.start, s.end)) {
    const clause = clauseAt(text, s, m.start, m.end);
    const after = /between\s*$/i.test(m.text) ? objectAfter(s, text, clause, m.end, opts) : [];
    if (after.length >= 2) { allPairs(after, m, 0.7, out); continue; }
    if (!m.value.symmetric) continue;
    // "A and B engaged in a rivalry"
    const before = subjectBefore(s, text, clause, m.start, opts);
    if (before.length >= 2) allPairs(before, m, 0.65, out);
  }
}

const POSSESSIVE = /^['’]s\s+(?:[\p{Ll}-]+\s+){0,2}$/u;
const APPOSITION_BEFORE = /^\s*,\s*(?:the|a|an|its|their)?\s*(?:[\p{Ll}-]+\s+){0,2}$/u;
const TITLE_OF = /^\s+(?:of|for|in|at|to)\s+(?:the\s+)?/i;
const NAME_AFTER = /^\s*,?\s*$/;
const BARE_GAP = /^\s+(?:[\p{Lu}][\p{L}.-]*\s+){0,3}$/u;

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
      out.push({ subject: x, object: y, predicate, cue: t, confidence: c });
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
    // "Y's media arm, X" / "Y's spokesperson X" / "Y spokesman X" / "U.S. President X"
    if (before && after && NAME_AFTER.test(gapAfter) && (POSSESSIVE.test(gapBefore) || BARE_GAP.test(gapBefore) || gapBefore === ' ')) {
      push(after, before, 0.8);
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
    if (before && gapBefore === ' ' && /\b(?:a|an|the)\s+$/i.test(text.slice(Math.max(s.start, before.start - 6), before.start))) {
      const subject = subjectBefore(s, text, clause, before.start, { titleWords: cues.titleWords, exclude: new Set([before.actor]) });
      if (subject[0]) push(subject.at(-1)!, before, 0.65);
    }
  }
  // "its" is the clause's subject: the nearest actor before it that holds no title itself and
  // is not inside a prepositional phrase.
  for (const { title, holder, at } of pending) {
    const owner = s.actors.filter((a) => a.end <= at && !holders.has(a) && a.actor !== holder.actor && !inPrepositionalPhrase(text, a, s.start)).at(-1)
      ?? s.actors.find((a) => a.end <= at && a.actor !== holder.actor);
    if (!owner) continue;
    holders.add(holder);
    out.push({ subject: holder, object: owner, predicate: formerAdjusted(text, s, title.start, title.value), cue: title, confidence: 0.7 });
  }
}

function fromText(kb: KnowledgeBase, idx: DocIndex, published: string | null): Draft[] {
  const text = idx.text;
  const cues = relationCues(kb);
  const modCues = modalityCues(kb);
  const drafts: Draft[] = [];
  for (const full of idx.sentences) {
    if (full.actors.length < 2 && new Set(full.actors.map((a) => a.actor)).size < 2) continue;
    const kept = full.actors.filter((a) => !namesOnlyAPlace(text, full, a));
    const s = kept.length === full.actors.length ? full : { ...full, actors: kept };
    const found: Found[] = [];
    fromTitles(text, s, cues, found);
    fromCompounds(text, s, cues, found);
    fromBetween(text, s, cues, found);
    fromVerbs(text, s, cues, found);
    fromReceipts(text, s, cues, found);
    for (const f of found) {
      if (f.subject.actor === f.object.actor || isQuoted(idx, f.cue.start, f.cue.end)) continue;
      const clause = clauseAt(text, s, f.cue.start, f.cue.end);
      const mod = modalityAt(modCues, text, s, clause, f.cue.start, f.cue.end);
      drafts.push({
        subject: f.subject.actor, predicate: f.predicate, object: f.object.actor,
        valid: validity(text, s, clause, published),
        modality: mod.modality,
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
      have.valid = textual.valid ?? have.valid ?? d.valid;
      have.origin = 'text';
      have.confidence = Math.min(0.95, Math.max(have.confidence, d.confidence) + 0.1);
    } else {
      have.confidence = Math.min(0.95, Math.max(have.confidence, d.confidence) + 0.05);
      have.valid ??= d.valid;
      if (have.modality !== 'asserted' && d.modality === 'asserted') have.modality = 'asserted';
    }
  }
  return [...out.values()].map((d) => ({ ...d, confidence: Math.round(d.confidence * 100) / 100 }));
}

export function extractRelations(kb: KnowledgeBase, idx: DocIndex, published: string | null): RelationOut[] {
  const symmetric = relationCues(kb).symmetric;
  return merge([...fromText(kb, idx, published), ...fromPack(kb, idx, published)], symmetric).map((d, i) => ({ id: `r${i + 1}`, ...d }));
}

const stage: Stage = {
  name: 'relations',
  requires: ['sentences', 'actors', 'times'],
  run({ document, layers, kb }) {
    return { relations: extractRelations(kb, indexDocument(document.text, layers), document.published) };
  },
};
export default stage;
