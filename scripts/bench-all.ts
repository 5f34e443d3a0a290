// `npm run bench`: every benchmark of the project, one after the other, each in its own process
// (so memory and JIT state do not leak between them). Each prints its own BENCH… line.
//   scripts/bench.ts          ingest and annotation throughput vs compromise (BENCH)
//   scripts/bench-picture.ts  merge cost and API latency on a large store (BENCH_PICTURE)
//   scripts/bench-watch.ts    indicator re-evaluation per ingested document (BENCH_WATCH)
//   scripts/bench-gazetteer.ts  import, load and annotation cost of an imported gazetteer (BENCH_GAZETTEER)
// Pass --quick for smaller stores (a smoke run); the issue targets are for the full sizes.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const quick = process.argv.includes('--quick');
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const runs: [string, string[]][] = [
  ['bench.ts', quick ? ['--docs=1000', '--analysis-docs=100', '--compromise-docs=20'] : []],
  ['bench-picture.ts', quick ? ['--docs=5000', '--checkpoints=5000'] : ['--docs=100000']],
  ['bench-watch.ts', quick ? ['10000'] : ['100000']],
  ['bench-gazetteer.ts', quick ? ['--analysis-docs=60'] : []],
];
let failed = 0;
for (const [script, args] of runs) {
  process.stdout.write(`\n== ${script} ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', here(script), ...args], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
