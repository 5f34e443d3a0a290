// Diagnostic only: the gold files' own places as extra gazetteer entries, to measure what a
// complete gazetteer would give (`watchfloor eval --oracle-places`). Scores measured this way
// say how much of a miss is the gazetteer's; they are never the project's scores, and nothing
// from the gold is stored.
import type { ExtraPlace } from '../geo/gazetteer.js';
import type { GoldFile } from './gold-types.js';

/** One extra place per gold place, in the document's country when the gold names one. */
export function oraclePlaces(files: GoldFile[], countryCode: (name: string) => string | null): ExtraPlace[] {
  const out: ExtraPlace[] = [];
  for (const f of files) {
    for (const d of f.documents) {
      const country = typeof d.country === 'string' ? countryCode(d.country) : null;
      for (const p of d.places ?? []) {
        const [name, ...aliases] = p.names;
        if (name) out.push({ name, aliases, country, lat: p.lat, lon: p.lon });
      }
    }
  }
  return out;
}
