// Where an event happened: a place named in its sentence — the most specific one in its clause
// (first after the trigger, else nearest before it, on ties), else the nearest in the sentence. A name
// that is also an actor mention ("Damascus carried out ...") is a place only after a locative
// preposition. A place the text puts inside another ("X in the countryside of Y", "X area west of
// Y") is preferred to its container whatever their kinds, countries aside. Where people are from
// ("fighters who are from X") yields to any other place. No place in the sentence: none (places
// are never invented). A place followed by a site word ("X border crossing", "X airport") is as
// precise as a site.
import type { Clause } from './clauses.js';
import { isCompoundModifier } from './clause-actors.js';
import type { PlaceRef, SentenceInfo } from './sentence-index.js';

// "in X", "near the town X", "in the town of X", "on the outskirts of X".
const LOCATIVE = /\b(?:in|near|at|to|from|toward|towards|into|outside|around|across|inside|on|over)\s+(?:the\s+)?(?:\p{L}+\s+|(?:city|town|village|outskirts|vicinity|countryside|suburbs|environs|area|region|district|province|governorate)\s+of\s+(?:the\s+)?)?$/iu;
/** "whose fighters are from X", "who come from X": where people are from, not where the event is
 *  ("a patrol starting from X" still locates it). */
const ORIGIN = /\b(?:is|are|was|were|come|comes|came|hails?|hailing)\s+(?:(?:also|originally|all)\s+)?from\s+(?:the\s+)?(?:(?:city|town|village|province|governorate)\s+of\s+)?$/iu;

export function usablePlaces(text: string, s: SentenceInfo): PlaceRef[] {
  return s.places.filter((p) => {
    // "a Turkey backed patrol": the name qualifies a noun, it locates nothing.
    if (isCompoundModifier(text, p)) return false;
    const asActor = s.actors.some((a) => a.start < p.end && p.start < a.end);
    return !asActor || LOCATIVE.test(text.slice(Math.max(s.start, p.start - 24), p.start));
  });
}

/** Countries, and regions that span a country or more: never a place "inside" another. */
const WIDE = 4.5;
// Lower is more specific: an event is placed at the most precise place its clause names
// ("civilians in Kafr Takharim in Idleb protested" → Kafr Takharim, not Idleb).
const SPECIFICITY: Record<string, number> = {
  site: 0, camp: 0, base: 0, border: 0, village: 1, town: 1, city: 1, district: 1, other: 2, admin2: 2,
  admin1: 3, region: 4, country: WIDE, continent: 5,
};

// A place the text puts inside (or just by) the next one: "X, Y", "X in Y", "X town in the
// north-western countryside of Y", "X area west of Y", "X (Y)", "(Y) region of Z", "X street of Y".
const DIR = '(?:rural|central|(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?)';
const DESCRIBER = '(?:city|town|village|camp|area|areas|district|subdistrict|province|governorate|countryside|outskirts|suburbs|vicinity|desert|region|regions|plain|plains|valley|mountains?|street|square|market|neighbou?rhood|fronts?|frontlines?|axis)';
// "X and its countryside", "X and the surrounding villages" before "in Y": still X's description.
const AND_ITS = '(?:\\s+and\\s+(?:its\\s+\\p{L}+|(?:the\\s+)?(?:surrounding|nearby|neighbou?ring|adjacent)\\s+\\p{L}+|(?:the\\s+)?(?:surroundings|environs|vicinity|outskirts)))';
const INSIDE = new RegExp(`^\\)?(?:\\s+${DESCRIBER})?${AND_ITS}?(?:\\s*,\\s*(?:${DIR}\\s+)?|\\s+(?:in|of)\\s+(?:the\\s+)?(?:${DIR}\\s+)?(?:countryside\\s+of\\s+(?:the\\s+)?)?|\\s+${DIR}\\s+of\\s+(?:the\\s+)?|\\s*\\(\\s*)$`, 'iu');

/** "X border crossing", "X camp", "X airport": the text names a site of X, as precise as a site. */
const SITE_AFTER = /^\s+(?:border\s+crossing|crossing|camp|base|air\s*base|airport|checkpoint|prison|dam|bridge|(?:oil|gas)\s+field)\b/iu;

/** How specific a place of the document is: 0 (a site) to 5 (a continent). A name the gazetteer
 *  lacks, located only by its governorate, is as specific as the governorate. */
export function placeRank(idx: { places: ReadonlyMap<string, { kind: string; precision?: string; admin1?: string | null }> }, place: string): number {
  const p = idx.places.get(place);
  let r = SPECIFICITY[p?.kind ?? 'other'] ?? 2;
  if (p?.kind === 'region' && !p.admin1) r = WIDE;
  if (p?.precision === 'admin1') r = Math.max(r, SPECIFICITY.admin1!);
  return r;
}

