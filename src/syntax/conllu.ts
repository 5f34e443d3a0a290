// CoNLL-U reader and writer (UD v2 format). Comments, multiword-token ranges ("3-4") and empty
// nodes ("8.1") are kept, so an unchanged file is written back byte for byte. Helpers give the
// syntactic words of a sentence, set predicted columns on them, and rebuild each document's raw
// text with the character offsets of its sentences and words.
import type { Feats, SentencePrediction } from './types.js';

/** One line of a sentence block. `cols` holds the 10 tab-separated columns of token lines. */
export type ConlluLine =
  | { kind: 'comment'; raw: string }
  | { kind: 'word'; id: number; cols: string[] }
  | { kind: 'range'; first: number; last: number; cols: string[] }
  | { kind: 'empty'; cols: string[] };

export type ConlluSentence = {
  lines: ConlluLine[];
  /** Blank lines after the block (1 in a well-formed file; 0 for a last block without one). */
  blankAfter: number;
  /** Line ending the block was read with. */
  eol: '\n' | '\r\n';
  /** Blank lines before the first block of a file (only ever set on the first sentence). */
  blankBefore?: number;
  /** The file ended without a line ending after this (last) block. */
  noFinalEol?: boolean;
};

/** A syntactic word (word line), columns by name; head as written (0 for the root). */
export type ConlluWord = {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  head: number;
  deprel: string;
  deps: string;
  misc: string;
};

const RANGE_RE = /^(\d+)-(\d+)$/;
const EMPTY_RE = /^\d+\.\d+$/;

export function readConllu(text: string): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  const lines = text.split('\n');
  // split() leaves a last "" after a final newline: it is not a line.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let cur: ConlluLine[] = [];
  let eol: '\n' | '\r\n' = '\n';
  let blankBefore = 0;
  const close = () => {
    if (cur.length === 0) return;
    out.push({ lines: cur, blankAfter: 0, eol });
    cur = [];
  };
  for (const rawLine of lines) {
    const cr = rawLine.endsWith('\r');
    const line = cr ? rawLine.slice(0, -1) : rawLine;
    if (line === '') {
      if (cur.length > 0) close();
      if (out.length === 0) blankBefore++;
      else out[out.length - 1]!.blankAfter++;
      continue;
    }
    if (cur.length === 0) eol = cr ? '\r\n' : '\n';
    if (line.startsWith('#')) { cur.push({ kind: 'comment', raw: line }); continue; }
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    const r = RANGE_RE.exec(id);
    if (r) cur.push({ kind: 'range', first: Number(r[1]), last: Number(r[2]), cols });
    else if (EMPTY_RE.test(id)) cur.push({ kind: 'empty', cols });
    else cur.push({ kind: 'word', id: Number(id), cols });
  }
  close();
  if (blankBefore > 0 && out[0]) out[0].blankBefore = blankBefore;
  const last = out[out.length - 1];
  if (last && last.blankAfter === 0 && text.length > 0 && !text.endsWith('\n')) last.noFinalEol = true;
  return out;
}

export function writeConllu(sentences: readonly ConlluSentence[]): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (i === 0 && s.blankBefore) parts.push(s.eol.repeat(s.blankBefore));
    for (const l of s.lines) parts.push(l.kind === 'comment' ? l.raw : l.cols.join('\t'), s.eol);
    if (s.noFinalEol && i === sentences.length - 1) parts.pop();
    parts.push(s.eol.repeat(s.blankAfter));
  }
  return parts.join('');
}

/** Creates a sentence block (one blank line after) from comments and word columns. */
export function makeSentence(comments: string[], words: string[][]): ConlluSentence {
  return {
    lines: [
      ...comments.map((c): ConlluLine => ({ kind: 'comment', raw: c.startsWith('#') ? c : `# ${c}` })),
      ...words.map((cols, i): ConlluLine => ({ kind: 'word', id: i + 1, cols: padCols(cols, i + 1) })),
    ],
    blankAfter: 1,
    eol: '\n',
  };
}

function padCols(cols: string[], id: number): string[] {
  const out = cols.slice(0, 10);
  while (out.length < 10) out.push('_');
  if (!out[0] || out[0] === '_') out[0] = String(id);
  return out;
}

