// A small reader for .zip archives (what GeoNames' download service serves): the central
// directory is read from the end of the file, and each entry is streamed through zlib, never
// held whole (allCountries.zip inflates to about 1.5 GB). Stored and deflated entries only;
// the CRC-32 and the length of every entry are checked at its end, so a truncated or damaged
// archive fails with an error that says so instead of yielding a shortened file.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import { WatchfloorError } from '../errors.js';

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  /** Offset of the entry's local header. */
  offset: number;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

function damaged(path: string, what: string): WatchfloorError {
  return new WatchfloorError('UNSUPPORTED_INPUT', `not a readable zip archive: ${what}`, {
    subject: path, hint: 'the download may be truncated; fetch the file again or unzip it and import the .txt',
  });
}

/** The entries of a zip archive, from its central directory. */
export async function listZipEntries(path: string): Promise<ZipEntry[]> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 22 + MAX_COMMENT);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let at = -1;
    for (let k = tailLen - 22; k >= 0; k--) {
      if (tail.readUInt32LE(k) === EOCD) { at = k; break; }
    }
    if (at < 0) throw damaged(path, 'no end-of-archive record (the file is cut short or is not a zip)');
    const count = tail.readUInt16LE(at + 10);
    const dirSize = tail.readUInt32LE(at + 12);
    const dirOffset = tail.readUInt32LE(at + 16);
    if (dirOffset === 0xffffffff || count === 0xffff) throw damaged(path, 'zip64 archives are not supported');
    if (dirOffset + dirSize > size) throw damaged(path, 'the central directory lies past the end of the file');
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    const out: ZipEntry[] = [];
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw damaged(path, 'a broken central directory');
      const nameLen = dir.readUInt16LE(p + 28);
      const extraLen = dir.readUInt16LE(p + 30);
      const commentLen = dir.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        method: dir.readUInt16LE(p + 10),
        crc: dir.readUInt32LE(p + 16),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        offset: dir.readUInt32LE(p + 42),
        name: dir.toString('utf8', p + 46, p + 46 + nameLen),
      };
      if (entry.offset + entry.compressedSize > size) throw damaged(path, `entry ${entry.name} lies past the end of the file`);
      out.push(entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** Counts and checksums what passes; fails at the end when either differs from the directory. */
class EntryCheck extends Transform {
  private crc = 0;
  private bytes = 0;
  constructor(private readonly path: string, private readonly entry: ZipEntry) { super(); }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.crc = crc32(chunk, this.crc);
    this.bytes += chunk.length;
    done(null, chunk);
  }
  override _flush(done: TransformCallback): void {
    if (this.bytes !== this.entry.size || (this.crc >>> 0) !== (this.entry.crc >>> 0)) {
      done(damaged(this.path, `entry ${this.entry.name} is damaged (${this.bytes} of ${this.entry.size} bytes, checksum ${this.crc === this.entry.crc ? 'ok' : 'wrong'})`));
    } else done();
  }
}

/** The uncompressed bytes of one entry, as a stream. */
export async function openZipEntry(path: string, entry: ZipEntry): Promise<Readable> {
  const fh = await open(path, 'r');
  const header = Buffer.alloc(30);
  try {
    await fh.read(header, 0, 30, entry.offset);
  } finally {
    await fh.close();
  }
  if (header.readUInt32LE(0) !== LOCAL) throw damaged(path, `no local header for ${entry.name}`);
  const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.method !== 0 && entry.method !== 8) throw damaged(path, `entry ${entry.name} uses compression method ${entry.method} (only stored and deflated are read)`);
  const raw = entry.compressedSize === 0 ? Readable.from([]) : createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  const check = new EntryCheck(path, entry);
  const fail = (err: Error) => check.destroy(err instanceof WatchfloorError ? err : damaged(path, `entry ${entry.name}: ${err.message}`));
  raw.on('error', fail);
  if (entry.method === 0) return raw.pipe(check);
  const inflate = createInflateRaw();
  inflate.on('error', fail);
  return raw.pipe(inflate).pipe(check);
}
