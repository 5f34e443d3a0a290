// The model file: one gzip of a JSON header (class names, tag dictionary, lemma exceptions,
// array layout) followed by the arrays of the linear models (tagger, parser moves, arc
// labeller), stored compactly: sorted feature keys as varint gaps, row lengths as bytes,
// weights as 16-bit integers with one scale per model. Same model, same bytes: nothing in it
// depends on time or on hash-table layout.
import { gunzipSync, gzipSync } from 'node:zlib';
import { SparseLinearModel } from './perceptron.js';

type ArrayType = 'u8' | 'i16';

export type ModelHeader = {
  format: 'watchfloor-syntax';
  version: 2;
  trainedOn: string[];
  tagClasses: string[];
  labels: string[];
  tagdict: [string, number][];
  ambiguity: [string, number][];
  lemmas: [string, string][];
  /** The linear models in the file: class count, row count and the scale of their weights. */
  models: { name: string; classes: number; rows: number; scale: number }[];
  arrays: { name: string; type: ArrayType; length: number }[];
};

export type SavedModel = { header: ModelHeader; models: Map<string, SparseLinearModel> };

function varintGaps(keys: Uint32Array): Uint8Array {
  const out: number[] = [];
  let prev = 0;
  for (const k of keys) {
    let gap = k - prev;
    prev = k;
    while (gap >= 0x80) { out.push((gap & 0x7f) | 0x80); gap = Math.floor(gap / 128); }
    out.push(gap);
  }
  return Uint8Array.from(out);
}

function modelArrays(name: string, m: SparseLinearModel): { arrays: [string, Uint8Array | Int16Array][]; scale: number } {
  let max = 0;
  for (const w of m.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(m.weights.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round(m.weights[i]! / scale);
  const lengths = new Uint8Array(m.keys.length);
  for (let i = 0; i < lengths.length; i++) lengths[i] = m.offsets[i + 1]! - m.offsets[i]!;
  return { arrays: [[`${name}.keys`, varintGaps(m.keys)], [`${name}.rows`, lengths], [`${name}.classes`, m.classes], [`${name}.weights`, q]], scale };
}

export function encodeModel(header: Omit<ModelHeader, 'arrays' | 'models' | 'version'>, models: [string, SparseLinearModel][]): Buffer {
  const encoded = models.map(([name, m]) => ({ name, m, ...modelArrays(name, m) }));
  const arrays = encoded.flatMap((e) => e.arrays);
  const full: ModelHeader = {
    ...header,
    version: 2,
    models: encoded.map((e) => ({ name: e.name, classes: e.m.nClasses, rows: e.m.keys.length, scale: e.scale })),
    arrays: arrays.map(([name, a]) => ({ name, type: a instanceof Int16Array ? 'i16' : 'u8', length: a.length })),
  };
  const json = Buffer.from(JSON.stringify(full), 'utf8');
  const parts: Buffer[] = [];
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  parts.push(len, json);
  let offset = 4 + json.length;
  for (const [, a] of arrays) {
    const pad = (4 - (offset % 4)) % 4; // keep every array aligned
    if (pad) { parts.push(Buffer.alloc(pad)); offset += pad; }
    const b = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    parts.push(b);
    offset += b.length;
  }
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export class ModelFormatError extends Error {}

export function decodeModel(gz: Buffer): SavedModel {
  let raw: Buffer;
  try {
    raw = gunzipSync(gz);
  } catch (err) {
    throw new ModelFormatError(`not a gzip model file (${(err as Error).message})`);
  }
  if (raw.length < 4) throw new ModelFormatError('file too short');
  const hlen = raw.readUInt32LE(0);
  if (4 + hlen > raw.length) throw new ModelFormatError('header runs past the end of the file');
  let header: ModelHeader;
  try {
    header = JSON.parse(raw.subarray(4, 4 + hlen).toString('utf8')) as ModelHeader;
  } catch {
    throw new ModelFormatError('header is not JSON');
  }
  if (header.format !== 'watchfloor-syntax' || header.version !== 2) throw new ModelFormatError(`unknown model format ${String(header.format)} v${String(header.version)}`);
  if (!Array.isArray(header.models) || !Array.isArray(header.arrays)) throw new ModelFormatError('header lists no models');
  // Copy into an aligned buffer so typed arrays can view it directly.
  const body = new ArrayBuffer(raw.length);
  new Uint8Array(body).set(raw);
  let offset = 4 + hlen;
  const got = new Map<string, Uint8Array | Int16Array>();
  for (const a of header.arrays) {
    offset += (4 - (offset % 4)) % 4;
    const size = a.type === 'u8' ? 1 : 2;
    if (offset + a.length * size > raw.length) throw new ModelFormatError(`array ${a.name} runs past the end of the file`);
    got.set(a.name, a.type === 'u8' ? new Uint8Array(body, offset, a.length) : new Int16Array(body, offset, a.length));
    offset += a.length * size;
  }
  const linear = ({ name, classes: nClasses, rows, scale }: ModelHeader['models'][number]) => {
    const gaps = got.get(`${name}.keys`), lengths = got.get(`${name}.rows`), classes = got.get(`${name}.classes`), q = got.get(`${name}.weights`);
    if (!(gaps instanceof Uint8Array) || !(lengths instanceof Uint8Array) || !(classes instanceof Uint8Array) || !(q instanceof Int16Array)) throw new ModelFormatError(`arrays of the ${name} model are missing`);
    if (lengths.length !== rows || classes.length !== q.length) throw new ModelFormatError(`arrays of the ${name} model disagree`);
    const keys = new Uint32Array(rows);
    let key = 0;
    let p = 0;
    for (let r = 0; r < rows; r++) {
      let gap = 0;
      let mult = 1;
      for (;;) {
        if (p >= gaps.length) throw new ModelFormatError(`keys of the ${name} model are cut short`);
        const b = gaps[p++]!;
        gap += (b & 0x7f) * mult;
        if (b < 0x80) break;
        mult *= 128;
      }
      key += gap;
      keys[r] = key;
    }
    const offsets = new Uint32Array(rows + 1);
    for (let r = 0; r < rows; r++) offsets[r + 1] = offsets[r]! + lengths[r]!;
    if (offsets[rows] !== classes.length) throw new ModelFormatError(`rows of the ${name} model disagree with its weights`);
    for (let i = 0; i < classes.length; i++) if (classes[i]! >= nClasses) throw new ModelFormatError(`${name} class out of range`);
    const weights = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) weights[i] = q[i]! * scale;
    return SparseLinearModel.build(nClasses, keys, offsets, classes, weights);
  };
  return { header, models: new Map(header.models.map((m) => [m.name, linear(m)])) };
}
