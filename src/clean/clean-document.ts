// Cleaning: turns extracted text into the document every analysis offset points into. Scraper
// noise (page chrome, repeated headlines, duplicated captions, date lines, pull quotes, photo
// credits) is kept out of the body, and every removal is recorded with its raw offsets.
import { createHash } from 'node:crypto';
import { fingerprint } from '../dedupe/minhash.js';
import { WatchfloorError } from '../errors.js';
import { toPartialDate } from '../ingest/partial-date.js';
import type { CleanedDocument, PartialDate, RawInput, RemovedSpan } from '../ingest/types.js';
import { isChromeLine } from './chrome-line.js';
import { defaultCleaningLexicon, type CleaningLexicon } from './cleaning-lexicon.js';
import { containsFolded, foldTokens, nearEqual } from './compare-lines.js';
import { trailingCreditStart } from './credits.js';
import { parseDateLine, type DateLine } from './date-line.js';
import { detectLanguage } from './detect-language.js';
import { TextBuilder } from './text-builder.js';
import { splitLines, type TextLine } from './text-lines.js';

export type CleanMeta = { title?: string | null; published?: string | null };
export type CleanOptions = {
  lexicon?: CleaningLexicon;
  /** ISO timestamp recorded as ingestedAt; defaults to now (the only impure default). */
  ingestedAt?: string;
};

/** Reasons recorded in `removed`. */
export type RemovalReason =
  | 'page-chrome' | 'date-line' | 'repeated-headline' | 'photo-caption' | 'duplicate-caption'
  | 'photo-credit' | 'repeated-line' | 'pull-quote' | 'agency-credit';

type Line = TextLine & { reason: RemovalReason | null; creditAt: number | null };