/** "X in the countryside of Y": walk from Y back to the innermost place of the chain. */
function innermost(text: string, places: PlaceRef[], best: PlaceRef, from: number, rank: (p: PlaceRef) => number): PlaceRef {
  for (let i = places.indexOf(best) - 1; i >= 0; i--) {
    const prev = places[i]!;
    if (prev.start < from || rank(prev) >= WIDE || !INSIDE.test(text.slice(prev.end, best.start))) break;
    best = prev;
  }
  return best;
}

export function eventPlace(
  text: string, s: SentenceInfo, clause: Clause, start: number, end: number, rankOf?: (place: string) => number,
): PlaceRef | null {
  const all = usablePlaces(text, s);
  if (!all.length) return null;
  const rank = (p: PlaceRef) => (SITE_AFTER.test(text.slice(p.end, p.end + 24)) ? 0 : rankOf?.(p.place) ?? 2);
  // Places named as an origin ("fighters who are from X") only when nothing else is named.
  const located = all.filter((p) => !ORIGIN.test(text.slice(Math.max(s.start, p.start - 40), p.start)));
  const places = located.length ? located : all;
  // Candidates in the clause, in order of preference: after the trigger, then nearest before.
  const inClause = [
    ...places.filter((p) => p.start >= end && p.end <= clause.end),
    ...places.filter((p) => p.end <= start && p.start >= clause.start).reverse(),
  ];
  if (inClause.length) {
    let best = inClause[0]!;
    for (const p of inClause) if (rank(p) < rank(best)) best = p;
    // "Kafr Takharim in Idleb", "Basira, Deir ez-Zor": the first of a chain lies inside the rest.
    return innermost(text, places, best, clause.start, rank);
  }
  let best: PlaceRef | null = null;
  let dist = Infinity;
  for (const p of places) {
    const d = p.end <= start ? start - p.end : p.start - end;
    if (d < dist) { dist = d; best = p; }
  }
  // "an operation in the village of X in the eastern countryside of Y, during which ...": the
  // nearest place is Y, the chain's innermost is where it happened.
  return best && innermost(text, places, best, s.start, rank);
}

/** "airstrikes in A region of X, B (B') and C regions of Y": one action at several places listed
 *  after its trigger. Returns the place eventPlace() picks first, then, when it heads one item of
 *  a list of places (each item a chain "A region of X"), the innermost place of every other item.
 *  A bare comma joins a chain only towards a wider place ("Sinjar, Nineveh"); "between A and B"
 *  is one place, not a list. */
export function eventPlaces(
  text: string, s: SentenceInfo, clause: Clause, start: number, end: number, rankOf?: (place: string) => number,
): PlaceRef[] {
  const first = eventPlace(text, s, clause, start, end, rankOf);
  if (!first) return [];
  const rank = (p: PlaceRef) => rankOf?.(p.place) ?? 2;
  const all = usablePlaces(text, s).filter((p) => !ORIGIN.test(text.slice(Math.max(s.start, p.start - 40), p.start)));
  const after = all.filter((p) => p.start >= end && p.end <= clause.end);
  // Items: runs of places chained by containment.
  const items: PlaceRef[][] = [];
  for (const p of after) {
    const cur = items.at(-1);
    const prev = cur?.at(-1);
    if (cur && prev) {
      const between = text.slice(prev.end, p.start);
      const bareComma = /^\)?\s*,\s*$/.test(between);
      if (prev.place === p.place || (INSIDE.test(between) && (!bareComma || rank(p) > rank(prev) || rank(p) >= SPECIFICITY.admin1!))) { cur.push(p); continue; }
    }
    items.push([p]);
  }
  const head = (item: PlaceRef[]) => item.find((p) => rank(p) < WIDE) ?? item[0]!;
  const at = items.findIndex((item) => item.some((p) => p === first || (p.place === first.place && p.start === first.start)));
  if (at < 0) return [first];
  // The list around the chosen item: items joined by ", ", " and ", ", and ".
  const JOIN = /^\)?\s*(?:,\s*(?:and\s+)?|,?\s+(?:and|as\s+well\s+as)\s+)(?:the\s+)?$/iu;
  const joined = (a: PlaceRef[], b: PlaceRef[]) => JOIN.test(text.slice(a.at(-1)!.end, b[0]!.start));
  let lo = at;
  let hi = at;
  while (lo > 0 && joined(items[lo - 1]!, items[lo]!)) lo--;
  while (hi + 1 < items.length && joined(items[hi]!, items[hi + 1]!)) hi++;
  if (lo === hi) return [first];
  // "between A and B" is one place; "from A and B", "to A and B", "via A and B" name where people
  // came from or went, not where the action was.
  if (/\b(?:between|from|to|towards?|via|through)\s+(?:the\s+)?(?:\p{L}+\s+){0,3}$/iu.test(text.slice(Math.max(s.start, items[lo]![0]!.start - 40), items[lo]![0]!.start))) return [first];
  const out = [first];
  for (let k = lo; k <= hi; k++) {
    if (k === at) continue;
    const h = head(items[k]!);
    if (rank(h) < WIDE && !out.some((p) => p.place === h.place)) out.push(h);
  }
  return out;
}
