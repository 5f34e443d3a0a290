// A folder may carry an `index.yaml` manifest with what a crawler would supply alongside each
// file (title, source, url, publication date), as the seed corpus does:
//   - file: name.txt
//     title: "…"
//     published: "2025-01"
// The manifest is metadata, not a document: it is never ingested itself.
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import { WatchfloorError } from '../errors.js';
import { toPartialDate } from './partial-date.js';

export const MANIFEST_NAME = 'index.yaml';

export type FileMetadata = { title?: string | null; published?: string | null; source?: string | null; url?: string | null };

export function isManifest(path: string): boolean {
  return basename(path) === MANIFEST_NAME;
}

/** Reads the manifest of a folder: absolute file path -> metadata. No manifest: an empty map. */
export async function readFolderManifest(dir: string): Promise<Map<string, FileMetadata>> {
  const path = join(dir, MANIFEST_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return new Map();
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new WatchfloorError('UNSUPPORTED_INPUT', `folder manifest is not valid YAML: ${(err as Error).message}`, { subject: path });
  }
  if (!Array.isArray(doc)) throw new WatchfloorError('UNSUPPORTED_INPUT', 'folder manifest must be a list of { file, title, published, source, url }', { subject: path });
  const out = new Map<string, FileMetadata>();
  for (const [i, entry] of doc.entries()) {
    const e = entry as Record<string, unknown>;
    if (typeof e?.file !== 'string') throw new WatchfloorError('UNSUPPORTED_INPUT', `entry ${i + 1} has no \`file\``, { subject: path });
    const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
    const published = str(e.published);
    if (published && !toPartialDate(published)) throw new WatchfloorError('BAD_DATE', `entry ${i + 1} (${e.file}): "${published}" is not a date`, { subject: path });
    out.set(join(dir, e.file), { title: str(e.title), published: published ? toPartialDate(published) : null, source: str(e.source), url: str(e.url) });
  }
  return out;
}

/** Manifests for every folder the files sit in, read once each. */
export async function manifestsFor(files: string[]): Promise<{ metadata: Map<string, FileMetadata>; errors: WatchfloorError[] }> {
  const metadata = new Map<string, FileMetadata>();
  const errors: WatchfloorError[] = [];
  for (const dir of new Set(files.map((f) => dirname(f)))) {
    try {
      for (const [k, v] of await readFolderManifest(dir)) metadata.set(k, v);
    } catch (err) {
      errors.push(err as WatchfloorError);
    }
  }
  return { metadata, errors };
}
