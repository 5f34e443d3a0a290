// Where an event happened: a place named in its sentence — first one after the trigger in its
// clause, else the nearest before it in the clause, else the nearest in the sentence. A name
// that is also an actor mention ("Damascus carried out ...") is a place only after a locative
// preposition. No place in the sentence: none (places are never invented).
import type { Clause } from './clauses.js';
import type { PlaceRef, SentenceInfo } from './sentence-index.js';

const LOCATIVE = /\b(?:in|near|at|to|from|toward|towards|into|outside|around|across|inside|on|over)\s+(?:the\s+)?(?:\p{L}+\s+)?$/iu;

export function usablePlaces(text: string, s: SentenceInfo): PlaceRef[] {
  return s.places.filter((p) => {
    const asActor = s.actors.some((a) => a.start < p.end && p.start < a.end);
    return !asActor || LOCATIVE.test(text.slice(Math.max(s.start, p.start - 24), p.start));
  });
}

export function eventPlace(text: string, s: SentenceInfo, clause: Clause, start: number, end: number): PlaceRef | null {
  const places = usablePlaces(text, s);
  if (!places.length) return null;
  const after = places.find((p) => p.start >= end && p.end <= clause.end);
  if (after) return after;
  const before = places.filter((p) => p.end <= start && p.start >= clause.start).at(-1);
  if (before) return before;
  let best: PlaceRef | null = null;
  let dist = Infinity;
  for (const p of places) {
    const d = p.end <= start ? start - p.end : p.start - end;
    if (d < dist) { dist = d; best = p; }
  }
  return best;
}
