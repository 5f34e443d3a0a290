// A pool of worker threads that clean and analyse documents in parallel (annotation is the
// costly step of ingest; the store stays single-writer on the main thread).
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { WatchfloorError, type ErrorCode } from '../errors.js';
import type { RawInput } from '../ingest/types.js';
import type { Prepared } from './analyze-text.js';
import type { WorkerRequest, WorkerResponse } from './annotation-worker.js';

export type AnnotationPool = {
  size: number;
  analyze(input: RawInput): Promise<Prepared>;
  close(): Promise<void>;
};

/** Workers to use by default: all cores but one for the writer, at most 8. */
export function defaultPoolSize(): number {
  return Math.max(0, Math.min(8, availableParallelism() - 1));
}

export function createAnnotationPool(opts: { packsDir: string; dataDir: string | null; size: number }): AnnotationPool {
  // The boot file registers tsx itself; execArgv is emptied so a parent started with
  // `--import tsx` does not register it twice.
  const boot = new URL('./annotation-worker.boot.js', import.meta.url);
  const workers = Array.from({ length: opts.size }, () => new Worker(boot, { workerData: { packsDir: opts.packsDir, dataDir: opts.dataDir }, execArgv: [] }));
  const pending = new Map<number, { resolve: (p: Prepared) => void; reject: (e: Error) => void; worker: Worker }>();
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let next = 0;
  for (const w of workers) {
    w.on('message', (res: WorkerResponse) => {
      const p = pending.get(res.id);
      if (!p) return;
      pending.delete(res.id);
      load.set(w, load.get(w)! - 1);
      if (res.ok) p.resolve(res.result);
      else p.reject(new WatchfloorError((res.code ?? 'UNSUPPORTED_INPUT') as ErrorCode, res.message));
    });
    w.on('error', (err) => {
      // A crashed worker fails what it held; the rest of the pool goes on.
      const failure = new WatchfloorError('CONFIG', `annotation worker crashed: ${err.message}`, { hint: 'run with --workers 0 to annotate on the main thread' });
      for (const [id, p] of pending) if (p.worker === w) { pending.delete(id); p.reject(failure); }
      load.delete(w);
    });
  }
  return {
    size: opts.size,
    analyze(input) {
      const live = [...load.entries()];
      if (!live.length) return Promise.reject(new WatchfloorError('CONFIG', 'no annotation worker is running'));
      const [worker] = live.reduce((a, b) => (b[1] < a[1] ? b : a));
      const id = next++;
      load.set(worker, load.get(worker)! + 1);
      return new Promise<Prepared>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        const req: WorkerRequest = { id, input };
        worker.postMessage(req);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
