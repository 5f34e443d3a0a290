// The embedded Store: one SQLite file in WAL mode, driven synchronously by better-sqlite3
// behind the async Store interface. Every statement is prepared once per connection.
import Database from 'better-sqlite3';
import type { Analysis } from '../../analysis/types.js';
import { WatchfloorError } from '../../errors.js';
import type { CleanedDocument } from '../../ingest/types.js';
import { bandKeys, pickOriginal, type Candidate } from '../near-duplicate.js';
import type {
  DocumentSummary, ListOptions, PutResult, SearchHit, Store, StoredDocument,
} from '../store.js';
import { ftsMigration, SEARCH_SQL } from './fts.js';
import { toFtsQuery } from './fts-query.js';
import { coreMigrations, type Migration } from './migrations.js';
import type { PictureQueries } from '../picture.js';
import { PictureWriter } from './picture-merge.js';
import { pictureMigrations } from './picture-migrations.js';
import { SqlitePicture } from './picture-queries.js';
import { SqliteWatchStore } from './watch-store.js';
import type { WatchStore } from '../../watch/types.js';

/** Every migration this backend applies, in order. */
export const sqliteMigrations: Migration[] = [...coreMigrations, ftsMigration, ...pictureMigrations]
  .sort((a, b) => a.version - b.version);

const DEFAULT_LIST_LIMIT = 50;
const DEFAULT_SEARCH_LIMIT = 20;
const MAX_LIMIT = 1000;
const BUSY_TIMEOUT_MS = 10_000;

type SummaryRow = {
  id: string; title: string | null; published: string | null; source: string | null;
  url: string | null; language: string; origin: string; ingested_at: string; chars: number;
  near_duplicate_of: string | null;
};
type DocumentRow = SummaryRow & {
  text: string; raw_text: string; removed_json: string; bytes_hash: string; text_hash: string;
  analysis_json: string | null;
};
type SearchRow = { id: string; title: string | null; published: string | null; score: number; snippet: string };

const SUMMARY_COLUMNS = `d.id, d.title, d.published, d.source, d.url, d.language, d.origin,
  d.ingested_at, d.chars, d.near_duplicate_of`;

function toSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id, title: r.title, published: r.published, source: r.source, url: r.url,
    language: r.language, origin: r.origin, ingestedAt: r.ingested_at, chars: r.chars,
    nearDuplicateOf: r.near_duplicate_of,
  };
}

/**
 * The analysis embeds the document text; storing it again next to documents.text would
 * double the database. We drop it when it equals the stored text and put it back on read.
 */
function analysisToJson(analysis: Analysis, text: string): string {
  if (analysis.document.text !== text) return JSON.stringify(analysis);
  const { text: _omitted, ...document } = analysis.document;
  return JSON.stringify({ ...analysis, document });
}

function analysisFromJson(json: string, text: string): Analysis {
  const parsed = JSON.parse(json) as Analysis;
  if (typeof parsed.document?.text !== 'string') parsed.document = { ...parsed.document, text };
  return parsed;
}

function clampLimit(n: number | undefined, fallback: number): number {
  if (n === undefined || !Number.isFinite(n)) return fallback;
  return Math.max(0, Math.min(MAX_LIMIT, Math.floor(n)));
}
function clampOffset(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n)) return 0;
  return Math.max(0, Math.floor(n));
}

function hintFor(err: unknown): string | undefined {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('SQLITE_BUSY')) return 'another process holds the database lock; retry, or stop the other Watchfloor process';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'the file is not a healthy Watchfloor database; restore a backup or move it away';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) return 'check that the data folder exists and is writable';
  if (code === 'SQLITE_FULL') return 'the disk is full';
  return undefined;
}

