// Whether a place lies in an indicator's region: a country code, a first-level division name
// (spelling-tolerant: "Al-Hasakah" = "Hasakah" = "al hasakah") or a bounding box.
import type { Region, WatchPlace } from './types.js';

/** Case, diacritics, punctuation and a leading Arabic article folded away. */
export function foldPlaceName(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[’'`]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
    .replace(/^(al|el|ar|as|ad|ash|az|at|an) /, '');
}

export function isEmptyRegion(r: Region | undefined | null): boolean {
  return !r || (!r.countries?.length && !r.admin1?.length && !r.bbox);
}

/** A compiled region: folded names in sets so per-event checks are cheap. */
export type RegionMatcher = (place: WatchPlace | null) => boolean;

export function regionMatcher(r: Region | undefined | null): RegionMatcher {
  if (!r || isEmptyRegion(r)) return () => true;
  const countries = new Set((r.countries ?? []).map((c) => c.toUpperCase()));
  const admin1 = new Set((r.admin1 ?? []).map(foldPlaceName));
  const bbox = r.bbox;
  return (place) => {
    if (!place) return false;
    if (place.country && countries.has(place.country.toUpperCase())) return true;
    if (admin1.size) {
      if (place.admin1 && admin1.has(foldPlaceName(place.admin1))) return true;
      // A place that is itself the division ("Al-Hasakah" governorate) carries no admin1.
      if (place.name && admin1.has(foldPlaceName(place.name))) return true;
    }
    if (bbox && place.lat !== null && place.lon !== null) {
      const [w, s, e, n] = bbox;
      if (place.lon >= w && place.lon <= e && place.lat >= s && place.lat <= n) return true;
    }
    return false;
  };
}
