// Turns what a user types into an FTS5 query that cannot be a syntax error: every bare token
// and every "quoted phrase" becomes a quoted FTS5 string, so quotes, hyphens ("al-Sharaa"),
// apostrophes, parentheses, colons and AND/OR/NOT/NEAR are plain text. Terms are ANDed.
// A trailing * on a bare token keeps its meaning as a prefix search.

const WORD_CHAR = /[\p{L}\p{N}]/u;
// A quoted phrase (the closing quote may be missing) or a run of non-space characters.
const PART = /"([^"]*)"?|([^\s"]+)/g;

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The FTS5 MATCH expression for a user query, or null when it has nothing to search for. */
export function toFtsQuery(input: string): string | null {
  // Control characters have no place in a query and NUL can truncate strings in C code.
  const cleaned = input.normalize('NFC').replace(/[\p{Cc}]/gu, ' ');
  const terms: string[] = [];
  for (const m of cleaned.matchAll(PART)) {
    if (m[1] !== undefined) {
      if (WORD_CHAR.test(m[1])) terms.push(quote(m[1]));
      continue;
    }
    const token = m[2] ?? '';
    const prefix = token.length > 1 && token.endsWith('*');
    const body = token.replace(/\*+$/, '');
    if (!WORD_CHAR.test(body)) continue;
    terms.push(prefix ? `${quote(body)} *` : quote(body));
  }
  return terms.length === 0 ? null : terms.join(' ');
}
