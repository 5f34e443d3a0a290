// The watch engine's own small world: the records it watches (events and relations reduced to
// what indicators filter on), scenario and indicator definitions, indicator status, warnings,
// and the store interface it persists through. Nothing here depends on the store's picture, so
// the engine runs (and is tested) on generated data.
import type { Analysis, EventType, Modality, Predicate, Role } from '../analysis/types.js';

/** An event as the watch sees it: one merged event of the cross-document picture. */
export type WatchEvent = {
  id: string;
  type: EventType;
  /** ISO day the event is counted on (its date's start, else the reporting document's date); null: undated. */
  day: string | null;
  place: WatchPlace | null;
  /** Pack ids where the actor is linked to a pack, else the store's actor id. */
  actors: { id: string; role: Role }[];
  modality: Modality;
  /** Summary and evidence sentences, for keyword filters. */
  text: string;
  /** Documents reporting it. */
  documents: string[];
};

export type WatchPlace = {
  name: string | null; country: string | null; admin1: string | null;
  lat: number | null; lon: number | null;
};

export type WatchRelation = {
  id: string;
  subject: string;
  predicate: Predicate;
  object: string;
  /** ISO day: validity start, else the first document's date; null: undated. */
  day: string | null;
  modality: Modality;
  text: string;
  documents: string[];
};

/** West, south, east, north (degrees), like GeoJSON. */
export type BBox = [number, number, number, number];

/** Any listed part matches (countries OR admin1 OR bbox); an empty region matches everything. */
export type Region = { countries?: string[]; admin1?: string[]; bbox?: BBox };

export type Threshold = { min_count?: number; ratio_to_baseline?: number };

type IndicatorCommon = {
  id: string;
  label?: string;
  /** Which modalities count; default: every one except hypothetical and negated. */
  modalities?: Modality[];
  /** Days counted, ending on the watch clock; absent: everything ever seen. */
  window_days?: number;
  threshold: Threshold;
};

export type EventCountIndicator = IndicatorCommon & {
  kind: 'event-count';
  types?: EventType[];
  /** At least one of these actors takes part. */
  actors_any?: string[];
  /** And (when given) at least one of these, a different actor: "A against B". */
  actors_any_2?: string[];
  region?: Region;
  /** Case-insensitive words or phrases, any of which must occur in the event's text. */
  keywords_any?: string[];
  /** Days before the window that set the baseline rate (needed by ratio_to_baseline). */
  baseline_days?: number;
};

export type RelationReportedIndicator = IndicatorCommon & {
  kind: 'relation-reported';
  predicates?: Predicate[];
  subject_any?: string[];
  object_any?: string[];
  /** Also count the relation with subject and object swapped (for fights, cooperates_with…). */
  either_direction?: boolean;
};

export type IndicatorDef = EventCountIndicator | RelationReportedIndicator;

export type ScenarioDef = {
  id: string;
  title: string;
  outcome: string | null;
  conditions: string[];
  actors: string[];
  region: Region | null;
  horizon: { from: string | null; to: string | null } | null;
  indicators: IndicatorDef[];
  /** Where it came from: a YAML file (with line) or a document. */
  origin: { kind: 'yaml'; file: string } | { kind: 'document'; document: string };
};

export type IndicatorState = 'quiet' | 'rising' | 'triggered';

export type IndicatorStatus = {
  state: IndicatorState;
  /** Records counted in the window. */
  count: number;
  /** Records counted in the baseline period (0 without one). */
  baseline: number;
  /** Window count over the baseline rate scaled to the window; null without a baseline rate. */
  ratio: number | null;
  /** Ids of the records in the window, newest day first (capped). */
  evidence: string[];
  /** Documents reporting them. */
  documents: string[];
};

export type IndicatorChange = {
  /** scenario id + "/" + indicator id. */
  key: string;
  scenario: string;
  indicator: string;
  from: IndicatorState;
  to: IndicatorState;
  /** The watch clock (ISO day) when it changed. */
  day: string;
  /** Records whose arrival moved it; empty when time passing moved it (records left the window). */
  movedBy: string[];
  status: IndicatorStatus;
};

export type Warning = {
  id: string;
  seq: number;
  scenario: string;
  scenario_title: string;
  indicator: string;
  indicator_label: string;
  from: IndicatorState;
  to: IndicatorState;
  day: string;
  raised_at: string;
  count: number;
  baseline: number;
  ratio: number | null;
  moved_by: string[];
  evidence: string[];
  documents: string[];
  acked_at: string | null;
  acked_by: string | null;
};

export type NewWarning = Omit<Warning, 'seq' | 'acked_at' | 'acked_by'>;

/** Persisted watch state: the engine snapshot and how far through the store it has read. */
export type WatchSnapshot = { cursor: number; json: string };

/** What the watch needs from a store; the SQLite one is src/store/sqlite/watch-store.ts. */
export interface WatchStateStore {
  loadSnapshot(): Promise<WatchSnapshot | null>;
  saveSnapshot(s: WatchSnapshot, warnings: NewWarning[]): Promise<void>;
  listWarnings(q?: { since?: number; limit?: number; unacked?: boolean }): Promise<Warning[]>;
  ackWarning(id: string, by?: string | null): Promise<Warning>;
}

/** The watch's persistence as a store backend provides it (Store.watch()). */
export interface WatchStore extends WatchStateStore, WatchSource {
  /** Analyses of stored documents that hold scenarios (watched with proposed indicators). */
  scenarioDocuments(): Promise<Analysis[]>;
  close(): void;
}

/** Where new events come from: documents stored after a cursor, oldest first. */
export interface WatchSource {
  /** Documents (by store sequence) after the cursor, with the merged events and relations they report. */
  documentsAfter(cursor: number, limit: number): Promise<{ seq: number; document: string; published: string | null; events: WatchEvent[]; relations: WatchRelation[] }[]>;
  /** The stored events and relations with these ids (to describe a warning's evidence). */
  records(ids: string[]): Promise<{ events: WatchEvent[]; relations: WatchRelation[] }>;
  /** Every stored event and relation (for back-tests). */
  allRecords(): Promise<{ events: WatchEvent[]; relations: WatchRelation[] }>;
}
