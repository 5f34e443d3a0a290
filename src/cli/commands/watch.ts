import type { Command } from 'commander';
import { setTimeout as sleep } from 'node:timers/promises';
import { contextOf } from '../global-options.js';
import { openWatch } from '../../watch/watch-context.js';
import { runWatch } from '../../watch/watch-runner.js';
import { formatWarning } from '../../watch/scenario-board.js';

export function registerWatch(program: Command): void {
  program.command('watch')
    .description('evaluate scenario indicators over newly stored documents and follow the warnings feed')
    .option('--scenarios <dir>', 'folder of scenario YAML (default: $WATCHFLOOR_SCENARIOS or the bundled scenarios/)')
    .option('--once', 'process what is new, print the new warnings and exit')
    .option('--interval <seconds>', 'polling interval', '5')
    .option('--since <seq>', 'also show warnings after this feed position (0: all)')
    .option('--json', 'one JSON warning per line')
    .action(async (opts: { scenarios?: string; once?: boolean; interval: string; since?: string; json?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const watch = await openWatch(ctx, opts.scenarios);
      const print = (w: Parameters<typeof formatWarning>[0]) => process.stdout.write(opts.json ? `${JSON.stringify(w)}\n` : formatWarning(w));
      try {
        const existing = await watch.store.listWarnings({ since: 0, limit: 1000 });
        let since = opts.since !== undefined ? Number(opts.since) : existing.at(-1)?.seq ?? 0;
        if (!opts.json) process.stderr.write(`watching ${watch.scenarios.length} scenarios, ${watch.scenarios.reduce((n, s) => n + s.indicators.length, 0)} indicators\n`);
        let stop = false;
        process.once('SIGINT', () => { stop = true; });
        do {
          const run = await runWatch(watch.scenarios, watch.store, watch.store);
          if (run.rebuilt && !opts.json) process.stderr.write('scenarios changed: indicator state rebuilt from the stored documents\n');
          for (;;) {
            const page = await watch.store.listWarnings({ since, limit: 500 });
            for (const w of page) print(w);
            if (!page.length) break;
            since = page[page.length - 1]!.seq;
          }
          if (opts.once) break;
          await sleep(Math.max(0.2, Number(opts.interval) || 5) * 1000);
        } while (!stop);
      } finally {
        watch.close();
        await ctx.close();
      }
    });
}
