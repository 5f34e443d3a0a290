// `watchfloor gazetteer fetch SY IQ …`: downloads per-country dumps (XX.zip) from GeoNames'
// public download service into the data folder, then imports them. Offline, it fails with one
// line that says what to do instead.
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { WatchfloorError } from '../errors.js';
import { gazetteerDir } from './imported-gazetteer.js';
import { importSource, type ImportOptions, type ImportSummary } from './import-geonames.js';

export const GEONAMES_DUMP_URL = 'https://download.geonames.org/export/dump/';

export type FetchOptions = ImportOptions & {
  /** Where the dumps are served (tests point it at a loopback server). */
  baseUrl?: string;
  fetchImpl?: typeof fetch;
};

function networkError(url: string, err: unknown): WatchfloorError {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (err as Error).message;
  return new WatchfloorError('NETWORK', `cannot download ${url} (${why})`, {
    hint: 'the machine seems offline: download the file elsewhere and run `watchfloor gazetteer import FILE`',
    cause: err,
  });
}

/** Downloads one country's dump to a file in the data folder and returns its path. */
async function download(url: string, target: string, fetchImpl: typeof fetch): Promise<void> {
  let res: Response;
  try {
    res = await fetchImpl(url, { signal: AbortSignal.timeout(120_000) });
  } catch (err) {
    throw networkError(url, err);
  }
  if (res.status === 404) throw new WatchfloorError('NOT_FOUND', `no dump at ${url}`, { hint: 'give ISO 3166-1 alpha-2 country codes (SY, IQ, LB)' });
  if (!res.ok || !res.body) throw new WatchfloorError('NETWORK', `download of ${url} failed: HTTP ${res.status}`, { hint: 'try again later, or download the file by hand and import it' });
  try {
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>), createWriteStream(target));
  } catch (err) {
    await rm(target, { force: true });
    throw networkError(url, err);
  }
}

/** Fetches and imports each country in turn; the first that cannot be downloaded stops the rest. */
export async function fetchGeonames(dataDir: string, countries: readonly string[], opts: FetchOptions = {}): Promise<ImportSummary[]> {
  const codes = countries.map((c) => c.trim().toUpperCase());
  const bad = codes.find((c) => !/^[A-Z]{2}$/.test(c));
  if (bad !== undefined) throw new WatchfloorError('BAD_REQUEST', `"${bad}" is not a country code`, { hint: 'give ISO 3166-1 alpha-2 codes: watchfloor gazetteer fetch SY IQ' });
  const base = opts.baseUrl ?? process.env.WATCHFLOOR_GEONAMES_URL ?? GEONAMES_DUMP_URL;
  const dir = join(gazetteerDir(dataDir), 'downloads');
  await mkdir(dir, { recursive: true });
  const out: ImportSummary[] = [];
  for (const cc of codes) {
    const url = new URL(`${cc}.zip`, base.endsWith('/') ? base : `${base}/`).toString();
    const file = join(dir, `${cc}.zip`);
    await download(url, file, opts.fetchImpl ?? fetch);
    try {
      out.push(await importSource(dataDir, file, { ...opts, sourceOf: () => url }));
    } finally {
      await rm(file, { force: true });
    }
  }
  return out;
}
