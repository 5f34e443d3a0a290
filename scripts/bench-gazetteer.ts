// `npm run bench` (part): the cost of an imported gazetteer, each figure beside its bundled-only
// baseline in the same run:
//   1. import of six country dumps (../shared/geodata/geonames/ when present, else six generated
//      files of invented rows of the same size, ~58,000 places);
//   2. knowledge-base load time and memory, bundled only vs with the import, each in a fresh process;
//   3. annotation throughput (one core) on generated ~6 KB documents, bundled vs imported.
// Ends with one line `BENCH_GAZETTEER key=value ...`.
// Child mode (internal): `bench-gazetteer.ts --load DATA_DIR|-` prints one JSON line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../src/app/app-context.js';
import { analyzeCleaned } from '../src/app/analyze-text.js';
import { importGazetteer } from '../src/geo/import-geonames.js';
import { prepareInput } from '../src/ingest/prepare-input.js';
import { loadKnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { loadPipeline } from '../src/pipeline/pipeline.js';
import { generateCorpus } from './generate-corpus.js';

const argv = process.argv.slice(2);
const out = (s: string) => process.stdout.write(`${s}\n`);
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

if (argv[0] === '--load') {
  const dataDir = argv[1] === '-' ? null : argv[1]!;
  globalThis.gc?.();
  const before = process.memoryUsage();
  const t0 = process.hrtime.bigint();
  const kb = await loadKnowledgeBase([resolve(PROJECT_ROOT, 'packs')], [], { dataDir });
  const ms = seconds(t0) * 1000;
  globalThis.gc?.();
  const after = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ ms, entries: kb.gazetteer.size, rssMb: (after.rss - before.rss) / 1048576, heapMb: (after.heapUsed - before.heapUsed) / 1048576 })}\n`);
  process.exit(0);
}

const ANALYSIS_DOCS = Number(argv.find((a) => a.startsWith('--analysis-docs='))?.split('=')[1] ?? 150);

/** Six dumps of invented villages: syllable names, a few alternates, points inside a box. */
function generatedDumps(dir: string): string {
  let state = 7;
  const rand = () => { state = (state * 1664525 + 1013904223) >>> 0; return state / 2 ** 32; };
  const syl = ['ka', 'zu', 'mar', 'tel', 'qir', 'ba', 'dun', 'sha', 'rim', 'hu', 'lat', 'nib', 'ar', 'jaw', 'su', 'fel'];
  const word = () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => syl[Math.floor(rand() * syl.length)]).join('');
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const sizes: [string, number][] = [['AA', 10_500], ['BB', 22_600], ['CC', 3_300], ['DD', 1_200], ['EE', 5_900], ['FF', 15_000]];
  let id = 50_000_000;
  for (const [cc, n] of sizes) {
    const lines: string[] = [];
    for (let k = 0; k < n; k++) {
      const name = `${rand() < 0.4 ? 'Tall ' : ''}${cap(word())}`;
      const alt = [`${name}eh`, `Al ${name}`, cap(word())].join(',');
      lines.push([id++, name, name, alt, (30 + rand() * 8).toFixed(5), (35 + rand() * 13).toFixed(5), 'P', 'PPL', 'SY', '', '0' + (1 + Math.floor(rand() * 9)), '', '', '', 0, '', '', 'Asia/Damascus', '2020-01-01'].join('\t'));
    }
    writeFileSync(join(dir, `${cc}.txt`), `${lines.join('\n')}\n`);
  }
  return dir;
}

const work = mkdtempSync(join(tmpdir(), 'watchfloor-bench-gaz-'));
try {
  const shared = resolve(PROJECT_ROOT, '../shared/geodata/geonames');
  const dumps = existsSync(shared) ? shared : generatedDumps((mkdirSync(join(work, 'dumps')), join(work, 'dumps')));
  const files = readdirSync(dumps).filter((f) => /\.(txt|zip)$/.test(f));
  out(`dumps: ${files.length} files from ${dumps === shared ? shared : 'generated invented rows'}`);

  // 1. import
  const data = join(work, 'data');
  const t0 = process.hrtime.bigint();
  const { imported, failed } = await importGazetteer(data, [dumps]);
  const importS = seconds(t0);
  if (failed.length) throw new Error(`import failed: ${failed.map((f) => String(f.error)).join('; ')}`);
  const places = imported.reduce((n, s) => n + s.rows, 0);
  out(`import: ${places} places from ${imported.length} files in ${importS.toFixed(2)} s`);

  // 2. load, each in a fresh process
  const load = (dir: string) => {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--load', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; entries: number; rssMb: number; heapMb: number };
  };
  const bare = load('-');
  const dense = load(data);
  out(`knowledge base load: bundled ${bare.entries} entries ${bare.ms.toFixed(0)} ms, +${bare.rssMb.toFixed(0)} MB resident; with import ${dense.entries} entries ${dense.ms.toFixed(0)} ms, +${dense.rssMb.toFixed(0)} MB resident`);
  out(`  the import adds ${(dense.ms - bare.ms).toFixed(0)} ms and ${(dense.rssMb - bare.rssMb).toFixed(0)} MB resident (${(dense.heapMb - bare.heapMb).toFixed(0)} MB heap)`);

  // 3. annotation, same documents, one core
  const samplesDir = resolve(PROJECT_ROOT, 'samples/corpus');
  const pool = readdirSync(samplesDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(samplesDir, f), 'utf8'));
  const docs = generateCorpus(pool, ANALYSIS_DOCS, 6000, 42)
    .map((d, i) => prepareInput({ origin: `g-${i}`, bytes: Buffer.from(d, 'utf8'), format: 'text', url: null, published: '2025-01-15' }));
  const pipelines = {
    bare: await loadPipeline(await loadKnowledgeBase([resolve(PROJECT_ROOT, 'packs')])),
    dense: await loadPipeline(await loadKnowledgeBase([resolve(PROJECT_ROOT, 'packs')], [], { dataDir: data })),
  };
  for (const p of Object.values(pipelines)) for (const c of docs.slice(0, 30)) analyzeCleaned(p, c); // warm up both
  // Alternate the two, three rounds each, and keep each one's best round: JIT and GC noise fall on both alike.
  const best = { bare: 0, dense: 0 };
  for (let round = 0; round < 3; round++) {
    for (const k of ['bare', 'dense'] as const) {
      const t = process.hrtime.bigint();
      for (const c of docs) analyzeCleaned(pipelines[k], c);
      best[k] = Math.max(best[k], docs.length / seconds(t));
    }
  }
  const bareRate = best.bare;
  const denseRate = best.dense;
  out(`annotation (one core): bundled ${bareRate.toFixed(0)} docs/s, with import ${denseRate.toFixed(0)} docs/s; ratio ${(denseRate / bareRate).toFixed(2)}`);
  out(`BENCH_GAZETTEER import_places=${places} import_s=${importS.toFixed(2)} kb_load_ms_bundled=${bare.ms.toFixed(0)} kb_load_ms_imported=${dense.ms.toFixed(0)} kb_rss_mb_bundled=${bare.rssMb.toFixed(0)} kb_rss_mb_imported=${dense.rssMb.toFixed(0)} docs_per_s_bundled=${bareRate.toFixed(0)} docs_per_s_imported=${denseRate.toFixed(0)} ratio=${(denseRate / bareRate).toFixed(2)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
