// Per-word values the tagger and the parser hash into features: a normalised form (case
// folded, numbers collapsed), affixes and a word shape. Computed once per word.
import { hashString } from './feature-hash.js';

export function normaliseForm(form: string): string {
  const lower = form.toLowerCase();
  if (/^\d{4}$/.test(form)) return '!YEAR';
  if (/^[\d.,:/-]+$/.test(form) && /\d/.test(form)) return '!DIGITS';
  if (lower.length > 40) return '!LONG';
  return lower;
}

/** Word shape in spaCy's style: Xxxx, dd, XX.X. — runs of one class kept to four. */
export function wordShape(form: string): string {
  let out = '';
  let last = '';
  let run = 0;
  const n = Math.min(form.length, 40);
  for (let i = 0; i < n; i++) {
    const ch = form[i]!;
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch.toUpperCase()) c = ch === ch.toLowerCase() ? 'x' : 'X';
    else c = ch;
    if (c === last) {
      run++;
      if (run >= 4) continue;
    } else {
      run = 0;
      last = c;
    }
    out += c;
  }
  return out;
}

export type WordValues = {
  /** Hash of the normalised form. */
  norm: Uint32Array;
  /** Hash of the form as written. */
  exact: Uint32Array;
  shape: Uint32Array;
  pre1: Uint32Array;
  suf1: Uint32Array;
  suf2: Uint32Array;
  suf3: Uint32Array;
  suf4: Uint32Array;
  /** 1 when the word starts with a capital letter. */
  cap: Uint8Array;
};

export function wordValues(forms: readonly string[]): WordValues {
  const n = forms.length;
  const v: WordValues = {
    norm: new Uint32Array(n), exact: new Uint32Array(n), shape: new Uint32Array(n),
    pre1: new Uint32Array(n), suf1: new Uint32Array(n), suf2: new Uint32Array(n),
    suf3: new Uint32Array(n), suf4: new Uint32Array(n), cap: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const form = forms[i]!.length > 200 ? forms[i]!.slice(0, 200) : forms[i]!;
    const lower = form.toLowerCase();
    v.norm[i] = hashString(normaliseForm(form));
    v.exact[i] = hashString(form);
    v.shape[i] = hashString(wordShape(form));
    v.pre1[i] = hashString(lower.slice(0, 1));
    v.suf1[i] = hashString(lower.slice(-1));
    v.suf2[i] = hashString(lower.slice(-2));
    v.suf3[i] = hashString(lower.slice(-3));
    v.suf4[i] = hashString(lower.slice(-4));
    const c = form.charCodeAt(0);
    v.cap[i] = form[0] !== undefined && form[0] !== form[0].toLowerCase() && c !== 0 ? 1 : 0;
  }
  return v;
}