/** The value of a `# key = value` comment, or undefined. */
export function comment(sentence: ConlluSentence, key: string): string | undefined {
  const prefix = `# ${key} =`;
  for (const l of sentence.lines) {
    if (l.kind === 'comment' && l.raw.startsWith(prefix)) return l.raw.slice(prefix.length).replace(/^ /, '');
  }
  return undefined;
}

export const sentenceText = (s: ConlluSentence): string | undefined => comment(s, 'text');
export const sentenceId = (s: ConlluSentence): string | undefined => comment(s, 'sent_id');
export const newdocId = (s: ConlluSentence): string | undefined => comment(s, 'newdoc id') ?? (s.lines.some((l) => l.kind === 'comment' && /^# newdoc\s*$/.test(l.raw)) ? '' : undefined);
export const isNewpar = (s: ConlluSentence): boolean => s.lines.some((l) => l.kind === 'comment' && /^# newpar(\s|$)/.test(l.raw));

/** The syntactic words of a sentence (word lines; ranges and empty nodes skipped). */
export function conlluWords(sentence: ConlluSentence): ConlluWord[] {
  const out: ConlluWord[] = [];
  for (const l of sentence.lines) {
    if (l.kind !== 'word') continue;
    const c = l.cols;
    const head = Number(c[6]);
    out.push({
      id: l.id,
      form: c[1] ?? '_',
      lemma: c[2] ?? '_',
      upos: c[3] ?? '_',
      xpos: c[4] ?? '_',
      feats: c[5] ?? '_',
      head: Number.isFinite(head) && c[6] !== '_' && c[6] !== undefined ? head : -1,
      deprel: c[7] ?? '_',
      deps: c[8] ?? '_',
      misc: c[9] ?? '_',
    });
  }
  return out;
}

/** The forms of the syntactic words. */
export const conlluForms = (sentence: ConlluSentence): string[] => conlluWords(sentence).map((w) => w.form);

/** UD FEATS string ("Number=Sing|Person=3") to a record, and back (sorted by name, as UD writes them). */
export function parseFeats(feats: string): Feats {
  const out: Record<string, string> = {};
  if (!feats || feats === '_') return out;
  for (const kv of feats.split('|')) {
    const eq = kv.indexOf('=');
    if (eq > 0) out[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return out;
}
export function formatFeats(feats: Feats): string {
  const keys = Object.keys(feats).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
  return keys.length ? keys.map((k) => `${k}=${feats[k]}`).join('|') : '_';
}

/** Predicted columns for the words of a sentence; heads as in SentencePrediction (0-based, -1 root). */
export type PredictedColumns = Partial<SentencePrediction> & { feats?: readonly (Feats | string)[] };

/**
 * Writes predicted UPOS, XPOS, LEMMA, FEATS, HEAD, DEPREL into the word lines (only the arrays
 * given; each must have one entry per syntactic word). Returns false, changing nothing, on a
 * length mismatch.
 */
export function setPredicted(sentence: ConlluSentence, pred: PredictedColumns): boolean {
  const words = sentence.lines.filter((l): l is Extract<ConlluLine, { kind: 'word' }> => l.kind === 'word');
  const n = words.length;
  const arrays = [pred.upos, pred.xpos, pred.lemma, pred.head, pred.deprel, pred.feats];
  if (arrays.some((a) => a !== undefined && a.length !== n)) return false;
  words.forEach((w, i) => {
    const c = w.cols;
    while (c.length < 10) c.push('_');
    if (pred.lemma) c[2] = pred.lemma[i] || '_';
    if (pred.upos) c[3] = pred.upos[i] || '_';
    if (pred.xpos) c[4] = pred.xpos[i] || '_';
    if (pred.feats) { const f = pred.feats[i]!; c[5] = typeof f === 'string' ? f || '_' : formatFeats(f); }
    if (pred.head) c[6] = String(pred.head[i]! < 0 ? 0 : pred.head[i]! + 1);
    if (pred.deprel) c[7] = pred.deprel[i] || '_';
  });
  return true;
}

// ---------------------------------------------------------------- documents and offsets

export type DocumentSentence = {
  sentence: ConlluSentence;
  sentId: string;
  /** Character span of the sentence text in the document text. */
  start: number;
  end: number;
  /** Character spans of the syntactic words (one per word line), in document offsets. */
  words: { start: number; end: number }[];
  /** Tokens that could not be found in the `# text` where expected. */
  mismatches: number;
};

export type ConlluDocument = { id: string; text: string; sentences: DocumentSentence[] };

/**
 * Rebuilds each document's raw text: a new document at each `# newdoc`; sentences joined by a
 * space within a paragraph, paragraphs (`# newpar`, and each document start) by a blank line.
 * Sentence text is `# text`, or the forms joined by SpaceAfter when a sentence has none.
 */
export function documentsFromConllu(sentences: readonly ConlluSentence[]): ConlluDocument[] {
  const docs: ConlluDocument[] = [];
  let doc: { id: string; parts: string[]; len: number; sentences: DocumentSentence[] } | null = null;
  const finish = () => { if (doc) docs.push({ id: doc.id, text: doc.parts.join(''), sentences: doc.sentences }); };
  sentences.forEach((s, i) => {
    const nd = newdocId(s);
    if (nd !== undefined || !doc) {
      finish();
      doc = { id: nd ?? `doc-${i}`, parts: [], len: 0, sentences: [] };
    } else {
      const sep = isNewpar(s) ? '\n\n' : ' ';
      doc.parts.push(sep);
      doc.len += sep.length;
    }
    const text = sentenceText(s) ?? textFromForms(s);
    const { offsets, mismatches } = alignWords(text, s);
    const start = doc.len;
    doc.parts.push(text);
    doc.len += text.length;
    doc.sentences.push({
      sentence: s,
      sentId: sentenceId(s) ?? `${doc.id}-${doc.sentences.length + 1}`,
      start,
      end: start + text.length,
      words: offsets.map((o) => ({ start: o.start + start, end: o.end + start })),
      mismatches,
    });
  });
  finish();
  return docs;
}

function spaceAfterNo(misc: string | undefined): boolean {
  return !!misc && misc.split('|').includes('SpaceAfter=No');
}

/** Surface tokens: ranges and the word lines outside them, in order. */
function surfaceTokens(s: ConlluSentence): { form: string; misc: string; words: string[] }[] {
  const out: { form: string; misc: string; words: string[] }[] = [];
  let rangeEnd = 0;
  let cur: { form: string; misc: string; words: string[] } | null = null;
  for (const l of s.lines) {
    if (l.kind === 'range') {
      cur = { form: l.cols[1] ?? '', misc: l.cols[9] ?? '_', words: [] };
      out.push(cur);
      rangeEnd = l.last;
    } else if (l.kind === 'word') {
      if (cur && l.id <= rangeEnd) cur.words.push(l.cols[1] ?? '');
      else { cur = null; out.push({ form: l.cols[1] ?? '', misc: l.cols[9] ?? '_', words: [l.cols[1] ?? ''] }); }
    }
  }
  return out;
}

function textFromForms(s: ConlluSentence): string {
  return surfaceTokens(s).map((t) => t.form + (spaceAfterNo(t.misc) ? '' : ' ')).join('').trimEnd();
}

/** Offsets of the sentence's syntactic words within its text. */
export function alignWords(text: string, s: ConlluSentence): { offsets: { start: number; end: number }[]; mismatches: number } {
  const offsets: { start: number; end: number }[] = [];
  let mismatches = 0;
  let pos = 0;
  for (const t of surfaceTokens(s)) {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
    let a = pos;
    let len = t.form.length;
    if (text.startsWith(t.form, pos)) {
      // found where expected
    } else {
      const near = text.indexOf(t.form, pos);
      if (near >= 0 && near - pos <= 20) a = near;
      else {
        mismatches++;
        // Not found: take the text up to the next space, so the following tokens can re-anchor.
        let e = pos;
        while (e < text.length && e - pos < len && !/\s/.test(text[e]!)) e++;
        len = Math.max(0, e - pos);
      }
    }
    const b = Math.min(text.length, a + len);
    // The syntactic words of the token: sequential when their forms spell the surface form.
    const total = t.words.reduce((n, w) => n + w.length, 0);
    if (t.words.length === 1 || total !== b - a) {
      if (t.words.length > 1 && total !== b - a) mismatches++;
      let p = a;
      t.words.forEach((w, k) => {
        const e = k === t.words.length - 1 ? b : Math.min(b, p + w.length);
        offsets.push({ start: p, end: e });
        p = e;
      });
    } else {
      let p = a;
      for (const w of t.words) { offsets.push({ start: p, end: p + w.length }); p += w.length; }
    }
    pos = b;
  }
  return { offsets, mismatches };
}
