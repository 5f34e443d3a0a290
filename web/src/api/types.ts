// Shapes of the Watchfloor HTTP API (docs/api.md). The per-document analysis contract mirrors
// src/analysis/types.ts; it is restated here so the browser bundle never imports server code.
export type Span = { start: number; end: number; text: string };
export type Precision = 'day' | 'month' | 'year' | 'range';
export type When = { start: string; end: string; precision: Precision; text: string };

export type ActorOut = { id: string; name: string; kind: string; aliases: string[]; kb_id: string | null; mentions: Span[] };
export type PlaceOut = {
  id: string; name: string; kind: string; country: string | null; admin1: string | null;
  lat: number | null; lon: number | null; geonames_id: number | null; mentions: Span[]; precision?: string;
};
export type EventOut = {
  id: string; type: string; acled: { event_type: string; sub_event_type: string } | null;
  plover: string | null; date: When | null; place: string | null;
  actors: { actor: string; role: string }[];
  fatalities: { min: number; max: number | null } | null;
  modality: string; source: string | null; summary: string; evidence: Span[]; confidence: number;
};
export type RelationOut = {
  id: string; subject: string; predicate: string; object: string; valid: When | null;
  modality: string; evidence: Span[]; confidence: number; origin?: 'text' | 'pack';
};
export type QuoteOut = { id: string; speaker: string | null; text: string; date: When | null; venue: string | null; evidence: Span[] };
export type ScenarioOut = { id: string; title: string; conditions: string[]; outcome: string; actors: string[]; evidence: Span[] };
export type AssessmentOut = { id: string; statement: string; likelihood: string; evidence: Span[] };
export type StatisticOut = { id: string; statement: string; evidence: Span[] };
export type TimeOut = { id: string; when: When; mentions: Span[] };

export type Analysis = {
  schema_version: number;
  document: { id: string; title: string | null; published: string | null; source: string | null; url: string | null; language: string; text: string };
  actors: ActorOut[]; places: PlaceOut[]; times: TimeOut[]; events: EventOut[]; relations: RelationOut[];
  quotes: QuoteOut[]; scenarios: ScenarioOut[]; assessments: AssessmentOut[]; statistics: StatisticOut[];
};

export type Page<T> = { items: T[]; total?: number; limit?: number; offset?: number };

export type DocumentSummary = {
  id: string; title: string | null; published: string | null; source: string | null; url: string | null;
  language: string; origin: string; ingestedAt: string; chars: number; nearDuplicateOf: string | null;
};
export type RemovedSpan = { start: number; end: number; text: string; reason: string };
export type StoredDocument = DocumentSummary & { text: string; rawText: string; removed: RemovedSpan[]; analysis: Analysis | null };
export type SearchHit = { id: string; title: string | null; published: string | null; rank: number; snippet: string };
export type Health = { ok: boolean; documents: number; dataDir: string };

/** Cross-document objects may carry a correction marker once corrections apply to them. */
export type Correctable = { corrected?: boolean; corrections?: string[] };

