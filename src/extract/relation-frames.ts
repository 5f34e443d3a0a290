// Relations read from the parse of one sentence: who stands in which relation to whom, by the
// grammar that states it, with the frames of relation-cues.yaml (RelationFrames) saying which
// words carry which predicate:
//   verbs        "X fought Y", "Y was backed by X", "X split from Y", "militias backed by X",
//                "X and Y clashed" (symmetric, conjoined subjects);
//   participles  "X-backed Y", "an X-led coalition" (the hyphenated actor is the subject, the
//                modified noun — or the actor it describes — the object);
//   titles       "X, the spokesman of Y", "Y's commander X", "Y spokesman X", "X is a branch of
//                Y", "X became the leader of Y" (the holder is the subject);
//   nouns        "Y's war on Z", "X posed a threat to Y", "X signed a deal with Y", "the X-Y war";
//   adjectives   "X, affiliated with Y", "X, which is close to Y", "X were connected with Y";
//   names        "Syrian Interior Ministry", "U.S. Central Command", "Iran's IRGC" (part_of the
//                state or organisation named in front of the organ's own name).
// Arguments pass through coordination ("X and Y, both backed by Z"), relative clauses,
// appositions and possessive pronouns; each relation keeps its predicate word, the path it came
// from, its negation and the predicates that govern it ("said that ...", "denied ...",
// "accused X of ..."), which give modality and source. The reading also says which words it
// found a frame for, and which relation words have a subject that names no actor, so that the
// phrase patterns do not read those words again. The parser is greedy and misattaches; where a
// construction is unambiguous in the word order ("<actor>, a <noun>", "<title> <person>") the
// word order backs up the tree.
import type { ParsedSentence, SyntaxToken } from '../syntax/types.js';
import { predicateArguments } from '../syntax/arguments.js';
import { caseOf, childrenOf, headOf, isNegated, phraseWords, subjectOf, voiceOf } from '../syntax/tree.js';
import type { ActorRef, SentenceInfo } from './sentence-index.js';
import type { FrameEntry, RelationCue, RelationFrames } from './relation-cues.js';

export type ReadRelation = {
  subject: ActorRef;
  object: ActorRef;
  cue: RelationCue;
  /** The word that states the relation (verb, noun, title, participle, adjective). */
  token: SyntaxToken;
  /** The grammatical path, for explanations: "nsubj → obj", "appos title", ... */
  via: string;
  /** A title or a compound: the narrator's description of an actor, not an event. */
  descriptive: boolean;
  negated: boolean;
  /** Predicates above the relation word, nearest first, with the actors of their subjects. */
  governors: { token: SyntaxToken; relation: string; agents: ActorRef[] }[];
  /** "according to X" in the relation's clause. */
  according: ActorRef | null;
};

/** A noun phrase's own words: what names the actor it refers to ("five SDF fighters", "members of IS"). */
const CORE = new Set(['compound', 'flat', 'flat:name', 'det', 'nmod:poss', 'nummod', 'fixed', 'goeswith', 'nmod:desc', 'amod']);
/** Prepositions naming whom the people belong to: "members of IS", "fighters from the SDF". */
const CORE_CASES = new Set(['of', 'from']);
/** Relations by which a predicate sits under a governing one, read for modality and attribution. */
const GOVERNING = new Set(['ccomp', 'xcomp', 'obj', 'advcl', 'csubj', 'nsubj', 'nsubj:pass', 'parataxis']);
/** Predicates whose complement names what their subject is: "X became the leader of Y", "X serves as commander of Y". */
const BECOME = new Set(['become', 'remain', 'serve', 'act', 'stay', 'appoint', 'name', 'elect', 'make']);
const PRONOUNS = new Set(['it', 'its', 'they', 'their', 'them']);
const RELATIVES = new Set(['which', 'who', 'that', 'whom']);
const CLAUSAL = new Set(['acl', 'acl:relcl', 'advcl', 'ccomp', 'xcomp', 'parataxis']);
const HYPHENS = new Set(['-', '‐', '‑']);
/** Modifiers whose actor is the holder's organisation: "Y's spokesman", "Y spokesman", "spokesman of/for Y". */
const TITLE_OBJECT_RELATIONS = ['nmod:poss', 'compound', 'nmod', 'nmod:*', 'obl', 'amod'];
const TITLE_CASES = new Set(['of', 'for', 'in', 'at', 'to', 'with', 'within', 'inside', "'s", '’s']);

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** What the document knows about names inside names: the actor a word or words name ("Syrian", "U.S.", "IRGC"). */
export type NameLookup = {
  named(words: string): Omit<ActorRef, 'start' | 'end'> | null;
  /** The document's state a person belongs to by the pack (a head of state's country), for titles that name no organisation ("President X"); its government where the document names one. */
  homeState(actor: string): Omit<ActorRef, 'start' | 'end'> | null;
  /** A state's government where the document names one ("the Syrian prime minister" leads the Syrian government), else the state. */
  governmentOf(actor: string): Omit<ActorRef, 'start' | 'end'> | null;
};

/** Kinds of actor that are organs of a state, named with its demonym or name ("Syrian Interior Ministry", "U.S. Central Command"). */
const STATE_ORGANS = new Set(['government-body', 'state-force']);
const NOT_ORGANISATIONS = new Set(['person', 'population', 'state']);

type Ctx = {
  sentence: ParsedSentence;
  s: SentenceInfo;
  frames: RelationFrames;
  /** The actor mention on each token, by token id. */
  actorOn: (ActorRef | undefined)[];
  names?: NameLookup;
  /** Relation words whose subject the parse found to be a phrase naming no actor. */
  blocked: SyntaxToken[];
};

function isHyphenModifier(ctx: Ctx, t: SyntaxToken): boolean {
  const next = ctx.sentence.tokens[t.id + 1];
  return !!next && HYPHENS.has(next.text) && next.start === t.end;
}

