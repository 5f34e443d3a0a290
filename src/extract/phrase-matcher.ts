// Finds many literal phrases in text at once: one compiled alternation, longest phrase first,
// case-insensitive, on word boundaries, tolerant of runs of spaces and curly apostrophes.
export type PhraseMatch<T> = { start: number; end: number; text: string; value: T };

/** The key a phrase and a matched surface share: lower case, single spaces, straight apostrophes. */
export function phraseKey(s: string): string {
  return s.toLowerCase().replace(/[’‘`]/g, "'").replace(/[‐‑–]/g, '-').replace(/\s+/g, ' ').trim();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function phrasePattern(key: string): string {
  const body = key.split(' ').map((w) => escape(w).replace(/'/g, "['’‘`]").replace(/-/g, '[-‐‑–]')).join('\\s+');
  // Word boundaries only where the phrase itself begins/ends with a word character, so that
  // suffixes like "-backed" can attach to the word before them.
  const left = /^[\p{L}\p{N}]/u.test(key) ? '(?<![\\p{L}\\p{N}])' : '';
  const right = /[\p{L}\p{N}]$/u.test(key) ? '(?![\\p{L}\\p{N}])' : '';
  return left + body + right;
}

export class PhraseMatcher<T> {
  private readonly re: RegExp | null;
  private readonly values = new Map<string, T>();

  /** Entries in priority order: for a phrase listed twice the first value wins. */
  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [phrase, value] of entries) {
      const key = phraseKey(phrase);
      if (key && !this.values.has(key)) this.values.set(key, value);
    }
    const keys = [...this.values.keys()].sort((a, b) => b.length - a.length);
    this.re = keys.length ? new RegExp(keys.map(phrasePattern).join('|'), 'giu') : null;
  }

  get size(): number {
    return this.values.size;
  }

  /** Non-overlapping matches in text[from, to), left to right. */
  matchAll(text: string, from = 0, to = text.length): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    if (!this.re) return out;
    this.re.lastIndex = from;
    for (let m = this.re.exec(text); m && m.index < to; m = this.re.exec(text)) {
      const end = m.index + m[0].length;
      if (end > to) break;
      const value = this.values.get(phraseKey(m[0]));
      if (value !== undefined) out.push({ start: m.index, end, text: m[0], value });
    }
    return out;
  }
}
