// Direct quotations with their speaker, date and venue. The speaker comes from the attribution
// structure of the parse (quote-attribution.ts: the speech verb whose complement, object or
// adjacent quotation it is) and the actor that phrase names (speaker-resolution.ts: names with
// titles, pronouns, "the statement", "the ministry"); a quotation the parse ties to no speech
// goes on with the speech before it (a second quotation, a quote paragraph, "he added").
import type { ActorOut, QuoteOut, TimeOut, When } from '../../analysis/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { WatchfloorError } from '../../errors.js';
import type { Sentence, Stage } from '../stage.js';
import type { ParsedSentence, SyntaxToken } from '../../syntax/types.js';
import { subjectOf } from '../../syntax/tree.js';
import { sentenceIndexAt } from '../sentence-lookup.js';
import { escapeRegExp } from '../../text/regexp-source.js';
import { readStringMap } from '../../knowledge/lexicon-shapes.js';
import { blankQuotations, findQuotations, isTitleCase, type Quotation } from '../../extract/quotations.js';
import { governingSpeech, isSpeechVerb, type Governor, type SpeechWords } from '../../extract/quote-attribution.js';
import { resolveSpeaker, type ActorMention, type SpeakerScope } from '../../extract/speaker-resolution.js';

export { findQuotations } from '../../extract/quotations.js';

type SpeechLexicon = SpeechWords & { venues: RegExp; platforms: RegExp };
const cache = new WeakMap<KnowledgeBase, SpeechLexicon>();

/** Nouns that speak for a body: the lexicon's `speaker_roles` and the pack's organisation heads. */
function speakerRoles(kb: KnowledgeBase, roles: string[]): Set<string> {
  return new Set([...roles, ...organisationHeads(kb)]);
}

/** Last words of the pack's organisation heads ("Ministry", "Operations Room"), lower case. */
function organisationHeads(kb: KnowledgeBase): string[] {
  return Object.values(readStringMap(kb.lexicons, 'organisation-heads')).flat().map((w) => w.toLowerCase().split(/\s+/).at(-1)!);
}

export function speechLexicon(kb: KnowledgeBase): SpeechLexicon {
  const hit = cache.get(kb);
  if (hit) return hit;
  const raw = kb.lexicons.get('speech') as Record<string, unknown> | undefined;
  const list = (field: string): string[] => {
    const v = raw?.[field];
    if (v === undefined) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new WatchfloorError('BAD_PACK', `lexicon "speech": ${field} must be a list of strings`, { subject: 'lexicon/speech.yaml' });
    return v as string[];
  };
  const lower = (field: string) => list(field).map((w) => w.toLowerCase());
  const venues = list('venues').sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w));
  const platforms = list('platforms').map((w) => escapeRegExp(w));
  const lex: SpeechLexicon = {
    // Reporting verbs (`verbs`, `attribution_verbs`) and the verbs that only introduce quoted words (`quote_verbs`).
    verbs: new Set([...lower('verbs'), ...lower('attribution_verbs'), ...lower('quote_verbs')]),
    nouns: new Set(lower('speech_nouns')),
    naming: new Set(lower('naming_verbs')),
    roles: speakerRoles(kb, lower('speaker_roles')),
    bodies: new Set(organisationHeads(kb)),
    // "in a televised address", "in his first audio recording", "at a press conference", "released an audio recording",
    // "in a speech broadcast by Al-Manar"
    venues: new RegExp(`\\b(?:in|at|during|via|through|released|published|broadcast|issued|aired)\\s+(?:a|an|the|his|her|its|their)\\s+(?:[\\w-]+\\s+){0,2}?(${venues.join('|') || '(?!)'})\\b(?:\\s+(released|published|broadcast|aired|carried)\\s+by\\s+([A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*)*))?`, 'i'),
    // "on X", "on the social media platform X"
    platforms: new RegExp(`\\b(?:on|via)\\s+(?:the\\s+)?(?:[a-z-]+\\s+){0,3}?(${platforms.join('|') || '(?!)'})\\b`),
  };
  cache.set(kb, lex);
  return lex;
}

type Context = { speaker: string | null; end: number; paragraph: number; date: When | null; venue: string | null };

type Attribution = {
  /**
   * 'named': the speech the parse ties the quotation to, with its speaker; 'unnamed': such a
   * speech by someone the text does not name ("one diplomat said"); 'continued': the speech
   * before goes on ("“…”" after “…,” X said; "he added"); 'none': nothing to attribute it to.
   */
  kind: 'named' | 'unnamed' | 'continued' | 'none';
  speaker: ActorOut | null;
  /** Offset of the speech verb (or noun), when there is one. */
  verb: number | null;
  /** Narration [from, to) that carries the attribution (its date and venue). */
  from: number; to: number;
  /** Tied by the parse to a speech act: short partial quotations count then. */
  governed: boolean;
  /** Words the speaker called something by ("called it “…”"). */
  naming: boolean;
  /** The speaker is a speech noun ("the statement said", "the speech warned"). */
  byNoun: boolean;
};