/** Token ids of the noun phrase's own words (no clauses, conjuncts, appositions or hyphenated participles); `strict`: of-phrases only. */
function coreIds(ctx: Ctx, token: SyntaxToken, strict = false): number[] {
  return phraseWords(ctx.sentence, token, (c) => {
    // "Iran-backed militias": the participle's own actor is another argument.
    if (c.deprel === 'amod' && c.upos === 'VERB') return false;
    // "SDF-controlled civilian institutions": strictly, a people's adjective on a thing is not that people.
    if (strict && c.deprel === 'amod' && ctx.actorOn[c.id]?.kind === 'population') return false;
    const k = c.deprel === 'nmod' ? caseOf(ctx.sentence, c) ?? '' : '';
    return CORE.has(c.deprel) || (c.deprel === 'nmod' && (strict ? k === 'of' : CORE_CASES.has(k)));
  });
}

/** Actors a noun phrase names: the actor on its head word, else those among its own words. */
function actorsOfPhrase(ctx: Ctx, token: SyntaxToken, exclude: readonly ActorRef[] = [], strict = false): ActorRef[] {
  const keep = (a: ActorRef | undefined): a is ActorRef => !!a && !exclude.some((x) => x.actor === a.actor);
  const own = ctx.actorOn[token.id];
  if (keep(own)) return [own];
  const ids = coreIds(ctx, token, strict);
  // A possessor or modifier is not the phrase's referent when the head word is a mention of its own ("Iran's IRGC" is the IRGC).
  const out: ActorRef[] = [];
  for (const id of ids) {
    const a = ctx.actorOn[id];
    if (keep(a) && !out.includes(a) && !isHyphenModifier(ctx, ctx.sentence.tokens[id]!)) out.push(a);
  }
  // "X, which is close to Y": a relative pronoun the parse left unresolved stands for the name just before it.
  if (!out.length && RELATIVES.has(token.text.toLowerCase()) && (token.upos === 'PRON' || token.xpos.startsWith('W'))) {
    let k = token.id - 1;
    if (ctx.sentence.tokens[k]?.text === ',') k--;
    const a = ctx.actorOn[k];
    if (keep(a) && a.end === ctx.sentence.tokens[k]!.end) return [a];
  }
  // "The Internal Security Forces (Asayish)": the name may stand in apposition to the phrase.
  if (!out.length) for (const ap of childrenOf(ctx.sentence, token, 'appos')) { const a = ctx.actorOn[ap.id]; if (keep(a)) return [a]; }
  if (out.length || !PRONOUNS.has(token.text.toLowerCase())) return out.slice(0, 1);
  return resolvePronoun(ctx, token, exclude);
}

/**
 * "it", "they", "its": the nearest subject or object before the pronoun whose phrase does not
 * hold it ("the group ..., killing its leader": the group; "X released a video of its spokesman":
 * X), when that phrase names an actor; nothing when it names none.
 */
function resolvePronoun(ctx: Ctx, t: SyntaxToken, exclude: readonly ActorRef[]): ActorRef[] {
  const { sentence } = ctx;
  for (let i = t.id - 1; i >= 0; i--) {
    const c = sentence.tokens[i]!;
    // A core argument, or a name in apposition to one ("ISIS, through its outlet X, released a video of its spokesman": ISIS).
    const core = /^(?:nsubj|nsubj:pass|obj)$/;
    if (!(core.test(c.deprel) || (c.deprel === 'appos' && core.test(headOf(sentence, c)?.deprel ?? ''))) || (c.upos !== 'NOUN' && c.upos !== 'PROPN')) continue;
    if (subtreeHas(sentence, c, t.id)) continue;
    // (a phrase naming only an excluded actor, the pronoun's own clause-mate, is passed over)
    if (ctx.actorOn[c.id] && exclude.some((x) => x.actor === ctx.actorOn[c.id]!.actor)) continue;
    const found = actorsOfPhrase(ctx, c, exclude).filter((a) => a.kind !== 'person' && a.kind !== 'population');
    return found.slice(0, 1);
  }
  // No subject or object before it that the parse could find: the nearest group named before it outside a prepositional phrase.
  const fit = ctx.s.actors.filter((a) => a.end <= t.start && a.kind !== 'person' && a.kind !== 'population' && !exclude.some((x) => x.actor === a.actor)
    && !inCasePhrase(ctx, a) && !isHyphenModifier(ctx, lastToken(ctx, a))).at(-1);
  return fit ? [fit] : [];
}

function lastToken(ctx: Ctx, a: ActorRef): SyntaxToken {
  return ctx.sentence.tokens.filter((t) => overlaps(t, a)).at(-1) ?? ctx.sentence.tokens[0]!;
}

/** Is the mention inside a prepositional phrase of its own ("through its outlet X"), by the parse? */
function inCasePhrase(ctx: Ctx, a: ActorRef): boolean {
  let t: SyntaxToken | undefined = ctx.sentence.tokens.find((x) => overlaps(x, a) && !overlaps(headOf(ctx.sentence, x) ?? { start: -1, end: -1 }, a));
  for (let steps = 0; t && steps < 4; steps++) {
    if (childrenOf(ctx.sentence, t, 'case').length) return true;
    if (!/^(?:flat|flat:name|compound|fixed)$/.test(t.deprel)) return false;
    t = headOf(ctx.sentence, t);
  }
  return false;
}

/** Is the token inside the root's own phrase (not merely inside a clause attached to it: "the group, killing its leader")? */
function subtreeHas(sentence: ParsedSentence, root: SyntaxToken, id: number): boolean {
  for (let x: SyntaxToken | undefined = sentence.tokens[id], steps = 0; x && steps <= sentence.tokens.length; x = headOf(sentence, x), steps++) {
    if (x.id === root.id) return true;
    if (CLAUSAL.has(x.deprel)) return false;
  }
  return false;
}

