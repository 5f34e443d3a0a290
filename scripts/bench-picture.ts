// Cross-document picture benchmark: generated documents with generated analyses (~10 actors,
// ~5 events, ~5 relations each) are stored, --batch per transaction while generating (the
// store's own per-document transaction nests as a savepoint); at checkpoints it reports the
// cost per document of storing with the merge vs without, and of a re-analysis (remove +
// merge), each measured one transaction per document as the app does. Then API latency
// (median/p95 over 50 calls) through app.inject().
//   node --import tsx scripts/bench-picture.ts [--docs=100000] [--checkpoints=20000,50000,100000] [--dir=PATH] [--batch=1000]
// --dir keeps the store; run again with the same --dir and --docs=0 to only measure latency.
// Ends with one line `BENCH_PICTURE key=value ...`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyAnalysis, type Analysis, type EventType, type Predicate } from '../src/analysis/types.js';
import { AppContext } from '../src/app/app-context.js';
import type { CleanedDocument } from '../src/ingest/types.js';
import { fixtureKnowledgeBase } from '../src/knowledge/knowledge-base-fixture.js';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { createServer } from '../src/server/create-server.js';
import { sha256, signatureFromSeed } from '../src/store/fixtures/document-factory.js';
import { openStore } from '../src/store/open-store.js';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const DOCS = Number(args.get('docs') ?? 100_000);
const CHECKPOINTS = (args.get('checkpoints') ?? '20000,50000,100000').split(',').map(Number).filter((n) => n <= DOCS);
const SAMPLE = 500;
const BATCH = Math.max(1, Number(args.get('batch') ?? 1000));
const out = (s: string) => process.stdout.write(`${s}\n`);

// A deterministic generator (xorshift32) so runs compare.
let seed = 2463534242;
function rnd(): number {
  seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
  return seed / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
/** Zipf-like: a few actors appear in many documents, most in few. */
const zipf = (n: number): number => Math.min(n - 1, Math.floor(n * rnd() ** 3));

const ACTORS = Array.from({ length: 3000 }, (_, i) => ({ kb: i < 1500 ? `actor-${i}` : null, name: `Actor ${i} Group`, kind: pick(['armed-group', 'militia', 'state-force', 'person', 'government-body'] as const) }));
const PLACES = Array.from({ length: 800 }, (_, i) => ({ name: `Town ${i}`, lat: 32 + rnd() * 5, lon: 36 + rnd() * 8, geonames_id: 1000 + i }));
const TYPES: EventType[] = ['attack', 'bombing', 'armed-clash', 'arrest', 'abduction', 'statement', 'meeting', 'deployment', 'smuggling', 'protest'];
const PREDICATES: Predicate[] = ['supports', 'fights', 'attacks', 'allied_with', 'member_of', 'funds', 'commands', 'hostile_to'];
const DAY0 = Date.parse('2022-01-01T00:00:00Z');
const isoDay = (d: number) => new Date(DAY0 + d * 86_400_000).toISOString().slice(0, 10);

export function generateDocument(i: number): { doc: CleanedDocument; analysis: Analysis } {
  const text = `Generated report ${i}. ${'Forces clashed near the town while officials issued statements. '.repeat(3)}`;
  const textHash = sha256(text);
  const published = isoDay(Math.floor((i / Math.max(1, DOCS)) * 1095));
  const doc: CleanedDocument = {
    id: `doc-${textHash.slice(0, 16)}`, bytesHash: sha256(`b${i}`), textHash, fingerprint: signatureFromSeed(textHash),
    origin: `bench-${i}`, url: null, title: `Report ${i}`, published, publishedFrom: 'metadata', source: 'Bench Wire',
    language: 'en', text, rawText: text, removed: [], segments: [{ cleanStart: 0, rawStart: 0, length: text.length }],
    ingestedAt: new Date(DAY0 + i * 1000).toISOString(),
  };
  const a = emptyAnalysis({ id: doc.id, title: doc.title, published, source: doc.source, url: null, language: 'en', text });
  const chosen = new Set<number>();
  while (chosen.size < 10) chosen.add(zipf(ACTORS.length));
  const local = [...chosen];
  local.forEach((k, j) => {
    const x = ACTORS[k]!;
    const mentions = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, m) => ({ start: j * 10 + m, end: j * 10 + m + 5, text: x.name }));
    a.actors.push({ id: `a${j}`, name: x.name, kind: x.kind, aliases: [x.name], kb_id: x.kb, mentions });
  });
  const pubDay = Math.floor((i / Math.max(1, DOCS)) * 1095);
  for (let e = 0; e < 5; e++) {
    const p = PLACES[zipf(PLACES.length)]!;
    a.places.push({ id: `p${e}`, name: p.name, kind: 'town', country: 'SY', admin1: null, lat: p.lat, lon: p.lon, geonames_id: p.geonames_id, mentions: [] });
    const d = isoDay(Math.max(0, pubDay - Math.floor(rnd() * 5)));
    a.events.push({
      id: `e${e}`, type: pick(TYPES), acled: null, plover: null, date: { start: d, end: d, precision: 'day', text: d }, place: `p${e}`,
      actors: [{ actor: `a${Math.floor(rnd() * 10)}`, role: 'perpetrator' }, { actor: `a${Math.floor(rnd() * 10)}`, role: 'target' }],
      fatalities: rnd() < 0.3 ? { min: 1, max: 3 } : null, modality: 'reported', source: null, summary: `event ${i}/${e}`,
      evidence: [{ start: 0, end: 20, text: text.slice(0, 20) }], confidence: 0.7,
    });
    const s = Math.floor(rnd() * 10);
    const o = (s + 1 + Math.floor(rnd() * 9)) % 10;
    a.relations.push({
      id: `r${e}`, subject: `a${s}`, predicate: pick(PREDICATES), object: `a${o}`,
      valid: rnd() < 0.5 ? { start: isoDay(pubDay - 200), end: isoDay(pubDay), precision: 'range', text: '' } : null,
      modality: 'asserted', evidence: [{ start: 0, end: 30, text: text.slice(0, 30) }], confidence: 0.8,
    });
  }
  return { doc, analysis: a };
}

