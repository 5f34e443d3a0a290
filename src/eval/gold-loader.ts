// Reads gold files: documents inline (`text:`) or as files under `texts:` relative to the gold file.
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { WatchfloorError } from '../errors.js';
import type { GoldDocument, GoldFile } from './gold-types.js';

export async function loadGoldFile(path: string): Promise<GoldFile> {
  let raw: unknown;
  try {
    raw = parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new WatchfloorError('BAD_GOLD', `cannot read gold file: ${(err as Error).message}`, { subject: path });
  }
  const doc = raw as { texts?: string; documents?: unknown[] };
  if (!doc || !Array.isArray(doc.documents)) throw new WatchfloorError('BAD_GOLD', '`documents` must be a list', { subject: path });
  const textsDir = resolve(dirname(path), doc.texts ?? '.');
  const documents: GoldDocument[] = [];
  for (const [i, entry] of doc.documents.entries()) {
    const d = entry as Record<string, unknown>;
    let text: string;
    let id: string;
    if (typeof d.text === 'string') {
      text = d.text;
      id = String(d.id ?? `#${i + 1}`);
    } else if (typeof d.file === 'string') {
      id = d.file;
      try {
        text = await readFile(resolve(textsDir, d.file), 'utf8');
      } catch (err) {
        throw new WatchfloorError('BAD_GOLD', `document ${i + 1}: cannot read ${d.file}: ${(err as Error).message}`, { subject: path });
      }
    } else {
      throw new WatchfloorError('BAD_GOLD', `document ${i + 1} needs either \`text\` or \`file\``, { subject: path });
    }
    const published = d.published === undefined || d.published === null ? null : String(d.published);
    documents.push({ ...(d as object), id, text, published } as GoldDocument);
  }
  return { path, name: basename(path).replace(/\.gold\.ya?ml$/, ''), documents };
}