/** The phrase and the phrases coordinated with it ("X and Y"). */
function withConjuncts(ctx: Ctx, t: SyntaxToken): SyntaxToken[] {
  return [t, ...childrenOf(ctx.sentence, t, 'conj').filter((c) => c.upos === 'PROPN' || c.upos === 'NOUN' || c.upos === 'PRON' || ctx.actorOn[c.id])];
}

function actorsOfAll(ctx: Ctx, tokens: readonly SyntaxToken[], exclude: readonly ActorRef[] = []): ActorRef[] {
  const out: ActorRef[] = [];
  const add = (a: ActorRef) => { if (!out.some((x) => x.actor === a.actor)) out.push(a); };
  for (const t of tokens) {
    for (const c of withConjuncts(ctx, t)) for (const a of actorsOfPhrase(ctx, c, exclude)) add(a);
    // "U.S. and Coalition forces": coordinated modifiers of one head each name an actor.
    for (const m of childrenOf(ctx.sentence, t, 'compound', 'amod')) {
      if (!childrenOf(ctx.sentence, m, 'conj').length) continue;
      for (const c of withConjuncts(ctx, m)) { const a = ctx.actorOn[c.id]; if (a && !exclude.some((x) => x.actor === a.actor)) add(a); }
    }
  }
  return out;
}

/**
 * The actor a description noun describes: the noun it stands in apposition to ("X, the
 * spokesman"), its own apposition ("the spokesman, X"), the subject of its copula ("X is a
 * branch of Y"), of "become"/"serve as", or the name it is a title of ("spokesman X"); through
 * an of-phrase ("X, a coalition of Iran-backed militias").
 */
function described(ctx: Ctx, n: SyntaxToken, depth = 0): { actors: ActorRef[]; via: string } {
  const sentence = ctx.sentence;
  const head = headOf(sentence, n);
  if (n.deprel === 'appos' && head) {
    const a = actorsOfPhrase(ctx, head);
    if (a.length) return { actors: withConj(ctx, head, a), via: 'apposition' };
  }
  const appos = childrenOf(sentence, n, 'appos')[0];
  if (appos) {
    const a = actorsOfPhrase(ctx, appos);
    if (a.length) return { actors: a, via: 'apposition after' };
  }
  // "X, a coalition of ...": a noun phrase right after "<actor>," stands in apposition, however the parser attached it.
  const first = firstWord(ctx, n);
  const comma = sentence.tokens[first - 1];
  let before = sentence.tokens[first - 2];
  // "the Syrian Democratic Forces (SDF), a Kurdish militia": past a parenthesis.
  if (before?.text === ')') {
    let k = before.id;
    while (k > 0 && sentence.tokens[k]!.text !== '(') k--;
    before = sentence.tokens[k - 1];
  }
  if (comma?.text === ',' && before && ctx.actorOn[before.id] && ctx.actorOn[before.id]!.end === before.end && !ctx.actorOn[n.id]
    && (n.deprel === 'obl' || n.deprel === 'appos' || n.deprel === 'conj' || n.deprel === 'nmod' || n.deprel === 'obj' || n.deprel === 'dep' || n.deprel === 'nsubj')
    && APPOSITION_OPENERS.has(sentence.tokens[first]?.text.toLowerCase() ?? '')) {
    return { actors: [ctx.actorOn[before.id]!], via: 'apposition (comma)' };
  }
  if (childrenOf(sentence, n, 'cop').length) {
    const subj = subjectOf(sentence, n);
    if (subj) return { actors: actorsOfAll(ctx, [subj]), via: 'copula subject' };
  }
  if ((n.deprel === 'xcomp' || (n.deprel === 'obl' && caseOf(sentence, n) === 'as')) && head && BECOME.has(head.lemma.toLowerCase())) {
    const subj = voiceOf(sentence, head) === 'passive' ? childrenOf(sentence, head, 'nsubj:pass')[0] : subjectOf(sentence, head);
    if (subj) return { actors: actorsOfAll(ctx, [subj]), via: `subject of "${head.text}"` };
  }
  if (head && (n.deprel === 'compound' || n.deprel === 'nmod:desc' || n.deprel === 'flat') && ctx.actorOn[head.id] && n.id < head.id) {
    return { actors: [ctx.actorOn[head.id]!], via: 'title before the name' };
  }
  // "its spokesperson, X,": a person's name set off by a comma right after the title.
  const after = sentence.tokens[n.id + 2];
  const afterName = sentence.tokens[n.id + 1]?.text === ',' && after ? ctx.actorOn[after.id] : undefined;
  if (afterName && afterName.kind === 'person' && afterName.start === after!.start && !ctx.actorOn[n.id] && n.deprel !== 'appos') return { actors: [afterName], via: 'apposition after (comma)' };
  // "Y spokesperson X said", however the parser attached the title: a person's name right after it.
  const next = sentence.tokens[n.id + 1];
  const named = next && ctx.actorOn[next.id];
  if (named && named.kind === 'person' && named.start === next.start && !ctx.actorOn[n.id]) return { actors: [named], via: 'title before the name' };
  // "a coalition of Iran-backed militias": the militias are what the coalition is made of.
  if (depth < 2 && n.deprel === 'nmod' && head && caseOf(sentence, n) === 'of' && (head.upos === 'NOUN' || head.upos === 'PROPN' || head.upos === 'NUM' || head.upos === 'PRON')) {
    const up = described(ctx, head, depth + 1);
    if (up.actors.length) return { actors: up.actors, via: `${up.via} (of-phrase)` };
  }
  return { actors: [], via: '' };
}

const ARTICLES = new Set(['a', 'an', 'the', 'its', 'their']);
/** Words that open a noun phrase in apposition after "<name>,": "a ...", "the ...", "one of the ...". */
const APPOSITION_OPENERS = new Set([...ARTICLES, 'one', 'another']);

