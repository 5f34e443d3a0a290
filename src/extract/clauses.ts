// Clause boundaries inside a sentence. A clause is the span an event trigger or relation cue
// takes its subject and object from; boundaries are punctuation and the conjunctions that start
// a new clause (", while", ", who", "; "). English grammar, not domain knowledge.
export type Clause = {
  start: number; end: number;
  /** The boundary word that opened it, lower case ("who", "while"; "" at sentence start), and where that boundary began. */
  opener: string; openerStart: number;
};

const BOUNDARY = new RegExp([
  // "Jabhat al-Nusra—which he led": a dash may open a relative clause as a comma does.
  '\\s?[—–]\\s*(?:which|who|whom|whose)\\b',
  ';', ':\\s', '\\s[—–]\\s', '—', '\\s--\\s',
  ',\\s+(?:but|while|whereas|although|though|which|who|whom|whose|where|because|so that)\\b',
  '\\s(?:but|while|whereas)\\s',
  // "attacked ships, saying they act for X": the participle clause is the reason given, not the object.
  ',\\s+(?:saying|claiming|adding|arguing|citing|noting|insisting|stressing)\\b',
  // "a soldier was killed when an IED exploded": the bomb's clause has no subject of its own.
  ',?\\s+when\\s',
  // ", and" starts a clause only before a fronted adverbial or a pronoun subject; elsewhere it
  // joins list items ("Deir ez-Zor, Raqqa, and the Badia").
  ',\\s+and\\s+(?=(?:in|on|at|since|then|later|after|before|during|it|they|he|she|we|this|these|its|their)\\b)',
].join('|'), 'gi');

/** Boundaries of the sentence text [start, end), as absolute offsets. */
// Many triggers share a sentence: keep the last document's breaks by sentence start.
let memoText: string | null = null;
const memo = new Map<number, { start: number; end: number; text: string }[]>();

export function clauseBreaks(text: string, start: number, end: number): { start: number; end: number; text: string }[] {
  if (memoText !== text) { memo.clear(); memoText = text; }
  const hit = memo.get(start * 1e6 + end);
  if (hit) return hit;
  const out: { start: number; end: number; text: string }[] = [];
  const slice = text.slice(start, end);
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(slice); m; m = BOUNDARY.exec(slice)) {
    out.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0].toLowerCase() });
  }
  memo.set(start * 1e6 + end, out);
  return out;
}

/** The clause of sentence [start, end) holding [from, to). */
export function clauseAt(text: string, sentence: { start: number; end: number }, from: number, to = from): Clause {
  let start = sentence.start;
  let end = sentence.end;
  let opener = '';
  let openerStart = sentence.start;
  for (const b of clauseBreaks(text, sentence.start, sentence.end)) {
    if (b.end <= from) { start = b.end; openerStart = b.start; opener = b.text.replace(/[\s,;:—–-]+/g, ' ').trim(); }
    else if (b.start >= to) { end = b.start; break; }
  }
  return { start, end, opener, openerStart };
}

export const RELATIVE_OPENERS = new Set(['which', 'who', 'whom', 'whose']);
