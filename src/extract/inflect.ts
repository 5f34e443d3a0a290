// Regular English inflection for lexicon entries, so lexicons list base forms only. Generated
// forms may include non-words ("attackd"); they never occur in text, so they cost nothing.
const PREPOSITION_TAIL = new Set(['of', 'to', 'for', 'with', 'on', 'against', 'from', 'in', 'into', 'between', 'by']);

function verbWordForms(w: string): string[] {
  const out = [w, `${w}s`, `${w}es`, `${w}ed`, `${w}d`, `${w}ing`];
  if (w.endsWith('e')) out.push(`${w.slice(0, -1)}ing`);
  if (/[^aeiou]y$/.test(w)) out.push(`${w.slice(0, -1)}ies`, `${w.slice(0, -1)}ied`);
  // Doubled final consonant: plot → plotted, kidnap → kidnapped.
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(w)) out.push(`${w}${w.at(-1)}ed`, `${w}${w.at(-1)}ing`);
  return out;
}

/** All regular forms of a verb phrase; the first word is the one inflected ("cooperate with"). */
export function verbForms(phrase: string): string[] {
  const [head, ...rest] = phrase.trim().split(/\s+/);
  if (!head) return [];
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  return [...new Set(verbWordForms(head).map((f) => f + tail))];
}

function pluralWord(w: string): string[] {
  if (/[^aeiou]y$/.test(w)) return [w, `${w.slice(0, -1)}ies`];
  if (/(s|x|z|ch|sh)$/.test(w)) return [w, `${w}es`];
  return [w, `${w}s`];
}

/** Singular and plural of a noun phrase: the head noun is the last word, or the word before a trailing preposition ("operation against"). */
export function nounForms(phrase: string): string[] {
  const words = phrase.trim().split(/\s+/);
  let head = words.length - 1;
  while (head > 0 && PREPOSITION_TAIL.has(words[head]!.toLowerCase())) head--;
  return pluralWord(words[head]!).map((f) => [...words.slice(0, head), f, ...words.slice(head + 1)].join(' '));
}
