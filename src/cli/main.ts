// The `watchfloor` command line. Each command lives in src/cli/commands/<name>.ts.
import { Command } from 'commander';
import { describeError, WatchfloorError } from '../errors.js';
import { registerIngest } from './commands/ingest.js';
import { registerDocs } from './commands/docs.js';
import { registerShow } from './commands/show.js';
import { registerSearch } from './commands/search.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerEval } from './commands/eval.js';
import { registerServe } from './commands/serve.js';
import { registerStart } from './commands/start.js';
import { registerWatch } from './commands/watch.js';
import { registerBacktest } from './commands/backtest.js';
import { registerScenarios } from './commands/scenarios.js';
import { registerActors } from './commands/actors.js';
import { registerEvents } from './commands/events.js';
import { registerRelations } from './commands/relations.js';
import { registerParse } from './commands/parse.js';
import { registerGazetteer } from './commands/gazetteer.js';

const program = new Command();
program
  .name('watchfloor')
  .description('Turn conflict reporting into a sourced picture of actors, events, relations, quotes and scenarios.')
  .option('--data <dir>', 'data folder (default: $WATCHFLOOR_DATA or ./data)')
  .option('--packs <dir>', 'knowledge packs folder (default: $WATCHFLOOR_PACKS or the bundled packs/)')
  .showHelpAfterError();

for (const register of [registerIngest, registerDocs, registerShow, registerSearch, registerAnalyze, registerEval, registerServe, registerStart, registerActors, registerEvents, registerRelations,
  registerParse, registerWatch, registerBacktest, registerScenarios, registerGazetteer]) {
  register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`watchfloor: ${describeError(err)}\n`);
  process.exitCode = err instanceof WatchfloorError && err.code === 'BAD_REQUEST' ? 2 : 1;
}
