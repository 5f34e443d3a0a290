// One way to report a lexicon of the wrong shape: a pack error naming the lexicon file.
import { WatchfloorError } from '../errors.js';

export function badLexicon(name: string, problem: string): WatchfloorError {
  return new WatchfloorError('BAD_PACK', `lexicon "${name}": ${problem}`, { subject: `lexicon/${name}.yaml` });
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A list of strings (numbers allowed, read as strings), or a bad-pack error. */
export function stringList(name: string, where: string, v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' || typeof x === 'number')) {
    throw badLexicon(name, `${where} must be a list of strings`);
  }
  return v.map(String);
}

/** A mapping of string to number, or a bad-pack error. */
export function numberMap(name: string, where: string, v: unknown): Map<string, number> {
  if (v === undefined || v === null) return new Map();
  if (!isRecord(v) || !Object.values(v).every((x) => typeof x === 'number')) throw badLexicon(name, `${where} must map words to numbers`);
  return new Map(Object.entries(v as Record<string, number>).map(([k, n]) => [k.toLowerCase(), n]));
}
