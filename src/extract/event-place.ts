// Where an event happened: a place named in its sentence — the most specific one in its clause
// (first after the trigger, else nearest before it, on ties), else the nearest in the sentence. A name
// that is also an actor mention ("Damascus carried out ...") is a place only after a locative
// preposition. No place in the sentence: none (places are never invented).
import type { Clause } from './clauses.js';
import { isCompoundModifier } from './clause-actors.js';
import type { PlaceRef, SentenceInfo } from './sentence-index.js';

const LOCATIVE = /\b(?:in|near|at|to|from|toward|towards|into|outside|around|across|inside|on|over)\s+(?:the\s+)?(?:\p{L}+\s+)?$/iu;

export function usablePlaces(text: string, s: SentenceInfo): PlaceRef[] {
  return s.places.filter((p) => {
    // "a Turkey backed patrol": the name qualifies a noun, it locates nothing.
    if (isCompoundModifier(text, p)) return false;
    const asActor = s.actors.some((a) => a.start < p.end && p.start < a.end);
    return !asActor || LOCATIVE.test(text.slice(Math.max(s.start, p.start - 24), p.start));
  });
}

// Lower is more specific: an event is placed at the most precise place its clause names
// ("civilians in Kafr Takharim in Idleb protested" → Kafr Takharim, not Idleb).
const SPECIFICITY: Record<string, number> = {
  site: 0, camp: 0, base: 0, border: 0, village: 1, town: 1, city: 1, district: 1, other: 2, admin2: 2,
  admin1: 3, region: 4, country: 4, continent: 5,
};

const INSIDE = /^(?:\s+(?:city|town|village|camp|area|district|province|governorate|countryside))?(?:\s*,\s*|\s+(?:in|of)\s+(?:the\s+)?(?:(?:rural|northern|southern|eastern|western|central)\s+)?)$/i;

/** How specific a place of the document is: 0 (a site) to 5 (a continent). */
export function placeRank(idx: { places: ReadonlyMap<string, { kind: string }> }, place: string): number {
  return SPECIFICITY[idx.places.get(place)?.kind ?? 'other'] ?? 2;
}

export function eventPlace(
  text: string, s: SentenceInfo, clause: Clause, start: number, end: number, rankOf?: (place: string) => number,
): PlaceRef | null {
  const places = usablePlaces(text, s);
  if (!places.length) return null;
  const rank = (p: PlaceRef) => rankOf?.(p.place) ?? 2;
  // Candidates in the clause, in order of preference: after the trigger, then nearest before.
  const inClause = [
    ...places.filter((p) => p.start >= end && p.end <= clause.end),
    ...places.filter((p) => p.end <= start && p.start >= clause.start).reverse(),
  ];
  if (inClause.length) {
    let best = inClause[0]!;
    for (const p of inClause) if (rank(p) < rank(best)) best = p;
    // "Kafr Takharim in Idleb", "Basira, Deir ez-Zor": the first of a chain lies inside the rest.
    for (let i = places.indexOf(best) - 1; i >= 0; i--) {
      const prev = places[i]!;
      if (prev.start < clause.start || rank(prev) > rank(best) || !INSIDE.test(text.slice(prev.end, best.start))) break;
      best = prev;
    }
    return best;
  }
  let best: PlaceRef | null = null;
  let dist = Infinity;
  for (const p of places) {
    const d = p.end <= start ? start - p.end : p.start - end;
    if (d < dist) { dist = d; best = p; }
  }
  return best;
}
