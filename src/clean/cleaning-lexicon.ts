// The cleaner's vocabulary (packs/core/cleaning.yaml), parsed once into matchers. The cleaning
// function takes a lexicon as a parameter; the default is loaded lazily from the core pack.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { WatchfloorError } from '../errors.js';

export type CleaningLexicon = {
  uiWords: ReadonlySet<string>;
  maxChromeWords: number;
  linePatterns: readonly RegExp[];
  breadcrumbSeparators: readonly string[];
  /** Agency names, lower-cased. */
  agencies: readonly string[];
  creditMarkers: readonly string[];
  dateLineWords: ReadonlySet<string>;
  timeZones: ReadonlySet<string>;
  weekdays: ReadonlySet<string>;
  /** Lower-cased month name -> 1..12. */
  months: ReadonlyMap<string, number>;
};

export const DEFAULT_CLEANING_LEXICON_PATH = fileURLToPath(new URL('../../packs/core/cleaning.yaml', import.meta.url));

function strings(v: unknown, key: string, subject: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' || typeof x === 'number')) {
    throw new WatchfloorError('BAD_PACK', `"${key}" must be a list of strings`, { subject });
  }
  return v.map((x) => String(x));
}

/** Builds a lexicon from the parsed YAML value; `subject` names the file in errors. */
export function parseCleaningLexicon(value: unknown, subject = 'cleaning.yaml'): CleaningLexicon {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WatchfloorError('BAD_PACK', 'cleaning lexicon must be a mapping', { subject });
  }
  const v = value as Record<string, unknown>;
  const lower = (key: string) => strings(v[key], key, subject).map((s) => s.toLowerCase());
  const linePatterns = strings(v.line_patterns, 'line_patterns', subject).map((p) => {
    try {
      return new RegExp(p, 'iu');
    } catch (cause) {
      throw new WatchfloorError('BAD_PACK', `line_patterns: invalid regular expression ${JSON.stringify(p)}`, { subject, cause });
    }
  });
  const months = new Map<string, number>();
  const rawMonths = v.months ?? {};
  if (typeof rawMonths !== 'object' || Array.isArray(rawMonths)) {
    throw new WatchfloorError('BAD_PACK', '"months" must map month names to numbers', { subject });
  }
  for (const [name, n] of Object.entries(rawMonths as Record<string, unknown>)) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 12) {
      throw new WatchfloorError('BAD_PACK', `months: "${name}" must map to 1..12`, { subject });
    }
    months.set(name.toLowerCase(), n);
  }
  const maxChromeWords = v.max_chrome_words ?? 8;
  if (typeof maxChromeWords !== 'number' || maxChromeWords < 1) {
    throw new WatchfloorError('BAD_PACK', '"max_chrome_words" must be a positive number', { subject });
  }
  return {
    uiWords: new Set(lower('ui_words')),
    maxChromeWords,
    linePatterns,
    breadcrumbSeparators: strings(v.breadcrumb_separators, 'breadcrumb_separators', subject),
    agencies: lower('agencies'),
    creditMarkers: lower('credit_markers'),
    dateLineWords: new Set(lower('date_line_words')),
    timeZones: new Set(lower('time_zones')),
    weekdays: new Set(lower('weekdays')),
    months,
  };
}

export function loadCleaningLexicon(path: string = DEFAULT_CLEANING_LEXICON_PATH): CleaningLexicon {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new WatchfloorError('BAD_PACK', 'cannot read the cleaning lexicon', { subject: path, cause });
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (cause) {
    throw new WatchfloorError('BAD_PACK', `cleaning lexicon is not valid YAML: ${(cause as Error).message.split('\n')[0]}`, { subject: path, cause });
  }
  return parseCleaningLexicon(value, path);
}

let cached: CleaningLexicon | null = null;

/** The core pack's lexicon, read on first use and kept. */
export function defaultCleaningLexicon(): CleaningLexicon {
  cached ??= loadCleaningLexicon();
  return cached;
}
