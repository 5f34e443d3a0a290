// A worker thread of the annotation pool: loads the knowledge base once, then cleans and
// analyses each input it is sent. The main thread stores the results.
import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { loadPipeline } from '../pipeline/pipeline.js';
import { describeError, WatchfloorError } from '../errors.js';
import type { RawInput } from '../ingest/types.js';
import { analyzeInput } from './analyze-text.js';

export type WorkerRequest = { id: number; input: RawInput };
export type WorkerResponse =
  | { id: number; ok: true; result: ReturnType<typeof analyzeInput> }
  | { id: number; ok: false; code: string | null; message: string };

const { packsDir, dataDir } = workerData as { packsDir: string; dataDir: string | null };
// The gazetteer imported into the data folder the main thread uses, as the main thread does.
const pipeline = loadKnowledgeBase([packsDir], [], { dataDir }).then((kb) => loadPipeline(kb));

parentPort!.on('message', async (req: WorkerRequest) => {
  let res: WorkerResponse;
  try {
    const input = { ...req.input, bytes: Buffer.from(req.input.bytes) };
    res = { id: req.id, ok: true, result: analyzeInput(await pipeline, input) };
  } catch (err) {
    res = { id: req.id, ok: false, code: err instanceof WatchfloorError ? err.code : null, message: describeError(err) };
  }
  parentPort!.postMessage(res);
});
