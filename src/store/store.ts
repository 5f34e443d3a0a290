// The store's one interface (Kysely-style: one interface, one folder per backend). The rest of
// the code never asks which backend it runs on. Every method is async so a networked backend
// (PostgreSQL) fits the same contract; src/store/store.contract.ts is the suite both pass.
import type { WatchStore } from '../watch/types.js';
import type { Analysis } from '../analysis/types.js';
import type { CleanedDocument } from '../ingest/types.js';
import type { PictureQueries } from './picture.js';

export type PutResult =
  | { status: 'inserted'; id: string; nearDuplicateOf: string | null }
  | { status: 'duplicate'; id: string };

export type DocumentSummary = {
  id: string; title: string | null; published: string | null; source: string | null;
  url: string | null; language: string; origin: string; ingestedAt: string; chars: number;
  nearDuplicateOf: string | null;
};

export type StoredDocument = DocumentSummary & {
  text: string; rawText: string; removed: CleanedDocument['removed'];
  bytesHash: string; textHash: string; analysis: Analysis | null;
};

export type SearchHit = {
  id: string; title: string | null; published: string | null;
  /** Relevance: higher is better (SQLite: negated bm25, title weighted above body). */
  rank: number;
  /** Snippet with matches wrapped in the given markers. */
  snippet: string;
};

export type ListOptions = { limit?: number; offset?: number };

export interface Store {
  /** Bring the schema to the newest migration. Idempotent. */
  migrate(): Promise<void>;
  /**
   * One transaction: the document, its analysis and provenance. An exact duplicate (same
   * cleaned text) is not stored twice; a near-duplicate is stored and linked to its original.
   */
  putDocument(doc: CleanedDocument, analysis: Analysis | null): Promise<PutResult>;
  /**
   * Replace a stored document's analysis (re-analysis after a pack or rule change).
   * Rejects with WatchfloorError('NOT_FOUND') when no document has that id.
   */
  putAnalysis(id: string, analysis: Analysis): Promise<void>;
  hasBytesHash(hash: string): Promise<string | null>;
  getDocument(id: string): Promise<StoredDocument | null>;
  listDocuments(opts?: ListOptions): Promise<DocumentSummary[]>;
  countDocuments(): Promise<number>;
  /**
   * Full-text search over title and text. Any input is safe: each token and each "quoted
   * phrase" is matched literally (no operators); a trailing * makes a prefix search.
   */
  search(query: string, opts?: ListOptions & { mark?: [string, string] }): Promise<SearchHit[]>;
  /**
   * The cross-document picture (src/store/picture.ts). putDocument and putAnalysis merge each
   * analysis into it in the same transaction: one actor across documents (by pack id, else
   * normalised name), one event reported by several documents, relations accumulating
   * evidence; re-analysis replaces a document's contribution. Analyst corrections survive.
   */
  picture(): PictureQueries;
  /**
   * The scenario watch's persistence on this backend (src/watch/types.ts): its snapshot, the
   * warnings feed, and the documents stored after its cursor. The caller closes it.
   */
  watch(): WatchStore;
  close(): Promise<void>;
}
