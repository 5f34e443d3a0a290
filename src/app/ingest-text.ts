// Ingest one text posted through the API: the same path as a file on the command line.
import type { AppContext } from './app-context.js';
import { analyzeInput } from './analyze-text.js';
import type { PutResult } from '../store/store.js';
import { watchAfterIngest } from './watch-after-ingest.js';

export type TextSubmission = { text: string; title?: string; published?: string; source?: string; url?: string; format?: 'text' | 'html' };

export async function ingestText(ctx: AppContext, sub: TextSubmission): Promise<PutResult & { title: string | null; warnings: number; watchError?: string }> {
  const [pipeline, store] = await Promise.all([ctx.pipeline(), ctx.store()]);
  const { cleaned, analysis } = analyzeInput(pipeline, {
    origin: sub.url ?? 'api', bytes: Buffer.from(sub.text, 'utf8'), format: sub.format ?? 'text', url: sub.url ?? null,
    title: sub.title ?? null, published: sub.published ?? null, source: sub.source ?? null,
  });
  const put = await store.putDocument(cleaned, analysis);
  const watched = put.status === 'inserted' ? await watchAfterIngest(ctx) : { warnings: [], error: null };
  return { ...put, title: cleaned.title, warnings: watched.warnings.length, ...(watched.error ? { watchError: watched.error } : {}) };
}
