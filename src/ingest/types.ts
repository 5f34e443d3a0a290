// What ingestion hands to cleaning and the store.
/** Partial date with its precision: "2025", "2025-01", "2025-01-11". */
export type PartialDate = string;

/** One input as read from disk, a URL or a feed item, before cleaning. */
export type RawInput = {
  /** Where it came from: a file path, a URL, "feed-url#item-guid", or "stdin". */
  origin: string;
  bytes: Buffer;
  /** 'text' | 'html', decided from the content type, extension and a sniff of the bytes. */
  format: 'text' | 'html';
  url: string | null;
  /** Metadata supplied alongside the bytes (feed item, CLI flags, HTTP headers). */
  title?: string | null;
  published?: PartialDate | null;
  source?: string | null;
};

/** A stretch of the raw text that cleaning kept out of the body, with why. */
export type RemovedSpan = { start: number; end: number; text: string; reason: string };

export type CleanedDocument = {
  /** Stable id derived from the cleaned text's hash (same text -> same id). */
  id: string;
  /** sha256 of the original bytes. */
  bytesHash: string;
  /** sha256 of the normalised cleaned text: exact duplicates share it. */
  textHash: string;
  /** MinHash signature over word shingles, for near-duplicate detection. */
  fingerprint: number[];
  origin: string;
  url: string | null;
  title: string | null;
  published: PartialDate | null;
  /** Where the publication date came from: 'metadata' | 'date-line' | 'none'. */
  publishedFrom: 'metadata' | 'date-line' | 'none';
  source: string | null;
  language: string;
  /** The cleaned text; every analysis offset points into it. */
  text: string;
  /** The text before cleaning (after HTML extraction); removed spans index into it. */
  rawText: string;
  removed: RemovedSpan[];
  /** Maps offsets: cleanToRaw[i] is where clean segment i starts in rawText. */
  segments: { cleanStart: number; rawStart: number; length: number }[];
  ingestedAt: string;
};
