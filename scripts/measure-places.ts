// Measures the places stage against gold files (default: the shared corpus's ACLED and seeds
// gold). Prints recall (a gold place is found when an output place's name — or, in the
// "surface" column, one of its mention texts — matches a gold name after normalisation and lies
// within `km` of the gold point), precision (output places matching some gold place) and the
// gazetteer's coverage of gold place names. Usage:
//   node --import tsx scripts/measure-places.ts [gold.yaml ...] [--misses]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { PlaceOut } from '../src/analysis/types.js';
import { loadGazetteer } from '../src/geo/gazetteer.js';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import type { PackPlace } from '../src/knowledge/pack-types.js';
import places from '../src/pipeline/stages/places.js';
import { foldName } from '../src/geo/fold-name.js';

type GoldPlace = { names: string[]; lat: number; lon: number; km: number };
type GoldDoc = { id?: string; file?: string; text?: string; published?: string; places?: GoldPlace[] };

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const goldFiles = args.filter((a) => !a.startsWith('--'));
if (goldFiles.length === 0) {
  goldFiles.push('/work/shared/corpus/gold/acled-syria-iraq-2020.gold.yaml', '/work/shared/corpus/gold/seeds.gold.yaml');
}

function loadPackData(): { places: PackPlace[]; lexicons: Map<string, unknown> } {
  const packsDir = join(root, 'packs');
  const placesOut: PackPlace[] = [];
  const lexicons = new Map<string, unknown>();
  for (const pack of readdirSync(packsDir)) {
    const pdir = join(packsDir, pack, 'places');
    if (existsSync(pdir)) for (const f of readdirSync(pdir).filter((x) => x.endsWith('.yaml'))) placesOut.push(...(parse(readFileSync(join(pdir, f), 'utf8')) as PackPlace[]));
    const ldir = join(packsDir, pack, 'lexicon');
    if (existsSync(ldir)) {
      for (const f of readdirSync(ldir).filter((x) => x.endsWith('.yaml'))) {
        const name = basename(f, '.yaml');
        const value = parse(readFileSync(join(ldir, f), 'utf8'));
        const prev = lexicons.get(name);
        lexicons.set(name, Array.isArray(prev) && Array.isArray(value) ? [...prev, ...value] : value);
      }
    }
  }
  return { places: placesOut, lexicons };
}

/** The gold files' name normalisation (seeds.gold.yaml header). */
export function normaliseName(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’'‘`]/g, '').replace(/-/g, ' ')
    .replace(/\s+/g, ' ').trim().replace(/^(?:the|al|el) /, '');
}

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function matches(p: PlaceOut, g: GoldPlace, bySurface: boolean): boolean {
  if (p.lat === null || p.lon === null || km({ lat: p.lat, lon: p.lon }, g) > g.km) return false;
  const names = new Set(g.names.map(normaliseName));
  if (names.has(normaliseName(p.name))) return true;
  return bySurface && p.mentions.some((m) => names.has(normaliseName(m.text)));
}

const t0 = performance.now();
const pack = loadPackData();
const gazetteer = await loadGazetteer(pack.places);
const loadMs = performance.now() - t0;
const kb: KnowledgeBase = {
  packs: ['core', 'syria-iraq'], actors: new Map(), places: new Map(pack.places.map((p) => [p.id, p])),
  relationTypes: new Map(), lexicons: pack.lexicons, gazetteer,
};
console.log(`gazetteer: ${gazetteer.size} entries, loaded in ${loadMs.toFixed(0)} ms, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);

for (const file of goldFiles) {
  const gold = parse(readFileSync(file, 'utf8')) as { texts?: string; documents: GoldDoc[] };
  let goldN = 0, foundName = 0, foundSurface = 0, outN = 0, outOk = 0, covered = 0, names = 0;
  const misses: string[] = [];
  const categories = new Map<string, number>();
  const t1 = performance.now();
  for (const doc of gold.documents) {
    const text = doc.text ?? (doc.file && gold.texts ? readFileSync(join(dirname(file), gold.texts, doc.file), 'utf8') : '');
    const golds = doc.places ?? [];
    if (!text || golds.length === 0) continue;
    const out = places.run({
      document: { id: doc.id ?? doc.file ?? '', title: null, published: doc.published ?? null, source: null, url: null, language: 'en', text },
      layers: {}, kb,
    }).places ?? [];
    for (const g of golds) {
      goldN++;
      names++;
      if (gazetteer.match?.(g.names[0]!)?.loose === false && gazetteer.lookup(g.names[0]!).length > 0) covered++;
      const byName = out.some((p) => matches(p, g, false));
      const bySurface = out.some((p) => matches(p, g, true));
      if (byName) foundName++;
      if (bySurface) foundSurface++;
      if (!bySurface) {
        const near = out.filter((p) => p.mentions.some((m) => g.names.map(normaliseName).includes(normaliseName(m.text))));
        const inText = g.names.some((n) => ` ${foldName(text)} `.includes(` ${foldName(n)} `));
        const why = !inText ? 'name not in text' : near.length ? `wrong place: ${near.map((p) => `${p.name} ${p.country} ${p.lat},${p.lon} (${p.lat !== null ? Math.round(km({ lat: p.lat, lon: p.lon! }, g)) : '?'} km)`).join('; ')}`
          : gazetteer.lookup(g.names[0]!).length ? 'in gazetteer, not found in text' : 'not in gazetteer';
        misses.push(`${doc.id ?? doc.file}: ${g.names[0]} (km ${g.km}) — ${why}`);
        const cat = why.replace(/:.*/, '');
        categories.set(cat, (categories.get(cat) ?? 0) + 1);
      }
    }
    outN += out.length;
    outOk += out.filter((p) => golds.some((g) => matches(p, g, true))).length;
  }
  const ms = performance.now() - t1;
  console.log(`\n${basename(file)}: ${goldN} gold places`);
  console.log(`  recall (name or mention surface): ${(foundSurface / goldN).toFixed(3)}   recall (canonical name only): ${(foundName / goldN).toFixed(3)}`);
  console.log(`  precision: ${(outOk / Math.max(1, outN)).toFixed(3)} (${outOk}/${outN} output places match a gold place; gold lists only the event place, so this is a lower bound)`);
  console.log(`  gazetteer coverage of gold names (folded, not loose): ${(covered / names).toFixed(3)}`);
  console.log(`  stage time: ${ms.toFixed(0)} ms`);
  console.log(`  misses by category: ${[...categories].map(([k, v]) => `${k}: ${v}`).join(', ')}`);
  if (showMisses) for (const m of misses) console.log('  MISS ' + m);
}