/** Wraps anything that is not already a WatchfloorError as a STORE error naming the file. */
export function storeError(path: string, what: string, err: unknown): WatchfloorError {
  if (err instanceof WatchfloorError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new WatchfloorError('STORE', `${what}: ${message}`, { subject: path, hint: hintFor(err), cause: err });
}

export class SqliteStore implements Store {
  readonly path: string;
  private readonly db: Database.Database;
  private statements: ReturnType<typeof prepareStatements> | null = null;
  private writer: PictureWriter | null = null;
  private pictureQueries: SqlitePicture | null = null;
  private readonly candidateStatements = new Map<number, Database.Statement<string[], { id: string; signature_json: string; near_duplicate_of: string | null }>>();

  /** Opens (creating if needed) the database file; call migrate() before use. */
  constructor(path: string) {
    this.path = path;
    try {
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: commits survive a process crash; only an OS crash or power loss
      // can drop the last commits, never corrupt the file. Saves an fsync per transaction.
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      // The picture's reads touch index and table pages all over a large file; SQLite's default
      // page cache (2 MB) makes most of them OS reads. 64 MB for the connection.
      this.db.pragma('cache_size = -65536');
    } catch (err) {
      throw storeError(path, 'cannot open the database', err);
    }
  }

  private guard<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw storeError(this.path, what, err);
    }
  }

  private get stmts(): ReturnType<typeof prepareStatements> {
    if (this.statements === null) {
      throw new WatchfloorError('STORE', 'the store is used before migrate()', { subject: this.path });
    }
    return this.statements;
  }

  async migrate(): Promise<void> {
    this.guard('migration failed', () => {
      this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const newest = sqliteMigrations[sqliteMigrations.length - 1]?.version ?? 0;
      const applied = this.db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
      if ((applied.v ?? 0) > newest) {
        throw new WatchfloorError('STORE', `the database schema (version ${applied.v}) is newer than this Watchfloor understands (${newest})`,
          { subject: this.path, hint: 'upgrade Watchfloor' });
      }
      const isApplied = this.db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
      const record = this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
      for (const m of sqliteMigrations) {
        // IMMEDIATE: two processes migrating at once serialise; the loser sees it applied.
        this.db.transaction(() => {
          if (isApplied.get(m.version) !== undefined) return;
          this.db.exec(m.sql);
          record.run(m.version, m.name, new Date().toISOString());
        }).immediate();
      }
      this.statements ??= prepareStatements(this.db);
      this.writer ??= new PictureWriter(this.db);
      this.pictureQueries ??= new SqlitePicture(this.db, this.writer, (docId) => this.remerge(docId),
        (what, fn) => this.guard(what, fn));
    });
  }

  async putDocument(doc: CleanedDocument, analysis: Analysis | null): Promise<PutResult> {
    return this.guard(`cannot store document ${doc.id}`, () => this.putTransaction(doc, analysis));
  }

  private putTransaction(doc: CleanedDocument, analysis: Analysis | null): PutResult {
    const s = this.stmts;
    return this.db.transaction((): PutResult => {
      const existing = s.byTextHash.get(doc.textHash);
      if (existing !== undefined) return { status: 'duplicate', id: existing.id };
      const sameId = s.idExists.get(doc.id);
      if (sameId !== undefined) {
        throw new WatchfloorError('STORE', `document id ${doc.id} is already used by a different text`,
          { subject: this.path, hint: 'document ids must derive from the text hash' });
      }
      const keys = bandKeys(doc.fingerprint);
      const nearDuplicateOf = keys.length === 0 ? null : pickOriginal(doc.fingerprint, this.candidates(keys));
      s.insertDocument.run({
        id: doc.id, bytes_hash: doc.bytesHash, text_hash: doc.textHash, origin: doc.origin,
        url: doc.url, title: doc.title, published: doc.published, published_from: doc.publishedFrom,
        source: doc.source, language: doc.language, text: doc.text, raw_text: doc.rawText,
        removed_json: JSON.stringify(doc.removed), segments_json: JSON.stringify(doc.segments),
        chars: doc.text.length, ingested_at: doc.ingestedAt, near_duplicate_of: nearDuplicateOf,
      });
      s.insertFingerprint.run(doc.id, JSON.stringify(doc.fingerprint));
      for (const key of keys) s.insertBand.run(key, doc.id);
      if (analysis !== null) this.writeAnalysis(doc.id, analysis, doc.text, false);
      return { status: 'inserted', id: doc.id, nearDuplicateOf };
    }).immediate();
  }

  /** Documents sharing at least one band key, oldest first. */
  private candidates(keys: string[]): Candidate[] {
    let stmt = this.candidateStatements.get(keys.length);
    if (stmt === undefined) {
      stmt = this.db.prepare(`SELECT d.id, f.signature_json, d.near_duplicate_of
        FROM documents d JOIN document_fingerprints f ON f.document_id = d.id
        WHERE d.id IN (SELECT document_id FROM document_lsh_bands WHERE band_key IN (${keys.map(() => '?').join(',')}))
        ORDER BY d.seq`);
      this.candidateStatements.set(keys.length, stmt);
    }
    return stmt.all(...keys).map((r) => ({
      id: r.id, signature: JSON.parse(r.signature_json) as number[], nearDuplicateOf: r.near_duplicate_of,
    }));
  }

  /** Stores the analysis and merges it into the picture, replacing an earlier contribution. */
  private writeAnalysis(id: string, analysis: Analysis, text: string, replacing: boolean): void {
    this.stmts.upsertAnalysis.run({
      document_id: id, schema_version: analysis.schema_version,
      json: analysisToJson(analysis, text), analyzed_at: new Date().toISOString(),
    });
    const writer = this.writer!;
    if (replacing) writer.removeDocument(id);
    writer.mergeDocument(id, analysis);
  }

  /** Re-merges a stored document from its stored analysis (after a split-alias correction). */
  private remerge(id: string): void {
    const row = this.stmts.getDocument.get(id);
    if (row === undefined || row.analysis_json === null) return;
    this.writer!.removeDocument(id);
    this.writer!.mergeDocument(id, analysisFromJson(row.analysis_json, row.text));
  }

  watch(): WatchStore {
    return new SqliteWatchStore(this.path);
  }

  picture(): PictureQueries {
    if (this.pictureQueries === null) {
      throw new WatchfloorError('STORE', 'the store is used before migrate()', { subject: this.path });
    }
    return this.pictureQueries;
  }

  async putAnalysis(id: string, analysis: Analysis): Promise<void> {
    this.guard(`cannot store the analysis of ${id}`, () => {
      this.db.transaction(() => {
        const row = this.stmts.textOf.get(id);
        if (row === undefined) {
          throw new WatchfloorError('NOT_FOUND', `no document with id ${id}`, { subject: this.path });
        }
        this.writeAnalysis(id, analysis, row.text, true);
      }).immediate();
    });
  }

  async hasBytesHash(hash: string): Promise<string | null> {
    return this.guard('bytes-hash lookup failed', () => this.stmts.byBytesHash.get(hash)?.id ?? null);
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    return this.guard(`cannot read document ${id}`, () => {
      const r = this.stmts.getDocument.get(id);
      if (r === undefined) return null;
      return {
        ...toSummary(r), text: r.text, rawText: r.raw_text,
        removed: JSON.parse(r.removed_json) as StoredDocument['removed'],
        bytesHash: r.bytes_hash, textHash: r.text_hash,
        analysis: r.analysis_json === null ? null : analysisFromJson(r.analysis_json, r.text),
      };
    });
  }

  async listDocuments(opts: ListOptions = {}): Promise<DocumentSummary[]> {
    return this.guard('cannot list documents', () => this.stmts.list
      .all(clampLimit(opts.limit, DEFAULT_LIST_LIMIT), clampOffset(opts.offset)).map(toSummary));
  }

  async countDocuments(): Promise<number> {
    return this.guard('cannot count documents', () => this.stmts.count.get()?.n ?? 0);
  }

  async search(query: string, opts: ListOptions & { mark?: [string, string] } = {}): Promise<SearchHit[]> {
    const match = toFtsQuery(query);
    if (match === null) return [];
    const [open, close] = opts.mark ?? ['[', ']'];
    return this.guard(`search for ${JSON.stringify(query)} failed`, () => this.stmts.search.all({
      query: match, open, close,
      limit: clampLimit(opts.limit, DEFAULT_SEARCH_LIMIT), offset: clampOffset(opts.offset),
    }).map((r) => ({
      id: r.id, title: r.title, published: r.published,
      // bm25 is lower-is-better and negative; expose higher-is-better.
      rank: -r.score, snippet: r.snippet,
    })));
  }

  /** SQLite's own consistency check: ['ok'] when healthy (SQLite-only, for tests and `doctor`). */
  async integrityCheck(): Promise<string[]> {
    return this.guard('integrity check failed', () => {
      const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
      // FTS5 has its own check; it throws SQLITE_CORRUPT_VTAB when the index is out of sync.
      this.db.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run();
      return rows.map((r) => r.integrity_check);
    });
  }

  /** A pragma's current value (SQLite-only, for tests). */
  pragma(name: string): unknown {
    return this.guard(`pragma ${name} failed`, () => this.db.pragma(name, { simple: true }));
  }

  async close(): Promise<void> {
    this.guard('cannot close the database', () => {
      if (!this.db.open) return;
      if (this.statements !== null) this.db.pragma('optimize');
      this.db.close();
    });
  }
}

