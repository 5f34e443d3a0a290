// Shapes of the YAML knowledge packs (packs/<name>/...). Domain knowledge lives in the
// packs; code only reads these shapes. See packs/README.md for the authoring guide.
import type { ActorKind, PlaceKind, Predicate } from '../analysis/types.js';

/** A time-bounded link from one actor to another (FollowTheMoney-style edge). */
export type PackAffiliation = {
  predicate: Predicate;
  /** id of the other actor in the pack. */
  object: string;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD"; absent when unknown or open. */
  start?: string;
  end?: string;
  note?: string;
};

export type PackActor = {
  id: string;                 // kebab-case, unique across all packs
  name: string;               // canonical English name
  kind: ActorKind;
  aliases: string[];          // English variants, abbreviations, transliterations, Arabic script
  country?: string | null;    // ISO 3166-1 alpha-2 where the actor belongs to one country
  wikidata?: string | null;   // Q-id where known
  /** When the actor existed / the name applied (e.g. Syrian government before/after Dec 2024). */
  start?: string;
  end?: string;
  affiliations?: PackAffiliation[];
  description?: string;
  /**
   * Aliases that are also common words or other things ("IS", "Coalition", "Damascus"): only
   * linked when the context supports it (capitalised, or another mention of the actor nearby).
   */
  ambiguous?: string[];
};

export type PackPlace = {
  id: string;
  name: string;
  kind: PlaceKind;
  aliases: string[];
  country: string;            // ISO 3166-1 alpha-2
  admin1?: string | null;
  lat: number;
  lon: number;
  /** A checkable reference for the coordinates. */
  geonames?: number | null;
  wikidata?: string | null;
};

/** One relation type (FollowTheMoney-style): labels, direction and which kinds it joins. */
export type PackRelationType = {
  predicate: Predicate;
  label: string;
  inverse_label: string;
  directed: boolean;
  source_kinds?: ActorKind[];
  target_kinds?: ActorKind[];
};
