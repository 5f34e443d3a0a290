// The dense gazetteer the evaluation scores with: the GeoNames dumps kept beside the project
// (../shared/geodata/geonames/), imported once into a cache folder and imported again only when
// those files change. Without that folder the evaluation runs on the bundled gazetteer alone.
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importGazetteer } from '../geo/import-geonames.js';
import { describeError, WatchfloorError } from '../errors.js';

/** What the cache was built from: each dump's name, size and modification time. */
function signatureOf(dir: string): string {
  return readdirSync(dir).filter((n) => /\.(?:txt|zip)$/.test(n)).sort()
    .map((n) => { const s = statSync(join(dir, n)); return `${n}:${s.size}:${Math.round(s.mtimeMs)}`; }).join('\n');
}

/**
 * A data folder holding `dumpsDir`'s dumps as an imported gazetteer, or null when there is no
 * such folder. `log` hears when the cache is (re)built.
 */
export async function evalGazetteerCache(dumpsDir: string, cacheDir: string, log: (line: string) => void): Promise<string | null> {
  if (!existsSync(dumpsDir)) return null;
  const signature = signatureOf(dumpsDir);
  const stamp = join(cacheDir, 'source.txt');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === signature) return cacheDir;
  const started = performance.now();
  await mkdir(cacheDir, { recursive: true });
  const { imported, failed } = await importGazetteer(cacheDir, [dumpsDir]);
  if (failed.length) {
    throw new WatchfloorError('CONFIG', `cannot import the evaluation gazetteer: ${failed.map((f) => describeError(f.error)).join('; ')}`, { subject: dumpsDir });
  }
  await writeFile(stamp, signature);
  log(`imported ${imported.reduce((a, s) => a + s.rows, 0)} places from ${dumpsDir} into ${cacheDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return cacheDir;
}
