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
  {
    version: 6,
    name: 'picture aggregates for fast reads',
    sql: `
-- Everything below is kept exact by the merge, removal and corrections in the same transaction
-- (src/store/sqlite/picture-aggregates.ts); the backfills make an existing store consistent.

-- How many document reports name that actor in that role: removing a document decrements
-- instead of rebuilding the event's actors from every remaining report.
ALTER TABLE event_actors ADD COLUMN source_count INTEGER NOT NULL DEFAULT 0;
UPDATE event_actors SET source_count = (SELECT count(*) FROM event_sources s WHERE s.event_id = event_actors.event_id
  AND s.actors_json LIKE '%"actor":"' || event_actors.actor_id || '","role":"' || event_actors.role || '"%');

-- How far an event's dates reach past its start: 0 one day, 1 within its month, 2 within its
-- year, 3 beyond. "Overlaps [from, to]" then needs only bounded index ranges before from.
ALTER TABLE events ADD COLUMN span_class INTEGER NOT NULL DEFAULT 0;
UPDATE events SET span_class = CASE
  WHEN date_start IS NULL OR date_end IS NULL OR date_end <= date_start THEN 0
  WHEN substr(date_start, 1, 7) = substr(date_end, 1, 7) THEN 1
  WHEN substr(date_start, 1, 4) = substr(date_end, 1, 4) THEN 2
  ELSE 3 END;
CREATE INDEX events_span ON events(span_class, rejected, date_start, date_end);
CREATE INDEX events_listing ON events(rejected, date_start, id);

-- Non-rejected events per start day ('' = undated) and type: timelines without an actor.
CREATE TABLE event_day_counts (
  day TEXT NOT NULL,
  type TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (day, type)
);
INSERT INTO event_day_counts (day, type, n)
  SELECT coalesce(date_start, ''), type, count(*) FROM events WHERE rejected = 0 GROUP BY coalesce(date_start, ''), type;

-- One row per (actor, event) with the event's start day and type: an actor's events newest
-- first, counts and timelines by index range instead of joins over all the actor's events.
CREATE TABLE actor_events (
  actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  type TEXT NOT NULL,
  rejected INTEGER NOT NULL,
  PRIMARY KEY (actor_id, event_id)
);
CREATE INDEX actor_events_day ON actor_events(actor_id, rejected, day, type, event_id);
CREATE INDEX actor_events_event ON actor_events(event_id);
INSERT INTO actor_events (actor_id, event_id, day, type, rejected)
  SELECT DISTINCT ea.actor_id, ea.event_id, coalesce(e.date_start, ''), e.type, e.rejected
  FROM event_actors ea JOIN events e ON e.id = ea.event_id;

-- Non-rejected located events per place variant and type (text columns '' instead of NULL so
-- the key is a plain primary key): the map layer reads these instead of grouping events.
CREATE TABLE place_counts (
  place_key TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT NOT NULL,
  precision TEXT NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  type TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (place_key, name, kind, country, precision, lat, lon, type)
);
CREATE INDEX place_counts_geo ON place_counts(lat, lon);
INSERT INTO place_counts (place_key, name, kind, country, precision, lat, lon, type, n)
  SELECT coalesce(place_key, ''), coalesce(place_name, ''), coalesce(place_kind, ''), coalesce(place_country, ''),
    coalesce(place_precision, ''), lat, lon, type, count(*)
  FROM events WHERE rejected = 0 AND lat IS NOT NULL AND lon IS NOT NULL
  GROUP BY coalesce(place_key, ''), coalesce(place_name, ''), coalesce(place_kind, ''), coalesce(place_country, ''),
    coalesce(place_precision, ''), lat, lon, type;

-- An actor's latest documents by index range; relations of an actor by weight.
ALTER TABLE actor_documents ADD COLUMN published TEXT;
UPDATE actor_documents SET published = (SELECT d.published FROM documents d WHERE d.id = actor_documents.document_id);
CREATE INDEX actor_documents_latest ON actor_documents(actor_id, published, document_id);
CREATE INDEX relations_subject_weight ON relations(subject_id, rejected, source_count, id);
CREATE INDEX relations_object_weight ON relations(object_id, rejected, source_count, id);
CREATE INDEX relations_weight ON relations(rejected, source_count, id);
-- Superseded by the indexes above (same leading columns): fewer pages written per merge.
DROP INDEX relations_subject;
DROP INDEX relations_object;
DROP INDEX events_date;
DROP INDEX actor_documents_actor;
`,
  },
  {
    version: 7,
    name: 'alias provenance for re-analysis',
    sql: `
-- How many documents give an actor a text alias, and which aliases each document's actor gave
-- (on its primary actor_documents row): re-analysis takes back what the old analysis gave, so
-- an alias no document supports any more goes. Aliases stored before this count as supported
-- by an unknown number of documents and are never pruned.
ALTER TABLE actor_aliases ADD COLUMN doc_count INTEGER NOT NULL DEFAULT 1000000000;
ALTER TABLE actor_documents ADD COLUMN aliases_json TEXT;
`,
  },
];
