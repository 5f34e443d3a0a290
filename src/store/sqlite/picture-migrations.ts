// Schema additions for merging analyses into the cross-document picture. Portable SQL (plain
// tables, ALTER TABLE ADD COLUMN, JSON as TEXT) so a PostgreSQL backend can reuse it.
import type { Migration } from './migrations.js';

export const pictureMigrations: Migration[] = [
  {
    version: 4,
    name: 'picture merge provenance',
    sql: `
-- Counters kept up to date by the merge, so listings order by mentions without aggregating.
ALTER TABLE actors ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN document_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN name_key TEXT;
CREATE INDEX actors_mentions ON actors(mention_count);
CREATE INDEX actors_merged_into ON actors(merged_into);
CREATE INDEX actors_name_key ON actors(name_key);

-- Which document actor (local id) resolved to which merged actor; natural_id is the id before
-- split-alias corrections, so undoing one finds the documents to re-merge.
CREATE TABLE actor_documents (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  natural_id TEXT NOT NULL,
  mention_count INTEGER NOT NULL,
  PRIMARY KEY (document_id, local_id, actor_id)
);
CREATE INDEX actor_documents_actor ON actor_documents(actor_id);
CREATE INDEX actor_documents_natural ON actor_documents(natural_id);

-- Events: merge candidates are found by type + start date; places by coordinates or name key.
-- extracted_json keeps the values as merged, before analyst corrections (so undo restores them).
ALTER TABLE events ADD COLUMN date_text TEXT;
ALTER TABLE events ADD COLUMN place_key TEXT;
ALTER TABLE events ADD COLUMN place_kind TEXT;
ALTER TABLE events ADD COLUMN place_precision TEXT;
ALTER TABLE events ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN extracted_json TEXT;
ALTER TABLE events ADD COLUMN source_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX events_type_date ON events(type, date_start);
CREATE INDEX events_geo ON events(lat, lon);
CREATE INDEX events_place_key ON events(type, place_key, date_start);
-- Foreign keys that would otherwise scan a whole table when an event or actor is deleted.
CREATE INDEX events_merged_into ON events(merged_into);
CREATE INDEX event_sources_source_actor ON event_sources(source_actor_id);

-- The document's actor list for its report of the event, to rebuild event_actors when a
-- document's contribution is removed.
ALTER TABLE event_sources ADD COLUMN actors_json TEXT NOT NULL DEFAULT '[]';

-- One row per document report of a relation (evidence spans stay in relation_evidence), with
-- that report's validity, so removing a document recomputes the merged interval.
CREATE TABLE relation_sources (
  relation_id TEXT NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  valid_start TEXT,
  valid_end TEXT,
  valid_precision TEXT,
  valid_text TEXT,
  published TEXT,
  confidence REAL NOT NULL,
  origin TEXT NOT NULL,
  PRIMARY KEY (relation_id, document_id, local_id)
);
CREATE INDEX relation_sources_document ON relation_sources(document_id);
-- min/max per relation by index seek, so a much-reported relation costs the same as a new one.
CREATE INDEX relation_sources_start ON relation_sources(relation_id, valid_start);
CREATE INDEX relation_sources_end ON relation_sources(relation_id, valid_end);
CREATE INDEX relation_sources_published ON relation_sources(relation_id, published);
ALTER TABLE relations ADD COLUMN valid_text TEXT;
ALTER TABLE relations ADD COLUMN first_seen TEXT;
ALTER TABLE relations ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0;
ALTER TABLE relations ADD COLUMN extracted_json TEXT;
ALTER TABLE relations ADD COLUMN source_count INTEGER NOT NULL DEFAULT 0;

-- Quotes and scenarios stay per document; speaker/actors point at merged actors.
CREATE TABLE picture_quotes (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  speaker_id TEXT REFERENCES actors(id) ON DELETE SET NULL,
  text TEXT NOT NULL,
  date_json TEXT,
  date_start TEXT,
  venue TEXT,
  evidence_json TEXT NOT NULL
);
CREATE INDEX picture_quotes_document ON picture_quotes(document_id);
CREATE INDEX picture_quotes_speaker ON picture_quotes(speaker_id, date_start);

CREATE TABLE picture_scenarios (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  conditions_json TEXT NOT NULL,
  outcome TEXT NOT NULL,
  actors_json TEXT NOT NULL,
  evidence_json TEXT NOT NULL
);
CREATE INDEX picture_scenarios_document ON picture_scenarios(document_id);
CREATE INDEX corrections_action ON corrections(action, reverted_at);
`,
  },
];