/** The first word of a noun phrase (its determiner or first modifier). */
function firstWord(ctx: Ctx, n: SyntaxToken): number {
  let first = n.id;
  for (const id of coreIds(ctx, n)) if (id < first) first = id;
  return first;
}

function withConj(ctx: Ctx, head: SyntaxToken, first: ActorRef[]): ActorRef[] {
  const out = [...first];
  for (const c of childrenOf(ctx.sentence, head, 'conj')) for (const a of actorsOfPhrase(ctx, c)) if (!out.some((x) => x.actor === a.actor)) out.push(a);
  return out;
}

function governorsOf(ctx: Ctx, t: SyntaxToken): ReadRelation['governors'] {
  const out: ReadRelation['governors'] = [];
  for (let x: SyntaxToken | undefined = t, steps = 0; x && steps < 4; steps++) {
    // A conjunct shares the governors of its first conjunct; a modifier or a phrase inside another's is presupposed, not said.
    let rel = x.deprel;
    let g = headOf(ctx.sentence, x);
    while (g && rel === 'conj' && steps < 4) {
      rel = g.deprel;
      g = headOf(ctx.sentence, g);
      steps++;
    }
    if (!g || !GOVERNING.has(rel) || (g.upos !== 'VERB' && g.upos !== 'NOUN' && g.upos !== 'ADJ')) break;
    const subj = subjectOf(ctx.sentence, g);
    out.push({ token: g, relation: rel, agents: subj ? actorsOfAll(ctx, [subj]) : [] });
    x = g;
  }
  return out;
}

/** "according to X" on the clause that holds the relation word. */
function accordingTo(ctx: Ctx, t: SyntaxToken): ActorRef | null {
  for (let x: SyntaxToken | undefined = t, steps = 0; x && steps < 6; x = headOf(ctx.sentence, x), steps++) {
    for (const o of childrenOf(ctx.sentence, x, 'obl', 'obl:*', 'advcl')) {
      if (/^accord(?:ing)? to$/.test(caseOf(ctx.sentence, o) ?? '')) {
        const a = actorsOfPhrase(ctx, o);
        if (a.length) return a[0]!;
      }
    }
  }
  return null;
}

function nounNegated(ctx: Ctx, n: SyntaxToken): boolean {
  return childrenOf(ctx.sentence, n, 'det').some((d) => d.text.toLowerCase() === 'no') || caseOf(ctx.sentence, n) === 'without';
}

function lookup(map: ReadonlyMap<string, FrameEntry[]>, t: SyntaxToken): FrameEntry[] {
  const lemma = t.lemma.toLowerCase();
  // The lemmatizer may drop a final e ("affiliated" → "affiliat").
  return map.get(lemma) ?? map.get(`${lemma}e`) ?? [];
}

/** A phrase's preposition: its case word, or a preposition the parser hung on the phrase's first word ("to U.S. and Coalition forces"). */
function phraseCase(ctx: Ctx, t: SyntaxToken): string | undefined {
  const own = caseOf(ctx.sentence, t);
  if (own) return own;
  const first = ctx.sentence.tokens[firstWord(ctx, t)];
  const prep = first && first.id < t.id ? ctx.sentence.tokens[first.id - 1] : undefined;
  for (const w of [first, prep]) if (w && w.deprel === 'case' && w.upos === 'ADP' && w.id < t.id && w.id >= firstWord(ctx, t) - 1) return w.lemma.toLowerCase();
  return undefined;
}

/** Actors in the phrases below `t` whose preposition is `kase` (obl, nmod, any subtype), with their conjuncts. */
function markedBy(ctx: Ctx, t: SyntaxToken, kase: string, exclude: readonly ActorRef[]): { actors: ActorRef[]; phrase: SyntaxToken | null } {
  const phrase = childrenOf(ctx.sentence, t, 'obl', 'obl:*', 'nmod', 'nmod:*').find((o) => phraseCase(ctx, o) === kase) ?? null;
  return { actors: phrase ? actorsOfAll(ctx, [phrase], exclude) : [], phrase };
}

type Sink = (subjects: readonly ActorRef[], objects: readonly ActorRef[], cue: RelationCue, token: SyntaxToken, via: string, descriptive: boolean, negated: boolean) => void;

