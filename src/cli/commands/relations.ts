import type { Command } from 'commander';
import type { Predicate } from '../../analysis/types.js';
import { WatchfloorError } from '../../errors.js';
import { contextOf } from '../global-options.js';

export function registerRelations(program: Command): void {
  program.command('relations')
    .description('relations of one actor across all documents, with their validity and evidence')
    .argument('<actor>', 'actor id (kb:<pack id> or n:<name>) or a name to look up')
    .option('--predicate <p>', 'only this predicate (supports, member_of, ...)')
    .option('--json', 'print JSON')
    .action(async (actor: string, opts: { predicate?: string; json?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      try {
        const picture = (await ctx.store()).picture();
        let id = actor;
        if (!/^(kb|n):/.test(actor)) {
          const found = (await picture.listActors({ q: actor, limit: 1 })).items[0];
          if (!found) throw new WatchfloorError('NOT_FOUND', `no actor matching ${actor}`, { hint: 'list actors with `watchfloor actors --q NAME`' });
          id = found.id;
        }
        const page = await picture.listRelations({ actor: id, limit: 500, ...(opts.predicate ? { predicate: opts.predicate as Predicate } : {}) });
        if (opts.json) { process.stdout.write(`${JSON.stringify(page, null, 2)}\n`); return; }
        for (const r of page.items) {
          const valid = r.valid ? `${r.valid.start}..${r.valid.end}` : `since ${r.first_seen ?? '?'} (first report)`;
          process.stdout.write(`${r.subject.name} —${r.predicate}→ ${r.object.name}  [${r.modality}, ${r.origin}]  ${valid}  ${r.documents} doc(s)\n`);
          for (const e of r.evidence.slice(0, 3)) process.stdout.write(`    ${e.document} ${e.title ?? ''}: "${e.text}"\n`);
        }
        process.stdout.write(`${page.items.length} of ${page.total} relations of ${id}\n`);
      } finally {
        await ctx.close();
      }
    });
}
