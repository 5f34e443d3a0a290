// Direct quotations with their speaker (through coreference and the speech context), date and venue.
import type { ActorOut, QuoteOut, Span, TimeOut, When } from '../../analysis/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { WatchfloorError } from '../../errors.js';
import type { Sentence, Stage } from '../stage.js';
import { sentenceIndexAt } from '../sentence-lookup.js';
import { escapeRegExp } from '../../text/regexp-source.js';

type SpeechLexicon = { verbs: Set<string>; nouns: Set<string>; venues: RegExp; platforms: RegExp };
const cache = new WeakMap<KnowledgeBase, SpeechLexicon>();

function lexicon(kb: KnowledgeBase): SpeechLexicon {
  const hit = cache.get(kb);
  if (hit) return hit;
  const raw = kb.lexicons.get('speech') as { verbs?: unknown; speech_nouns?: unknown; venues?: unknown; platforms?: unknown } | undefined;
  const list = (v: unknown, field: string): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new WatchfloorError('BAD_PACK', `lexicon "speech": ${field} must be a list of strings`, { subject: 'lexicon/speech.yaml' });
    return v as string[];
  };
  const venues = list(raw?.venues, 'venues').sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w));
  const platforms = list(raw?.platforms, 'platforms').map((w) => escapeRegExp(w));
  const lex = {
    verbs: new Set(list(raw?.verbs, 'verbs')),
    nouns: new Set(list(raw?.speech_nouns, 'speech_nouns')),
    // "in a televised address", "in his first audio recording", "at a press conference", "released an audio recording",
    // "in a speech broadcast by Al-Manar"
    venues: new RegExp(`\\b(?:in|at|during|via|through|released|published|broadcast|issued|aired)\\s+(?:a|an|the|his|her|its|their)\\s+(?:[\\w-]+\\s+){0,2}?(${venues.join('|') || '(?!)'})\\b(?:\\s+(released|published|broadcast|aired|carried)\\s+by\\s+([A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*)*))?`, 'i'),
    // "on X", "on the social media platform X"
    platforms: new RegExp(`\\b(?:on|via)\\s+(?:the\\s+)?(?:[a-z-]+\\s+){0,3}?(${platforms.join('|') || '(?!)'})\\b`),
  };
  cache.set(kb, lex);
  return lex;
}

/** Offset of the first speech verb in a stretch of text, and the verb's end, or null. */
function firstVerb(stretch: string, verbs: ReadonlySet<string>): { at: number; end: number } | null {
  const re = /\p{L}+/gu;
  for (let m = re.exec(stretch); m; m = re.exec(stretch)) if (verbs.has(m[0].toLowerCase())) return { at: m.index, end: m.index + m[0].length };
  return null;
}

type RawQuote = { start: number; end: number; text: string };

/** Quoted stretches: curly pairs, or straight quotes paired in order, within one paragraph. */
export function findQuotations(text: string): RawQuote[] {
  const out: RawQuote[] = [];
  const re = /[“"]([^“”"\n]{2,1200}?)[”"]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: m.index + 1, end: m.index + 1 + m[1]!.length, text: m[1]! });
  }
  return out;
}

function isTitleCase(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length < 3) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / words.length > 0.7;
}

/** The text with every quotation (marks included) blanked: attribution is read from the narration only. */
function blankQuotations(text: string, quotations: RawQuote[]): string {
  let out = '';
  let at = 0;
  for (const q of quotations) {
    const from = Math.max(at, q.start - 1);
    out += text.slice(at, from) + ' '.repeat(Math.min(text.length, q.end + 1) - from);
    at = Math.min(text.length, q.end + 1);
  }
  return out + text.slice(at);
}

type Mention = Span & { actor: ActorOut };

/** The speaker among the actors named in a subject stretch: the last person, else the last actor. */
function pickSubject(ms: Mention[]): ActorOut | null {
  return (ms.filter((m) => m.actor.kind === 'person').at(-1) ?? ms.at(-1))?.actor ?? null;
}

