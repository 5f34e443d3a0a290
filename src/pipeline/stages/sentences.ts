// Sentence and paragraph segmentation. Paragraphs are separated by blank lines; a line without
// final punctuation (a heading, a caption) is a sentence of its own.
import type { Sentence, Stage } from '../stage.js';
import { readStringList, readStringMap } from '../../knowledge/lexicon-shapes.js';
import { escapeRegExp } from '../../text/regexp-source.js';

const NONE: ReadonlySet<string> = new Set();

/**
 * What the splitter knows of the language, from the packs (abbreviations.yaml,
 * sentence-splitting.yaml): abbreviations that keep their stop, titles that never end a
 * sentence, words that open one, and verbs of a quotation's attribution.
 */
export type SentenceLexicon = {
  abbreviations: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  starters: ReadonlySet<string>;
  /** Matches the attribution after a quotation ending in ? or ! (`"Will we win?" Smith asked`). */
  attribution: RegExp | null;
};

const lexicons = new WeakMap<object, SentenceLexicon>();

/** The splitter's lexicon from a knowledge base (read once per knowledge base). */
export function sentenceLexicon(kb: { lexicons: ReadonlyMap<string, unknown> }): SentenceLexicon {
  let lex = lexicons.get(kb);
  if (!lex) {
    const more = readStringMap(kb.lexicons, 'sentence-splitting');
    const verbs = more.quote_verbs ?? [];
    lex = {
      abbreviations: new Set(readStringList(kb.lexicons, 'abbreviations')),
      titles: new Set(more.titles ?? []),
      starters: new Set(more.starters ?? []),
      attribution: verbs.length ? new RegExp(`^\\s+(?:[\\p{Lu}][\\p{L}’'.-]*\\s+){1,4}(?:${verbs.map(escapeRegExp).join('|')})\\b`, 'u') : null,
    };
    lexicons.set(kb, lex);
  }
  return lex;
}

/** Split a text; with only a set of abbreviations, they never end a sentence. */
export function splitSentences(text: string, lexicon: SentenceLexicon | ReadonlySet<string>): Sentence[] {
  const lex: SentenceLexicon = lexicon instanceof Set ? { abbreviations: lexicon, titles: NONE, starters: NONE, attribution: null } : lexicon as SentenceLexicon;
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
      const continues = /[-–—,(&]$/.test(lineText);
      const endsSentence = !next || (!continues && (/[.!?:"”’)]$/.test(lineText) || /^\s*[A-Z0-9"“‘(\u0600-\u06FF]/.test(text.slice(next[0], next[1]))));
      if (endsSentence) {
        splitRun(text, segStart, le, lex, paragraph, out);
        if (next) segStart = next[0];
      }
    }
    paragraph++;
  }
  return out;
}

// A run of terminal punctuation, the closing quotes and brackets after it, and a citation
// mark that belongs to the sentence before it ("... in 2011. [12] Later ...").
const END_RE = /[.!?…]+[”’"“‘)\]]{0,3}(?:[ \t]*\[\d{1,3}(?:[ \t]*[-–,][ \t]*\d{1,3}){0,5}\])?/gu;
// What may start a sentence: an optional opening quote or bracket, then a capital, a digit or Arabic script.
const START_RE = /^\s+["“‘([]?[\p{Lu}\p{N}\u0600-\u06FF]/u;
const PERIOD_WORD_RE = /([\p{L}.]+)$/u;

/** Split one run of text into sentences at . ! ? followed by space and a sentence start. */
function splitRun(text: string, start: number, end: number, lex: SentenceLexicon, paragraph: number, out: Sentence[]): void {
  const { abbreviations } = lex;
  const run = text.slice(0, end);
  const re = new RegExp(END_RE);
  re.lastIndex = start;
  let s = start;
  for (let m = re.exec(run); m; m = re.exec(run)) {
    const stop = m.index + m[0].length;
    const rest = run.slice(stop, stop + 80);
    if (!START_RE.test(rest)) {
      // Informal text starts sentences in lower case too: "i got her number. i want to ..."; only after
      // a bare stop, question or exclamation mark (no ellipsis, no closing quote) and a plain word.
      if (!/^\s+\p{Ll}/u.test(rest) || !/^(?:\.|[!?]+)$/.test(m[0])) continue;
      if (m[0] === '.' && (isAbbreviation(run, Math.max(s, m.index - 30), m.index, abbreviations) || !/\p{L}{2}$/u.test(run.slice(Math.max(s, m.index - 2), m.index)))) continue;
    }
    // `"Will we win?" Smith asked.` is one sentence; after a stop (`"We will win." He said it`) it is two.
    if (/[!?][”’"“‘]/.test(m[0]) && lex.attribution?.test(rest)) continue;
    if (m[0][0] === '.' && (m[0].length === 1 || m[0][1] !== '.') && isAbbreviation(run, Math.max(s, m.index - 30), m.index, abbreviations)) {
      // An abbreviation ends a sentence only when a function word follows it.
      const word = PERIOD_WORD_RE.exec(run.slice(Math.max(s, m.index - 30), m.index))?.[1] ?? '';
      if (lex.titles.has(word)) continue;
      const next = /^\s+["“‘(]?([\p{L}]+)(\.?)/u.exec(rest);
      if (!next || next[2] || !lex.starters.has(next[1]!)) continue;
    }
    push(text, s, stop, paragraph, out);
    s = stop;
  }
  push(text, s, end, paragraph, out);
}

/** Is the word before the period at `dot` an abbreviation ("Gen", "U.S", "J", "e.g")? */
function isAbbreviation(run: string, from: number, dot: number, abbreviations: ReadonlySet<string>): boolean {
  const word = PERIOD_WORD_RE.exec(run.slice(from, dot))?.[1] ?? '';
  if (!word) return false;
  const last = word.split('.').pop() ?? '';
  // "U.S.", "J. Smith", "U.N.": a single capital letter before the stop.
  if (last.length === 1 && /\p{Lu}/u.test(last)) return true;
  // "e.g", "i.e", "a.m": dotted lower-case letters.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  if (word.length === 1) return true;
  if (abbreviations.has(last) || abbreviations.has(word)) return true;
  // "GEN.", "INC." in capitals: the lexicon writes them capitalised.
  return last.length > 1 && last === last.toUpperCase() && abbreviations.has(last[0] + last.slice(1).toLowerCase());
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
    return { sentences: splitSentences(document.text, sentenceLexicon(kb)) };
  },
};
export default stage;