function prepareStatements(db: Database.Database) {
  return {
    byTextHash: db.prepare<[string], { id: string }>('SELECT id FROM documents WHERE text_hash = ?'),
    idExists: db.prepare<[string], { id: string }>('SELECT id FROM documents WHERE id = ?'),
    byBytesHash: db.prepare<[string], { id: string }>('SELECT id FROM documents WHERE bytes_hash = ? ORDER BY seq LIMIT 1'),
    textOf: db.prepare<[string], { text: string }>('SELECT text FROM documents WHERE id = ?'),
    insertDocument: db.prepare<[Record<string, string | number | null>]>(`INSERT INTO documents
      (id, bytes_hash, text_hash, origin, url, title, published, published_from, source, language,
       text, raw_text, removed_json, segments_json, chars, ingested_at, near_duplicate_of)
      VALUES (@id, @bytes_hash, @text_hash, @origin, @url, @title, @published, @published_from, @source,
       @language, @text, @raw_text, @removed_json, @segments_json, @chars, @ingested_at, @near_duplicate_of)`),
    insertFingerprint: db.prepare<[string, string]>('INSERT INTO document_fingerprints (document_id, signature_json) VALUES (?, ?)'),
    insertBand: db.prepare<[string, string]>('INSERT OR IGNORE INTO document_lsh_bands (band_key, document_id) VALUES (?, ?)'),
    upsertAnalysis: db.prepare<[Record<string, string | number>]>(`INSERT INTO analyses (document_id, schema_version, json, analyzed_at)
      VALUES (@document_id, @schema_version, @json, @analyzed_at)
      ON CONFLICT (document_id) DO UPDATE SET schema_version = excluded.schema_version,
        json = excluded.json, analyzed_at = excluded.analyzed_at`),
    getDocument: db.prepare<[string], DocumentRow>(`SELECT ${SUMMARY_COLUMNS}, d.text, d.raw_text, d.removed_json,
      d.bytes_hash, d.text_hash, a.json AS analysis_json
      FROM documents d LEFT JOIN analyses a ON a.document_id = d.id WHERE d.id = ?`),
    list: db.prepare<[number, number], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM documents d
      ORDER BY d.ingested_at DESC, d.seq DESC LIMIT ? OFFSET ?`),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents'),
    search: db.prepare<[Record<string, string | number>], SearchRow>(SEARCH_SQL),
  };
}