function readVerb(ctx: Ctx, v: SyntaxToken, emit: Sink): void {
  const sentence = ctx.sentence;
  const participle = v.xpos === 'VBN' ? ctx.frames.participles.get(v.text.toLowerCase()) ?? [] : [];
  const compound = ctx.frames.compounds.get(v.text.toLowerCase()) ?? [];
  // "Iran-backed militias", "a US-led coalition": the hyphenated actor is the subject.
  const hyphenated = compound.length ? childrenOf(sentence, v).find((c) => c.id < v.id && isHyphenModifier(ctx, c) && (ctx.actorOn[c.id]?.end === c.end || (!ctx.actorOn[c.id] && ctx.names?.named(c.text)))) : undefined;
  if (hyphenated) {
    // "Iranian-backed militias": a demonym names the state, when the document names it.
    const modifier = ctx.actorOn[hyphenated.id] ?? { ...ctx.names!.named(hyphenated.text)!, start: hyphenated.start, end: hyphenated.end };
    const noun = headOf(sentence, v);
    if (noun && (v.deprel === 'amod' || v.deprel === 'acl' || v.deprel === 'compound')) {
      // The participle modifies its noun alone, not the nouns coordinated with it ("X-backed groups and Y").
      let objects = actorsOfPhrase(ctx, noun, [modifier], true);
      let via = 'hyphenated participle';
      if (!objects.length) {
        const d = described(ctx, noun);
        objects = d.actors.filter((a) => a.actor !== modifier.actor);
        via = `hyphenated participle, ${d.via}`;
      }
      for (const e of compound) emit([modifier], objects, e.cue, v, via, true, false);
    }
    return;
  }
  // "Turkish-backed factions" with no actor for "Turkish": a compound, not a verb with arguments.
  const prev = sentence.tokens[v.id - 1];
  if (prev && HYPHENS.has(prev.text) && prev.end === v.start) return;
  const entries = [...lookup(ctx.frames.verbs, v), ...participle.filter((p) => !lookup(ctx.frames.verbs, v).some((e) => e.cue === p.cue))];
  if (!entries.length) return;
  const args = predicateArguments(sentence, v);
  const negated = args.negated;
  // A passive's agent is a by-phrase ("connected with X" is no agent, whatever the label).
  if (args.voice === 'passive') args.agents = args.agents.filter((a) => (caseOf(sentence, a.token) ?? 'by') === 'by');
  // "a call to attack X", "the right to fight": an infinitive modifying a noun does not make the noun its agent.
  if (v.deprel === 'acl' && childrenOf(sentence, v, 'mark').some((m) => m.text.toLowerCase() === 'to')) { args.agents = []; ctx.blocked.push(v); }
  // "the forces of X, backed by Y,": a participle set off by a comma modifies the whole noun phrase, not the of-phrase inside it.
  const modified = args.patients[0]?.token;
  const upper = modified && headOf(sentence, modified);
  if (v.deprel === 'acl' && modified && upper && modified.deprel === 'nmod' && caseOf(sentence, modified) === 'of'
    && sentence.tokens[v.id - 1]?.text === ',' && ctx.actorOn[upper.id]) {
    args.patients = [{ token: upper, via: 'modified noun phrase (participle after a comma)' }];
  }
  // "X accused Y of arming Z", "X blamed Y for attacking Z": a gerund after "of"/"for" takes the governing verb's object as its subject.
  const governor = headOf(sentence, v);
  const control = governor && (v.deprel === 'advcl' || v.deprel === 'acl') && v.xpos === 'VBG'
    && childrenOf(sentence, v, 'mark', 'case').some((m) => m.lemma.toLowerCase() === 'of' || m.lemma.toLowerCase() === 'for')
    ? childrenOf(sentence, governor, 'obj')[0] : undefined;
  if (control && args.voice === 'active') args.agents = [{ token: control, via: `object of "${governor!.text}"` }];
  // "U.S. and Iraqi forces targeted ...": a coordination the parser split into two subjects.
  if (args.voice === 'active') for (const extra of childrenOf(sentence, v, 'nsubj')) if (!args.agents.some((a) => a.token.id === extra.id)) args.agents.push({ token: extra, via: 'nsubj' });
  let agents = actorsOfAll(ctx, args.agents.map((a) => a.token));
  // "X, a militia allied with Y": a subject phrase naming no actor may describe one.
  if (!agents.length && args.agents.length === 1) agents = described(ctx, args.agents[0]!.token).actors;
  const patients = actorsOfAll(ctx, args.patients.map((a) => a.token), agents);
  for (const e of entries) {
    let subjects = agents;
    let objects: ActorRef[];
    let via = `${args.agents[0]?.via ?? '?'} → `;
    if (e.case) {
      // "X was allied with Y": a passive subject holds the relation when the frame's object is a prepositional phrase.
      if (!subjects.length && args.voice === 'passive') subjects = actorsOfAll(ctx, args.patients.map((a) => a.token));
      const m = markedBy(ctx, v, e.case, subjects);
      objects = m.actors;
      via += `${e.case}-phrase`;
    } else {
      objects = patients;
      via += args.patients[0]?.via ?? '?';
    }
    if (!subjects.length && args.agents.some((a) => (a.token.upos === 'NOUN' || a.token.upos === 'PROPN') && !PRONOUNS.has(a.token.text.toLowerCase()))) {
      // The parse names the subject, a phrase naming no actor ("fighters within X were urged to join Y"): no one else is.
      ctx.blocked.push(v);
    }
    if (objects.length) emit(subjects, objects, e.cue, v, via, false, negated);
    else if (e.cue.joint && subjects.length >= 2 && args.voice === 'active' && !negated && args.patients.length) {
      // "X and Y targeted four hideouts": joint action whatever they acted on.
      for (let i = 0; i < subjects.length; i++) for (let j = i + 1; j < subjects.length; j++) emit([subjects[i]!], [subjects[j]!], e.cue.joint, v, 'conjoined subjects', false, false);
    } else if (e.cue.symmetric && subjects.length >= 2 && (e.case || args.voice === 'active')) {
      for (let i = 0; i < subjects.length; i++) for (let j = i + 1; j < subjects.length; j++) emit([subjects[i]!], [subjects[j]!], e.cue, v, 'conjoined subjects', false, negated);
    }
  }
}

type Title = { words: string[]; cue: RelationCue; inverse: boolean };

function titleOf(ctx: Ctx, n: SyntaxToken): Title | null {
  const list = ctx.frames.titles.get(n.text.toLowerCase()) ?? ctx.frames.titles.get(n.lemma.toLowerCase());
  if (!list) return null;
  // Longest title first: "media arm" before "arm"; the words before the head are its compounds/amods in the text.
  let best: Title | null = null;
  for (const t of list) {
    const before = t.words.slice(0, -1);
    const ok = before.every((w, i) => ctx.sentence.tokens[n.id - before.length + i]?.text.toLowerCase() === w);
    if (ok && (!best || t.words.length > best.words.length)) best = t;
  }
  return best;
}

/** Relations by which a title noun is a plain argument ("members of X attacked", "killed two officials of X"): unnamed holders. */
const ARGUMENT_RELATIONS = new Set(['nsubj', 'nsubj:pass', 'obj', 'iobj', 'obl', 'nmod']);

