// The place kind of a GeoNames row, from its feature class and code and its population.
import type { PlaceKind } from '../analysis/types.js';

/** Populated places by size and administrative rank; divisions by level; other features as sites. */
export function kindOfFeature(featureClass: string, featureCode: string, population: number): PlaceKind {
  if (featureClass === 'A') return featureCode === 'ADM1' ? 'admin1' : featureCode === 'PCLI' ? 'country' : 'admin2';
  if (featureClass !== 'P') return featureClass === 'L' ? 'region' : 'site';
  if (featureCode === 'PPLC' || featureCode === 'PPLA' || population >= 100_000) return 'city';
  if (population >= 10_000 || featureCode === 'PPLA2') return 'town';
  return 'village';
}

/** The kind a stored row counts under in `gazetteer stats`. */
export function placeKindOf(r: { featureClass: string; featureCode: string; population: number }): string {
  return kindOfFeature(r.featureClass, r.featureCode, r.population);
}
