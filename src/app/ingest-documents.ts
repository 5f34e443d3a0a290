// Ingest: read every input, clean, analyse and store each document in its own transaction. A
// bad input is reported and skipped; the others land.
import { describeError, WatchfloorError } from '../errors.js';
import { readInputs, type InputResult } from '../ingest/read-inputs.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Store } from '../store/store.js';
import { analyzeInput } from './analyze-text.js';
import type { AnnotationPool } from './annotation-pool.js';
import type { RawInput } from '../ingest/types.js';

export type IngestOutcome =
  | { origin: string; status: 'ingested'; id: string; title: string | null; nearDuplicateOf: string | null }
  | { origin: string; status: 'duplicate'; id: string }
  | { origin: string; status: 'failed'; reason: string };

export type IngestSummary = { ingested: number; duplicate: number; failed: number; outcomes: IngestOutcome[] };

export type IngestOptions = {
  published?: string | null;
  source?: string | null;
  timeoutMs?: number;
  onOutcome?: (o: IngestOutcome) => void;
  /** Clean and analyse in these worker threads instead of the main thread. */
  pool?: AnnotationPool;
};

export async function ingestDocuments(specs: string[], pipeline: Pipeline, store: Store, opts: IngestOptions = {}): Promise<IngestSummary> {
  const readOpts = {
    ...(opts.published !== undefined ? { published: opts.published } : {}),
    ...(opts.source !== undefined ? { source: opts.source } : {}),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
  };
  return ingestInputs(readInputs(specs, readOpts), pipeline, store, opts);
}

/** Ingest inputs from any reader (paths and URLs, an upload): clean, analyse, store each. */
export async function ingestInputs(inputs: AsyncIterable<InputResult>, pipeline: Pipeline, store: Store, opts: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { ingested: 0, duplicate: 0, failed: 0, outcomes: [] };
  const record = (o: IngestOutcome) => {
    summary.outcomes.push(o);
    if (o.status === 'ingested') summary.ingested++; else if (o.status === 'duplicate') summary.duplicate++; else summary.failed++;
    opts.onOutcome?.(o);
  };
  const pool = opts.pool;
  const analyze = (input: RawInput) => (pool ? pool.analyze(input) : Promise.resolve().then(() => analyzeInput(pipeline, input)));
  // With a pool, keep every worker busy; the store is written from this thread, one document
  // per transaction, in the order analyses finish.
  const inFlight = new Set<Promise<void>>();
  const limit = pool ? pool.size * 2 : 1;
  let fatal: unknown = null;
  const handle = async (input: RawInput) => {
    try {
      const { cleaned, analysis } = await analyze(input);
      const put = await store.putDocument(cleaned, analysis);
      if (put.status === 'duplicate') record({ origin: input.origin, status: 'duplicate', id: put.id });
      else record({ origin: input.origin, status: 'ingested', id: put.id, title: cleaned.title, nearDuplicateOf: put.nearDuplicateOf });
    } catch (err) {
      // A broken store or annotation pool stops the run (nothing is half-written); a bad
      // document is skipped.
      if (err instanceof WatchfloorError && (err.code === 'STORE' || err.code === 'CONFIG')) fatal ??= err;
      else record({ origin: input.origin, status: 'failed', reason: describeError(err) });
    }
  };
  for await (const item of inputs) {
    if (fatal) break;
    if (!item.ok) {
      record({ origin: item.origin, status: 'failed', reason: describeError(item.error) });
      continue;
    }
    const task: Promise<void> = handle(item.input).finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (fatal) throw fatal;
  return summary;
}
