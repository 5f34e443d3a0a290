// Test support: writes small .zip archives (stored or deflated entries) the way GeoNames'
// download service serves them, so the reader is tested on files the tests make themselves.
import { crc32, deflateRawSync } from 'node:zlib';

export type ZipInput = { name: string; data: Buffer | string; store?: boolean };

export function makeZip(entries: readonly ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const body = e.store ? data : deflateRawSync(data);
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A GeoNames dump line (19 columns) for an invented place. */
export function dumpLine(p: { id: number; name: string; alt?: string[]; lat: number | string; lon: number | string; fclass?: string; fcode?: string; cc: string; admin1?: string; population?: number }): string {
  return [p.id, p.name, p.name, (p.alt ?? []).join(','), p.lat, p.lon, p.fclass ?? 'P', p.fcode ?? 'PPL', p.cc, '', p.admin1 ?? '', '', '', '',
    p.population ?? 0, '', '', 'Asia/Damascus', '2020-01-01'].join('\t');
}