function readTitle(ctx: Ctx, n: SyntaxToken, title: Title, emit: Sink): void {
  const sentence = ctx.sentence;
  const cue = title.cue;
  const holder = described(ctx, n);
  if (!holder.actors.length) {
    // "some members of X took part": the parse names no holder; no one far away is one.
    if (ARGUMENT_RELATIONS.has(n.deprel) && !childrenOf(sentence, n, 'cop').length) ctx.blocked.push(n);
    return;
  }
  // The organisation: a possessor, a compound or a prepositional phrase of the title ("its
  // spokesman", "SDF commander", "the head of X", "a commander in charge of X's operations").
  const objects: ActorRef[] = [];
  const visit = (t: SyntaxToken, depth: number) => {
    for (const c of childrenOf(sentence, t, ...TITLE_OBJECT_RELATIONS)) {
      if (c.deprel.startsWith('nmod') || c.deprel === 'obl') {
        const k = caseOf(sentence, c);
        if (c.deprel !== 'nmod:poss' && k && !TITLE_CASES.has(k)) continue;
      }
      // "an Iraqi militia leader": an adjective on the title's modifier describes the modifier, not the title.
      if (c.deprel === 'amod' && depth > 0) continue;
      if (c.deprel === 'amod' && !ctx.actorOn[c.id]) {
        // "the Syrian prime minister": a demonym on the title itself names the state ("an Iraqi militia leader" does not).
        const titleStart = n.id - (title.words.length - 1);
        const adjacent = sentence.tokens.slice(c.id + 1, titleStart).every((w) => w.upos === 'ADJ');
        const state = depth === 0 && adjacent && /^\p{Lu}/u.test(c.text) ? ctx.names?.named(c.text) : null;
        if (state?.kind === 'state' && !holder.actors.some((h) => h.actor === state.actor) && !objects.some((x) => x.actor === state.actor)) objects.push({ ...state, start: c.start, end: c.end });
        continue;
      }
      let found = actorsOfPhrase(ctx, c, holder.actors);
      // "X killed its leader": a possessive pronoun on the object of a verb is not the verb's own subject.
      if (PRONOUNS.has(c.text.toLowerCase()) && n.deprel === 'obj') {
        const verb = headOf(sentence, n);
        const subj = verb && subjectOf(sentence, verb);
        const doer = subj ? actorsOfAll(ctx, [subj]) : [];
        found = found.filter((a) => !doer.some((d) => d.actor === a.actor));
      }
      for (const a of found) if (!objects.some((x) => x.actor === a.actor)) objects.push(a);
      if (!found.length && depth < 2 && (c.upos === 'NOUN' || c.upos === 'PROPN')) visit(c, depth + 1);
    }
  };
  visit(n, 0);
  // "President Joe Biden": a title naming no organisation is held in the person's own state.
  if (!objects.length && holder.actors.length === 1 && holder.actors[0]!.kind === 'person' && /^\p{Lu}/u.test(n.text)) {
    const home = ctx.names?.homeState(holder.actors[0]!.actor);
    if (home) objects.push({ ...home, start: n.start, end: n.end });
  }
  const former = childrenOf(sentence, n, 'amod', 'advmod').some((m) => cue.former.includes(m.text.toLowerCase()))
    || /^(?:ex|former)[-‐]/i.test(sentence.tokens[n.id - 2]?.text ?? '');
  // A state's office-holders and officials serve its government where the document names one (a former one, the state).
  for (let i = 0; i < objects.length && !former; i++) {
    const o = objects[i]!;
    const g = o.kind === 'state' && holder.actors.every((h) => h.kind === 'person') ? ctx.names?.governmentOf(o.actor) : null;
    if (g && g.actor !== o.actor && !holder.actors.some((h) => h.actor === g.actor)) objects[i] = { ...g, start: o.start, end: o.end };
  }
  if (!objects.length) {
    // The title's own modifiers, read locally, name no organisation ("an Iraqi militia leader X", "its leader, X" with "its" unresolved).
    if (childrenOf(sentence, n, 'compound', 'amod', 'nmod:poss').length) ctx.blocked.push(n);
    return;
  }
  const predicate = former && (cue.predicate === 'member_of' || cue.predicate === 'leader_of') ? { ...cue, predicate: 'formerly_member_of' as const } : cue;
  const negated = childrenOf(sentence, n, 'cop').length ? isNegated(sentence, n) : false;
  if (title.inverse) emit(objects, holder.actors, predicate, n, `title (of its object), ${holder.via}`, true, negated);
  else emit(holder.actors, objects, predicate, n, `title, ${holder.via}`, true, negated);
}

