// Prints, for one document, its scenarios and the indicators proposed for each: what each was
// proposed from, the editable YAML, and the records of the document itself it would count.
// Usage: node --import tsx scripts/propose-indicators.ts FILE [--published YYYY[-MM[-DD]]]
import { readFile } from 'node:fs/promises';
import { AppContext } from '../src/app/app-context.js';
import { analyzeInput } from '../src/app/analyze-text.js';
import { compileIndicator } from '../src/watch/compiled-indicator.js';
import { proposalLexicon } from '../src/watch/proposal-lexicon.js';
import { recordsFromAnalysis } from '../src/watch/records-from-analysis.js';
import { scenarioToYaml } from '../src/watch/scenario-yaml.js';
import { scenariosFromAnalysis } from '../src/watch/scenario-from-analysis.js';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--published');
const pubAt = args.indexOf('--published');
const published = pubAt >= 0 ? args[pubAt + 1] ?? null : null;
if (!file) {
  process.stderr.write('usage: propose-indicators.ts FILE [--published YYYY[-MM[-DD]]]\n');
  process.exit(2);
}
const ctx = new AppContext();
const kb = await ctx.kb();
const pipeline = await ctx.pipeline();
const { analysis } = analyzeInput(pipeline, { origin: file, bytes: await readFile(file), format: 'text', url: null, title: null, published, source: null });
const lex = proposalLexicon(kb);
const records = recordsFromAnalysis(analysis);
const proposed = scenariosFromAnalysis(analysis, lex);
process.stdout.write(`${analysis.document.title ?? file}: ${proposed.length} scenarios\n`);
for (const { scenario, proposals } of proposed) {
  process.stdout.write(`\n== ${scenario.id}: ${scenario.title}\n   outcome: ${scenario.outcome}\n   actors: ${scenario.actors.join(', ') || '-'}\n`);
  for (const c of scenario.conditions) process.stdout.write(`   if: ${c}\n`);
  if (!proposals.length) process.stdout.write('   (no indicator proposed: no event word or relation cue between known actors)\n');
  for (const p of proposals) {
    const ind = compileIndicator(scenario, p.indicator);
    const hits = [...records.events.filter((e) => ind.matchesEvent(e)), ...records.relations.filter((r) => ind.matchesRelation(r))];
    process.stdout.write(`   -> ${p.indicator.id} (${p.indicator.kind}) from the ${p.source.role}\n      cues: ${p.source.cues.join('; ')}\n`);
    process.stdout.write(`      would count in this document: ${hits.length ? hits.map((h) => `${h.id} [${'type' in h ? h.type : h.predicate}, ${h.day ?? 'undated'}, ${h.modality}]`).join(', ') : 'nothing'}\n`);
  }
  process.stdout.write(`\n${scenarioToYaml(scenario).replace(/^/gm, '   | ')}\n`);
}
await ctx.close();
