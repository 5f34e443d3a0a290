// `npm run bench`: throughput measured against baselines in the same run.
//   1. ingest (clean + store, no analysis) of generated ~6 KB documents: docs/s and bytes per document;
//   2. annotation (the whole pipeline) vs compromise alone on the same documents: docs/s and ratio;
//   3. knowledge pack + gazetteer load time and resident memory;
//   4. the syntax layer alone (tokenise + tag + parse) in words per second, and its model load time.
// Ends with one line `BENCH key=value ...` for scripts to compare runs.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import nlp from 'compromise';
import { PROJECT_ROOT } from '../src/app/app-context.js';
import { loadKnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { loadPipeline } from '../src/pipeline/pipeline.js';
import { prepareInput } from '../src/ingest/prepare-input.js';
import { analyzeCleaned } from '../src/app/analyze-text.js';
import { openStore } from '../src/store/open-store.js';
import { generateCorpus } from './generate-corpus.js';
import { loadSyntaxModel } from '../src/syntax/model.js';
import { tokenizeWords } from '../src/syntax/tokenizer.js';
import { sentenceLexicon, splitSentences } from '../src/pipeline/stages/sentences.js';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const INGEST_DOCS = Number(args.get('docs') ?? 10_000);
const ANALYSIS_DOCS = Number(args.get('analysis-docs') ?? 300);
const COMPROMISE_DOCS = Number(args.get('compromise-docs') ?? 60);

const out = (s: string) => process.stdout.write(`${s}\n`);
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

const samplesDir = resolve(PROJECT_ROOT, 'samples/corpus');
const pool = readdirSync(samplesDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(samplesDir, f), 'utf8'));
const docs = generateCorpus(pool, Math.max(INGEST_DOCS, ANALYSIS_DOCS), 6000, 42);
out(`generated ${docs.length} documents, mean ${Math.round(docs.reduce((n, d) => n + d.length, 0) / docs.length)} chars`);

// 3. load
let t0 = process.hrtime.bigint();
const kb = await loadKnowledgeBase([resolve(PROJECT_ROOT, 'packs')]);
const pipeline = await loadPipeline(kb);
const loadMs = seconds(t0) * 1000;
out(`knowledge base: ${kb.actors.size} actors, ${kb.places.size} pack places, gazetteer ${kb.gazetteer.size} entries, loaded in ${loadMs.toFixed(0)} ms`);

// 1. ingest: clean + store
const dir = mkdtempSync(join(tmpdir(), 'watchfloor-bench-'));
const store = await openStore({ dataDir: dir });
t0 = process.hrtime.bigint();
for (let i = 0; i < INGEST_DOCS; i++) {
  const cleaned = prepareInput({ origin: `bench-${i}`, bytes: Buffer.from(docs[i]!, 'utf8'), format: 'text', url: null, published: '2025-01-15' });
  await store.putDocument(cleaned, null);
}
const ingestS = seconds(t0);
await store.close();
const dbBytes = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
rmSync(dir, { recursive: true, force: true });
const ingestRate = INGEST_DOCS / ingestS;
out(`ingest (clean + store): ${INGEST_DOCS} docs in ${ingestS.toFixed(1)} s = ${ingestRate.toFixed(0)} docs/s; database ${(dbBytes / 1048576).toFixed(1)} MB = ${(dbBytes / INGEST_DOCS / 1024).toFixed(1)} KB/doc`);

// 2. annotation vs compromise, same documents, one core
const cleanedDocs = docs.slice(0, ANALYSIS_DOCS).map((d, i) => prepareInput({ origin: `a-${i}`, bytes: Buffer.from(d, 'utf8'), format: 'text', url: null, published: '2025-01-15' }));
for (const c of cleanedDocs.slice(0, 20)) analyzeCleaned(pipeline, c); // warm up
t0 = process.hrtime.bigint();
for (const c of cleanedDocs) analyzeCleaned(pipeline, c);
const analysisRate = cleanedDocs.length / seconds(t0);
// The syntax layer parses a sentence when a later stage first reads it; this run reads them all,
// the cost once extraction reads the parse of every sentence.
t0 = process.hrtime.bigint();
for (const c of cleanedDocs) {
  const layers = pipeline.annotate({ id: c.id, title: c.title, published: c.published, source: c.source, url: c.url, language: c.language, text: c.text });
  for (const s of layers.syntax ?? []) void s.tokens.length;
}
const parsedRate = cleanedDocs.length / seconds(t0);
const sample = cleanedDocs.slice(0, COMPROMISE_DOCS);
t0 = process.hrtime.bigint();
for (const c of sample) { const d = nlp(c.text); d.people().out('array'); d.places().out('array'); d.organizations().out('array'); }
const compromiseRate = sample.length / seconds(t0);
out(`annotation: ${analysisRate.toFixed(0)} docs/s (whole pipeline, one core; ${parsedRate.toFixed(0)} docs/s with every sentence parsed); compromise alone: ${compromiseRate.toFixed(1)} docs/s; ratio ${(analysisRate / compromiseRate).toFixed(1)}x`);

// 4. syntax alone, on the sentences of the same documents
t0 = process.hrtime.bigint();
const syntaxModel = loadSyntaxModel();
const syntaxLoadMs = seconds(t0) * 1000;
const sentenceWords = cleanedDocs.flatMap((c) => splitSentences(c.text, sentenceLexicon(kb)).map((s) => tokenizeWords(c.text, s.start, s.end).map((w) => w.text)));
for (const f of sentenceWords.slice(0, 500)) syntaxModel.analyze(f); // warm up
t0 = process.hrtime.bigint();
let words = 0;
for (const f of sentenceWords) { syntaxModel.analyze(f); words += f.length; }
const syntaxRate = words / seconds(t0);
out(`syntax (tag + parse): ${words} words in ${sentenceWords.length} sentences, ${Math.round(syntaxRate)} words/s on one core; model loaded in ${syntaxLoadMs.toFixed(0)} ms`);

const rssMb = process.memoryUsage().rss / 1048576;
out(`resident memory ${rssMb.toFixed(0)} MB`);
out(`BENCH ingest_docs_per_s=${ingestRate.toFixed(0)} db_kb_per_doc=${(dbBytes / INGEST_DOCS / 1024).toFixed(2)} docs_per_s=${analysisRate.toFixed(0)} docs_per_s_all_parsed=${parsedRate.toFixed(0)} compromise_docs_per_s=${compromiseRate.toFixed(1)} ratio=${(analysisRate / compromiseRate).toFixed(1)} kb_load_ms=${loadMs.toFixed(0)} syntax_words_per_s=${Math.round(syntaxRate)} syntax_load_ms=${syntaxLoadMs.toFixed(0)} rss_mb=${rssMb.toFixed(0)}`);
