import type { Command } from 'commander';
import { AppContext } from '../app/app-context.js';

/** The app context built from the global --data/--packs options of the root command. */
export function contextOf(cmd: Command): AppContext {
  const opts = cmd.optsWithGlobals() as { data?: string; packs?: string };
  return new AppContext({ ...(opts.data ? { dataDir: opts.data } : {}), ...(opts.packs ? { packsDir: opts.packs } : {}) });
}
