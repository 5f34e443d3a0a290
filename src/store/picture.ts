// The cross-document picture: one actor across all documents, one event reported by several
// documents, relations with their evidence, and analyst corrections on top. The store merges
// each analysis into it when the document (or a re-analysis) is stored; these are the reads.
// Every backend answers the same shapes (src/store/picture.contract.ts).
import type {
  ActorKind, EventType, Modality, Predicate, Role, When,
} from '../analysis/types.js';

export type ActorRef = { id: string; name: string; kind: ActorKind };

export type ActorSummary = ActorRef & {
  kb_id: string | null; aliases: string[];
  /** Distinct documents mentioning the actor. */
  documents: number;
  /** Mention spans across all documents. */
  mentions: number;
};

export type EvidenceSpan = { start: number; end: number; text: string };

export type EventPlace = {
  name: string; country: string | null; lat: number | null; lon: number | null;
  geonames_id: number | null; kind: string | null; precision: string | null;
};

export type PictureEvent = {
  id: string; type: EventType;
  acled: { event_type: string; sub_event_type: string } | null;
  plover: string | null; date: When | null; place: EventPlace | null;
  actors: { actor: ActorRef; role: Role }[];
  fatalities: { min: number; max: number | null } | null;
  modality: Modality; summary: string; confidence: number;
  sources: {
    document: string; title: string | null; published: string | null; modality: Modality; evidence: EvidenceSpan[];
    /** The document this one nearly duplicates (a syndicated copy), when it does. */
    near_duplicate_of: string | null;
  }[];
  /** Sources that are not copies of one another: near-duplicates of one article count once. */
  independent_sources: number;
  /** Ids of the active analyst corrections that changed this event. */
  corrections: string[];
};

export type PictureRelation = {
  id: string; subject: ActorRef; predicate: Predicate; object: ActorRef;
  valid: When | null; modality: Modality; origin: 'text' | 'pack'; confidence: number;
  /** Published date of the earliest document giving evidence (validity fallback). */
  first_seen: string | null;
  documents: number;
  evidence: { document: string; title: string | null; start: number; end: number; text: string }[];
  corrections: string[];
};

export type ActorProfile = Omit<ActorSummary, 'documents'> & {
  document_count: number;
  /** Ids merged into this actor by analyst corrections. */
  merged: string[];
  /** Set when the requested id was merged away and this is the actor it redirects to. */
  redirected_from: string | null;
  events: PictureEvent[];
  relations: PictureRelation[];
  /** The latest PROFILE_INLINE of each list (events newest first, relations by weight). */
  quotes: PictureQuote[];
  documents: ActorDocument[];
  /** How many there are in all; page through GET /api/events?actor=, /api/relations?actor=,
   * /api/quotes?actor=, /api/actors/:id/documents. */
  totals: { events: number; relations: number; quotes: number; documents: number };
};

export type ActorDocument = { id: string; title: string | null; published: string | null; mentions: number };

export type PictureQuote = {
  id: string; speaker: { id: string; name: string } | null; text: string; date: When | null;
  venue: string | null; document: string; evidence: EvidenceSpan[];
};

export type PictureScenario = {
  id: string; title: string; conditions: string[]; outcome: string;
  actors: ActorRef[]; document: string; evidence: EvidenceSpan[];
};

/** West, south, east, north in degrees. */
export type BBox = [number, number, number, number];

export type Page<T> = { items: T[]; total: number; limit: number; offset: number };

export type ActorQuery = { q?: string; kind?: ActorKind; limit?: number; offset?: number };
export type EventQuery = {
  actor?: string; type?: EventType; from?: string; to?: string; bbox?: BBox; modality?: Modality;
  limit?: number; offset?: number;
};
export type RelationQuery = { actor?: string; predicate?: Predicate; modality?: Modality; limit?: number; offset?: number };
export type NetworkQuery = {
  actors?: string[]; asOf?: string; from?: string; to?: string; predicate?: Predicate; modality?: Modality;
};
export type Network = {
  nodes: (ActorRef & { weight: number })[];
  edges: { id: string; source: string; target: string; predicate: Predicate; modality: Modality; valid: When | null; weight: number; relation: string }[];
};
export type Bucket = 'day' | 'month' | 'year';
export type TimelineQuery = { actor?: string; type?: EventType; from?: string; to?: string; bucket?: Bucket; limit?: number };
export type Timeline = {
  buckets: { start: string; end: string; count: number; byType: Record<string, number> }[];
  events: { id: string; type: EventType; date: When; summary: string }[];
};
export type PlacesQuery = { bbox?: BBox; from?: string; to?: string; type?: EventType };
export type PlaceFeature = {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { id: string; name: string; kind: string | null; country: string | null; precision: string | null; events: number; types: Record<string, number> };
};
export type PlacesGeoJson = { type: 'FeatureCollection'; features: PlaceFeature[] };

export const CORRECTION_KINDS = [
  'merge-actors', 'split-alias', 'reject-event', 'edit-event', 'reject-relation', 'fix-date', 'fix-place',
] as const;
export type CorrectionKind = typeof CORRECTION_KINDS[number];

/**
 * What each kind takes (target is always an id):
 * - merge-actors: target = the actor kept, payload { other: actor id merged into it }
 * - split-alias: target = actor, payload { alias: surface form that becomes its own actor, kind? }
 * - reject-event / reject-relation: target = event / relation id, payload {}
 * - edit-event: target = event, payload { date?: When, place?: EventPlace, type?, summary? }
 * - fix-date: target = event or relation, payload { date: When }
 * - fix-place: target = event, payload { place: EventPlace }
 */
export type CorrectionInput = {
  kind: CorrectionKind; target: string; payload?: Record<string, unknown>;
  author?: string | null; note?: string | null;
};
export type Correction = {
  id: string; kind: CorrectionKind; target: string; target_kind: 'actor' | 'event' | 'relation';
  payload: Record<string, unknown>; author: string | null; note: string | null;
  created_at: string; reverted_at: string | null;
};

export interface PictureQueries {
  listActors(q?: ActorQuery): Promise<Page<ActorSummary>>;
  /** Null when unknown. A merged-away id answers the profile of the actor it was merged into. */
  actorProfile(id: string): Promise<ActorProfile | null>;
  /** Documents mentioning the actor (and actors merged into it), newest first; null when unknown. */
  actorDocuments(id: string, q?: { limit?: number; offset?: number }): Promise<Page<ActorDocument> | null>;
  listEvents(q?: EventQuery): Promise<Page<PictureEvent>>;
  listRelations(q?: RelationQuery): Promise<Page<PictureRelation>>;
  network(q?: NetworkQuery): Promise<Network>;
  timeline(q?: TimelineQuery): Promise<Timeline>;
  places(q?: PlacesQuery): Promise<PlacesGeoJson>;
  quotes(q?: { actor?: string; limit?: number; offset?: number }): Promise<Page<PictureQuote>>;
  scenarios(q?: { limit?: number; offset?: number }): Promise<Page<PictureScenario>>;
  listCorrections(q?: { includeReverted?: boolean }): Promise<Correction[]>;
  /** Validates and applies; rejects with WatchfloorError BAD_REQUEST / NOT_FOUND. */
  addCorrection(c: CorrectionInput): Promise<Correction>;
  /** Undo: the correction stays listed with reverted_at set. NOT_FOUND when unknown. */
  undoCorrection(id: string): Promise<Correction>;
}
