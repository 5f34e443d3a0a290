// An event trigger read through the parse: the predicate token the trigger word is, who acts and
// who undergoes (its arguments, mapped onto the actor mentions of the actors layer), the
// predicates that govern it ("said that ...", "prevented ...", "plans to ..."), and the times
// and places its own obliques name ("on Thursday", "in Raqqa"). Every actor keeps the
// grammatical path it came from, for `analyze --explain`.
import type { ParsedSentence, SyntaxToken } from '../syntax/types.js';
import { predicateArguments, type Argument } from '../syntax/arguments.js';
import { agentOf, caseOf, childrenOf, clauseHead as clauseHeadOf, clauseOf, headOf, phraseWords, subjectOf, subtreeSpan } from '../syntax/tree.js';
import type { ActorRef, PlaceRef, SentenceInfo, TimeRef } from './sentence-index.js';

export type FramePath = { actor: string; side: 'agent' | 'patient' | 'recipient'; via: string };

export type EventFrame = {
  predicate: SyntaxToken;
  kind: 'verb' | 'noun';
  voice: 'active' | 'passive';
  negated: boolean;
  /** Whether the parse named an agent or patient phrase at all (even one holding no known actor). */
  hasAgentPhrase: boolean;
  hasPatientPhrase: boolean;
  /** The parse names an agent phrase, a noun with no known actor in it ("unidentified men attacked"): no one else is the agent. */
  hasAgentPhraseWithoutActor: boolean;
  /** Character spans of the patient phrases' whole subtrees ("85 targets ... used by militias"). */
  patientSpans: { start: number; end: number }[];
  agents: ActorRef[];
  patients: ActorRef[];
  /** Who receives what the act hands on ("to the Syrian army"). */
  recipients: ActorRef[];
  paths: FramePath[];
  /** The chain of governing predicates, nearest first ("captured" ← "stated"). */
  governors: { token: SyntaxToken; relation: string; agents: ActorRef[] }[];
  /** Time and place mentions inside the predicate's own obliques (or, for an event noun, those of the verb it is an argument of). */
  times: TimeRef[];
  places: PlaceRef[];
};

/** Dependents that belong to a noun phrase's own words: "five SDF fighters", "IS's Wilayat Raqqa", "Abu X, a commander". */
const CORE = new Set(['compound', 'flat', 'flat:name', 'amod', 'nmod:poss', 'det', 'det:poss', 'nummod', 'appos', 'fixed', 'goeswith', 'compound:prt', 'case']);
/** Prepositional modifiers naming whom the people belong to: "members of IS", "fighters from the SDF", "an attack by IS". */
const CORE_CASES = new Set(['of', 'from', 'by']);
const PRONOUNS_PERSON = new Set(['he', 'she', 'him', 'her', 'his', 'hers']);
const PRONOUNS_GROUP = new Set(['it', 'its', 'they', 'them', 'their', 'we', 'our']);
/** Relations by which a predicate sits under a governing one, read for modality and attribution. */
const GOVERNING = new Set(['ccomp', 'xcomp', 'obj', 'advcl', 'csubj', 'nsubj', 'nsubj:pass', 'parataxis']);
const TIME_OBLIQUES = new Set(['obl', 'obl:tmod', 'obl:npmod', 'nmod', 'nmod:tmod', 'nmod:npmod', 'obl:unmarked', 'advmod']);

/** The trigger's token: the word of [start, end) whose head lies outside the span. */
export function triggerToken(sentence: ParsedSentence, start: number, end: number): SyntaxToken | undefined {
  const inside = sentence.tokens.filter((t) => t.start < end && start < t.end);
  if (!inside.length) return undefined;
  const ids = new Set(inside.map((t) => t.id));
  return inside.find((t) => !ids.has(t.head) && (t.upos === 'VERB' || t.upos === 'NOUN'))
    ?? inside.find((t) => !ids.has(t.head)) ?? inside[0];
}