function readNoun(ctx: Ctx, n: SyntaxToken, emit: Sink): void {
  const entries = ctx.frames.nouns.get(n.text.toLowerCase()) ?? ctx.frames.nouns.get(n.lemma.toLowerCase());
  if (!entries) return;
  const sentence = ctx.sentence;
  // "the Israel-Hezbollah war": two actors joined by a hyphen in front of the noun.
  const mods = childrenOf(sentence, n, 'compound', 'amod', 'nmod:poss').filter((c) => c.id < n.id);
  const hyphenPair = mods.flatMap((m) => [m, ...childrenOf(sentence, m, 'compound')]).filter((m) => ctx.actorOn[m.id]).sort((a, b) => a.id - b.id);
  const host = headOf(sentence, n);
  const negated = nounNegated(ctx, n) || (!!host && n.deprel === 'obj' && isNegated(sentence, host)) || (childrenOf(sentence, n, 'cop').length > 0 && isNegated(sentence, n));
  // "clashes erupted between X and Y": the noun's between-phrase may hang on the verb it is the subject of.
  const betweenHosts = [n, ...childrenOf(sentence, n, 'acl'), ...(host && (n.deprel === 'nsubj' || n.deprel === 'nsubj:pass') ? [host] : [])];
  for (const e of entries) {
    if (e.case === 'between') {
      const xs = betweenHosts.map((h) => markedBy(ctx, h, 'between', []).actors).find((a) => a.length >= 2) ?? [];
      for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) emit([xs[i]!], [xs[j]!], e.cue, n, 'between-phrase', false, negated);
      continue;
    }
    if (hyphenPair.length === 2 && isHyphenModifier(ctx, hyphenPair[0]!) && e.cue.symmetric) {
      emit([ctx.actorOn[hyphenPair[0]!.id]!], [ctx.actorOn[hyphenPair[1]!.id]!], e.cue, n, 'hyphenated pair', true, negated);
      continue;
    }
    if (!e.case) continue;
    let subjects: ActorRef[] = [];
    let via = '';
    const by = markedBy(ctx, n, 'by', []);
    if (by.actors.length) { subjects = by.actors; via = 'by-phrase'; }
    if (!subjects.length) {
      for (const m of mods) for (const a of actorsOfPhrase(ctx, m)) if (!subjects.some((x) => x.actor === a.actor)) subjects.push(a);
      via = 'modifier';
    }
    if (!subjects.length && host && n.deprel === 'obj' && ctx.frames.lightVerbs.has(host.lemma.toLowerCase())) {
      const subj = subjectOf(sentence, host);
      if (subj) { subjects = actorsOfAll(ctx, [subj]); via = `subject of "${host.text}"`; }
    }
    // "X is in talks with Y", "X is at war with Y".
    if (!subjects.length && childrenOf(sentence, n, 'cop').length) {
      const subj = subjectOf(sentence, n);
      if (subj) { subjects = actorsOfAll(ctx, [subj]); via = 'copula subject'; }
    }
    if (!subjects.length) continue;
    let objects = markedBy(ctx, n, e.case, subjects).actors;
    // "Y was killed in an attack by X": the passive verb's subject is what the attack was on.
    if (!objects.length && !e.cue.symmetric && caseOf(sentence, n) === 'in') {
      // (the parser may hang the phrase on a noun of the clause: climb to its verb)
      let verb = host;
      for (let k = 0; verb && verb.upos !== 'VERB' && k < 2; k++) verb = headOf(sentence, verb);
      const undergoer = verb && voiceOf(sentence, verb) === 'passive' ? childrenOf(sentence, verb, 'nsubj:pass')[0] : undefined;
      if (undergoer) objects = actorsOfPhrase(ctx, undergoer, subjects, true);
    }
    if (objects.length) emit(subjects, objects, e.cue, n, `${via} → ${e.case}-phrase`, false, negated);
    else if (e.cue.joint && subjects.length >= 2 && via.startsWith('subject of') && !negated) {
      // "X and Y launched strikes against targets in Z": joint action.
      for (let i = 0; i < subjects.length; i++) for (let j = i + 1; j < subjects.length; j++) emit([subjects[i]!], [subjects[j]!], e.cue.joint, n, `${via} (conjoined)`, false, false);
    } else if (e.cue.symmetric && subjects.length >= 2 && via !== 'by-phrase') {
      // "X and Y reached an agreement": coordinated holders of a symmetric relation.
      for (let i = 0; i < subjects.length; i++) for (let j = i + 1; j < subjects.length; j++) emit([subjects[i]!], [subjects[j]!], e.cue, n, `${via} (conjoined)`, false, negated);
    }
  }
}

function readAdjective(ctx: Ctx, a: SyntaxToken, emit: Sink): void {
  const entries = lookup(ctx.frames.adjectives, a);
  if (!entries.length) return;
  const sentence = ctx.sentence;
  const head = headOf(sentence, a);
  let subjects: ActorRef[] = [];
  let via = '';
  if (head && (a.deprel === 'amod' || a.deprel === 'acl' || a.deprel === 'appos')) {
    subjects = withConj(ctx, head, actorsOfPhrase(ctx, head));
    if (!subjects.length) subjects = described(ctx, head).actors;
    via = 'modified noun';
  }
  if (!subjects.length) {
    const subj = subjectOf(sentence, a);
    if (subj) {
      subjects = actorsOfAll(ctx, [subj]);
      if (!subjects.length) subjects = described(ctx, subj).actors;
      via = 'subject';
    }
  }
  // "The Asayish, affiliated with the SDF, said ...": the parser may make the participle the main verb.
  if (!subjects.length) return;
  for (const e of entries) {
    if (!e.case) continue;
    const objects = markedBy(ctx, a, e.case, subjects).actors;
    if (objects.length) emit(subjects, objects, e.cue, a, `${via} → ${e.case}-phrase`, true, isNegated(sentence, a));
  }
}

/**
 * "Syrian Interior Ministry", "U.S. Central Command", "IRGC Quds Force", "Iran's IRGC", "the
 * U.S. military's Central Command": an organisation named after the state or organisation it
 * belongs to, by a demonym, a name or a possessor in front of its own name, is part of it.
 */
