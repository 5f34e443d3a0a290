import type { Command } from 'commander';
import { contextOf } from '../global-options.js';

export function registerDocs(program: Command): void {
  program.command('docs')
    .description('list stored documents, newest first')
    .option('--limit <n>', 'how many', '50')
    .option('--offset <n>', 'skip this many', '0')
    .option('--json', 'print JSON')
    .action(async (opts: { limit: string; offset: string; json?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const store = await ctx.store();
      try {
        const docs = await store.listDocuments({ limit: Number(opts.limit), offset: Number(opts.offset) });
        if (opts.json) { process.stdout.write(`${JSON.stringify(docs, null, 2)}\n`); return; }
        const total = await store.countDocuments();
        for (const d of docs) {
          process.stdout.write(`${d.id}  ${(d.published ?? '-').padEnd(10)}  ${(d.title ?? '(untitled)').slice(0, 90)}${d.nearDuplicateOf ? `  [copy of ${d.nearDuplicateOf}]` : ''}\n`);
        }
        process.stdout.write(`${docs.length} of ${total} documents\n`);
      } finally {
        await ctx.close();
      }
    });
}
