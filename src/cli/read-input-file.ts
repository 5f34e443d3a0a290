// The bytes of a file named on the command line, or of standard input for "-", with the
// size checked before reading so a huge file fails fast with one line.
import { readFile, stat } from 'node:fs/promises';
import { WatchfloorError } from '../errors.js';

export async function readInputFile(file: string, maxBytes: number): Promise<Buffer> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }
  const st = await stat(file).catch(() => null);
  if (!st || !st.isFile()) throw new WatchfloorError('NOT_FOUND', 'no such file', { subject: file });
  if (st.size > maxBytes) {
    throw new WatchfloorError('TOO_LARGE', `file is ${(st.size / 1048576).toFixed(1)} MB, over the ${Math.round(maxBytes / 1048576)} MB limit`, { subject: file });
  }
  return readFile(file);
}
