// throwaway: print gold events vs output events for real-set documents
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadPipeline } from '../src/pipeline/pipeline.js';
import { analyzeInput } from '../src/app/analyze-text.js';
import { loadKnowledgeBase } from '../src/knowledge/knowledge-base.js';
const gold = parse(readFileSync('../shared/corpus/gold/real-2023-2026.gold.yaml', 'utf8'));
const want = process.argv.slice(2);
const kb = await loadKnowledgeBase(['packs/core']);
const pipeline = await loadPipeline(kb);
for (const d of gold.documents) {
  if (want.length && !want.includes(d.file)) continue;
  const text = readFileSync(`../shared/corpus/real/texts/${d.file}`, 'utf8');
  const { analysis } = analyzeInput(pipeline, { origin: d.file, bytes: Buffer.from(text), format: 'text', url: null, published: d.published });
  console.log(`\n=== ${d.file}`);
  for (const g of d.events ?? []) console.log(`  GOLD ${g.types.join('/')} ${g.date ?? ''} @${g.place ?? ''} [${(g.actors ?? []).join('; ')}] by=${(g.by ?? []).join('/')} fat=${g.fatalities_min ?? ''} ${g.modality ?? ''} — ${g.what}`);
  const name = (id: string) => analysis.actors.find((a) => a.id === id)?.name ?? id;
  const pl = (id: string | null) => analysis.places.find((p) => p.id === id)?.name ?? '-';
  for (const e of analysis.events) console.log(`  OUT  ${e.type} ${e.date?.start ?? '-'}/${e.date?.precision ?? ''} @${pl(e.place)} [${e.actors.map((a) => `${name(a.actor)}=${a.role}`).join('; ')}] fat=${e.fatalities ? `${e.fatalities.min}-${e.fatalities.max}` : ''} ${e.modality} «${e.evidence[1]?.text}» :: ${e.evidence[0]?.text.slice(0, 160).replace(/\n/g, ' ')}`);
}