/** Ids of a noun phrase's own words, without clauses, conjuncts or unrelated prepositional phrases. */
export function coreTokens(sentence: ParsedSentence, token: SyntaxToken): number[] {
  return phraseWords(sentence, token, (c) => CORE.has(c.deprel) || (c.deprel === 'nmod' && CORE_CASES.has(caseOf(sentence, c) ?? ''))).sort((a, b) => a - b);
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Actor mentions inside the argument's own phrase. */
function actorsOf(sentence: ParsedSentence, s: SentenceInfo, token: SyntaxToken): ActorRef[] {
  const words = coreTokens(sentence, token).map((id) => sentence.tokens[id]!);
  return s.actors.filter((a) => words.some((w) => overlaps(a, w)));
}

function pronounKind(t: SyntaxToken): 'person' | 'group' | null {
  if (t.upos !== 'PRON' && t.upos !== 'DET') return null;
  const w = t.text.toLowerCase();
  return PRONOUNS_PERSON.has(w) ? 'person' : PRONOUNS_GROUP.has(w) ? 'group' : null;
}

/**
 * A pronoun argument ("it had captured", "they attacked"): the subject of the clause that
 * governs it when that is compatible ("The SNA stated that it had captured"), else the nearest
 * compatible actor before it in the sentence, else the last one of the sentence before.
 */
function resolvePronoun(sentence: ParsedSentence, s: SentenceInfo, prev: SentenceInfo | null, t: SyntaxToken, kind: 'person' | 'group', exclude: readonly ActorRef[]): ActorRef[] {
  const fits = (a: ActorRef) => (kind === 'person' ? a.kind === 'person' : a.kind !== 'person' && a.kind !== 'population') && !exclude.some((x) => x.actor === a.actor);
  // A possessive ("Hezbollah followed the attacks with its own strikes") most often stands for
  // the subject of its own clause.
  if (t.deprel === 'nmod:poss') {
    const clause = clauseHeadOf(sentence, t);
    const subj = clause && subjectOf(sentence, clause);
    if (subj && subj.id !== t.id) {
      const refs = actorsOf(sentence, s, subj).filter(fits);
      if (refs.length) return refs.slice(0, 1);
    }
  }
  for (let h = headOf(sentence, t), steps = 0; h && steps < 4; h = headOf(sentence, h), steps++) {
    if (!GOVERNING.has(h.deprel) && h.deprel !== 'conj') continue;
    const gov = headOf(sentence, h);
    const subj = gov && subjectOf(sentence, gov);
    if (subj && subj.id !== t.id) {
      const refs = actorsOf(sentence, s, subj).filter(fits);
      if (refs.length) return refs.slice(0, 1);
    }
  }
  const before = s.actors.filter((a) => a.end <= t.start && fits(a)).at(-1);
  if (before) return [before];
  const last = prev?.actors.filter(fits).at(-1);
  return last ? [last] : [];
}

function argumentActors(sentence: ParsedSentence, s: SentenceInfo, prev: SentenceInfo | null, arg: Argument, side: FramePath['side'], paths: FramePath[],
  exclude: readonly ActorRef[] = []): ActorRef[] {
  let refs = actorsOf(sentence, s, arg.token);
  let via = arg.via;
  const pk = pronounKind(arg.token);
  if (!refs.length && pk) {
    refs = resolvePronoun(sentence, s, prev, arg.token, pk, exclude);
    via = `${via} (pronoun "${arg.token.text}")`;
  }
  for (const r of refs) if (!paths.some((p) => p.actor === r.actor && p.side === side)) paths.push({ actor: r.actor, side, via });
  return refs;
}

function unique(refs: ActorRef[]): ActorRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => !seen.has(r.actor) && seen.add(r.actor));
}

/** Mentions lying inside the subtrees of the given dependents. */
function mentionsUnder<T extends { start: number; end: number }>(sentence: ParsedSentence, deps: SyntaxToken[], refs: readonly T[]): T[] {
  const out: T[] = [];
  for (const d of deps) {
    const words = coreTokens(sentence, d).map((id) => sentence.tokens[id]!);
    for (const r of refs) if (!out.includes(r) && words.some((w) => overlaps(r, w))) out.push(r);
  }
  return out;
}

/**
 * Times of a verb's own clause (not of the clauses embedded in it): "were killed by X in Karmel
 * on 4 May" keeps its day however low the parser hangs the date.
 */
function clauseTimes(sentence: ParsedSentence, verb: SyntaxToken, times: readonly TimeRef[]): TimeRef[] {
  const ids = new Set(clauseOf(sentence, verb));
  // A non-finite complement ("let IS advance to attack X", "tried to storm") happens when its
  // governing clause says: that clause's times count too. Not a reported one ("said on Monday that ...").
  for (let h = clauseHeadOf(sentence, verb), steps = 0; h && h.deprel === 'xcomp' && steps < 4; steps++) {
    const g = headOf(sentence, h);
    if (!g) break;
    for (const id of clauseOf(sentence, g)) ids.add(id);
    h = clauseHeadOf(sentence, g);
  }
  const words = [...ids].map((id) => sentence.tokens[id]!);
  return times.filter((t) => words.some((w) => overlaps(t, w)));
}