export type ActorRef = { id: string; name: string; kind?: string };
export type ActorSummary = { id: string; name: string; kind: string; kb_id: string | null; aliases: string[]; documents: number; mentions: number } & Correctable;
export type SourceRef = { document: string; title: string | null; evidence: Span[] };
export type Place = { id?: string; name: string; kind?: string | null; country?: string | null; lat?: number | null; lon?: number | null; precision?: string | null } | null;
export type Event = {
  id: string; type: string; acled: { event_type: string; sub_event_type: string } | null; plover: string | null;
  date: When | null; place: Place; actors: { actor: ActorRef; role: string }[];
  fatalities: { min: number; max: number | null } | null; modality: string; summary: string; confidence: number;
  sources: (SourceRef & { published?: string | null; modality?: string; near_duplicate_of?: string | null })[];
  independent_sources?: number;
} & Correctable;
export type Evidence = { document: string; title: string | null; start: number; end: number; text: string };
export type Relation = {
  id: string; subject: ActorRef; predicate: string; object: ActorRef; valid: When | null; modality: string;
  origin: 'text' | 'pack'; confidence: number; evidence: Evidence[]; first_seen?: string | null; documents?: number;
} & Correctable;
export type Quote = { id: string; speaker: { id: string; name: string } | null; text: string; date: When | string | null; venue: string | null; document: string; evidence: Span[] | Span | null };
export type Affiliation = { predicate: string; object: { id: string; name: string }; start: string | null; end: string | null };
export type ActorProfile = {
  id: string; name: string; kind: string; kb_id: string | null; aliases: string[]; description?: string | null;
  affiliations?: Affiliation[]; merged?: string[]; redirected_from?: string | null; mentions?: number; document_count?: number; events: Event[]; relations: Relation[]; quotes: Quote[];
  documents: { id: string; title: string | null; published: string | null; mentions: number }[];
  /** The lists above are the latest 20; totals and links (paginated endpoints) cover the rest. */
  totals?: { events: number; relations: number; quotes: number; documents: number };
  links?: { events: string; relations: string; quotes: string; documents: string };
} & Correctable;
export type NetworkNode = { id: string; name: string; kind: string; weight: number };
export type NetworkEdge = { id: string; source: string; target: string; predicate: string; modality: string; valid: When | null; weight: number; relation: string };
export type Network = { nodes: NetworkNode[]; edges: NetworkEdge[] };
export type TimelineEvent = { id: string; type: string; date: When | null; summary: string };
export type Timeline = { buckets: { start: string; end: string; count: number; byType: Record<string, number> }[]; events: TimelineEvent[] };
export type PlaceFeature = {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: { id: string; name: string; kind: string; country: string | null; precision: string | null; events: number; types: string[] | Record<string, number> };
};
export type PlacesGeoJson = { type: 'FeatureCollection'; features: PlaceFeature[] };
export type Scenario = { id: string; title: string; conditions: string[]; outcome: string; actors: (string | ActorRef)[]; document: string; evidence: Span[] };

export type CorrectionKind = 'merge-actors' | 'split-alias' | 'reject-event' | 'edit-event' | 'reject-relation' | 'fix-date' | 'fix-place';
export type Correction = {
  id: string; kind: CorrectionKind; target: string; target_kind?: 'actor' | 'event' | 'relation'; payload: Record<string, unknown>;
  author?: string | null; note?: string | null; created_at?: string; createdAt?: string; reverted_at?: string | null;
};
export type NewCorrection = { kind: CorrectionKind; target: string; payload: Record<string, unknown> };

// The watch: scenario board and warnings feed (src/watch/scenario-board.ts, src/watch/types.ts).
export type IndicatorState = 'quiet' | 'rising' | 'triggered';
export type IndicatorStatus = { state: IndicatorState; count: number; baseline: number; ratio: number | null; evidence: string[]; documents: string[] };
export type EvidenceRecord = { id: string; kind: 'event' | 'relation'; day: string | null; what: string; text: string; actors: string[]; documents: string[] };
export type WatchRegion = { countries?: string[]; admin1?: string[]; bbox?: [number, number, number, number] };
export type IndicatorDefinition = {
  id: string; label?: string; kind: 'event-count' | 'relation-reported'; window_days?: number; baseline_days?: number;
  threshold: { min_count?: number; ratio_to_baseline?: number }; region?: WatchRegion; [k: string]: unknown;
};
export type BoardIndicator = {
  id: string; label: string; kind: string; definition: IndicatorDefinition; status: IndicatorStatus;
  history?: { bucket: 'month'; from: string; counts: number[] }; evidence_records?: EvidenceRecord[];
};
export type BoardScenario = {
  id: string; title: string; outcome: string | null; origin: string; actors: string[];
  source?: { kind: 'yaml'; file: string } | { kind: 'document'; document: string };
  region?: WatchRegion | null; horizon: { from: string | null; to: string | null } | null;
  state: IndicatorState; indicators: BoardIndicator[];
};
export type ScenarioBoardData = { clock: string | null; scenarios: BoardScenario[] };
export type Warning = {
  id: string; seq: number; scenario: string; scenario_title: string; indicator: string; indicator_label: string;
  from: IndicatorState; to: IndicatorState; day: string; raised_at: string; count: number; baseline: number; ratio: number | null;
  moved_by: string[]; evidence: string[]; documents: string[]; acked_at: string | null; acked_by: string | null;
};
export type WarningPage = { items: Warning[]; next: number; records?: Record<string, EvidenceRecord> };
