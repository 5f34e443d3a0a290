// `watchfloor eval`: analyse every document of every gold file, score each layer, print a table
// per gold file and overall with the compromise baseline beside ours, and check the floors kept
// in config/eval-thresholds.yaml (the ratchet).
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { Pipeline } from '../pipeline/pipeline.js';
import { analyzeInput } from '../app/analyze-text.js';
import { compromiseAnalysis } from './compromise-baseline.js';
import { loadGoldFile } from './gold-loader.js';
import { LAYERS, scoreDocument, type Layer, type LayerScore } from './score-document.js';

export type EvalOptions = { goldPaths: string[]; verbose: boolean; baseline: boolean; thresholdsPath: string | null; out: (line: string) => void };
export type EvalResult = { files: { name: string; scores: Partial<Record<Layer, LayerScore>>; baseline: Partial<Record<Layer, LayerScore>> }[]; failures: string[] };

function add(into: Partial<Record<Layer, LayerScore>>, from: Partial<Record<Layer, LayerScore>>, prefix: string): void {
  for (const layer of LAYERS) {
    const s = from[layer];
    if (!s) continue;
    const t = (into[layer] ??= { goldTotal: 0, goldFound: 0, outputTotal: 0, outputMatched: 0, misses: [], extras: [] });
    t.goldTotal += s.goldTotal; t.goldFound += s.goldFound; t.outputTotal += s.outputTotal; t.outputMatched += s.outputMatched;
    t.misses.push(...s.misses.map((m) => `${prefix}: ${m}`));
    t.extras.push(...s.extras.map((m) => `${prefix}: ${m}`));
  }
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const fmt = (x: number | null) => (x === null ? '   -' : x.toFixed(2));

function table(scores: Partial<Record<Layer, LayerScore>>, baseline: Partial<Record<Layer, LayerScore>>, out: (l: string) => void): void {
  out(`  ${'layer'.padEnd(14)} ${'gold'.padStart(5)} ${'found'.padStart(5)} ${'recall'.padStart(6)} ${'output'.padStart(6)} ${'prec.'.padStart(6)}   compromise R / P`);
  for (const layer of LAYERS) {
    const s = scores[layer];
    if (!s) continue;
    const b = baseline[layer];
    const base = b ? `   ${fmt(ratio(b.goldFound, b.goldTotal))} / ${fmt(ratio(b.outputMatched, b.outputTotal))}` : '';
    out(`  ${layer.padEnd(14)} ${String(s.goldTotal).padStart(5)} ${String(s.goldFound).padStart(5)} ${fmt(ratio(s.goldFound, s.goldTotal)).padStart(6)} ${String(s.outputTotal).padStart(6)} ${fmt(layer === 'never' || layer === 'aliases' || layer === 'roles' ? null : ratio(s.outputMatched, s.outputTotal)).padStart(6)}${base}`);
  }
}

export async function runEval(pipeline: Pipeline, opts: EvalOptions): Promise<EvalResult> {
  const result: EvalResult = { files: [], failures: [] };
  const overall: Partial<Record<Layer, LayerScore>> = {};
  const overallBase: Partial<Record<Layer, LayerScore>> = {};
  for (const path of opts.goldPaths) {
    const gold = await loadGoldFile(path);
    const scores: Partial<Record<Layer, LayerScore>> = {};
    const baseline: Partial<Record<Layer, LayerScore>> = {};
    for (const doc of gold.documents) {
      const { analysis } = analyzeInput(pipeline, {
        origin: doc.id, bytes: Buffer.from(doc.text, 'utf8'), format: 'text', url: null, published: doc.published,
      });
      add(scores, scoreDocument(doc, analysis), doc.id);
      if (opts.baseline) {
        const b = scoreDocument(doc, compromiseAnalysis(analysis.document, pipeline.kb.gazetteer));
        add(baseline, { ...(b.actors ? { actors: b.actors } : {}), ...(b.places ? { places: b.places } : {}) }, doc.id);
      }
    }
    add(overall, scores, gold.name);
    add(overallBase, baseline, gold.name);
    result.files.push({ name: gold.name, scores, baseline });
    opts.out(`\n${gold.name} (${gold.documents.length} documents)`);
    table(scores, baseline, opts.out);
    const why = missReasons(scores.events?.misses ?? []);
    if (why) opts.out(`  event misses by the checks their nearest event fails: ${why}`);
    if (opts.verbose) {
      for (const layer of LAYERS) {
        const s = scores[layer];
        if (!s) continue;
        for (const m of s.misses) opts.out(`    MISS  ${layer}: ${m}`);
        for (const e of s.extras) opts.out(`    EXTRA ${layer}: ${e}`);
      }
    }
  }
  if (opts.goldPaths.length > 1) {
    opts.out('\noverall');
    table(overall, overallBase, opts.out);
  }
  if (opts.thresholdsPath) result.failures = await checkFloors(result, opts.thresholdsPath);
  return result;
}

/** "place 131, actor 34, no event 9": how often each combination of failed checks explains a miss. */
function missReasons(misses: string[]): string {
  const counts = new Map<string, number>();
  for (const m of misses) {
    const reason = / — nearest event fails: (.+?)(?: — .*)?$/.exec(m)?.[1] ?? (m.endsWith(' — no event') ? 'no event' : null);
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join('; ');
}

/** Floors: `<gold name>: { <layer>: { recall: x, precision: y } }`. */
async function checkFloors(result: EvalResult, path: string): Promise<string[]> {
  const floors = parse(await readFile(path, 'utf8')) as Record<string, Record<string, { recall?: number; precision?: number }>> | null;
  const failures: string[] = [];
  for (const file of result.files) {
    for (const [layer, floor] of Object.entries(floors?.[file.name] ?? {})) {
      const s = file.scores[layer as Layer];
      if (!s) { failures.push(`${file.name}.${layer}: layer missing from output`); continue; }
      const recall = ratio(s.goldFound, s.goldTotal) ?? 1;
      const precision = ratio(s.outputMatched, s.outputTotal) ?? 1;
      if (floor.recall !== undefined && recall + 1e-9 < floor.recall) failures.push(`${file.name}.${layer}: recall ${recall.toFixed(3)} is below the floor ${floor.recall}`);
      if (floor.precision !== undefined && precision + 1e-9 < floor.precision) failures.push(`${file.name}.${layer}: precision ${precision.toFixed(3)} is below the floor ${floor.precision}`);
    }
  }
  return failures;
}
