// `watchfloor gazetteer import FILE|DIR …`: reads GeoNames dumps (XX.txt, XX.zip, cities500…,
// allCountries) line by line from a stream (allCountries.txt is 1.5 GB and is never held
// whole), keeps the rows of the countries and feature classes asked for, and stores each
// source in the data folder (imported-gazetteer.ts). A source that fails leaves what was
// imported before it untouched.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { WatchfloorError } from '../errors.js';
import { GEONAMES_COLUMNS, formatStoredRow, parseGeonamesLine, type RowFilter } from './geonames-row.js';
import { openImportWriter, storedFileName, type ImportRecord } from './imported-gazetteer.js';
import { listZipEntries, openZipEntry } from './zip-archive.js';
import { placeKindOf } from './geonames-kind.js';
import { foldFingerprint } from './fold-name.js';

export type ImportOptions = {
  countries?: readonly string[] | null;
  featureClasses?: readonly string[];
  /** What to record as the source (a URL for fetched files); defaults to the path. */
  sourceOf?: (path: string) => string;
  now?: () => Date;
};

/** Names of GeoNames dump files a folder import picks up ("SY.txt", "SY.zip", "cities500.zip", "allCountries.txt"). */
const DUMP_NAME = /^(?:[A-Z]{2}|cities\d+|allCountries)\.(?:txt|zip)$/;

/** Lines with the wrong column count before any good one: the file is not a GeoNames dump. */
const NOT_A_DUMP_AFTER = 20;

/** The dump files named by the arguments: files as given, folders by their dump-named files. */
export async function expandSources(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      throw new WatchfloorError('NOT_FOUND', 'no such file or folder', { subject: p, hint: 'give GeoNames dump files (SY.txt, SY.zip, cities500.zip) or a folder of them' });
    }
    if (!info.isDirectory()) { out.push(p); continue; }
    const names = (await readdir(p)).filter((n) => DUMP_NAME.test(n)).sort();
    // SY.txt and SY.zip side by side are one source: the text file is read.
    const stems = new Set(names.filter((n) => n.endsWith('.txt')).map((n) => n.slice(0, -4)));
    const picked = names.filter((n) => n.endsWith('.txt') || !stems.has(n.slice(0, -4)));
    if (!picked.length) throw new WatchfloorError('NOT_FOUND', 'no GeoNames dump files in this folder', { subject: p, hint: 'expected files named like SY.txt, SY.zip, cities500.txt or allCountries.zip' });
    out.push(...picked.map((n) => join(p, n)));
  }
  return out;
}

/** The key an import is replaced by: the dump's name without extension. */
export function sourceKey(path: string): string {
  return basename(path).replace(/\.(?:txt|zip|tsv)$/i, '');
}

async function openText(path: string): Promise<Readable[]> {
  if (extname(path).toLowerCase() !== '.zip') return [createReadStream(path)];
  const entries = (await listZipEntries(path)).filter((e) => /\.txt$/i.test(e.name) && !/(^|\/)readme/i.test(e.name));
  if (!entries.length) throw new WatchfloorError('UNSUPPORTED_INPUT', 'the archive holds no .txt dump', { subject: path, hint: 'GeoNames country archives (SY.zip) hold SY.txt' });
  return Promise.all(entries.map((e) => openZipEntry(path, e)));
}

/** Lines of a byte stream, decoded as UTF-8 (bytes that are not become U+FFFD, and their rows are skipped). */
async function* linesOf(stream: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  for await (const chunk of stream) {
    const text = rest + decoder.decode(chunk as Buffer, { stream: true });
    const lines = text.split('\n');
    rest = lines.pop()!;
    for (const l of lines) yield l;
  }
  rest += decoder.decode();
  if (rest) yield rest;
}

export type ImportSummary = ImportRecord & { filtered: number; seconds: number };

function notADump(path: string, lineNo: number, line: string): WatchfloorError {
  return new WatchfloorError('UNSUPPORTED_INPUT', `not a GeoNames dump: line ${lineNo} has ${line.split('\t').length} tab-separated columns, expected ${GEONAMES_COLUMNS}`, {
    subject: path, hint: 'import the per-country dumps (SY.txt or SY.zip), cities500/1000/5000/15000 or allCountries from the GeoNames download service; nothing was imported from this file',
  });
}

function addCount(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

/** Reads one dump source and stores it; throws (storing nothing) when the file cannot be read as a dump. */
export async function importSource(dataDir: string, path: string, opts: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const filter: RowFilter = {
    countries: opts.countries?.length ? new Set(opts.countries.map((c) => c.toUpperCase())) : null,
    featureClasses: new Set((opts.featureClasses?.length ? opts.featureClasses : ['P', 'A']).map((c) => c.toUpperCase())),
  };
  const key = sourceKey(path);
  const byCountry: Record<string, Record<string, number>> = {};
  let rows = 0;
  const skipped: Record<string, number> = {};
  let filtered = 0;
  let good = 0;
  let seen = 0;
  let lastLine = '';
  const streams = await openText(path);
  const writer = await openImportWriter(dataDir, storedFileName(key));
  try {
    for (const stream of streams) {
      for await (const raw of linesOf(stream)) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (!line.trim() || line.startsWith('#')) continue;
        lastLine = line;
        const parsed = parseGeonamesLine(line, filter);
        seen++;
        if ('skip' in parsed) {
          addCount(skipped, parsed.skip);
          if (good === 0 && seen >= NOT_A_DUMP_AFTER && skipped['wrong column count'] === seen) throw notADump(path, seen, line);
          continue;
        }
        good++;
        if ('filtered' in parsed) { filtered++; continue; }
        rows++;
        addCount(byCountry[parsed.row.country || '?'] ??= {}, placeKindOf(parsed.row));
        await writer.add(formatStoredRow(parsed.row));
      }
    }
    if (good === 0 && skipped['wrong column count']) throw notADump(path, seen, lastLine);
    if (good === 0) {
      throw new WatchfloorError('EMPTY_INPUT', 'no GeoNames rows in this file', { subject: path, hint: 'nothing was imported from it; the gazetteer is as it was' });
    }
  } catch (err) {
    for (const s of streams) s.destroy();
    await writer.abort();
    if (err instanceof WatchfloorError) throw err;
    throw new WatchfloorError('UNSUPPORTED_INPUT', `cannot read: ${(err as Error).message}`, { subject: path, cause: err, hint: 'nothing was imported from this file; the gazetteer is as it was' });
  }
  const record: ImportRecord = {
    key, source: opts.sourceOf?.(path) ?? path, imported_at: (opts.now?.() ?? new Date()).toISOString(), file: storedFileName(key),
    rows, by_country: byCountry, skipped,
    filters: { countries: filter.countries ? [...filter.countries] : null, feature_classes: [...filter.featureClasses] },
    fold: foldFingerprint(),
  };
  await writer.commit(record);
  return { ...record, filtered, seconds: (performance.now() - started) / 1000 };
}

/** Imports every source in turn; one that fails is reported and the others still land. */
export async function importGazetteer(dataDir: string, paths: readonly string[], opts: ImportOptions = {}): Promise<{ imported: ImportSummary[]; failed: { path: string; error: unknown }[] }> {
  const sources = await expandSources(paths);
  const imported: ImportSummary[] = [];
  const failed: { path: string; error: unknown }[] = [];
  for (const s of sources) {
    try {
      imported.push(await importSource(dataDir, s, opts));
    } catch (error) {
      failed.push({ path: s, error });
    }
  }
  return { imported, failed };
}
