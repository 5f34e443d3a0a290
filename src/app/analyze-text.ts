// Clean a text or HTML input and run the annotation pipeline over it: the one path that ingest,
// `watchfloor analyze`, the API and the evaluation all share.
import type { Analysis } from '../analysis/types.js';
import type { CleanedDocument, RawInput } from '../ingest/types.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { prepareInput } from '../ingest/prepare-input.js';

export type Prepared = { cleaned: CleanedDocument; analysis: Analysis };

export function analyzeCleaned(pipeline: Pipeline, cleaned: CleanedDocument): Analysis {
  return pipeline.analyze({
    id: cleaned.id, title: cleaned.title, published: cleaned.published, source: cleaned.source,
    url: cleaned.url, language: cleaned.language, text: cleaned.text,
  });
}

export function analyzeInput(pipeline: Pipeline, input: RawInput): Prepared {
  const cleaned = prepareInput(input);
  return { cleaned, analysis: analyzeCleaned(pipeline, cleaned) };
}
