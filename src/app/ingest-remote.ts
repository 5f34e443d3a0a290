// Ingest through the API: a URL (or feed) fetched by the server, or uploaded files. The same
// path as the command line, then the scenario watch.
import type { AppContext } from './app-context.js';
import { ingestDocuments, ingestInputs, type IngestSummary } from './ingest-documents.js';
import { readBlob } from '../ingest/read-inputs.js';
import { watchAfterIngest } from './watch-after-ingest.js';

export type RemoteIngest = IngestSummary & { warnings: number; watchError?: string };

async function withWatch(ctx: AppContext, summary: IngestSummary): Promise<RemoteIngest> {
  const watched = summary.ingested > 0 ? await watchAfterIngest(ctx) : { warnings: [], error: null };
  return { ...summary, warnings: watched.warnings.length, ...(watched.error ? { watchError: watched.error } : {}) };
}

export async function ingestUrl(ctx: AppContext, url: string, meta: { published?: string; source?: string }): Promise<RemoteIngest> {
  const [pipeline, store] = await Promise.all([ctx.pipeline(), ctx.store()]);
  const summary = await ingestDocuments([url], pipeline, store, { ...(meta.published ? { published: meta.published } : {}), ...(meta.source ? { source: meta.source } : {}) });
  return withWatch(ctx, summary);
}

export async function ingestUploads(ctx: AppContext, files: AsyncIterable<{ filename: string; mimetype: string; bytes: () => Promise<Buffer> }>, meta: { published?: string; source?: string }): Promise<RemoteIngest> {
  const [pipeline, store] = await Promise.all([ctx.pipeline(), ctx.store()]);
  const opts = { ...(meta.published ? { published: meta.published } : {}), ...(meta.source ? { source: meta.source } : {}) };
  async function* inputs() {
    for await (const f of files) yield* readBlob({ origin: f.filename, bytes: await f.bytes(), contentType: f.mimetype }, opts);
  }
  return withWatch(ctx, await ingestInputs(inputs(), pipeline, store));
}
