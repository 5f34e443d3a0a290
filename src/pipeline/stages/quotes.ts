// Direct quotations with their speaker (through coreference and the speech context), date and venue.
import type { ActorOut, QuoteOut, TimeOut, When } from '../../analysis/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { WatchfloorError } from '../../errors.js';
import type { Sentence, Stage } from '../stage.js';
import { sentenceIndexAt } from '../sentence-lookup.js';

type SpeechLexicon = { verbs: Set<string>; nouns: Set<string>; venues: RegExp; platforms: RegExp };
const cache = new WeakMap<KnowledgeBase, SpeechLexicon>();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function lexicon(kb: KnowledgeBase): SpeechLexicon {
  const hit = cache.get(kb);
  if (hit) return hit;
  const raw = kb.lexicons.get('speech') as { verbs?: unknown; speech_nouns?: unknown; venues?: unknown; platforms?: unknown } | undefined;
  const list = (v: unknown, field: string): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new WatchfloorError('BAD_PACK', `lexicon "speech": ${field} must be a list of strings`, { subject: 'lexicon/speech.yaml' });
    return v as string[];
  };
  const venues = list(raw?.venues, 'venues').sort((a, b) => b.length - a.length).map(escape);
  const platforms = list(raw?.platforms, 'platforms').map(escape);
  const lex = {
    verbs: new Set(list(raw?.verbs, 'verbs')),
    nouns: new Set(list(raw?.speech_nouns, 'speech_nouns')),
    // "in a televised address", "in his first audio recording", "at a press conference", "released an audio recording"
    venues: new RegExp(`\\b(?:in|at|during|via|through|released|published|broadcast|issued|aired)\\s+(?:a|an|the|his|her|its|their)\\s+(?:[\\w-]+\\s+){0,2}?(${venues.join('|') || '(?!)'})\\b(?:\\s+(?:released|published|broadcast)\\s+by\\s+([A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*)*))?`, 'i'),
    // "on X", "on the social media platform X"
    platforms: new RegExp(`\\b(?:on|via)\\s+(?:the\\s+)?(?:[a-z-]+\\s+){0,3}?(${platforms.join('|') || '(?!)'})\\b`),
  };
  cache.set(kb, lex);
  return lex;
}

/** Offset of the first speech verb in a stretch of text, or null. */
function firstVerbOffset(stretch: string, verbs: ReadonlySet<string>): number | null {
  const re = /\p{L}+/gu;
  for (let m = re.exec(stretch); m; m = re.exec(stretch)) if (verbs.has(m[0].toLowerCase())) return m.index;
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

export function extractQuotes(text: string, sentences: Sentence[], actors: ActorOut[], times: TimeOut[], kb: KnowledgeBase): QuoteOut[] {
  const lex = lexicon(kb);
  const mentions = actors.flatMap((a) => a.mentions.map((m) => ({ ...m, actor: a }))).sort((a, b) => a.start - b.start);
  const timeMentions = times.flatMap((t) => t.mentions.map((m) => ({ ...m, when: t.when }))).sort((a, b) => a.start - b.start);
  const sentenceAt = (offset: number) => sentenceIndexAt(sentences, offset);
  const quotes: QuoteOut[] = [];
  let context: { speaker: string; end: number; date: When | null; venue: string | null } | null = null;

  for (const q of findQuotations(text)) {
    const words = q.text.trim().split(/\s+/).length;
    if (words < 4 || isTitleCase(q.text)) continue;
    const si = sentenceAt(q.start);
    if (si < 0) continue;
    const sentence = sentences[si]!;
    const before = text.slice(sentence.start, q.start);
    const inSentence = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    const lead = /^\s*(?:in\s+)?(?:the|his|her|its|this|that)\s+(?:latest\s+|new\s+|first\s+)?([a-z]+)/i.exec(sentence.text)?.[1]?.toLowerCase();
    const speechSubject = lead !== undefined && lex.nouns.has(lead);

    let speaker: ActorOut | null = null;
    if (!speechSubject) {
      // The subject of the speech verb: the last actor named before the verb ("Following the fall of
      // A, B said that ..." -> B); without a verb, the first person of the sentence.
      const verbAt = firstVerbOffset(before, lex.verbs);
      const limit = verbAt === null ? q.start : sentence.start + verbAt;
      const persons = inSentence.filter((m) => m.end <= limit && m.actor.kind === 'person');
      const any = inSentence.filter((m) => m.end <= limit);
      speaker = (verbAt === null ? persons[0] : persons[persons.length - 1] ?? any[any.length - 1])?.actor ?? null;
      if (!speaker) {
        // "…,” said al-Ansari.
        const after = inSentence.find((m) => m.start >= q.end && m.start - q.end < 40);
        if (after && /^\W*\s*(said|says|added|wrote|told)\b/i.test(text.slice(q.end, after.start))) speaker = after.actor;
      }
    }
    if (!speaker && context && q.start - context.end < 3000) speaker = actors.find((a) => a.id === context!.speaker) ?? null;
    if (!speaker) {
      // Most recent person in this or the two sentences before.
      const from = sentences[Math.max(0, si - 2)]!.start;
      const recent = mentions.filter((m) => m.start >= from && m.end <= q.start && m.actor.kind === 'person');
      speaker = recent[recent.length - 1]?.actor ?? null;
    }

    const own = timeMentions.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
    const sameSpeaker: boolean = context !== null && speaker !== null && context.speaker === speaker.id;
    let date: When | null = own[0]?.when ?? (sameSpeaker ? context!.date : null);
    if (!date) {
      // The latest date stated earlier in the same paragraph, or, for "the speech …", where the speech was introduced.
      const para = sentences.filter((s) => s.paragraph === sentence.paragraph && s.start <= sentence.start);
      const from = Math.min(para[0]?.start ?? sentence.start, speechSubject ? sentences[Math.max(0, si - 3)]!.start : sentence.start);
      const prior = timeMentions.filter((t) => t.start >= from && t.end <= q.start);
      date = prior[prior.length - 1]?.when ?? null;
    }
    const window = text.slice(sentences[Math.max(0, si - 1)]!.start, sentence.end);
    const venueMatch = lex.venues.exec(text.slice(sentence.start, sentence.end)) ?? lex.venues.exec(window);
    const platform = lex.platforms.exec(text.slice(sentence.start, q.start));
    const venue: string | null = platform?.[1] ?? (venueMatch ? venueMatch[1]!.toLowerCase() + (venueMatch[2] ? ` released by ${venueMatch[2]}` : '') : null) ?? (sameSpeaker ? context!.venue : null);

    quotes.push({
      id: `q${quotes.length + 1}`, speaker: speaker?.id ?? null, text: q.text, date, venue,
      evidence: [{ start: sentence.start, end: sentence.end, text: sentence.text }, { start: q.start, end: q.end, text: q.text }],
    });
    if (speaker) context = { speaker: speaker.id, end: q.end, date, venue };
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
