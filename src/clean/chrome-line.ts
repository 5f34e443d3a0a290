// Page chrome: short lines made of interface vocabulary ("Smaller Bigger", "Share Tweet
// Email", "Read more"), cookie notices, breadcrumbs. The vocabulary is data (cleaning.yaml).
import type { CleaningLexicon } from './cleaning-lexicon.js';
import { escapeRegExp } from '../text/regexp-source.js';

const SENTENCE_END = /[.!?؟]["'”’)]*$/u;

function isBreadcrumb(line: string, lex: CleaningLexicon): boolean {
  if (line.length > 100 || SENTENCE_END.test(line)) return false;
  const seps = lex.breadcrumbSeparators.filter((s) => s.length > 0);
  if (seps.length === 0) return false;
  const splitter = new RegExp(`\\s*(?:${seps.map((s) => escapeRegExp(s)).join('|')})\\s*`, 'u');
  const parts = line.split(splitter).filter((p) => p.trim() !== '');
  if (parts.length < 3) return false;
  // Each crumb is a short name, not a clause; numbers alone suggest a date or score instead.
  return parts.every((p) => {
    const words = p.trim().split(/\s+/u);
    return words.length <= 4 && /\p{L}/u.test(p);
  });
}

export function isChromeLine(line: string, lex: CleaningLexicon): boolean {
  const text = line.trim();
  if (text === '') return false;
  if (lex.linePatterns.some((re) => re.test(text))) return true;
  if (isBreadcrumb(text, lex)) return true;
  const tokens = text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+[+-]?/gu) ?? [];
  const words = tokens.filter((t) => !/^\p{N}+$/u.test(t));
  if (words.length === 0 || words.length > lex.maxChromeWords) return false;
  return words.every((w) => lex.uiWords.has(w));
}