// "he said", "the spokesman added", "it said in a statement": the subject names someone already in view.
const ANAPHORIC_SUBJECT = /(?:^|[\s,;:(])(?:he|she|they|it|we|the\s+(?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+)\s+(?:also\s+|later\s+|then\s+|again\s+|further\s+)?$/iu;
// Narration that ends a clause: the attribution after a quotation stops there.
const CLAUSE_END = /[.!?;](?=\s|$)/;
// Words after a quotation within which its attribution ("…,” the group's spokesman, X, said) stands.
const POST_WINDOW = 90;

type Attribution = {
  /** 'named': a speech verb with its speaker; 'anaphor': "he said"; 'unnamed': "one diplomat said"; 'none': no speech verb. */
  kind: 'named' | 'anaphor' | 'unnamed' | 'none';
  speaker: ActorOut | null;
  /** Absolute offset of the speech verb, when there is one. */
  verb: number | null;
  /** Narration [start, end) that carries the attribution (its date and venue). */
  from: number; to: number;
};

/**
 * Who a quotation is attributed to, from the narration around it (quotations blanked):
 * "X said: “…”" / "X warned that …“…”" before it, else "“…,” X said" / "“…,” said X" after it.
 * The speaker is the speech verb's subject; with none named before the verb, the actor right
 * after it ("according to X", "said X").
 */
function attribute(blank: string, mentions: Mention[], sentenceStart: number, q: RawQuote, endSentenceEnd: number, verbs: ReadonlySet<string>): Attribution {
  const outside = (from: number, to: number) => mentions.filter((m) => m.start >= from && m.end <= to && blank.slice(m.start, m.end).trim() !== '');
  const resolve = (verbAt: number, verbEnd: number, subjectFrom: number, objectTo: number): Attribution['kind'] | ActorOut => {
    const subject = pickSubject(outside(subjectFrom, verbAt));
    if (subject) return subject;
    // "according to X", "said X, the group's spokesman"
    const after = outside(verbEnd, objectTo).filter((m) => !/[,;:]/.test(blank.slice(verbEnd, m.start)) || m.start - verbEnd < 8);
    const named = pickSubject(after.filter((m) => m.start - verbEnd <= 40));
    if (named) return named;
    return ANAPHORIC_SUBJECT.test(blank.slice(Math.max(subjectFrom, verbAt - 40), verbAt)) ? 'anaphor' : 'unnamed';
  };
  const pre = blank.slice(sentenceStart, q.start - 1);
  const before = firstVerb(pre, verbs);
  if (before) {
    const at = sentenceStart + before.at;
    const r = resolve(at, sentenceStart + before.end, sentenceStart, q.start - 1);
    return { kind: typeof r === 'string' ? r : 'named', speaker: typeof r === 'string' ? null : r, verb: at, from: sentenceStart, to: q.start - 1 };
  }
  // "…,” X said": not after a quotation that closes its own sentence ("…." Next sentence).
  const postStart = Math.min(blank.length, q.end + 1);
  const stop = CLAUSE_END.exec(blank.slice(postStart, endSentenceEnd));
  const postEnd = stop ? postStart + stop.index : endSentenceEnd;
  const post = blank.slice(postStart, Math.min(postEnd, postStart + POST_WINDOW));
  const after = /[.]\s*$/.test(q.text) ? null : firstVerb(post, verbs);
  if (after) {
    const at = postStart + after.at;
    const r = resolve(at, postStart + after.end, postStart, postEnd);
    return { kind: typeof r === 'string' ? r : 'named', speaker: typeof r === 'string' ? null : r, verb: at, from: postStart, to: postEnd };
  }
  return { kind: 'none', speaker: null, verb: null, from: sentenceStart, to: q.start - 1 };
}

type Context = { speaker: string | null; end: number; paragraph: number; date: When | null; venue: string | null };

export function extractQuotes(text: string, sentences: Sentence[], actors: ActorOut[], times: TimeOut[], kb: KnowledgeBase): QuoteOut[] {
  const lex = lexicon(kb);
  const all = findQuotations(text);
  const blank = blankQuotations(text, all);
  const quoted = (s: { start: number; end: number }) => blank.slice(s.start, s.end).trim() === '';
  const mentions: Mention[] = actors.flatMap((a) => a.mentions.map((m) => ({ ...m, actor: a }))).sort((a, b) => a.start - b.start);
  // A date inside a quotation ("today", "next week") is the speaker's, not the reporter's.
  const timeMentions = times.flatMap((t) => t.mentions.map((m) => ({ ...m, when: t.when }))).filter((t) => !quoted(t)).sort((a, b) => a.start - b.start);
  const quotes: QuoteOut[] = [];
  let context: Context | null = null;

  for (const q of all) {
    const words = q.text.trim().split(/\s+/).length;
    if (words < 4 || isTitleCase(q.text)) continue;
    const si = sentenceIndexAt(sentences, q.start);
    if (si < 0) continue;
    const sentence = sentences[si]!;
    // A quotation may run over several sentences: its attribution can follow in the last one.
    const ei = Math.max(si, sentenceIndexAt(sentences, Math.max(q.start, q.end - 1)));
    const last = sentences[ei]!;
    const lead = /^\s*(?:in\s+)?(?:the|his|her|its|this|that)\s+(?:latest\s+|new\s+|first\s+)?([a-z]+)/i.exec(sentence.text)?.[1]?.toLowerCase();
    const speechSubject = lead !== undefined && lex.nouns.has(lead);
    const inContext: boolean = context !== null && q.start - context.end < 3000;

    const att: Attribution = speechSubject
      ? { kind: 'anaphor', speaker: null, verb: null, from: sentence.start, to: q.start - 1 }
      : attribute(blank, mentions, sentence.start, q, last.end, lex.verbs);
    let speaker: ActorOut | null = att.speaker;
    let continued = false;
    if (att.kind === 'none') {
      // No speech verb: a person named before the quotation ("Haddad, in a new message: “…”").
      speaker = mentions.find((m) => m.start >= sentence.start && m.end <= q.start && m.actor.kind === 'person' && !quoted(m))?.actor ?? null;
    }
    if (!speaker && (att.kind === 'none' || att.kind === 'anaphor')) {
      // The speech goes on ("“…”", "he added"): the speaker of the quotations before it.
      if (inContext) {
        speaker = context!.speaker === null ? null : actors.find((a) => a.id === context!.speaker) ?? null;
        continued = true;
      }
      else {
        // Most recent person in this or the two sentences before.
        const from = sentences[Math.max(0, si - 2)]!.start;
        speaker = mentions.filter((m) => m.start >= from && m.end <= q.start && m.actor.kind === 'person' && !quoted(m)).at(-1)?.actor ?? null;
      }
    }

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
      const from = Math.min(para[0]?.start ?? sentence.start, speechSubject ? sentences[Math.max(0, si - 3)]!.start : sentence.start);
      date = timeMentions.filter((t) => t.start >= from && t.end <= q.start && (t.when.precision === 'day' || t.when.precision === 'month')).at(-1)?.when
        ?? (sameSpeaker ? context!.date : null);
    }
    const narration = blank.slice(sentence.start, q.start) + ' ' + blank.slice(att.from, att.to);
    const window = blank.slice(sentences[Math.max(0, si - 1)]!.start, sentence.end);
    const venueMatch = lex.venues.exec(narration) ?? (att.kind === 'named' ? null : lex.venues.exec(window));
    const platform = lex.platforms.exec(narration);
    const venue: string | null = platform?.[1]
      ?? (venueMatch ? venueMatch[1]!.toLowerCase() + (venueMatch[3] ? ` ${venueMatch[2]!.toLowerCase()} by ${venueMatch[3]}` : '') : null)
      ?? (sameSpeaker ? context!.venue : null);

    quotes.push({
      id: `q${quotes.length + 1}`, speaker: speaker?.id ?? null, text: q.text, date, venue,
      evidence: [{ start: sentence.start, end: last.end, text: text.slice(sentence.start, last.end) }, { start: q.start, end: q.end, text: q.text }],
    });
    if (speaker || att.kind === 'unnamed') context = { speaker: speaker?.id ?? null, end: q.end, paragraph: last.paragraph, date, venue };
  }
  return quotes;
}

const stage: Stage = {
  name: 'quotes',
  requires: ['sentences', 'actors'],
  run({ document, layers, kb }) {
    return { quotes: extractQuotes(document.text, layers.sentences ?? [], layers.actors ?? [], layers.times ?? [], kb) };
  },
};
export default stage;
