// Reads one file's bytes, checking its size before loading it into memory.
import { readFile, stat } from 'node:fs/promises';
import { WatchfloorError } from '../errors.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

export async function readFileBytes(path: string, maxBytes: number = DEFAULT_MAX_BYTES): Promise<Buffer> {
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new WatchfloorError('UNSUPPORTED_INPUT', 'not a regular file', { subject: path });
    size = st.size;
  } catch (err) {
    if (err instanceof WatchfloorError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new WatchfloorError('NOT_FOUND', 'no such file or folder', { subject: path, cause: err });
    }
    throw new WatchfloorError('UNSUPPORTED_INPUT', `cannot read: ${(err as Error).message}`, { subject: path, cause: err });
  }
  if (size === 0) throw new WatchfloorError('EMPTY_INPUT', 'input is empty', { subject: path });
  if (size > maxBytes) {
    throw new WatchfloorError('TOO_LARGE', `file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit`, {
      subject: path, hint: 'split it or raise the size limit',
    });
  }
  try {
    return await readFile(path);
  } catch (err) {
    throw new WatchfloorError('UNSUPPORTED_INPUT', `cannot read: ${(err as Error).message}`, { subject: path, cause: err });
  }
}
