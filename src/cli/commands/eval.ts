import type { Command } from 'commander';
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../../app/app-context.js';
import { loadGoldFile } from '../../eval/gold-loader.js';
import { oraclePlaces } from '../../eval/oracle-places.js';
import { runEval } from '../../eval/run-eval.js';
import { evalGazetteerCache } from '../../eval/eval-gazetteer.js';
import { gazetteerComparison } from '../../eval/gazetteer-comparison.js';
import { loadKnowledgeBase } from '../../knowledge/knowledge-base.js';
import { loadPipeline } from '../../pipeline/pipeline.js';
import { WatchfloorError } from '../../errors.js';
import { contextOf } from '../global-options.js';

async function defaultGold(): Promise<string[]> {
  const dir = resolve(PROJECT_ROOT, '../shared/corpus/gold');
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.gold.yaml')).sort().map((f) => resolve(dir, f));
  } catch {
    throw new WatchfloorError('NOT_FOUND', `no gold corpus at ${dir}`, { hint: 'pass --gold PATH (a .gold.yaml file or a folder of them)' });
  }
}

async function expandGold(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    try {
      const entries = await readdir(abs);
      out.push(...entries.filter((f) => f.endsWith('.gold.yaml')).sort().map((f) => resolve(abs, f)));
    } catch {
      out.push(abs);
    }
  }
  return out;
}

export function registerEval(program: Command): void {
  program.command('eval')
    .description('score the analysis against gold files (default ../shared/corpus/gold/*.gold.yaml) per layer')
    .option('--gold <path...>', 'gold file(s) or folder(s)')
    .option('--verbose', 'list every miss and every output not in gold')
    .option('--no-baseline', 'skip the compromise baseline')
    .option('--no-ratchet', 'do not fail on scores below config/eval-thresholds.yaml')
    .option('--no-imported-gazetteer', 'score with the bundled gazetteer only, without importing ../shared/geodata/geonames/')
    .option('--oracle-places', 'diagnostic: add the gold places to the gazetteer, to measure what a complete gazetteer would give (implies --no-ratchet)')
    .action(async (opts: { gold?: string[]; verbose?: boolean; baseline: boolean; ratchet: boolean; oraclePlaces?: boolean; importedGazetteer: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const out = (line: string) => process.stdout.write(`${line}\n`);
      const goldPaths = opts.gold ? await expandGold(opts.gold) : await defaultGold();
      // The dense gazetteer (GeoNames dumps beside the project, imported into a cache) when it is
      // there; the bundled one alone is scored too and printed beside it.
      const dense = opts.importedGazetteer
        ? await evalGazetteerCache(resolve(PROJECT_ROOT, '../shared/geodata/geonames'), resolve(PROJECT_ROOT, '.cache/eval-gazetteer'), out)
        : null;
      const bundled = await loadPipeline(await loadKnowledgeBase([ctx.packsDir]));
      let pipeline = dense ? await loadPipeline(await loadKnowledgeBase([ctx.packsDir], [], { dataDir: dense })) : bundled;
      out(dense ? `gazetteer: bundled + ${pipeline.kb.gazetteer.size - bundled.kb.gazetteer.size} places imported from ../shared/geodata/geonames/ (cache ${dense})`
        : 'gazetteer: bundled only');
      if (opts.oraclePlaces) {
        const gaz = pipeline.kb.gazetteer;
        const code = (name: string) => gaz.lookup(name).find((e) => e.kind === 'country')?.country ?? null;
        const extra = oraclePlaces(await Promise.all(goldPaths.map(loadGoldFile)), code);
        pipeline = await loadPipeline(await loadKnowledgeBase([ctx.packsDir], extra, { dataDir: dense }));
        opts.ratchet = false;
        process.stdout.write(`ORACLE PLACES: ${extra.length} gold places added to the gazetteer; these scores are a diagnostic, not the project's\n`);
      }
      const result = await runEval(pipeline, {
        goldPaths, verbose: Boolean(opts.verbose), baseline: opts.baseline,
        thresholdsPath: opts.ratchet ? resolve(PROJECT_ROOT, 'config/eval-thresholds.yaml') : null,
        out,
      });
      if (dense && !opts.oraclePlaces) {
        const alone = await runEval(bundled, { goldPaths, verbose: false, baseline: false, thresholdsPath: null, out: () => {} });
        for (const line of gazetteerComparison(result, alone)) out(line);
      }
      if (result.failures.length) {
        process.stdout.write(`\nRATCHET FAILED (floors in config/eval-thresholds.yaml):\n${result.failures.map((f) => `  ${f}`).join('\n')}\n`);
        process.exitCode = 1;
      } else if (opts.ratchet) {
        process.stdout.write('\nratchet: every layer at or above its floor\n');
      }
    });
}
