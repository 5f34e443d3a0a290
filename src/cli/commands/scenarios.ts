import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { analyzeInput } from '../../app/analyze-text.js';
import { loadScenarioFolder, resolveScenariosDir } from '../../watch/load-scenarios.js';
import { proposalLexicon } from '../../watch/proposal-lexicon.js';
import { scenarioBoard } from '../../watch/scenario-board.js';
import { scenarioToYaml } from '../../watch/scenario-yaml.js';
import { scenariosFromAnalysis } from '../../watch/scenario-from-analysis.js';
import { openWatch } from '../../watch/watch-context.js';
import { runWatch } from '../../watch/watch-runner.js';
import { contextOf } from '../global-options.js';
import { parsePublishedFlag } from '../published-flag.js';

export function registerScenarios(program: Command): void {
  const sc = program.command('scenarios').description('scenarios and their indicators: board, validation, proposals');
  sc.command('board', { isDefault: true })
    .description('every scenario with the current state of its indicators')
    .option('--scenarios <dir>', 'folder of scenario YAML')
    .option('--json', 'print JSON')
    .action(async (opts: { scenarios?: string; json?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const watch = await openWatch(ctx, opts.scenarios);
      try {
        const run = await runWatch(watch.scenarios, watch.store, watch.store);
        const board = scenarioBoard(run.state);
        if (opts.json) { process.stdout.write(`${JSON.stringify(board, null, 2)}\n`); return; }
        process.stdout.write(`as of ${board.clock ?? '(no dated records)'}\n`);
        for (const s of board.scenarios) {
          process.stdout.write(`\n[${s.state.toUpperCase()}] ${s.id}: ${s.title}\n  from ${s.origin}\n`);
          for (const i of s.indicators) process.stdout.write(`  - ${i.status.state.padEnd(9)} ${i.id} (${i.status.count} in window${i.status.ratio !== null ? `, ${i.status.ratio.toFixed(2)}× baseline` : ''})\n`);
        }
      } finally {
        watch.close();
        await ctx.close();
      }
    });
  sc.command('check')
    .description('validate the scenario YAML files (errors name file, line and field)')
    .option('--scenarios <dir>', 'folder of scenario YAML')
    .action(async (opts: { scenarios?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const kb = await ctx.kb();
      const dir = resolveScenariosDir(opts.scenarios);
      const list = loadScenarioFolder(dir, { knownActors: new Set(kb.actors.keys()) });
      process.stdout.write(`${dir}: ${list.length} scenarios, ${list.reduce((n, s) => n + s.indicators.length, 0)} indicators, all valid\n`);
    });
  sc.command('propose')
    .description("propose indicators for a document's scenarios (printed as editable YAML)")
    .argument('<file>', 'a text file')
    .option('--published <date>', 'publication date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .action(async (file: string, opts: { published?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const [kb, pipeline] = [await ctx.kb(), await ctx.pipeline()];
      const { analysis } = analyzeInput(pipeline, { origin: file, bytes: await readFile(file), format: 'text', url: null, title: null, published: parsePublishedFlag(opts.published), source: null });
      for (const { scenario, proposals } of scenariosFromAnalysis(analysis, proposalLexicon(kb))) {
        process.stdout.write(`# from: ${scenario.origin.kind === 'document' ? scenario.origin.document : ''}\n`);
        for (const p of proposals) process.stdout.write(`# ${p.indicator.id}: ${p.source.cues.join('; ')}\n`);
        process.stdout.write(`${scenarioToYaml(scenario)}---\n`);
      }
    });
}
