import type { PlaceKind } from '../analysis/types.js';

/** One place the gazetteer knows, from GeoNames-derived data or a knowledge pack. */
export type GazetteerEntry = {
  /** "gn:<geonameid>", "pack:<id>", "country:<ISO2>" or "admin1:<ISO2>.<code>" or "region:<id>". */
  id: string;
  name: string;
  kind: PlaceKind;
  country: string | null;      // ISO 3166-1 alpha-2
  admin1: string | null;       // first-level division name
  lat: number;
  lon: number;
  geonames_id: number | null;
  population: number;
  source: 'geonames' | 'pack' | 'country' | 'admin1' | 'region';
  /** A row imported into the data folder (`watchfloor gazetteer import`), not bundled. */
  imported?: true;
};

/** Candidates for a surface form and how loosely they matched. */
export type GazetteerMatch = {
  entries: GazetteerEntry[];
  /** false: the folded name matched; true: only the consonant skeleton did (weaker evidence). */
  loose: boolean;
};

export interface Gazetteer {
  /** Candidates for a surface form, transliteration-tolerant (diacritics, al-/ar-/as-, q/k…). */
  lookup(surface: string): GazetteerEntry[];
  /** Same candidates as lookup(), saying whether the match was only loose (optional: added later). */
  match?(surface: string): GazetteerMatch;
  /** True when some entry's folded name starts with these folded tokens (for greedy matching). */
  hasPrefix(surface: string): boolean;
  readonly size: number;
  /** Names of the curated places (countries, governorates, pack places) with their country (optional). */
  curatedNames?(): readonly { name: string; country: string }[];
}
