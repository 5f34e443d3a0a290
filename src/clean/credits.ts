// Photo and agency credits at the end of a line: "(AFP)", "(Reuters/Jane Doe)",
// "Photo: Jane Doe", "– Getty Images". Agency names and credit words are data (cleaning.yaml).
import type { CleaningLexicon } from './cleaning-lexicon.js';
import { phrasePattern } from '../text/regexp-source.js';

type CreditMatchers = { paren: RegExp; creditInner: RegExp; marker: RegExp; trailingAgency: RegExp };
const cache = new WeakMap<CleaningLexicon, CreditMatchers>();


function matchers(lex: CleaningLexicon): CreditMatchers {
  let m = cache.get(lex);
  if (m) return m;
  const byLength = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).map((w) => phrasePattern(w)).join('|');
  const agencies = byLength(lex.agencies) || '(?!)';
  const markers = byLength(lex.creditMarkers) || '(?!)';
  m = {
    paren: /[\s\u00a0]*[([]([^()[\]\n]{1,80})[)\]]\s*\.?$/u,
    // Inside brackets: starts with an agency or credit word ("AFP via Getty Images",
    // "Photo: ...") or names the agency after a slash or "via" ("Jane Doe/AFP").
    creditInner: new RegExp(`^(?:(?:${agencies}|${markers})(?![\\p{L}\\p{N}])|.{1,50}(?:/|\\bvia\\s+)\\s*(?:${agencies})\\s*$)`, 'iu'),
    marker: new RegExp(`(?:^|(?<=[\\s.,;|–—-]))(?:${markers})\\s*[:：]\\s*[^:.!?\\n]{1,80}$`, 'iu'),
    trailingAgency: new RegExp(`(?:\\s*[|/–—-]\\s*|(?<=[.!?])\\s+)(?:${agencies})(?:\\s*[/,]\\s*[\\p{L}][\\p{L} .'’-]{0,40})?\\s*\\.?$`, 'iu'),
  };
  cache.set(lex, m);
  return m;
}

/** Where a trailing credit starts in `line` (spaces before it included), or null. */
export function trailingCreditStart(line: string, lex: CleaningLexicon): number | null {
  const m = matchers(lex);
  const paren = m.paren.exec(line);
  if (paren) {
    if (m.creditInner.test(paren[1]!.trim())) return paren.index;
  }
  const marker = m.marker.exec(line);
  if (marker) return marker.index;
  const dash = m.trailingAgency.exec(line);
  if (dash) return dash.index;
  return null;
}