/** Words a quotation needs: standing alone, inside a speech the parse finds, or as what something was called. */
const MIN_WORDS = 4;
const MIN_GOVERNED_WORDS = 3;
const MIN_NAMING_WORDS = 2;
/** Characters after a quotation within which an unattributed one goes on with its speech. */
const CONTINUE_REACH = 1500;

type Scope = {
  blank: string; sentences: readonly Sentence[]; syntax: readonly ParsedSentence[];
  speaker: SpeakerScope; lex: SpeechLexicon; actors: ReadonlyMap<string, ActorOut>;
};

/** The actors named in narration [from, to): the last person, else the last actor. */
function namedIn(mentions: readonly ActorMention[], from: number, to: number): ActorOut | null {
  const ms = mentions.filter((m) => m.start >= from && m.end <= to);
  return (ms.filter((m) => m.actor.kind === 'person').at(-1) ?? ms.at(-1))?.actor ?? null;
}

/** Characters after a quotation within which a speech verb attributes it without the parse. */
const POST_WINDOW = 90;
/** Characters between a speech verb and the quotation it introduces without the parse. */
const PRE_WINDOW = 40;

function looseSpeech(scope: Scope, q: Quotation, si: number, ei: number): Attribution | null {
  const { sentences, syntax, blank } = scope;
  const mentions = scope.speaker.mentions;
  // A verb heading a clause of its own ("self-declared" modifying a noun is no speech).
  const speaks = (t: SyntaxToken) => isSpeechVerb(t, scope.lex) && /^(?:root|ccomp|xcomp|parataxis|conj|advcl|acl:relcl|dep)/.test(t.deprel);
  const tryVerb = (ps: ParsedSentence, verb: SyntaxToken, from: number, to: number): Attribution | null => {
    const subject = subjectOf(ps, verb);
    const bySubject = subject && (subject.start > q.end || subject.end < q.start) ? resolveSpeaker(scope.speaker, ps, subject) : null;
    const actor = bySubject?.actor ?? namedIn(mentions, from, verb.start) ?? namedIn(mentions, verb.end, Math.min(verb.end + 40, to));
    if (!actor && !bySubject) return null;
    return { kind: actor ? 'named' : 'unnamed', speaker: actor, verb: verb.start, from, to, governed: true, naming: false, byNoun: false };
  };
  // After the quotation, up to the end of its clause.
  const last = syntax[ei];
  if (last && !/[.!?]\s*$/.test(q.text)) {
    const from = Math.min(blank.length, q.end + 1);
    const stop = /[.!?;](?=\s|$)/.exec(blank.slice(from, sentences[ei]!.end));
    const to = Math.min(stop ? from + stop.index : sentences[ei]!.end, from + POST_WINDOW);
    const verb = last.tokens.find((t) => t.start >= from && t.end <= to && speaks(t));
    if (verb) return tryVerb(last, verb, from, stop ? from + stop.index : sentences[ei]!.end);
  }
  // Just before it, in its sentence ("X said on Monday: “…”").
  const first = syntax[si];
  if (first) {
    const from = sentences[si]!.start;
    const verb = first.tokens.filter((t) => t.start >= from && t.end <= q.start - 1 && q.start - t.end <= PRE_WINDOW && speaks(t) && blank.slice(t.start, t.end).trim() !== '').at(-1);
    if (verb) return tryVerb(first, verb, from, q.start - 1);
  }
  return null;
}