function stats(ms: number[]): { median: number; p95: number } {
  const s = [...ms].sort((x, y) => x - y);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! };
}
const f = (n: number) => n.toFixed(2);

const dir = args.get('dir') ?? mkdtempSync(join(tmpdir(), 'watchfloor-bench-picture-'));
const store = await openStore({ dataDir: dir });
// Generation only: group documents into one transaction (the store exposes no batch API).
const raw = (store as unknown as { db?: { exec(sql: string): void; inTransaction: boolean } }).db;
let batched = 0;
const commit = (): void => { if (raw?.inTransaction) raw.exec('COMMIT'); batched = 0; };
const line: string[] = [];
let t0 = performance.now();
for (let i = 0; i < DOCS; i++) {
  const checkpoint = CHECKPOINTS.includes(i + SAMPLE) || (i + SAMPLE === DOCS && !CHECKPOINTS.includes(DOCS));
  if (checkpoint) {
    commit();
    // Last SAMPLE documents before the checkpoint: with analysis (merge) vs a same-sized set without.
    const withMerge: number[] = [];
    for (let j = 0; j < SAMPLE; j++, i++) {
      const { doc, analysis } = generateDocument(i);
      const t = performance.now();
      await store.putDocument(doc, analysis);
      withMerge.push(performance.now() - t);
    }
    const without: number[] = [];
    for (let j = 0; j < SAMPLE; j++) {
      const { doc } = generateDocument(DOCS + i + j);
      const t = performance.now();
      await store.putDocument(doc, null);
      without.push(performance.now() - t);
    }
    const reanalysis: number[] = [];
    for (let j = 0; j < 200; j++) {
      const k = Math.floor(rnd() * i);
      const { doc, analysis } = generateDocumentAgain(k);
      const t = performance.now();
      await store.putAnalysis(doc.id, analysis);
      reanalysis.push(performance.now() - t);
    }
    const m = stats(withMerge); const w = stats(without); const r = stats(reanalysis);
    out(`${i} docs: store+merge median ${f(m.median)} ms p95 ${f(m.p95)} | store without analysis median ${f(w.median)} ms | merge ≈ ${f(m.median - w.median)} ms/doc | re-analysis (remove+merge) median ${f(r.median)} ms p95 ${f(r.p95)} | elapsed ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    line.push(`merge_ms_at_${i}=${f(m.median - w.median)}`, `reanalysis_ms_at_${i}=${f(r.median)}`, `reanalysis_p95_at_${i}=${f(r.p95)}`);
    i--;
    continue;
  }
  const { doc, analysis } = generateDocument(i);
  if (raw && BATCH > 1 && !raw.inTransaction) raw.exec('BEGIN');
  await store.putDocument(doc, analysis);
  if (++batched >= BATCH) commit();
  if ((i + 1) % 10_000 === 0) out(`  ${i + 1} documents stored (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}
commit();
const picture = store.picture();
const top = (await picture.listActors({ limit: 50 })).items;
const middling = (await picture.listActors({ limit: 200, offset: 500 })).items.map((a) => a.id);
out(`picture: ${(await picture.listActors({ limit: 1 })).total} actors, ${(await picture.listEvents({ limit: 1 })).total} events, ${(await picture.listRelations({ limit: 1 })).total} relations`);
await store.close();

/** The same document with a changed analysis (the generator's randomness moves on). */
function generateDocumentAgain(i: number): { doc: CleanedDocument; analysis: Analysis } {
  return generateDocument(i);
}

let benchKb: KnowledgeBase | null = null;
class BenchContext extends AppContext {
  // Built once, as the app's own context caches its knowledge base.
  override kb(): Promise<KnowledgeBase> {
    return Promise.resolve(benchKb ??= fixtureKnowledgeBase(ACTORS.filter((x) => x.kb).slice(0, 200).map((x) => ({ id: x.kb!, name: x.name, kind: x.kind, aliases: [], description: 'generated', affiliations: [{ predicate: 'allied_with' as const, object: 'actor-1' }] }))));
  }
}
const ctx = new BenchContext({ dataDir: dir });
const app = await createServer({ ctx, webDir: join(dir, 'no-web') });
async function latency(name: string, url: () => string): Promise<void> {
  await app.inject({ method: 'GET', url: url() });
  const ms: number[] = [];
  for (let k = 0; k < 50; k++) {
    const u = url();
    t0 = performance.now();
    const r = await app.inject({ method: 'GET', url: u });
    ms.push(performance.now() - t0);
    if (r.statusCode !== 200) throw new Error(`${u}: ${r.statusCode} ${r.body.slice(0, 200)}`);
  }
  const s = stats(ms);
  out(`${name.padEnd(40)} median ${f(s.median)} ms  p95 ${f(s.p95)} ms`);
  const key = name.replace(/\W+/g, '_').replace(/^_|_$/g, '');
  line.push(`${key}_p50=${f(s.median)}`, `${key}_p95=${f(s.p95)}`);
}
const ids = top.map((a) => a.id);
await latency('actor profile (most-mentioned actor)', () => `/api/actors/${encodeURIComponent(ids[0]!)}`);
await latency('actor profile (top-50 actors)', () => `/api/actors/${encodeURIComponent(pick(ids))}`);
if (middling.length) await latency('actor profile (less-mentioned actor)', () => `/api/actors/${encodeURIComponent(pick(middling))}`);
await latency('actors list', () => '/api/actors?limit=50');
await latency('network for 50 actors', () => `/api/network?actors=${ids.join(',')}`);
await latency('network for 50 actors asOf', () => `/api/network?actors=${ids.join(',')}&asOf=2023-06-01`);
await latency('timeline for a year (all, month)', () => '/api/timeline?from=2023-01-01&to=2023-12-31&bucket=month&limit=200');
await latency('timeline for a year (top actor, day)', () => `/api/timeline?actor=${encodeURIComponent(ids[0]!)}&from=2023-01-01&to=2023-12-31&bucket=day&limit=200`);
await latency('places GeoJSON 1x1 degree bbox', () => '/api/places.geojson?bbox=38,34,39,35');
await latency('places GeoJSON whole area', () => '/api/places.geojson?bbox=35,31,45,38');
await latency('events for an actor (page)', () => `/api/events?actor=${encodeURIComponent(pick(ids))}&limit=50`);
await latency('events for an actor (offset 1000)', () => `/api/events?actor=${encodeURIComponent(pick(ids))}&limit=50&offset=1000`);
await latency('documents of an actor (page)', () => `/api/actors/${encodeURIComponent(pick(ids))}/documents?limit=50&offset=100`);
await latency('relations of an actor (page)', () => `/api/relations?actor=${encodeURIComponent(pick(ids))}&limit=50`);
await app.close();
await ctx.close();
if (!args.get('dir')) rmSync(dir, { recursive: true, force: true });
out(`BENCH_PICTURE docs=${DOCS} ${line.join(' ')}`);
