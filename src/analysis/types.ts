// The analysis contract of DESIGN.md. Field names are public API: add, never rename
// without bumping SCHEMA_VERSION.
export const SCHEMA_VERSION = 1 as const;

export type Span = { start: number; end: number; text: string };
export type Precision = 'day' | 'month' | 'year' | 'range';
/** ISO dates, inclusive on both ends. */
export type When = { start: string; end: string; precision: Precision; text: string };

export type ActorKind =
  | 'state' | 'government-body' | 'state-force' | 'armed-group' | 'militia' | 'political-party'
  | 'international-org' | 'coalition' | 'media' | 'person' | 'population' | 'other';
export type PlaceKind =
  | 'continent' | 'region' | 'country' | 'admin1' | 'admin2' | 'city' | 'town' | 'village'
  | 'district' | 'site' | 'camp' | 'base' | 'border' | 'other';
export type EventType =
  | 'attack' | 'bombing' | 'armed-clash' | 'assassination' | 'abduction' | 'arrest'
  | 'plot-foiled' | 'prison-break' | 'meeting' | 'statement' | 'threat' | 'propaganda-release'
  | 'recruitment-appeal' | 'funding' | 'smuggling' | 'arms-transfer' | 'cooperation' | 'facilitation'
  | 'territorial-change' | 'withdrawal' | 'deployment' | 'agreement' | 'sanction' | 'political' | 'protest' | 'other';
export type Role =
  | 'perpetrator' | 'target' | 'victim' | 'participant' | 'facilitator' | 'speaker' | 'addressee'
  | 'beneficiary' | 'claimant';
export type Modality =
  | 'asserted' | 'reported' | 'claimed' | 'alleged' | 'planned' | 'foiled' | 'hypothetical' | 'negated';
export type Predicate =
  | 'cooperates_with' | 'supports' | 'funds' | 'pays' | 'supplies' | 'commands' | 'allied_with'
  | 'hostile_to' | 'rival_of' | 'fights' | 'attacks' | 'threatens' | 'member_of' | 'leader_of'
  | 'spokesperson_of' | 'media_arm_of' | 'part_of' | 'split_from' | 'successor_of' | 'formerly_member_of';
export type Likelihood =
  | 'remote' | 'very unlikely' | 'unlikely' | 'roughly even' | 'likely' | 'very likely' | 'almost certain';

export type DocumentInfo = {
  id: string;
  title: string | null;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  published: string | null;
  source: string | null;
  url: string | null;
  language: string;
  text: string;
};

export type ActorOut = {
  id: string; name: string; kind: ActorKind; aliases: string[];
  kb_id: string | null; mentions: Span[];
};
export type PlaceOut = {
  id: string; name: string; kind: PlaceKind; country: string | null; admin1: string | null;
  lat: number | null; lon: number | null; geonames_id: number | null; mentions: Span[];
  /** How precisely the coordinates locate the place (extension to the contract). */
  precision?: 'exact' | 'near' | 'admin1' | 'country' | 'region';
  /** The namesakes this reading beat, best first (at most five): the reader's "why this place?"
   *  (extension to the contract). */
  beaten?: PlaceCandidate[];
};
export type PlaceCandidate = { name: string; kind: PlaceKind; country: string | null; admin1: string | null; lat: number; lon: number; geonames_id: number | null };
export type EventOut = {
  id: string; type: EventType;
  acled: { event_type: string; sub_event_type: string } | null;
  plover: string | null; date: When | null; place: string | null;
  actors: { actor: string; role: Role }[];
  fatalities: { min: number; max: number | null } | null;
  modality: Modality; source: string | null;
  summary: string; evidence: Span[]; confidence: number;
  /**
   * A refinement of `type` the v1 type list lacks (extension to the contract; `type` keeps the v1
   * value): "detainee-transfer", "release", "handover" (of a prison, camp or base), "air" (a strike
   * from the air), "suicide", "ied", ... from the trigger group; null when none.
   */
  subtype?: string | null;
  /** Where the date came from: the predicate's own time phrase, its sentence, the paragraph, or the publication (extension to the contract). */
  date_source?: 'predicate' | 'sentence' | 'paragraph' | 'published' | 'none';
  /** How each role was read: the parse relation or the word-window rule (extension to the contract; `analyze --explain`). */
  roles_via?: { actor: string; role: Role; via: string }[];
};
export type RelationOut = {
  id: string; subject: string; predicate: Predicate; object: string;
  valid: When | null; modality: Modality; evidence: Span[]; confidence: number;
  /** 'text' when read from the document, 'pack' when it comes from the knowledge pack. */
  origin?: 'text' | 'pack';
  /** Actor id of who reports, claims or alleges the relation ("X said that Y backs Z"); null when the narrator states it. */
  source?: string | null;
};
export type QuoteOut = {
  id: string; speaker: string | null; text: string; date: When | null;
  venue: string | null; evidence: Span[];
};
export type ScenarioOut = {
  id: string; title: string; conditions: string[]; outcome: string;
  actors: string[]; evidence: Span[];
};
export type AssessmentOut = { id: string; statement: string; likelihood: Likelihood; evidence: Span[] };
export type StatisticOut = { id: string; statement: string; evidence: Span[] };
export type TimeOut = { id: string; when: When; mentions: Span[] };

export type Analysis = {
  schema_version: typeof SCHEMA_VERSION;
  document: DocumentInfo;
  actors: ActorOut[];
  places: PlaceOut[];
  times: TimeOut[];
  events: EventOut[];
  relations: RelationOut[];
  quotes: QuoteOut[];
  scenarios: ScenarioOut[];
  assessments: AssessmentOut[];
  statistics: StatisticOut[];
};

export function emptyAnalysis(document: DocumentInfo): Analysis {
  return {
    schema_version: SCHEMA_VERSION, document,
    actors: [], places: [], times: [], events: [], relations: [], quotes: [],
    scenarios: [], assessments: [], statistics: [],
  };
}
