// Word tokens with offsets, and the folded form used for dictionary matching.
export type Token = {
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** Lower case, no diacritics, no apostrophes; Arabic script without vowel marks. */
  norm: string;
};

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’‘ʿʾ`][\p{L}\p{M}]+)*/gu;
const POSSESSIVE = /['’]s$/u;

/** Fold a word for matching: case, Latin diacritics, apostrophes, Arabic vowel marks and letter variants. */
const PLAIN = /^[A-Za-z0-9]*$/;

export function foldWord(word: string): string {
  if (PLAIN.test(word)) return word.toLowerCase(); // most English words: no marks to strip
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘ʿʾ`]/g, '')
    .replace(/[\u064B-\u0652\u0670\u0640]/g, '') // tashkeel, dagger alef, tatweel
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .toLowerCase();
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let word = m[0];
    // Possessive "Iran's" / "HTS’s": the name is the token without the suffix.
    if (POSSESSIVE.test(word) && word.length > 2) word = word.slice(0, -2);
    out.push({ start: m.index, end: m.index + word.length, text: word, norm: foldWord(word) });
  }
  return out;
}

/** Folded token sequence of a name, for dictionary keys. */
export function foldName(name: string): string[] {
  return tokenize(name).map((t) => t.norm);
}

/** True when the characters between two tokens may sit inside one name ("al-Sham", "U.S.", "Abu  Bakr"). */
export function joinableGap(gap: string, previous: string): boolean {
  if (gap === ' ' || gap === '-' || gap === '‐' || gap === '–') return true;
  if (/^\s+$/.test(gap)) return !gap.includes('\n');
  // Initials: "U.S.", "U.N."
  if ((gap === '.' || gap === '. ') && previous.length === 1) return true;
  return false;
}

export function isCapitalised(word: string): boolean {
  const c = word.codePointAt(0);
  if (c === undefined) return false;
  const ch = String.fromCodePoint(c);
  return ch !== ch.toLowerCase() || /[\u0600-\u06FF]/.test(ch);
}
