import type { Command } from 'commander';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../../app/app-context.js';
import { ingestDocuments } from '../../app/ingest-documents.js';
import { contextOf } from '../global-options.js';
import { serve } from './serve.js';

/** `npm start`: ingest the bundled sample corpus once (re-runs skip duplicates), then serve. */
export function registerStart(program: Command): void {
  program.command('start')
    .description('ingest the bundled sample corpus into the data folder (once) and serve the workbench')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port', process.env.PORT ?? '4173')
    .action(async (opts: { host: string; port: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const [pipeline, store] = await Promise.all([ctx.pipeline(), ctx.store()]);
      if ((await store.countDocuments()) === 0) {
        const samples = resolve(PROJECT_ROOT, 'samples/corpus');
        process.stdout.write(`First run: ingesting the sample corpus from ${samples}\n`);
        const s = await ingestDocuments([samples], pipeline, store, { source: 'Watchfloor sample corpus' });
        process.stdout.write(`${s.ingested} ingested, ${s.duplicate} duplicate, ${s.failed} failed\n`);
      }
      await ctx.close();
      await serve(cmd, opts.host, Number(opts.port));
    });
}
