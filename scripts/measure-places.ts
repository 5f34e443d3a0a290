// Measures the places layer against gold files (default: the shared corpus's ACLED and seeds
// gold) through the real pipeline (actors run before places, as in `watchfloor eval`) and the
// project's matching rules (src/eval/match-rules.ts). Prints recall, precision, the places
// stage's own time, the gazetteer's coverage of gold names, and each miss with its category:
//   name not in text / not in gazetteer / in gazetteer, not output / wrong place / near only.
// Usage: node --import tsx scripts/measure-places.ts [gold.yaml ...] [--misses] [--extras] [--doc ID] [--data DIR]
// (--data: also use the gazetteer imported into that data folder, `watchfloor gazetteer import`)
import { basename } from 'node:path';
import { loadGazetteer } from '../src/geo/gazetteer.js';
import { foldName } from '../src/geo/fold-name.js';
import { loadKnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { loadPipeline } from '../src/pipeline/pipeline.js';
import { prepareInput } from '../src/ingest/prepare-input.js';
import { loadGoldFile } from '../src/eval/gold-loader.js';
import { anyNameMatches, distanceKm } from '../src/eval/match-rules.js';
import type { PlaceOut } from '../src/analysis/types.js';
import type { Layers } from '../src/pipeline/stage.js';

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const showExtras = args.includes('--extras');
const docAt = args.indexOf('--doc');
const onlyDoc = docAt >= 0 ? args[docAt + 1] : null;
const dataAt = args.indexOf('--data');
const dataDir = dataAt >= 0 ? args[dataAt + 1]! : null;
const goldFiles = args.filter((a, k) => !a.startsWith('--') && !(docAt >= 0 && k === docAt + 1) && !(dataAt >= 0 && k === dataAt + 1));
if (goldFiles.length === 0) {
  goldFiles.push('/work/shared/corpus/gold/acled-syria-iraq-2020.gold.yaml', '/work/shared/corpus/gold/seeds.gold.yaml');
}

const kb = await loadKnowledgeBase([new URL('../packs', import.meta.url).pathname], [], { dataDir });
const t0 = performance.now();
const gazetteer = dataDir ? kb.gazetteer : await loadGazetteer([...kb.places.values()]);
console.log(`gazetteer: ${gazetteer.size} entries, loaded in ${(performance.now() - t0).toFixed(0)} ms`);
const pipeline = await loadPipeline(kb);
const upToPlaces = pipeline.stages.slice(0, pipeline.stages.findIndex((s) => s.name === 'places'));
const placesStage = pipeline.stages.find((s) => s.name === 'places')!;

const placeLine = (p: PlaceOut, g?: { lat: number; lon: number }) =>
  `${p.name} [${p.kind}, ${p.country ?? '?'}, ${p.precision}] ${p.lat},${p.lon}${g && p.lat !== null ? ` (${Math.round(distanceKm(p.lat, p.lon!, g.lat, g.lon))} km)` : ''} "${p.mentions.map((m) => m.text).join('", "')}"`;

for (const file of goldFiles) {
  const gold = await loadGoldFile(file);
  let goldN = 0, found = 0, outN = 0, outOk = 0, covered = 0, stageMs = 0;
  const lines: string[] = [];
  const categories = new Map<string, number>();
  for (const doc of gold.documents) {
    if (onlyDoc && doc.id !== onlyDoc) continue;
    const golds = doc.places ?? [];
    if (golds.length === 0) continue;
    const cleaned = prepareInput({ origin: doc.id, bytes: Buffer.from(doc.text, 'utf8'), format: 'text', url: null, published: doc.published });
    const document = { id: doc.id, title: null, published: doc.published, source: null, url: null, language: 'en', text: cleaned.text };
    let layers: Partial<Layers> = {};
    for (const stage of upToPlaces) {
      const out = stage.run({ document, layers, kb });
      const mentions = out.mentions ? [...(layers.mentions ?? []), ...out.mentions] : layers.mentions;
      layers = { ...layers, ...out, ...(mentions ? { mentions } : {}) };
    }
    const t1 = performance.now();
    const out = placesStage.run({ document, layers, kb }).places ?? [];
    stageMs += performance.now() - t1;
    const ok = (p: PlaceOut, g: (typeof golds)[number]) => anyNameMatches([p.name, ...p.mentions.map((m) => m.text)], g.names)
      && p.lat !== null && p.lon !== null && distanceKm(p.lat, p.lon, g.lat, g.lon) <= g.km;
    for (const g of golds) {
      goldN++;
      const m = gazetteer.match?.(g.names[0]!);
      const inGaz = g.names.some((n) => gazetteer.lookup(n).some((e) => distanceKm(e.lat, e.lon, g.lat, g.lon) <= Math.max(g.km, 15)));
      if (m && !m.loose && inGaz) covered++;
      if (out.some((p) => ok(p, g))) { found++; continue; }
      const named = out.filter((p) => anyNameMatches([p.name, ...p.mentions.map((x) => x.text)], g.names));
      const folded = ` ${foldName(cleaned.text)} `;
      const inText = g.names.some((n) => folded.includes(` ${foldName(n)} `));
      const cat = !inText ? 'name not in text'
        : named.length ? (named.some((p) => p.geonames_id === null && (p.precision === 'near' || p.precision === 'admin1')) ? 'kept near container' : 'wrong place')
          : inGaz ? 'in gazetteer, not output' : 'not in gazetteer (near gold)';
      categories.set(cat, (categories.get(cat) ?? 0) + 1);
      lines.push(`  MISS ${doc.id}: ${g.names.join(' / ')} @${g.lat},${g.lon} km ${g.km} — ${cat}${named.length ? ': ' + named.map((p) => placeLine(p, g)).join('; ') : ''}`);
      if (onlyDoc) lines.push(`       text: ${doc.text}`);
    }
    outN += out.length;
    for (const p of out) {
      if (golds.some((g) => ok(p, g))) outOk++;
      else if (showExtras || onlyDoc) lines.push(`  EXTRA ${doc.id}: ${placeLine(p)}`);
    }
  }
  console.log(`\n${basename(file)}: ${goldN} gold places`);
  console.log(`  recall ${(found / goldN).toFixed(3)} (${found}/${goldN})   precision ${(outOk / Math.max(1, outN)).toFixed(3)} (${outOk}/${outN})`);
  console.log(`  gazetteer holds the gold place (folded name, within the gold distance): ${(covered / goldN).toFixed(3)}`);
  console.log(`  places stage time: ${stageMs.toFixed(0)} ms`);
  console.log(`  misses by category: ${[...categories].map(([k, v]) => `${k}: ${v}`).join(', ')}`);
  if (showMisses || showExtras || onlyDoc) for (const l of lines) console.log(l);
}

