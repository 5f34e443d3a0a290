import type { Command } from 'commander';
import { WatchfloorError } from '../../errors.js';
import { backtest } from '../../watch/backtest.js';
import { openWatch } from '../../watch/watch-context.js';
import { contextOf } from '../global-options.js';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function registerBacktest(program: Command): void {
  program.command('backtest')
    .description('replay stored events in time order and show when each indicator of a scenario would have fired')
    .argument('<scenario>', 'scenario id (see `watchfloor scenarios list`)')
    .requiredOption('--from <date>', 'first day reported (YYYY[-MM[-DD]]); earlier records warm the windows')
    .requiredOption('--to <date>', 'last day replayed')
    .option('--scenarios <dir>', 'folder of scenario YAML')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { from: string; to: string; scenarios?: string; json?: boolean }, cmd: Command) => {
      if (!DATE.test(opts.from) || !DATE.test(opts.to) || opts.from > opts.to) {
        throw new WatchfloorError('BAD_REQUEST', `--from ${opts.from} --to ${opts.to}: need two dates YYYY[-MM[-DD]], from before to`);
      }
      const ctx = contextOf(cmd);
      const watch = await openWatch(ctx, opts.scenarios);
      try {
        const scenario = watch.scenarios.find((s) => s.id === id);
        if (!scenario) throw new WatchfloorError('NOT_FOUND', `no scenario ${id}`, { hint: `known: ${watch.scenarios.map((s) => s.id).join(', ') || 'none'}` });
        const result = backtest([scenario], await watch.store.allRecords(), opts.from, opts.to);
        if (opts.json) { process.stdout.write(`${JSON.stringify(result, null, 2)}\n`); return; }
        process.stdout.write(`${scenario.title}\n${opts.from} .. ${opts.to}: ${result.changes.length} changes${result.undated ? ` (${result.undated} undated records not replayed)` : ''}\n`);
        for (const c of result.changes) {
          process.stdout.write(`  ${c.day}  ${c.indicator.padEnd(32)} ${c.from} → ${c.to}  count ${c.status.count}${c.status.ratio !== null ? ` ratio ${c.status.ratio.toFixed(2)}` : ''}  ${c.movedBy.length ? `by ${c.movedBy.join(', ')}` : '(window moved on)'}\n`);
        }
        for (const f of result.final) process.stdout.write(`  at ${opts.to}: ${f.key} ${f.status.state} (${f.status.count})\n`);
      } finally {
        watch.close();
        await ctx.close();
      }
    });
}
