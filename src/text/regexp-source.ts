// Building regular expressions from lexicon words: the word as a literal, and as a phrase whose
// spaces match any run of whitespace ("car bomb" also in "car\nbomb").

/** The text as a literal inside a RegExp source. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A literal phrase whose whitespace matches any whitespace run. */
export function phrasePattern(phrase: string): string {
  return escapeRegExp(phrase).replace(/\s+/g, '\\s+');
}
