// After documents land, the scenario indicators are re-evaluated over what is new (incrementally:
// the watch keeps its own cursor and state), so warnings are raised as documents arrive.
import type { AppContext } from './app-context.js';
import { openWatch } from '../watch/watch-context.js';
import { runWatch } from '../watch/watch-runner.js';
import type { NewWarning } from '../watch/types.js';
import { describeError } from '../errors.js';

export type WatchOutcome = { warnings: NewWarning[]; error: string | null };

export async function watchAfterIngest(ctx: AppContext): Promise<WatchOutcome> {
  try {
    const watch = await openWatch(ctx);
    try {
      const run = await runWatch(watch.scenarios, watch.store, watch.store);
      return { warnings: run.warnings, error: null };
    } finally {
      watch.close();
    }
  } catch (err) {
    // The documents are stored whatever happens here; a broken scenario file is reported, not fatal.
    return { warnings: [], error: describeError(err) };
  }
}
