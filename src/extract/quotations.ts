// Quoted stretches of a text: double quotation marks (curly pairs, or straight ones paired in
// order), and single quotation marks where a text uses them for speech ('...', ‘...’), told apart
// from apostrophes ("Syria's", "the Bedouins' camps", "’90s") by what stands on either side.
// A quotation never crosses a paragraph break; a quotation over several paragraphs (each opened
// with a mark, only the last one closed) gives one open quotation per paragraph before the last.

/** `open`: a paragraph of a quotation that goes on in the next paragraph (left without a closing mark, by convention). */
export type Quotation = { start: number; end: number; text: string; open?: boolean };

const DOUBLE = /[“"]([^“”"\n]{2,1200}?)[”"]/g;
const MAX_SINGLE = 1200;

/** Can a single quotation mark at i open a quotation? After a space, an opening bracket or dash, or at a line start; before a letter, digit or bracket. */
function opensSingle(text: string, i: number): boolean {
  const before = i === 0 ? '\n' : text[i - 1]!;
  const after = text[i + 1] ?? '';
  return /[\s([{—–-]/u.test(before) && /[\p{L}\p{N}[(]/u.test(after);
}

/**
 * Can a single quotation mark at i close one? Not inside a word ("Syria's"): after a letter, digit
 * or punctuation and before a space, punctuation or the end. `weak` when it may be a plural
 * possessive ("the clans' elders": an s before, a word after).
 */
function closesSingle(text: string, i: number): 'strong' | 'weak' | null {
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? '\n';
  if (/\s/u.test(before)) return null;
  if (/[\p{L}\p{N}]/u.test(after)) return null;
  if (/[sS]/.test(before) && / [\p{Ll}\p{N}]/u.test(text.slice(i + 1, i + 3))) return 'weak';
  return 'strong';
}

/** Single-quoted stretches outside the given double-quoted ones. */
function singleQuotations(text: string, taken: readonly Quotation[]): Quotation[] {
  const out: Quotation[] = [];
  const inside = (i: number) => taken.some((q) => i >= q.start - 1 && i <= q.end);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ((c !== '\'' && c !== '‘') || inside(i) || !opensSingle(text, i)) continue;
    // The nearest closing mark in the paragraph; a possible possessive ("the clans' elders") only
    // when no other closes before the next quotation opens.
    let strong = -1, weak = -1;
    for (let j = i + 2; j < text.length && j - i <= MAX_SINGLE; j++) {
      const d = text[j]!;
      if (d === '\n') break;
      if (inside(j)) continue; // a quotation inside this one ('He said "no"')
      if (weak >= 0 && (d === '\'' || d === '‘') && opensSingle(text, j)) break;
      if (d !== '\'' && d !== '’') continue;
      const kind = closesSingle(text, j);
      if (kind === 'strong') { strong = j; break; }
      if (kind === 'weak' && weak < 0) weak = j;
    }
    const close = strong >= 0 ? strong : weak;
    if (close < 0) continue;
    out.push({ start: i + 1, end: close, text: text.slice(i + 1, close) });
    i = close;
  }
  return out;
}

/** Paragraphs opened by a quotation mark that nothing closes, when the next paragraph opens with one too. */
function openParagraphs(text: string, found: readonly Quotation[]): Quotation[] {
  const out: Quotation[] = [];
  const lines = [...text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index, text: m[0] })).filter((l) => l.text.trim() !== '');
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const lead = /^\s*[“"]/.exec(line.text);
    if (!lead || !/^\s*[“"]/.test(lines[i + 1]!.text)) continue;
    const start = line.start + lead[0].length;
    const end = line.start + line.text.trimEnd().length;
    if (end - start < 2 || found.some((q) => q.start < end && start < q.end + 1)) continue;
    out.push({ start, end, text: text.slice(start, end), open: true });
  }
  return out;
}

/** Quoted stretches in text order: double quotation marks, and single ones outside them. */
export function findQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  DOUBLE.lastIndex = 0;
  for (let m = DOUBLE.exec(text); m; m = DOUBLE.exec(text)) out.push({ start: m.index + 1, end: m.index + 1 + m[1]!.length, text: m[1]! });
  out.push(...openParagraphs(text, out));
  // Only where single marks open a stretch somewhere: most texts use them as apostrophes only.
  if (/(?:^|[\s(])['‘]\p{L}/mu.test(text)) out.push(...singleQuotations(text, out));
  // A quotation inside another is part of it.
  return out.filter((q) => !out.some((o) => o !== q && o.start <= q.start - 1 && q.end + 1 <= o.end))
    .sort((a, b) => a.start - b.start);
}

/** A title ("The Long Night Of The Desert"): most words capitalised. */
export function isTitleCase(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length < 3) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / words.length > 0.7;
}

/** The text with every quotation (marks included) blanked: attribution is read from the narration only. */
export function blankQuotations(text: string, quotations: readonly Quotation[]): string {
  let out = '';
  let at = 0;
  for (const q of quotations) {
    const from = Math.max(at, q.start - 1);
    if (from >= Math.min(text.length, q.end + 1)) continue;
    out += text.slice(at, from) + ' '.repeat(Math.min(text.length, q.end + 1) - from);
    at = Math.min(text.length, q.end + 1);
  }
  return out + text.slice(at);
}
