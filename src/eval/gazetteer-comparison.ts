// The evaluation's second table: the scores with the bundled gazetteer alone beside the scores
// with the imported one, for the layers the gazetteer moves.
import type { EvalResult } from './run-eval.js';
import type { Layer } from './score-document.js';

const LAYERS: Layer[] = ['actors', 'places', 'events', 'never'];
const fmt = (a: number, b: number) => (b === 0 ? '   -' : (a / b).toFixed(2));

export function gazetteerComparison(dense: EvalResult, bundled: EvalResult): string[] {
  const out = ['', 'bundled gazetteer only (no imported places) beside the imported gazetteer — recall / precision:',
    `  ${'gold file'.padEnd(24)} ${'layer'.padEnd(8)} ${'bundled'.padStart(11)}   ${'imported'.padStart(11)}`];
  for (const d of dense.files) {
    const b = bundled.files.find((f) => f.name === d.name);
    if (!b) continue;
    for (const layer of LAYERS) {
      const x = d.scores[layer];
      const y = b.scores[layer];
      if (!x || !y) continue;
      const p = (s: typeof x) => (layer === 'never' ? '   -' : fmt(s.outputMatched, s.outputTotal));
      out.push(`  ${d.name.padEnd(24)} ${layer.padEnd(8)} ${fmt(y.goldFound, y.goldTotal)} / ${p(y)}   ${fmt(x.goldFound, x.goldTotal)} / ${p(x)}`);
    }
  }
  return out;
}
