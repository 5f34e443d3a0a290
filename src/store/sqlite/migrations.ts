// The schema as a numbered list of migrations. The SQL here is deliberately portable (plain
// tables, TEXT/INTEGER/REAL, JSON kept as TEXT, ISO-8601 timestamps as TEXT) so a PostgreSQL
// backend can reuse it; the one SQLite-only piece, full-text search, lives in fts.ts.
// Columns for character offsets are span_start/span_end because END is reserved in SQL.
// Never edit a released migration: append a new one.

export type Migration = { version: number; name: string; sql: string };

export const coreMigrations: Migration[] = [
  {
    version: 1,
    name: 'documents',
    sql: `
-- One row per distinct cleaned text. seq is a stable integer key the full-text index points
-- at (SQLite: rowid alias, survives VACUUM; PostgreSQL: an identity column). The id is the
-- public key everything else references.
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  bytes_hash TEXT NOT NULL,            -- sha256 of the input bytes: skip re-ingest cheaply
  text_hash TEXT NOT NULL UNIQUE,      -- sha256 of the normalised cleaned text: exact duplicates
  origin TEXT NOT NULL,
  url TEXT,
  title TEXT,
  published TEXT,                      -- "YYYY", "YYYY-MM" or "YYYY-MM-DD"
  published_from TEXT NOT NULL,        -- metadata | date-line | none
  source TEXT,
  language TEXT NOT NULL,
  text TEXT NOT NULL,                  -- cleaned text; analysis offsets point into it
  raw_text TEXT NOT NULL,
  removed_json TEXT NOT NULL,          -- RemovedSpan[]
  segments_json TEXT NOT NULL,         -- clean-to-raw offset map
  chars INTEGER NOT NULL,              -- text length in UTF-16 units, for listings
  ingested_at TEXT NOT NULL,
  near_duplicate_of TEXT REFERENCES documents(id) ON DELETE SET NULL
);
CREATE INDEX documents_bytes_hash ON documents(bytes_hash);
CREATE INDEX documents_ingested ON documents(ingested_at, seq);
CREATE INDEX documents_near_duplicate_of ON documents(near_duplicate_of);

-- MinHash signature (number[] as JSON) for scoring near-duplicate candidates.
CREATE TABLE document_fingerprints (
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  signature_json TEXT NOT NULL
);

-- LSH bands: documents sharing any band key are near-duplicate candidates.
CREATE TABLE document_lsh_bands (
  band_key TEXT NOT NULL,              -- "band index:v1,v2,v3,v4"
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, document_id)
);
CREATE INDEX document_lsh_bands_document ON document_lsh_bands(document_id);

-- The per-document analysis (src/analysis/types.ts) as JSON; replaced on re-analysis.
CREATE TABLE analyses (
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  schema_version INTEGER NOT NULL,
  json TEXT NOT NULL,
  analyzed_at TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'cross-document picture',
    sql: `
-- The cross-document picture the merge step fills from analyses. Ids are TEXT and stable so
-- analyst corrections (which name them) survive re-processing. merged_into records an
-- analyst or automatic merge instead of deleting the row.

-- One actor across all documents; kb_id links to the knowledge pack when known.
CREATE TABLE actors (
  id TEXT PRIMARY KEY,
  kb_id TEXT,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,                  -- ActorKind
  country TEXT,                        -- ISO 3166-1 alpha-2
  merged_into TEXT REFERENCES actors(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX actors_kb_id ON actors(kb_id) WHERE kb_id IS NOT NULL;

-- Surface forms seen or known for an actor; normalized is the lookup key (case/diacritics folded).
CREATE TABLE actor_aliases (
  actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  normalized TEXT NOT NULL,
  language TEXT,
  origin TEXT NOT NULL,                -- pack | text | analyst
  PRIMARY KEY (actor_id, normalized)
);
CREATE INDEX actor_aliases_normalized ON actor_aliases(normalized);

-- Where an actor is mentioned: offsets into documents.text.
CREATE TABLE actor_mentions (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,              -- the actor's id inside that document's analysis
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (document_id, span_start, span_end, actor_id)
);
CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id);

-- One real-world event, possibly reported by several documents.
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,                  -- EventType
  acled_event_type TEXT,
  acled_sub_event_type TEXT,
  plover TEXT,
  date_start TEXT,                     -- ISO, inclusive
  date_end TEXT,
  date_precision TEXT,                 -- day | month | year | range
  place_name TEXT,
  place_geonames_id INTEGER,
  place_country TEXT,
  lat REAL,
  lon REAL,
  fatalities_min INTEGER,
  fatalities_max INTEGER,
  modality TEXT NOT NULL,
  summary TEXT NOT NULL,
  confidence REAL NOT NULL,
  merged_into TEXT REFERENCES events(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX events_date ON events(date_start);

-- Who took part in an event, with which role.
CREATE TABLE event_actors (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  role TEXT NOT NULL,                  -- Role
  PRIMARY KEY (event_id, actor_id, role)
);
CREATE INDEX event_actors_actor ON event_actors(actor_id);

-- Each document's report of an event, with its evidence spans and how sure that report is.
CREATE TABLE event_sources (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,              -- the event's id inside that document's analysis
  modality TEXT NOT NULL,
  source_actor_id TEXT REFERENCES actors(id) ON DELETE SET NULL,
  evidence_json TEXT NOT NULL,         -- Span[]
  confidence REAL NOT NULL,
  PRIMARY KEY (event_id, document_id, local_id)
);
CREATE INDEX event_sources_document ON event_sources(document_id);

-- A relation between two actors over a validity interval.
CREATE TABLE relations (
  id TEXT PRIMARY KEY,
  subject_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  predicate TEXT NOT NULL,             -- Predicate
  object_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  valid_start TEXT,
  valid_end TEXT,
  valid_precision TEXT,
  modality TEXT NOT NULL,
  origin TEXT NOT NULL,                -- text | pack | analyst
  confidence REAL NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX relations_subject ON relations(subject_id, predicate);
CREATE INDEX relations_object ON relations(object_id, predicate);

-- The sentences supporting a relation, one row per evidence span.
CREATE TABLE relation_evidence (
  relation_id TEXT NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,              -- the relation's id inside that document's analysis
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  confidence REAL NOT NULL,
  PRIMARY KEY (relation_id, document_id, span_start, span_end)
);
CREATE INDEX relation_evidence_document ON relation_evidence(document_id);

-- Analyst corrections, replayed after every re-processing. target_kind/target_id name the
-- corrected object by its stable id; payload_json holds the action's arguments.
CREATE TABLE corrections (
  id TEXT PRIMARY KEY,
  target_kind TEXT NOT NULL,           -- actor | event | relation | document | ...
  target_id TEXT NOT NULL,
  action TEXT NOT NULL,                -- merge | reject | set-field | add-alias | ...
  payload_json TEXT NOT NULL,
  author TEXT,
  note TEXT,
  created_at TEXT NOT NULL,
  reverted_at TEXT
);
CREATE INDEX corrections_target ON corrections(target_kind, target_id);
`,
  },
  {
    version: 5,
    name: 'watch: engine state and warnings',
    sql: `
-- The watch engine's snapshot (src/watch/watch-engine.ts, JSON) and how far through the
-- documents (documents.seq) it has read. One row per named watcher.
CREATE TABLE watch_state (
  name TEXT PRIMARY KEY,
  cursor INTEGER NOT NULL,
  snapshot_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- A change of an indicator's state, with the evidence that moved it. seq orders the feed
-- (clients poll "since seq"); ids are stable hashes so a replay does not duplicate.
CREATE TABLE warnings (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  scenario_id TEXT NOT NULL,
  scenario_title TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  indicator_label TEXT NOT NULL,
  from_state TEXT NOT NULL,            -- quiet | rising | triggered
  to_state TEXT NOT NULL,
  day TEXT NOT NULL,                   -- the watch clock (ISO day) when it changed
  raised_at TEXT NOT NULL,
  count INTEGER NOT NULL,
  baseline INTEGER NOT NULL,
  ratio REAL,
  moved_by_json TEXT NOT NULL,         -- event/relation ids whose arrival moved it
  evidence_json TEXT NOT NULL,         -- ids in the window
  documents_json TEXT NOT NULL,
  acked_at TEXT,
  acked_by TEXT
);
CREATE INDEX warnings_scenario ON warnings(scenario_id, seq);
CREATE INDEX warnings_unacked ON warnings(acked_at, seq);
`,
  },
];
