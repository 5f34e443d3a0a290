import type { Command } from 'commander';
import { contextOf } from '../global-options.js';

export function registerSearch(program: Command): void {
  program.command('search')
    .description('full-text search over stored documents, ranked, with highlighted snippets')
    .argument('<query...>', 'words or a "quoted phrase"')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action(async (query: string[], opts: { limit: string; json?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const store = await ctx.store();
      try {
        const color = process.stdout.isTTY && !opts.json;
        const hits = await store.search(query.join(' '), { limit: Number(opts.limit), mark: color ? ['\x1b[1;33m', '\x1b[0m'] : ['[', ']'] });
        if (opts.json) { process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`); return; }
        for (const h of hits) process.stdout.write(`${h.id}  ${h.published ?? '-'}  ${h.title ?? '(untitled)'}\n    ${h.snippet.replace(/\s+/g, ' ')}\n`);
        process.stdout.write(`${hits.length} match${hits.length === 1 ? '' : 'es'}\n`);
      } finally {
        await ctx.close();
      }
    });
}
