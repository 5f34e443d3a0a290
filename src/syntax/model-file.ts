// The model file: one gzip of a JSON header (class names, tag dictionary, lemma exceptions,
// array layout) followed by the raw typed arrays of the two linear models. Same model, same
// bytes: nothing in it depends on time or on hash-table layout.
import { gunzipSync, gzipSync } from 'node:zlib';
import { SparseLinearModel } from './perceptron.js';

export type ModelHeader = {
  format: 'watchfloor-syntax';
  version: 1;
  trainedOn: string[];
  tagClasses: string[];
  labels: string[];
  tagdict: [string, number][];
  ambiguity: [string, number][];
  lemmas: [string, string][];
  arrays: { name: string; type: 'u32' | 'u8' | 'f32'; length: number }[];
};

export type SavedModel = { header: ModelHeader; tagger: SparseLinearModel; parser: SparseLinearModel };

function modelArrays(prefix: string, m: SparseLinearModel): [string, Uint32Array | Uint8Array | Float32Array][] {
  return [[`${prefix}.keys`, m.keys], [`${prefix}.offsets`, m.offsets], [`${prefix}.classes`, m.classes], [`${prefix}.weights`, m.weights]];
}

export function encodeModel(header: Omit<ModelHeader, 'arrays'>, tagger: SparseLinearModel, parser: SparseLinearModel): Buffer {
  const arrays = [...modelArrays('tagger', tagger), ...modelArrays('parser', parser)];
  const full: ModelHeader = {
    ...header,
    arrays: arrays.map(([name, a]) => ({ name, type: a instanceof Uint32Array ? 'u32' : a instanceof Uint8Array ? 'u8' : 'f32', length: a.length })),
  };
  const json = Buffer.from(JSON.stringify(full), 'utf8');
  const parts: Buffer[] = [];
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  parts.push(len, json);
  let offset = 4 + json.length;
  for (const [, a] of arrays) {
    const pad = (4 - (offset % 4)) % 4; // keep every array 4-byte aligned
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
  if (header.format !== 'watchfloor-syntax' || header.version !== 1) throw new ModelFormatError(`unknown model format ${String(header.format)} v${String(header.version)}`);
  // Copy into an aligned buffer so typed arrays can view it directly.
  const body = new ArrayBuffer(raw.length);
  new Uint8Array(body).set(raw);
  let offset = 4 + hlen;
  const got = new Map<string, Uint32Array | Uint8Array | Float32Array>();
  for (const a of header.arrays) {
    offset += (4 - (offset % 4)) % 4;
    const size = a.type === 'u8' ? 1 : 4;
    if (offset + a.length * size > raw.length) throw new ModelFormatError(`array ${a.name} runs past the end of the file`);
    got.set(a.name, a.type === 'u32' ? new Uint32Array(body, offset, a.length) : a.type === 'u8' ? new Uint8Array(body, offset, a.length) : new Float32Array(body, offset, a.length));
    offset += a.length * size;
  }
  const linear = (prefix: string, nClasses: number) => {
    const keys = got.get(`${prefix}.keys`), offsets = got.get(`${prefix}.offsets`), classes = got.get(`${prefix}.classes`), weights = got.get(`${prefix}.weights`);
    if (!(keys instanceof Uint32Array) || !(offsets instanceof Uint32Array) || !(classes instanceof Uint8Array) || !(weights instanceof Float32Array)) throw new ModelFormatError(`arrays of the ${prefix} are missing`);
    if (offsets.length !== keys.length + 1 || offsets[keys.length] !== classes.length || classes.length !== weights.length) throw new ModelFormatError(`arrays of the ${prefix} disagree`);
    for (let i = 0; i < classes.length; i++) if (classes[i]! >= nClasses) throw new ModelFormatError(`${prefix} class out of range`);
    return SparseLinearModel.build(nClasses, keys, offsets, classes, weights);
  };
  return { header, tagger: linear('tagger', header.tagClasses.length), parser: linear('parser', 1 + 2 * header.labels.length) };
}
