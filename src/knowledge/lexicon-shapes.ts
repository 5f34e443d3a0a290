// Typed readers for lexicons (kb.lexicons holds parsed YAML of unknown shape). A lexicon of the
// wrong shape is a pack error, reported with the lexicon's name.
import { WatchfloorError } from '../errors.js';

export function readStringList(lexicons: ReadonlyMap<string, unknown>, name: string): string[] {
  const value = lexicons.get(name);
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw new WatchfloorError('BAD_PACK', `lexicon "${name}" must be a list of strings`, { subject: `lexicon/${name}.yaml` });
  }
  return value.map(String);
}

export function readStringMap(lexicons: ReadonlyMap<string, unknown>, name: string): Record<string, string[]> {
  const value = lexicons.get(name);
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WatchfloorError('BAD_PACK', `lexicon "${name}" must be a mapping of name to list of strings`, { subject: `lexicon/${name}.yaml` });
  }
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string') out[k] = [v];
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v as string[];
    else throw new WatchfloorError('BAD_PACK', `lexicon "${name}": entry "${k}" must be a string or a list of strings`, { subject: `lexicon/${name}.yaml` });
  }
  return out;
}
