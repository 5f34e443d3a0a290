// The baseline analysts could get from a general NLP library: compromise's people, places and
// organisations, shaped as a partial analysis so the same scorer reads it. Its places carry no
// coordinates of their own, so they get the gazetteer's most populous candidate (in its favour).
import nlp from 'compromise';
import { emptyAnalysis, type Analysis, type DocumentInfo } from '../analysis/types.js';
import type { Gazetteer } from '../geo/gazetteer-types.js';

export function compromiseAnalysis(document: DocumentInfo, gazetteer: Gazetteer): Analysis {
  const doc = nlp(document.text);
  const a = emptyAnalysis(document);
  const people = doc.people().out('array') as string[];
  const orgs = doc.organizations().out('array') as string[];
  const places = doc.places().out('array') as string[];
  const clean = (s: string) => s.replace(/^[\s"“'‘(]+|[\s"”'’),.;:!?]+$/g, '').replace(/['’]s$/, '');
  const seen = new Set<string>();
  for (const [list, kind] of [[people, 'person'], [orgs, 'other']] as const) {
    for (const raw of list) {
      const name = clean(raw);
      if (!name || seen.has(name)) continue;
      seen.add(name);
      a.actors.push({ id: `a${a.actors.length + 1}`, name, kind, aliases: [name], kb_id: null, mentions: [] });
    }
  }
  const placeSeen = new Set<string>();
  for (const raw of places) {
    const name = clean(raw);
    if (!name || placeSeen.has(name)) continue;
    placeSeen.add(name);
    const best = gazetteer.lookup(name).sort((x, y) => y.population - x.population)[0];
    a.places.push({
      id: `pl${a.places.length + 1}`, name, kind: best?.kind ?? 'other', country: best?.country ?? null, admin1: best?.admin1 ?? null,
      lat: best?.lat ?? null, lon: best?.lon ?? null, geonames_id: best?.geonames_id ?? null, mentions: [],
    });
  }
  return a;
}