/** The frame of the trigger at [start, end) of sentence `s`, or null when the parse has no token for it. */
/** Lemmas: `agent` ("carried out an attack"), `patient` ("suffered an attack"), `under` ("came under fire"). */
export type SupportVerbs = { agent: ReadonlySet<string>; patient: ReadonlySet<string>; under: ReadonlySet<string> };

export type FrameLexicon = {
  /** Prepositions marking the one acted on when a verb has no object (the event type's `patient_cases`). */
  patientCases?: ReadonlySet<string>;
  /** Support verbs of event nouns (support-verbs.yaml): whose subject is the noun's agent, or its patient. */
  supportVerbs?: SupportVerbs;
  /** Prepositions marking who receives what the act hands on (the type's `recipient_cases`). */
  recipientCases?: ReadonlySet<string>;
  /** The of-phrase of the event noun is its agent ("the withdrawal of X"; the type's `of_agent`). */
  ofAgent?: boolean;
};

const NOUN_MODIFIERS = new Set(['compound', 'amod', 'nmod:poss', 'det:poss']);
const NOUN_DATE_MODIFIERS = new Set(['compound', 'nummod', 'amod', 'nmod:poss', 'nmod:tmod', 'nmod:unmarked']);

export function readEventFrame(sentence: ParsedSentence, s: SentenceInfo, prev: SentenceInfo | null, start: number, end: number,
  lexicon: FrameLexicon = {}): EventFrame | null {
  const patientCases = lexicon.patientCases ?? new Set<string>();
  const predicate = triggerToken(sentence, start, end);
  if (!predicate) return null;
  const args = predicateArguments(sentence, predicate);
  if (args.kind === 'noun' && lexicon.ofAgent) {
    // "the withdrawal of government forces": who withdraws, not who undergoes.
    const of = args.patients.filter((p) => p.via.startsWith('of-phrase'));
    if (of.length && !args.agents.length) {
      args.agents.push(...of.map((p) => ({ token: p.token, via: p.via })));
      args.patients.splice(0, args.patients.length, ...args.patients.filter((p) => !of.includes(p)));
    }
  }
  if (args.kind === 'noun' && !args.agents.length) {
    // "a U.S. drone strike", "Israeli raids", "IS attacks": a modifier naming an actor is the noun's agent.
    for (const m of childrenOf(sentence, predicate).filter((c) => NOUN_MODIFIERS.has(c.deprel) && !(c.start >= start && c.end <= end))) {
      if (s.actors.some((a) => overlaps(a, m))) args.agents.push({ token: m, via: `${m.deprel} modifier` });
    }
    // "IS carried out an attack", "an attack was launched by IS": the support verb's subject or agent.
    const host = headOf(sentence, predicate);
    const lemma = host?.lemma.toLowerCase() ?? '';
    if (!args.agents.length && host && lexicon.supportVerbs?.agent.has(lemma)
      && (predicate.deprel === 'obj' || predicate.deprel === 'nsubj:pass')) {
      const agent = predicate.deprel === 'obj' ? subjectOf(sentence, host) : agentOf(sentence, host);
      if (agent) args.agents.push({ token: agent, via: `${predicate.deprel === 'obj' ? 'subject' : 'by-agent'} of support verb "${host.text}"` });
    }
  }
  if (args.kind === 'noun') {
    // "the convoy suffered an attack", "the SDF repelled an attack by IS", "a checkpoint came
    // under fire": the support verb's subject is who undergoes it.
    const host = headOf(sentence, predicate);
    const lemma = host?.lemma.toLowerCase() ?? '';
    const undergoes = host && ((predicate.deprel === 'obj' && lexicon.supportVerbs?.patient.has(lemma))
      || (/^obl/.test(predicate.deprel) && caseOf(sentence, predicate) === 'under' && lexicon.supportVerbs?.under.has(lemma)));
    const subject = undergoes ? subjectOf(sentence, host!) : undefined;
    if (subject && !args.patients.some((p) => p.token.id === subject.id)) {
      args.patients.push({ token: subject, via: `subject of "${host!.text}${predicate.deprel === 'obj' ? '' : ' under'}"` });
    }
  }
  // No object of its own (or one that is a word of the trigger: "opened fire on X"): a phrase
  // with one of the frame's patient prepositions names the one acted on.
  const ownObject = args.patients.length === 1 && args.patients[0]!.token.start >= start && args.patients[0]!.token.end <= end;
  if (args.kind === 'verb' && (!args.patients.length || ownObject) && patientCases.size) {
    const hosts = ownObject ? [predicate, args.patients[0]!.token] : [predicate];
    const oblique = hosts.flatMap((h) => childrenOf(sentence, h, 'obl', 'nmod')).find((o) => o.id > predicate.id && patientCases.has(caseOf(sentence, o) ?? '') && !s.times.some((t) => overlaps(t, o)));
    if (oblique) {
      args.patients.length = 0;
      args.patients.push({ token: oblique, via: `${caseOf(sentence, oblique)}-phrase` });
      for (const c of childrenOf(sentence, oblique, 'conj')) args.patients.push({ token: c, via: `${caseOf(sentence, oblique)}-phrase + conj` });
    } else if (ownObject) {
      args.patients.length = 0;
    }
  }
  const paths: FramePath[] = [];
  const agents = unique(args.agents.flatMap((a) => argumentActors(sentence, s, prev, a, 'agent', paths)));
  // "gunmen opened fire on them": a pronoun patient is not the agent of its own predicate.
  const patients = unique(args.patients.flatMap((a) => argumentActors(sentence, s, prev, a, 'patient', paths, agents)))
    .filter((p) => !agents.some((a) => a.actor === p.actor));
  // The to-phrase may hang from the verb or, as the parser often attaches it, from the thing
  // handed on ("handed over the dam to X").
  const recipientHosts = [predicate, ...childrenOf(sentence, predicate, 'obj', 'obl').filter((c) => c.id > predicate.id)];
  const recipientPhrases = lexicon.recipientCases?.size
    ? recipientHosts.flatMap((h) => childrenOf(sentence, h, 'obl', 'nmod')).filter((o) => o.id > predicate.id && lexicon.recipientCases!.has(caseOf(sentence, o) ?? ''))
    : [];
  const recipients = unique(recipientPhrases.flatMap((o) => argumentActors(sentence, s, prev, { token: o, via: `${caseOf(sentence, o)}-phrase` }, 'recipient', paths)))
    .filter((r) => !agents.some((a) => a.actor === r.actor) && !patients.some((p) => p.actor === r.actor));
  // An event noun often takes its day and place from the verb it is an argument of ("conducted
  // the raid on Thursday", "the attack took place in Raqqa").
  const obliqueHosts = [predicate];
  if (args.kind === 'noun') {
    const h = headOf(sentence, predicate);
    if (h && h.upos === 'VERB' && /^(?:obj|nsubj|nsubj:pass)$/.test(predicate.deprel)) obliqueHosts.push(h);
  }
  const obliques = obliqueHosts.flatMap((h) => childrenOf(sentence, h).filter((c) => TIME_OBLIQUES.has(c.deprel) && !args.agents.some((a) => a.token.id === c.id) && !args.patients.some((a) => a.token.id === c.id)));
  // "the January 28 drone strike", "the 2014 invasion": a date modifying an event noun is its own.
  const dateModifiers = args.kind === 'noun' ? childrenOf(sentence, predicate).filter((c) => NOUN_DATE_MODIFIERS.has(c.deprel) && !(c.start >= start && c.end <= end)) : [];
  const governors: EventFrame['governors'] = [];
  for (let t: SyntaxToken | undefined = predicate, steps = 0; t && steps < 4; steps++) {
    if (!GOVERNING.has(t.deprel)) break;
    const g = headOf(sentence, t);
    if (!g || (g.upos !== 'VERB' && g.upos !== 'NOUN' && g.upos !== 'ADJ')) break;
    const subj = subjectOf(sentence, g);
    governors.push({ token: g, relation: t.deprel, agents: subj ? actorsOf(sentence, s, subj) : [] });
    t = g;
  }
  return {
    predicate, kind: args.kind, voice: args.voice, negated: args.negated,
    hasAgentPhrase: args.agents.length > 0, hasPatientPhrase: args.patients.length > 0,
    hasAgentPhraseWithoutActor: !agents.length && args.agents.some((a) => a.token.upos === 'NOUN' || a.token.upos === 'PROPN'),
    patientSpans: args.patients.map((a) => subtreeSpan(sentence, a.token)),
    agents, patients, recipients, paths, governors,
    times: args.kind === 'verb' ? clauseTimes(sentence, predicate, s.times) : mentionsUnder(sentence, [...dateModifiers, ...obliques], s.times),
    // "shelled the town of X": an object may be the place acted on.
    places: mentionsUnder(sentence, [...args.patients.map((a) => a.token), ...obliques], s.places),
  };
}
