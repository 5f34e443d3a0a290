import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { ingestDocuments } from '../../app/ingest-documents.js';
import { watchAfterIngest } from '../../app/watch-after-ingest.js';
import { createAnnotationPool, defaultPoolSize } from '../../app/annotation-pool.js';
import { parsePublishedFlag } from '../published-flag.js';
import { contextOf } from '../global-options.js';

export function registerIngest(program: Command): void {
  program.command('ingest')
    .description('ingest files, folders (recursive), URLs and RSS/Atom feeds into the store')
    .argument('<inputs...>', 'paths, folders, http(s) URLs or feeds')
    .option('--published <date>', 'publication date for inputs without one (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--source <name>', 'source name recorded with each document')
    .option('--timeout <ms>', 'network timeout per URL in milliseconds', '15000')
    .option('--workers <n>', 'annotation worker threads (default: cores - 1; 0 = main thread only)')
    .option('--json', 'print the summary as JSON')
    .action(async (inputs: string[], opts: { published?: string; source?: string; timeout: string; workers?: string; json?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const published = parsePublishedFlag(opts.published);
      const [pipeline, store] = await Promise.all([ctx.pipeline(), ctx.store()]);
      const workers = opts.workers === undefined ? defaultPoolSize() : Number(opts.workers);
      const pool = workers > 0 ? createAnnotationPool({ packsDir: ctx.packsDir, dataDir: ctx.dataDir, size: workers }) : undefined;
      const tty = process.stderr.isTTY && !opts.json;
      const bar = new cliProgress.SingleBar({ format: 'ingest {bar} {value} docs | {ingested} new, {duplicate} duplicate, {failed} failed', stream: process.stderr, noTTYOutput: false }, cliProgress.Presets.shades_classic);
      const counts = { ingested: 0, duplicate: 0, failed: 0 };
      if (tty) bar.start(0, 0, counts);
      let n = 0;
      try {
        const summary = await ingestDocuments(inputs, pipeline, store, {
          published, ...(opts.source ? { source: opts.source } : {}), timeoutMs: Number(opts.timeout), ...(pool ? { pool } : {}),
          onOutcome: (o) => {
            n++;
            counts[o.status]++;
            if (tty) { bar.setTotal(n); bar.update(n, counts); } else if (!opts.json && o.status === 'failed') process.stderr.write(`failed: ${o.origin}: ${o.reason}\n`);
          },
        });
        if (tty) bar.stop();
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        } else {
          process.stdout.write(`${summary.ingested} ingested, ${summary.duplicate} duplicate, ${summary.failed} failed\n`);
          for (const o of summary.outcomes) {
            if (o.status === 'failed') process.stdout.write(`  FAILED     ${o.reason.startsWith(o.origin) ? o.reason : `${o.origin}: ${o.reason}`}\n`);
            else if (o.status === 'duplicate') process.stdout.write(`  duplicate  ${o.origin} = ${o.id}\n`);
            else if (o.nearDuplicateOf) process.stdout.write(`  near-dup   ${o.origin} -> ${o.id} (copy of ${o.nearDuplicateOf})\n`);
          }
        }
        if (summary.ingested > 0) {
          const watched = await watchAfterIngest(ctx);
          if (watched.error) process.stderr.write(`scenario watch skipped: ${watched.error}\n`);
          else if (!opts.json && watched.warnings.length) process.stdout.write(`${watched.warnings.length} new warning(s): see \`watchfloor watch --since 0\`\n`);
        }
        if (summary.failed > 0) process.exitCode = 1;
      } finally {
        if (tty) bar.stop();
        await pool?.close();
        await ctx.close();
      }
    });
}
