// Longest-match lookup of pack aliases over the token stream.
import type { Token } from '../text/tokenize.js';
import { isCapitalised, joinableGap } from '../text/tokenize.js';
import type { AliasEntry, AliasIndex } from './alias-index.js';

export type PackHit = { start: number; end: number; firstToken: number; lastToken: number; entry: AliasEntry };

function casingFits(entry: AliasEntry, tokens: Token[], from: number): boolean {
  if (entry.caseMode === 'any') return true;
  if (entry.caseMode === 'exact') {
    // Acronyms: the written form must be the alias's own capitals ("IS", "U.S." for "US" needs its own alias).
    const written = tokens.slice(from, from + entry.tokens.length).map((t) => t.text).join('');
    return written === entry.raw.join('');
  }
  for (let i = 0; i < entry.tokens.length; i++) if (isCapitalised(tokens[from + i]!.text)) return true;
  return false;
}

export function findPackMentions(text: string, tokens: Token[], index: AliasIndex): PackHit[] {
  const hits: PackHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = index.get(tokens[i]!.norm);
    if (!candidates) continue;
    for (const entry of candidates) {
      const n = entry.tokens.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) {
        const prev = tokens[i + k - 1]!;
        const cur = tokens[i + k]!;
        const gap = text.slice(prev.end, cur.start);
        // "Iraq's parliament": the tokenizer leaves the possessive between the tokens.
        ok = cur.norm === entry.tokens[k] && (joinableGap(gap, prev.text) || (entry.possessiveAfter.includes(k - 1) && /^['’]s[ \t]$/u.test(gap)));
      }
      if (!ok || !casingFits(entry, tokens, i)) continue;
      hits.push({ start: tokens[i]!.start, end: tokens[i + n - 1]!.end, firstToken: i, lastToken: i + n - 1, entry });
      i += n - 1;
      break;
    }
  }
  return hits;
}
