// Full-text search over documents: the only SQLite-specific part of the schema (FTS5).
// External-content table over documents(title, text), kept in sync by triggers so any write
// to documents (insert, update, delete) updates the index in the same transaction.
import type { Migration } from './migrations.js';

/** Title weight against body weight in bm25: a hit in the title counts ten body hits. */
export const TITLE_WEIGHT = 10.0;
export const BODY_WEIGHT = 1.0;

export const ftsMigration: Migration = {
  version: 3,
  name: 'full-text search (FTS5)',
  sql: `
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text,
  content='documents', content_rowid='seq',
  tokenize='porter unicode61 remove_diacritics 2'
);
-- Persist the ranking so ORDER BY rank uses it.
INSERT INTO documents_fts(documents_fts, rank) VALUES ('rank', 'bm25(${TITLE_WEIGHT.toFixed(1)}, ${BODY_WEIGHT.toFixed(1)})');
CREATE TRIGGER documents_fts_after_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER documents_fts_after_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER documents_fts_after_update AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
-- Index anything already stored (empty on a new database).
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
`,
};

/** Best-matching column, match markers, ellipsis, about this many tokens. */
export const SEARCH_SQL = `
SELECT d.id AS id, d.title AS title, d.published AS published, documents_fts.rank AS score,
       snippet(documents_fts, -1, @open, @close, '…', 24) AS snippet
FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
WHERE documents_fts MATCH @query
ORDER BY documents_fts.rank, d.seq
LIMIT @limit OFFSET @offset`;
