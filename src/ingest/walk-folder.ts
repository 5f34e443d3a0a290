// Lists the files under a folder, recursively, in a stable order; hidden entries are skipped.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export async function walkFolder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  // Code-point order, so the same folder gives the same order on every machine and locale.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      out.push(...(await walkFolder(full)));
    } else if (e.isFile()) {
      out.push(full);
    } else if (e.isSymbolicLink()) {
      // Follow links to files only: a linked folder could loop back on itself.
      const st = await stat(full).catch(() => null);
      if (st?.isFile()) out.push(full);
    }
  }
  return out;
}
