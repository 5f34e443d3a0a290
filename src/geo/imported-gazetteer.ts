// The gazetteers a user imported into the data folder (`watchfloor gazetteer import`):
//   <data>/gazetteer/imports.json   one record per import: source, date, counts
//   <data>/gazetteer/<key>.tsv.gz   that import's rows in the compact form of geonames-row.ts
// Files are written beside their target and renamed over it, so a failed import leaves the
// previous gazetteer as it was; re-importing a source (same key) replaces its rows.
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import { WatchfloorError } from '../errors.js';
import { parseStoredRow, type GeonamesRow } from './geonames-row.js';
import { foldFingerprint } from './fold-name.js';

export type ImportRecord = {
  /** What identifies the source across imports: the dump's name without extension ("SY", "cities500"). */
  key: string;
  /** The file or URL it was read from. */
  source: string;
  imported_at: string;
  file: string;
  rows: number;
  /** Rows kept, per country and kind (village, town, city, admin1, admin2, or the feature class). */
  by_country: Record<string, Record<string, number>>;
  /** Rows skipped, per reason. */
  skipped: Record<string, number>;
  filters: { countries: string[] | null; feature_classes: string[] };
  /** The folding rules the stored keys were made with (fold-name.ts foldFingerprint()). */
  fold?: string;
};

export function gazetteerDir(dataDir: string): string {
  return join(dataDir, 'gazetteer');
}

function manifestPath(dataDir: string): string {
  return join(gazetteerDir(dataDir), 'imports.json');
}

export function readImports(dataDir: string): ImportRecord[] {
  const path = manifestPath(dataDir);
  if (!existsSync(path)) return [];
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { imports?: ImportRecord[] };
    return Array.isArray(parsed.imports) ? parsed.imports : [];
  } catch (cause) {
    throw new WatchfloorError('CONFIG', 'the imported gazetteer\'s list of imports is unreadable', {
      subject: path, cause, hint: 'import the gazetteer files again (`watchfloor gazetteer import FILE`), or delete the gazetteer folder',
    });
  }
}

async function writeAtomically(path: string, data: Buffer | string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (cause) {
    await rm(tmp, { force: true });
    throw new WatchfloorError('STORE', `cannot write ${path}`, { subject: path, cause, hint: 'check that the data folder is writable and has space' });
  }
}

/** Writes one import's rows as they come (gzip-compressed, beside the target) until commit() puts them in place. */
export type ImportWriter = {
  add(line: string): Promise<void> | void;
  /** Moves the rows over an earlier import of the same key and records the import. */
  commit(record: ImportRecord): Promise<void>;
  /** Drops what was written; the gazetteer stays as it was. */
  abort(): Promise<void>;
};

export async function openImportWriter(dataDir: string, file: string): Promise<ImportWriter> {
  const dir = gazetteerDir(dataDir);
  await mkdir(dir, { recursive: true });
  const target = join(dir, file);
  const tmp = `${target}.${process.pid}.tmp`;
  const gz = createGzip({ level: 6 });
  const written = pipeline(gz, createWriteStream(tmp));
  written.catch(() => {});
  let batch: string[] = [];
  let chars = 0;
  const flush = (): Promise<void> | void => {
    if (!batch.length) return;
    const ok = gz.write(`${batch.join('\n')}\n`);
    batch = [];
    chars = 0;
    if (!ok) return once(gz, 'drain').then(() => {});
  };
  return {
    add(line) {
      batch.push(line);
      chars += line.length;
      if (chars >= 1 << 20) return flush();
    },
    async commit(record) {
      try {
        await flush();
        gz.end();
        await written;
        await rename(tmp, target);
      } catch (cause) {
        await rm(tmp, { force: true });
        throw new WatchfloorError('STORE', `cannot write ${target}`, { subject: target, cause, hint: 'check that the data folder is writable and has space' });
      }
      const others = readImports(dataDir).filter((r) => r.key !== record.key);
      await writeAtomically(manifestPath(dataDir), `${JSON.stringify({ imports: [...others, record] }, null, 2)}\n`);
    },
    async abort() {
      gz.destroy();
      await written.catch(() => {});
      await rm(tmp, { force: true });
    },
  };
}

export function storedFileName(key: string): string {
  return `${key.replace(/[^A-Za-z0-9_-]+/g, '_')}.tsv.gz`;
}

/**
 * Every imported row, later imports first overriding earlier ones for the same GeoNames id. A
 * missing or unreadable row file is an error that says how to repair it.
 */
export function loadImportedRows(dataDir: string): GeonamesRow[] {
  const imports = readImports(dataDir);
  if (!imports.length) return [];
  const byId = new Map<number, GeonamesRow>();
  for (const rec of imports) {
    const path = join(gazetteerDir(dataDir), rec.file);
    let text: string;
    try {
      text = gunzipSync(readFileSync(path)).toString('utf8');
    } catch (cause) {
      throw new WatchfloorError('CONFIG', `imported gazetteer ${rec.key} is unreadable`, {
        subject: path, cause, hint: `import ${rec.source} again with \`watchfloor gazetteer import\``,
      });
    }
    const currentKeys = rec.fold === foldFingerprint();
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const row = end > start ? parseStoredRow(text.slice(start, end)) : null;
      start = end + 1;
      if (!row) continue;
      // Keys folded by other rules than today's are folded again from the names.
      if (!currentKeys) delete row.keys;
      byId.set(row.id, row);
    }
  }
  return [...byId.values()];
}
