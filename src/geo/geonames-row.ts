// One line of a GeoNames dump (allCountries.txt, XX.txt, cities500.txt …): 19 tab-separated
// columns — geonameid, name, asciiname, alternatenames, latitude, longitude, feature class,
// feature code, country code, cc2, admin1, admin2, admin3, admin4, population, elevation, dem,
// timezone, modification date. Pure: a line in, a row or the reason it was skipped out.

import { foldName } from './fold-name.js';

export const GEONAMES_COLUMNS = 19;

/** What the gazetteer keeps of a GeoNames row. */
export type GeonamesRow = {
  id: number;
  name: string;
  country: string;
  admin1: string;
  admin2: string;
  lat: number;
  lon: number;
  population: number;
  featureClass: string;
  featureCode: string;
  /** The name, the ASCII name and the Latin- and Arabic-script alternate names, without repeats. */
  names: string[];
  /** The names' folded keys (fold-name.ts), when stored with the row. */
  keys?: string[];
};

export type SkipReason = 'wrong column count' | 'not UTF-8' | 'coordinates out of range' | 'no id or name';

export type RowFilter = {
  /** ISO 3166-1 alpha-2 codes to keep; null keeps every country. */
  countries: ReadonlySet<string> | null;
  /** GeoNames feature classes to keep (P populated places, A administrative divisions, …). */
  featureClasses: ReadonlySet<string>;
};

export type ParsedLine = { row: GeonamesRow } | { skip: SkipReason } | { filtered: true };

const LATIN = /^[\p{Script=Latin}\s'’‘`ʿʾ.()-]+$/u;
const ARABIC = /^[\p{Script=Arabic}\s]+$/u;

function plain(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Names worth matching: Latin or Arabic script, no codes, no numbers, no repeats. */
export function keepNames(name: string, ascii: string, alternates: readonly string[]): string[] {
  const out = [name];
  const seen = new Set([plain(name)]);
  for (const a of [ascii, ...alternates]) {
    const n = a.trim();
    if (!n || n.length > 60 || /\d/.test(n) || /^[A-Z]{2,5}$/.test(n)) continue;
    if (!LATIN.test(n) && !ARABIC.test(n)) continue;
    const key = plain(n);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}

/** Parses one dump line; rows outside the filter are `filtered`, broken ones `skip` with why. */
export function parseGeonamesLine(line: string, filter: RowFilter): ParsedLine {
  const f = line.split('\t');
  if (f.length !== GEONAMES_COLUMNS) return { skip: 'wrong column count' };
  // Decoding replaced bytes that are not UTF-8 with U+FFFD.
  if (line.includes('\uFFFD')) return { skip: 'not UTF-8' };
  const featureClass = f[6]!;
  const country = f[8]!;
  if (!filter.featureClasses.has(featureClass)) return { filtered: true };
  if (filter.countries && !filter.countries.has(country)) return { filtered: true };
  const id = Number(f[0]);
  const name = f[1]!.trim();
  if (!Number.isInteger(id) || id <= 0 || !name) return { skip: 'no id or name' };
  const lat = Number(f[4]);
  const lon = Number(f[5]);
  if (!f[4] || !f[5] || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return { skip: 'coordinates out of range' };
  return {
    row: {
      id, name, country, admin1: f[10]!, admin2: f[11]!, lat, lon, population: Number(f[14]) || 0,
      featureClass, featureCode: f[7]!, names: keepNames(name, f[2]!, f[3] ? f[3].split(',') : []),
    },
  };
}

/** The compact form kept in the data folder: one tab-separated line, names and keys joined by "|". */
export function formatStoredRow(r: GeonamesRow): string {
  const clean = (s: string) => s.replace(/[\t\n|]/g, ' ');
  const keys = [...new Set(r.names.map(foldName).filter(Boolean))];
  return [r.id, clean(r.name), r.country, r.admin1, r.admin2, r.lat, r.lon, r.population, r.featureClass, r.featureCode,
    r.names.slice(1).map(clean).join('|'), keys.join('|')].join('\t');
}

/** Reads a line written by formatStoredRow(); null when it is not one. */
export function parseStoredRow(line: string): GeonamesRow | null {
  const f = line.split('\t');
  if (f.length !== 11 && f.length !== 12) return null;
  const name = f[1]!;
  return {
    id: Number(f[0]), name, country: f[2]!, admin1: f[3]!, admin2: f[4]!, lat: Number(f[5]), lon: Number(f[6]),
    population: Number(f[7]) || 0, featureClass: f[8]!, featureCode: f[9]!, names: f[10] ? [name, ...f[10].split('|')] : [name],
    ...(f[11] ? { keys: f[11].split('|') } : {}),
  };
}