function attribute(scope: Scope, q: Quotation, si: number, ei: number, context: Context | null): Attribution {
  const { sentences, syntax, blank } = scope;
  const sentence = sentences[si]!;
  const last = sentences[ei]!;
  // The parse: the first sentence (attribution before or around the quotation), then the last (after it).
  let g: Governor | null = null;
  let gs: ParsedSentence | null = null;
  for (const i of ei > si ? [si, ei] : [si]) {
    const ps = syntax[i];
    if (!ps) continue;
    const found = governingSpeech(ps, Math.max(q.start, ps.start), Math.min(q.end, ps.end), scope.lex);
    if (found && (!g || (!g.speaker && found.speaker))) { g = found; gs = ps; }
    if (g?.speaker) break;
  }
  if (g && gs) {
    const before = g.predicate.start < q.start;
    const phrase = g.speaker ?? (g.via === 'none' && g.predicate.upos !== 'VERB' ? g.predicate : undefined);
    let found = phrase ? resolveSpeaker(scope.speaker, gs, phrase) : { actor: null, how: 'unnamed' as const };
    if (!phrase && g.predicate.upos === 'VERB') {
      // A speech verb the parse gives no subject (a misparse): the actor named in the narration
      // before it ("X, the deputy commander, said, “…”"), else right after it ("said X").
      const from = before ? sentence.start : Math.min(blank.length, q.end + 1);
      const actor = namedIn(scope.speaker.mentions, from, g.predicate.start) ?? namedIn(scope.speaker.mentions, g.predicate.end, Math.min(g.predicate.end + 40, before ? q.start - 1 : last.end));
      if (actor) found = { actor, how: 'named' };
    }
    const byNoun = found.how === 'description' && phrase !== undefined && scope.lex.nouns.has(phrase.lemma.toLowerCase());
    const kind = found.actor ? 'named' : found.how === 'pronoun' ? 'continued' : 'unnamed';
    return {
      kind, speaker: found.actor, verb: g.predicate.start, governed: true, naming: g.naming, byNoun,
      from: before ? sentence.start : Math.min(blank.length, q.end + 1), to: before ? q.start - 1 : last.end,
    };
  }
  // The parse ties it to no speech, but a speech verb stands in the narration right after the
  // quotation or before it in the sentence (a misparse: "“…,” the SDF's media head, X, wrote"):
  // that verb's subject, else the actor named between the quotation and the verb, else right after it.
  const loose = looseSpeech(scope, q, si, ei);
  if (loose) return loose;
  // "Quote from the rebels: “…”", "X, in a new message: “…”", "X told reporters:" ending the sentence before.
  const lead = blank.slice(sentence.start, q.start - 1);
  if (/:\s*$/.test(lead)) {
    const speaker = namedIn(scope.speaker.mentions, sentence.start, q.start - 1);
    if (speaker) return { kind: 'named', speaker, verb: null, from: sentence.start, to: q.start - 1, governed: true, naming: false, byNoun: false };
  }
  const prev = sentences[si - 1];
  if (lead.trim() === '' && prev && prev.paragraph >= sentence.paragraph - 1 && /:\s*$/.test(blank.slice(prev.start, prev.end))) {
    const speaker = namedIn(scope.speaker.mentions, prev.start, prev.end);
    if (speaker) return { kind: 'named', speaker, verb: null, from: prev.start, to: prev.end, governed: true, naming: false, byNoun: false };
  }
  // The speech before goes on: a second quotation, a quote paragraph after an attributed one.
  if (context && q.start - context.end < CONTINUE_REACH && sentence.paragraph - context.paragraph <= 1) {
    const speaker = context.speaker === null ? null : scope.actors.get(context.speaker) ?? null;
    return { kind: 'continued', speaker, verb: null, from: sentence.start, to: q.start - 1, governed: false, naming: false, byNoun: false };
  }
  return { kind: 'none', speaker: null, verb: null, from: sentence.start, to: q.start - 1, governed: false, naming: false, byNoun: false };
}

export type QuoteInput = {
  text: string;
  sentences: Sentence[];
  /** One parsed sentence per entry of `sentences` (the syntax layer). */
  syntax: readonly ParsedSentence[];
  actors: ActorOut[];
  times: TimeOut[];
  kb: KnowledgeBase;
};