function readNames(ctx: Ctx, names: NameLookup, partOf: RelationCue, emit0: Sink): void {
  const { sentence, s } = ctx;
  // A ministry or presidency of a state is part of its government where the document names one.
  const emit: Sink = (subjects, objects, cue, token, via, descriptive, negated) => emit0(subjects, objects.map((o) => {
    if (o.kind !== 'state' || !subjects.every((x) => x.kind === 'government-body')) return o;
    const g = names.governmentOf(o.actor);
    return g && !subjects.some((x) => x.actor === g.actor) ? { ...g, start: o.start, end: o.end } : o;
  }), cue, token, via, descriptive, negated);
  for (const a of s.actors) {
    if (NOT_ORGANISATIONS.has(a.kind)) continue;
    const words = sentence.tokens.filter((t) => overlaps(t, a));
    const head = words.find((t) => !words.some((w) => w.id === t.head)) ?? words.at(-1);
    if (!head) continue;
    // "the Iraqi government", "Turkish forces", "the U.S. military": the state itself, or its forces at large, not an organ of it.
    const last = words.at(-1)!.text.toLowerCase();
    const whole = ctx.frames.wholeState.has(last);
    if (ctx.frames.government.has(last)) continue;
    const belongs = (owner: Omit<ActorRef, 'start' | 'end'>) => owner.actor !== a.actor
      && (owner.kind === 'state' ? STATE_ORGANS.has(a.kind) && !whole : !NOT_ORGANISATIONS.has(owner.kind));
    // A possessor: "Iran's IRGC", "the U.S. military's Central Command".
    for (const p of childrenOf(sentence, head, 'nmod:poss')) {
      const owner = ctx.actorOn[p.id];
      if (owner && belongs(owner)) {
        emit([a], [owner], partOf, head, 'possessor of the name', true, false);
      }
    }
    // "The US military’s Central Command": a possessor just before the name, however it was parsed.
    const first = words[0]!;
    const poss = sentence.tokens[first.id - 1];
    const owner = poss && /^['’]s$/.test(poss.text) ? ctx.actorOn[first.id - 2] : undefined;
    if (owner && !childrenOf(sentence, head, 'nmod:poss').length && belongs(owner)) {
      emit([a], [owner], partOf, head, 'possessor before the name', true, false);
    }
    // "the US-led coalition", "Turkish-backed factions" as one name: the hyphenated participle inside it.
    const hy = words.findIndex((t, i) => i > 0 && HYPHENS.has(t.text) && words[i + 1] && ctx.frames.compounds.has(words[i + 1]!.text.toLowerCase()));
    if (hy > 0) {
      const lead = words.slice(0, hy).filter((t) => !ARTICLES.has(t.text.toLowerCase()));
      const other = lead.length ? names.named(lead.map((t) => t.text).join(' ')) : null;
      const participle = words[hy + 1]!;
      if (other && other.actor !== a.actor) {
        for (const e of ctx.frames.compounds.get(participle.text.toLowerCase())!) emit([{ ...other, start: lead[0]!.start, end: lead.at(-1)!.end }], [a], e.cue, participle, 'hyphenated participle in the name', true, false);
      }
      continue;
    }
    // A name or demonym leading the name: "US Central Command", "IRGC Quds Force", "Syrian Interior Ministry".
    const own = words.filter((t) => !ARTICLES.has(t.text.toLowerCase()));
    for (let k = Math.min(3, own.length - 1); k >= 1; k--) {
      const lead = own.slice(0, k);
      if (!/^\p{Lu}/u.test(lead[0]!.text)) break;
      const other = names.named(lead.map((t) => t.text).join(' '));
      if (!other || other.actor === a.actor) continue;
      if (!belongs(other)) break;
      emit([a], [{ ...other, start: lead[0]!.start, end: lead.at(-1)!.end }], partOf, lead[0]!, 'name leading the name', true, false);
      break;
    }
  }
}

/** Every relation the parse of sentence `s` states between the actors it names. */
export type SentenceReading = {
  relations: ReadRelation[];
  /** Words the frames know, read whether or not they gave a relation. */
  examined: SyntaxToken[];
  /** Relation words whose subject, by the parse, is a phrase naming no actor. */
  blocked: SyntaxToken[];
};

export function readRelations(sentence: ParsedSentence, s: SentenceInfo, frames: RelationFrames, names?: NameLookup): SentenceReading {
  const actorOn: (ActorRef | undefined)[] = sentence.tokens.map((t) => s.actors.find((a) => overlaps(a, t)));
  const ctx: Ctx = { sentence, s, frames, actorOn, blocked: [], ...(names ? { names } : {}) };
  const out: ReadRelation[] = [];
  const emit: Sink = (subjects, objects, cue, token, via, descriptive, negated) => {
    // "X and Y launched strikes on Z": coordinated subjects of a joint act hold the cue's `joint` relation among themselves.
    if (cue.joint && subjects.length >= 2 && objects.length && !negated) {
      const joint = cue.joint;
      const pairs = subjects.flatMap((a, i) => subjects.slice(i + 1).map((b) => [a, b] as const)).filter(([a, b]) => a.actor !== b.actor);
      if (pairs.length) for (const [a, b] of pairs) emit([a], [b], joint, token, `${via} (conjoined subjects)`, descriptive, false);
    }
    let governors: ReadRelation['governors'] | null = null;
    for (const subject of subjects) for (const object of objects) {
      if (subject.actor === object.actor) continue;
      governors ??= descriptive ? [] : governorsOf(ctx, token);
      out.push({ subject, object, cue, token, via, descriptive, negated, governors, according: descriptive ? null : accordingTo(ctx, token) });
    }
  };
  const partOf = frames.partOf;
  if (names && partOf) readNames(ctx, names, partOf, emit);
  const examined: SyntaxToken[] = [];
  for (const t of sentence.tokens) {
    if (actorOn[t.id] && !isHyphenModifier(ctx, t) && !(t.upos === 'VERB')) {
      // A word inside a name ("Kataib Hezbollah", "Popular Mobilisation Forces") states no relation.
      continue;
    }
    const word = t.text.toLowerCase();
    let known = false;
    if (t.upos === 'VERB' || t.xpos === 'VBN') {
      readVerb(ctx, t, emit);
      known ||= lookup(frames.verbs, t).length > 0 || frames.participles.has(word) || frames.compounds.has(word);
    }
    if (t.upos === 'NOUN' || t.upos === 'PROPN') {
      const title = titleOf(ctx, t);
      if (title) readTitle(ctx, t, title, emit);
      readNoun(ctx, t, emit);
      known ||= !!title || frames.nouns.has(word) || frames.nouns.has(t.lemma.toLowerCase());
    }
    if (t.upos === 'ADJ' || t.upos === 'VERB') {
      readAdjective(ctx, t, emit);
      known ||= lookup(frames.adjectives, t).length > 0;
    }
    if (known) examined.push(t);
  }
  return { relations: out, examined, blocked: ctx.blocked };
}
