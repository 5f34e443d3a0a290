// Cost of watching: 200 indicators re-evaluated after each ingested document, with a history of
// 100,000 documents' worth of generated events already applied. Reports ms per document.
// Usage: node --import tsx scripts/bench-watch.ts [documents=100000] [indicators=200]
import { performance } from 'node:perf_hooks';
import { applyBatch, createWatchState } from '../src/watch/watch-engine.js';
import { randomEvent, randomRelation, randomScenarios, seededRandom, START_DAY } from '../src/watch/synthetic-stream.js';

const history = Number(process.argv[2] ?? 100_000);
const indicators = Number(process.argv[3] ?? 200);
const rnd = seededRandom(2025);
const state = createWatchState(randomScenarios(rnd, indicators / 10, 10));
const DOCS_PER_DAY = 40; // ~7 years of history at this rate
let ids = 0;
function doc(k: number) {
  const day = START_DAY - Math.floor(history / DOCS_PER_DAY) + Math.floor(k / DOCS_PER_DAY);
  const events = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => randomEvent(rnd, `e${ids++}`, day - Math.floor(rnd() * 5), `d${k}`));
  const relations = Array.from({ length: Math.floor(rnd() * 3) }, () => randomRelation(rnd, `r${ids++}`, day, `d${k}`));
  return { events, relations };
}
let t0 = performance.now();
for (let k = 0; k < history; k++) applyBatch(state, doc(k));
const loadMs = performance.now() - t0;
const measured = 2000;
const batches = Array.from({ length: measured }, (_, k) => doc(history + k));
t0 = performance.now();
let changes = 0;
const times: number[] = [];
for (const b of batches) {
  const s = performance.now();
  changes += applyBatch(state, b).length;
  times.push(performance.now() - s);
}
const total = performance.now() - t0;
times.sort((a, b) => a - b);
const records = batches.reduce((n, b) => n + b.events.length + b.relations.length, 0);
process.stdout.write(`history: ${history} documents (${ids - records} records) applied in ${(loadMs / 1000).toFixed(1)} s\n`
  + `${state.indicators.length} indicators; ${measured} more documents (${records} records), ${changes} state changes\n`
  + `per document: mean ${(total / measured).toFixed(3)} ms, p50 ${times[measured >> 1]!.toFixed(3)} ms, p99 ${times[Math.floor(measured * 0.99)]!.toFixed(3)} ms, max ${times[measured - 1]!.toFixed(3)} ms (target < 10 ms)\n`);
process.stdout.write(`BENCH_WATCH history_docs=${history} indicators=${state.indicators.length} ms_per_doc_mean=${(total / measured).toFixed(3)} ms_per_doc_p99=${times[Math.floor(measured * 0.99)]!.toFixed(3)}\n`);
