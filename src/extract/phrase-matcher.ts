// Finds many literal phrases in text at once: a trie over word tokens, longest phrase first,
// case-insensitive, tolerant of runs of spaces and curly apostrophes. Words match whole tokens
// only ("attack" never inside "attacker"); punctuation tokens let suffix cues like "-backed"
// attach to the word before them. Linear in the number of tokens.
export type PhraseMatch<T> = { start: number; end: number; text: string; value: T };

type Token = { start: number; end: number; norm: string };
type Node<T> = { next: Map<string, Node<T>>; value?: T };

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

function norm(s: string): string {
  return s.toLowerCase().replace(/[’‘`]/g, "'").replace(/[‐‑–]/g, '-');
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, norm: norm(m[0]) });
  return out;
}

// Stages call many matchers over the same document text: tokenize it once. A few texts are
// kept, since a stage may interleave the document with a shorter text (a name, a window).
const recent: { text: string; tokens: Token[] }[] = [];
const RECENT_TEXTS = 4;
function tokensOf(text: string): Token[] {
  for (const r of recent) if (r.text === text) return r.tokens;
  const tokens = tokenize(text);
  recent.unshift({ text, tokens });
  if (recent.length > RECENT_TEXTS) recent.pop();
  return tokens;
}

function onlySpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 160) return false;
  }
  return true;
}

/** First token whose start is >= offset. */
function firstTokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** The key a phrase and a matched surface share: lower case, single spaces, straight apostrophes. */
export function phraseKey(s: string): string {
  return norm(s).replace(/\s+/g, ' ').trim();
}

export class PhraseMatcher<T> {
  private readonly root: Node<T> = { next: new Map() };
  private count = 0;

  /** Entries in priority order: for a phrase listed twice the first value wins. */
  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [phrase, value] of entries) {
      const toks = tokenize(phraseKey(phrase)).map((t) => t.norm);
      if (!toks.length) continue;
      let node = this.root;
      for (const t of toks) {
        let n = node.next.get(t);
        if (!n) { n = { next: new Map() }; node.next.set(t, n); }
        node = n;
      }
      if (node.value === undefined) { node.value = value; this.count++; }
    }
  }

  get size(): number {
    return this.count;
  }

  /** Non-overlapping matches in text[from, to), left to right, longest first at each place. */
  matchAll(text: string, from = 0, to = text.length): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    if (!this.count) return out;
    const tokens = tokensOf(text);
    for (let i = firstTokenAt(tokens, from); i < tokens.length && tokens[i]!.start < to;) {
      let node = this.root.next.get(tokens[i]!.norm);
      let best = -1;
      let value: T | undefined;
      for (let j = i; node; ) {
        if (node.value !== undefined && tokens[j]!.end <= to) { best = j; value = node.value; }
        const k = j + 1;
        // Tokens of one phrase are separated by nothing or by whitespace only.
        if (k >= tokens.length || tokens[k]!.start >= to || !onlySpace(text, tokens[j]!.end, tokens[k]!.start)) break;
        node = node.next.get(tokens[k]!.norm);
        j = k;
      }
      if (best >= 0) {
        const start = tokens[i]!.start;
        const end = tokens[best]!.end;
        out.push({ start, end, text: text.slice(start, end), value: value as T });
        i = best + 1;
      } else {
        i++;
      }
    }
    return out;
  }
}