export function extractQuotes({ text, sentences, syntax, actors, times, kb }: QuoteInput): QuoteOut[] {
  const lex = speechLexicon(kb);
  const all = findQuotations(text);
  const blank = blankQuotations(text, all);
  const quoted = (s: { start: number; end: number }) => blank.slice(s.start, s.end).trim() === '';
  const mentions: ActorMention[] = actors.flatMap((a) => a.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, actor: a })))
    .filter((m) => !quoted(m)).sort((a, b) => a.start - b.start);
  // A date inside a quotation ("today", "next week") is the speaker's, not the reporter's.
  const timeMentions = times.flatMap((t) => t.mentions.map((m) => ({ ...m, when: t.when }))).filter((t) => !quoted(t)).sort((a, b) => a.start - b.start);
  const speakerScope: SpeakerScope = { text, sentences, syntax, mentions, words: lex, lastSpeaker: null };
  const scope: Scope = { blank, sentences, syntax, speaker: speakerScope, lex, actors: new Map(actors.map((a) => [a.id, a])) };
  const quotes: QuoteOut[] = [];
  /** Per quote: an open paragraph of a longer quotation, and whether its own sentence named the speaker. */
  const held: { open: boolean; named: boolean; paragraph: number }[] = [];
  let context: Context | null = null;

  for (const q of all) {
    const words = q.text.trim().split(/\s+/).length;
    if (words < MIN_NAMING_WORDS || isTitleCase(q.text)) continue;
    const si = sentenceIndexAt(sentences, q.start);
    if (si < 0) continue;
    const sentence = sentences[si]!;
    // A quotation may run over several sentences: its attribution can follow in the last one.
    const ei = Math.max(si, sentenceIndexAt(sentences, Math.max(q.start, q.end - 1)));
    const last = sentences[ei]!;
    const att = attribute(scope, q, si, ei, context);
    // A short run of capitalised words is a name ("a “Victory Conference”"), not speech.
    if (words < MIN_WORDS && q.text.split(/\s+/).every((w) => /^\p{Lu}/u.test(w))) continue;
    // Short quotations only where the parse puts them in someone's words ("ready to “extend a hand”", "called it “…”").
    if (words < MIN_WORDS && !(att.governed && (words >= MIN_GOVERNED_WORDS || (att.naming && words >= MIN_NAMING_WORDS)))) continue;
    const speaker = att.speaker;
    const continued = att.kind === 'continued';

    const sameSpeaker: boolean = context !== null && context.speaker === (speaker?.id ?? null) && (speaker !== null || continued);
    // The date: a time in the attribution's narration (the one nearest the speech verb); else, for
    // a quotation that goes on with the same speech ("“…”", "the speech also …") or the same
    // speaker in the same paragraph, that speech's date; else the latest date earlier in the
    // paragraph; else the same speaker's last date.
    const verbAt = att.verb ?? q.start;
    const own = timeMentions.filter((t) => (t.start >= sentence.start && t.end <= q.start) || (t.start >= att.from && t.end <= att.to))
      .sort((a, b) => Math.abs(a.start - verbAt) - Math.abs(b.start - verbAt));
    let date: When | null = own[0]?.when ?? (sameSpeaker && (continued || context!.paragraph === sentence.paragraph) ? context!.date : null);
    if (!date) {
      // Only a day or a month: a year or a span earlier in the paragraph is background ("split from
      // X in 2006", "since 2014"), not when the words were said.
      const para = sentences.filter((s) => s.paragraph === sentence.paragraph && s.start <= sentence.start);
      const from = Math.min(para[0]?.start ?? sentence.start, att.byNoun ? sentences[Math.max(0, si - 3)]!.start : sentence.start);
      date = timeMentions.filter((t) => t.start >= from && t.end <= q.start && (t.when.precision === 'day' || t.when.precision === 'month')).at(-1)?.when
        ?? (sameSpeaker ? context!.date : null);
    }
    const narration = blank.slice(sentence.start, q.start) + ' ' + blank.slice(att.from, att.to);
    const window = blank.slice(sentences[Math.max(0, si - 1)]!.start, sentence.end);
    const venueMatch = lex.venues.exec(narration) ?? (att.kind === 'named' && !att.byNoun ? null : lex.venues.exec(window));
    const platform = lex.platforms.exec(narration);
    const venue: string | null = platform?.[1]
      ?? (venueMatch ? venueMatch[1]!.toLowerCase() + (venueMatch[3] ? ` ${venueMatch[2]!.toLowerCase()} by ${venueMatch[3]}` : '') : null)
      ?? (sameSpeaker ? context!.venue : null);

    quotes.push({
      id: `q${quotes.length + 1}`, speaker: speaker?.id ?? null, text: q.text, date, venue,
      evidence: [{ start: sentence.start, end: last.end, text: text.slice(sentence.start, last.end) }, { start: q.start, end: q.end, text: q.text }],
    });
    held.push({ open: q.open === true, named: att.kind === 'named' || att.kind === 'unnamed', paragraph: last.paragraph });
    if (att.kind !== 'none') context = { speaker: speaker?.id ?? null, end: q.end, paragraph: last.paragraph, date, venue };
    if (speaker) speakerScope.lastSpeaker = { actor: speaker, at: q.end, paragraph: last.paragraph };
  }
  // A quotation over several paragraphs is attributed where it ends ("“…¶“…,” she said"): its
  // open paragraphs take the speech of the paragraph that follows.
  for (let i = quotes.length - 2; i >= 0; i--) {
    const h = held[i]!;
    if (!h.open || h.named || held[i + 1]!.paragraph - h.paragraph > 1) continue;
    const next = quotes[i + 1]!;
    quotes[i] = { ...quotes[i]!, speaker: next.speaker, date: next.date ?? quotes[i]!.date, venue: next.venue ?? quotes[i]!.venue };
    held[i] = { ...h, named: held[i + 1]!.named };
  }
  return quotes;
}

const stage: Stage = {
  name: 'quotes',
  requires: ['sentences', 'syntax', 'actors'],
  run({ document, layers, kb }) {
    return {
      quotes: extractQuotes({
        text: document.text, sentences: layers.sentences ?? [], syntax: layers.syntax ?? [], actors: layers.actors ?? [], times: layers.times ?? [], kb,
      }),
    };
  },
};
export default stage;