/** How far apart (in non-empty lines) a caption and its copy, or a pull quote and its source, may be. */
const DUPLICATE_WINDOW = 3;
const PULL_QUOTE_WINDOW = 8;
/** Headline repeats are looked for among the first lines only. */
const HEAD_LINES = 15;
/** A caption printed twice may be long; one printed once must be short to be told from body text. */
const MAX_CAPTION_WORDS = 50;
const MAX_SINGLE_CAPTION_WORDS = 30;
const MAX_TITLE_CHARS = 200;
const MAX_TITLE_WORDS = 25;
const ENDS_SENTENCE = /[.!?؟…]["'”’»)\]]*$/u;
const ENDS_CLAUSE = /[.!?؟…:;,"”’)\]»]$/u;

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hash of the text with case and whitespace differences removed: exact duplicates share it. */
export function textHashOf(text: string): string {
  return sha256(text.toLowerCase().replace(/\s+/gu, ' ').trim());
}

function wordCount(s: string): number {
  return foldTokens(s).length;
}

function sentenceCount(s: string): number {
  return (s.match(/[.!?؟]+(?=\s|$)/gu) ?? []).length || 1;
}

function isHeadlineLike(s: string): boolean {
  return s.length <= MAX_TITLE_CHARS && wordCount(s) <= MAX_TITLE_WORDS && wordCount(s) >= 2 && !/[.,;:]$/u.test(s);
}

/** The title and, for "Headline | Site" or "Headline - Site", the headline part alone. */
function titleVariants(title: string): string[] {
  const parts = title.split(/\s+[|–—-]\s+/u).filter((p) => wordCount(p) >= 3);
  return [title, ...parts];
}

function withoutCredit(l: Line): string {
  return l.creditAt === null ? l.text : l.text.slice(0, l.creditAt);
}

function markHeadline(live: Line[], metaTitle: string | null): string | null {
  const head = live.slice(0, HEAD_LINES);
  const variants = metaTitle ? titleVariants(metaTitle) : [];
  let headline: Line | undefined = head.find((l) => variants.some((v) => nearEqual(l.text, v)));
  const first = head[0];
  if (!headline && first && isHeadlineLike(first.text)) {
    // Without a matching metadata title, the first line is the headline when it repeats, or
    // when there is no metadata title at all and it reads like one.
    const repeats = head.slice(1).some((l) => nearEqual(l.text, first.text));
    if (repeats || !metaTitle) headline = first;
  }
  if (!headline) return null;
  for (const l of live) {
    if (l !== headline && !l.reason && (nearEqual(l.text, headline.text) || variants.some((v) => nearEqual(l.text, v)))) {
      l.reason = 'repeated-headline';
    }
  }
  return headline.text;
}

function markCaptions(lines: Line[]): void {
  const live = lines.filter((l) => !l.reason);
  for (let i = 0; i < live.length; i++) {
    const a = live[i]!;
    if (a.reason) continue;
    for (let j = i + 1; j < Math.min(live.length, i + 1 + DUPLICATE_WINDOW); j++) {
      const b = live[j]!;
      if (b.reason || !nearEqual(withoutCredit(a), withoutCredit(b))) continue;
      const next = live[j + 1];
      const creditFollows = next !== undefined && next.creditAt !== null && next.text.slice(0, next.creditAt).trim() === '';
      const captionish = a.creditAt !== null || b.creditAt !== null || creditFollows
        || (ENDS_SENTENCE.test(a.text) && wordCount(a.text) <= MAX_CAPTION_WORDS);
      if (captionish) {
        a.reason = 'photo-caption';
        b.reason = 'duplicate-caption';
        break;
      }
      b.reason = 'repeated-line'; // a heading or paragraph printed twice: keep the first
    }
  }
  for (const l of lines) {
    if (l.reason || l.creditAt === null) continue;
    const before = l.text.slice(0, l.creditAt).trim();
    if (before === '') l.reason = 'photo-credit';
    else if (wordCount(before) <= MAX_SINGLE_CAPTION_WORDS && sentenceCount(before) <= 2) l.reason = 'photo-caption';
    // Longer lines are body text ending in a credit: only the credit goes (see removedSpans).
  }
}

function markPullQuotes(lines: Line[]): void {
  const live = lines.filter((l) => !l.reason);
  for (let k = 0; k < live.length; k++) {
    const l = live[k]!;
    const words = wordCount(l.text);
    if (words < 5 || words > 60) continue;
    for (let m = Math.max(0, k - PULL_QUOTE_WINDOW); m <= Math.min(live.length - 1, k + PULL_QUOTE_WINDOW); m++) {
      const other = live[m]!;
      if (other === l || other.reason || other.text.length < l.text.length * 1.2) continue;
      if (containsFolded(other.text, l.text)) { l.reason = 'pull-quote'; break; }
    }
  }
}

function resolvePublished(metaDate: PartialDate | null, line: DateLine | null): { published: PartialDate | null; from: CleanedDocument['publishedFrom'] } {
  if (metaDate) {
    // A coarser metadata date is refined by a consistent, more precise date line.
    if (line && line.date.length > metaDate.length && line.date.startsWith(metaDate)) {
      return { published: line.date, from: 'date-line' };
    }
    return { published: metaDate, from: 'metadata' };
  }
  if (line) return { published: line.date, from: 'date-line' };
  return { published: null, from: 'none' };
}

export function cleanDocument(input: RawInput, text: string, meta: CleanMeta = {}, opts: CleanOptions = {}): CleanedDocument {
  const lex = opts.lexicon ?? defaultCleaningLexicon();
  const raw = text;
  const lines: Line[] = splitLines(raw).filter((l) => l.text !== '').map((l) => ({ ...l, reason: null, creditAt: null }));

  let dateLine: DateLine | null = null;
  for (const l of lines) {
    const d = parseDateLine(l.text, lex);
    if (d) {
      l.reason = 'date-line';
      if (!dateLine || (dateLine.kind === 'updated' && d.kind === 'published')) dateLine = d;
    } else if (isChromeLine(l.text, lex)) {
      l.reason = 'page-chrome';
    } else {
      l.creditAt = trailingCreditStart(l.text, lex);
    }
  }

  const rawMetaTitle = meta.title !== undefined && meta.title !== null ? meta.title : input.title ?? null;
  const metaTitle = rawMetaTitle?.replace(/\s+/gu, ' ').trim() || null;
  const detectedTitle = markHeadline(lines.filter((l) => !l.reason), metaTitle);
  markCaptions(lines);
  markPullQuotes(lines);

  const removed: RemovedSpan[] = [];
  for (const l of lines) {
    if (l.reason) {
      removed.push({ start: l.start, end: l.end, text: l.text, reason: l.reason });
    } else if (l.creditAt !== null) {
      const lead = /^\s*/u.exec(l.text.slice(l.creditAt))![0].length;
      const start = l.start + l.creditAt + lead;
      removed.push({ start, end: l.end, text: raw.slice(start, l.end), reason: 'agency-credit' });
    }
  }

  const builder = new TextBuilder(raw);
  let prev: { line: Line; text: string } | null = null;
  for (const l of lines) {
    if (l.reason) continue;
    const body = withoutCredit(l).trimEnd();
    if (prev) {
      // Hard-wrapped prose: a line continuing an unfinished sentence joins it.
      const continues = l.index === prev.line.index + 1 && !ENDS_CLAUSE.test(prev.text) && /^\p{Ll}/u.test(l.text);
      builder.synth(continues ? ' ' : '\n\n');
    }
    builder.appendCollapsed(l.start, l.start + body.length);
    prev = { line: l, text: body };
  }
  const cleaned = builder.text;
  if (cleaned.trim() === '') {
    throw new WatchfloorError('EMPTY_INPUT', 'no text left after removing page chrome', {
      subject: input.origin, hint: 'the input holds only navigation, captions or dates',
    });
  }

  const rawMetaDate = meta.published !== undefined && meta.published !== null ? meta.published : input.published ?? null;
  const metaDate = rawMetaDate ? toPartialDate(rawMetaDate) : null;
  if (rawMetaDate && !metaDate) {
    throw new WatchfloorError('BAD_DATE', `"${rawMetaDate}" is not a date`, { subject: input.origin, hint: 'use YYYY, YYYY-MM or YYYY-MM-DD' });
  }
  const { published, from } = resolvePublished(metaDate, dateLine);
  const textHash = textHashOf(cleaned);

  return {
    id: `doc_${textHash.slice(0, 16)}`,
    bytesHash: sha256(input.bytes),
    textHash,
    fingerprint: fingerprint(cleaned),
    origin: input.origin,
    url: input.url,
    title: metaTitle ?? detectedTitle,
    published,
    publishedFrom: from,
    source: input.source ?? null,
    language: detectLanguage(cleaned),
    text: cleaned,
    rawText: raw,
    removed,
    segments: builder.segments,
    ingestedAt: opts.ingestedAt ?? new Date().toISOString(),
  };
}
