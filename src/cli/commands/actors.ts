import type { Command } from 'commander';
import type { ActorKind } from '../../analysis/types.js';
import { contextOf } from '../global-options.js';

export function registerActors(program: Command): void {
  program.command('actors')
    .description('actors merged across all stored documents, most mentioned first')
    .option('--q <text>', 'name or alias contains')
    .option('--kind <kind>', 'actor kind (armed-group, state-force, person, ...)')
    .option('--limit <n>', 'how many', '30')
    .option('--offset <n>', 'skip this many', '0')
    .option('--json', 'print JSON')
    .action(async (opts: { q?: string; kind?: string; limit: string; offset: string; json?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      try {
        const page = await (await ctx.store()).picture().listActors({
          ...(opts.q ? { q: opts.q } : {}), ...(opts.kind ? { kind: opts.kind as ActorKind } : {}),
          limit: Number(opts.limit), offset: Number(opts.offset),
        });
        if (opts.json) { process.stdout.write(`${JSON.stringify(page, null, 2)}\n`); return; }
        for (const a of page.items) {
          const aliases = a.aliases.filter((x) => x !== a.name).slice(0, 6).join(', ');
          process.stdout.write(`${String(a.mentions).padStart(6)} mentions ${String(a.documents).padStart(5)} docs  ${a.name} [${a.kind}]  ${a.id}${aliases ? `\n${' '.repeat(28)}aka ${aliases}` : ''}\n`);
        }
        process.stdout.write(`${page.items.length} of ${page.total} actors\n`);
      } finally {
        await ctx.close();
      }
    });
}
