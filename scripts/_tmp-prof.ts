import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { loadPipeline } from '../src/pipeline/pipeline.js';
import { generateCorpus } from './generate-corpus.js';
const kb = await loadKnowledgeBase(['packs/core', 'packs/syria-iraq']);
const pipeline = await loadPipeline(kb);
const pool = readdirSync('samples/corpus').filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join('samples/corpus', f), 'utf8'));
const docs = generateCorpus(pool, 40, 6000, 42);
const times = new Map<string, number>();
for (const text of docs) {
  let layers: any = {};
  const document = { id: 'd', title: null, published: '2025-01', source: null, url: null, language: 'en', text };
  for (const st of pipeline.stages) {
    const t0 = performance.now();
    const out = st.run({ document, layers, kb });
    layers = { ...layers, ...out };
    times.set(st.name, (times.get(st.name) ?? 0) + performance.now() - t0);
  }
}
for (const [k, v] of times) console.log(k.padEnd(12), (v / docs.length).toFixed(1), 'ms/doc');
