// The countries a text names through curated places (countries, governorates, pack places):
// a cheap stand-in for the places stage where an earlier stage only needs to know which
// countries a document is about. Villages are left out: their names collide across borders.
import type { Gazetteer } from './gazetteer-types.js';
import { PhraseMatcher } from '../extract/phrase-matcher.js';

const cache = new WeakMap<Gazetteer, PhraseMatcher<ReadonlySet<string>>>();

function matcherOf(gazetteer: Gazetteer): PhraseMatcher<ReadonlySet<string>> {
  let m = cache.get(gazetteer);
  if (m) return m;
  const byName = new Map<string, Set<string>>();
  for (const { name, country } of gazetteer.curatedNames?.() ?? []) {
    const key = name.toLowerCase();
    const set = byName.get(key) ?? new Set<string>();
    set.add(country);
    byName.set(key, set);
  }
  m = new PhraseMatcher([...byName]);
  cache.set(gazetteer, m);
  return m;
}

/** Countries of the capitalised curated place names in the text; a name shared by two countries counts for neither. */
export function curatedPlaceCountries(gazetteer: Gazetteer, text: string): Set<string> {
  const out = new Set<string>();
  for (const hit of matcherOf(gazetteer).matchAll(text)) {
    if (hit.value.size !== 1 || !/^\p{Lu}/u.test(hit.text)) continue;
    out.add([...hit.value][0]!);
  }
  return out;
}
