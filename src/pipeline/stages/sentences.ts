// Sentence and paragraph segmentation. Paragraphs are separated by blank lines; a line without
// final punctuation (a heading, a caption) is a sentence of its own.
import type { Sentence, Stage } from '../stage.js';
import { readStringList } from '../../knowledge/lexicon-shapes.js';

const cache = new WeakMap<object, Set<string>>();

export function splitSentences(text: string, abbreviations: ReadonlySet<string>): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  // Paragraphs: split on blank lines, keeping offsets.
  const paraRe = /\n[ \t]*\n+/g;
  let pStart = 0;
  const paragraphs: [number, number][] = [];
  for (let m = paraRe.exec(text); m; m = paraRe.exec(text)) {
    paragraphs.push([pStart, m.index]);
    pStart = m.index + m[0].length;
  }
  paragraphs.push([pStart, text.length]);
  for (const [ps, pe] of paragraphs) {
    if (!text.slice(ps, pe).trim()) continue;
    // Within a paragraph, single newlines after a line with no final punctuation end a sentence.
    const lineRe = /\n/g;
    let ls = ps;
    const lines: [number, number][] = [];
    for (let m = lineRe.exec(text); m && m.index < pe; m = lineRe.exec(text)) {
      if (m.index < ps) continue;
      lines.push([ls, m.index]);
      ls = m.index + 1;
    }
    lines.push([ls, pe]);
    // Join lines that continue a sentence (previous line ends without punctuation and next starts lower case).
    let segStart = lines[0]![0];
    for (let i = 0; i < lines.length; i++) {
      const [, le] = lines[i]!;
      const next = lines[i + 1];
      const lineText = text.slice(segStart, le).trimEnd();
      const endsSentence = /[.!?:"”’)]$/.test(lineText) || !next || /^\s*[A-Z0-9"“‘(\u0600-\u06FF]/.test(text.slice(next[0], next[1]));
      if (endsSentence) {
        splitRun(text, segStart, le, abbreviations, paragraph, out);
        if (next) segStart = next[0];
      }
    }
    paragraph++;
  }
  return out;
}

/** Split one run of text into sentences at . ! ? followed by space and a sentence start. */
function splitRun(text: string, start: number, end: number, abbreviations: ReadonlySet<string>, paragraph: number, out: Sentence[]): void {
  const re = /[.!?]+["”’)]*(?=\s+["“‘(]?[A-Z0-9\u0600-\u06FF])/g;
  re.lastIndex = start;
  let s = start;
  const run = text.slice(0, end);
  for (let m = re.exec(run); m; m = re.exec(run)) {
    const stop = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1) {
      const word = /([\p{L}.]+)$/u.exec(run.slice(Math.max(s, m.index - 20), m.index))?.[1] ?? '';
      const last = word.split('.').pop() ?? '';
      // "U.S.", "J. Smith", "Gen. Kurilla": not sentence ends.
      if (last.length === 1 && /\p{Lu}/u.test(last)) continue;
      if (abbreviations.has(last) || abbreviations.has(word)) continue;
    }
    push(text, s, stop, paragraph, out);
    s = stop;
  }
  push(text, s, end, paragraph, out);
}

function push(text: string, start: number, end: number, paragraph: number, out: Sentence[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end), paragraph });
}

const stage: Stage = {
  name: 'sentences',
  requires: [],
  run({ document, kb }) {
    let abbreviations = cache.get(kb);
    if (!abbreviations) {
      abbreviations = new Set(readStringList(kb.lexicons, 'abbreviations'));
      cache.set(kb, abbreviations);
    }
    return { sentences: splitSentences(document.text, abbreviations) };
  },
};
export default stage;
