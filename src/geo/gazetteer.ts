// The bundled gazetteer: GeoNames-derived places (src/geo/data/gazetteer.tsv.gz, built by
// scripts/build-gazetteer.ts), countries and world regions (countries.yaml), Syrian and Iraqi
// governorates (admin1.yaml) and the knowledge packs' places. Names are indexed by their folded
// key (fold-name.ts) and, as a looser fallback, by their consonant skeleton.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import type { PlaceKind } from '../analysis/types.js';
import { WatchfloorError } from '../errors.js';
import type { PackPlace } from '../knowledge/pack-types.js';
import type { Gazetteer, GazetteerEntry, GazetteerMatch } from './gazetteer-types.js';
import { foldName, foldTokens } from './fold-name.js';
import { kindOfFeature } from './geonames-kind.js';
import type { GeonamesRow } from './geonames-row.js';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');

type CountryRow = { code: string; name: string; aliases?: string[]; lat: number; lon: number };
type RegionRow = { id: string; name: string; kind: PlaceKind; country?: string; aliases?: string[]; lat: number; lon: number };
type Admin1Row = { country: string; code: string; name: string; aliases?: string[]; seat?: number; lat: number; lon: number };

const ARABIC_LETTER = /[\u0600-\u06FF]/;

/** Consonants of a folded token; g as k (q is k already: "Gamishli" / Qamishli). */
function tokenSkeleton(t: string): string {
  return (ARABIC_LETTER.test(t) ? t : (t.charAt(0) + t.slice(1).replace(/[aeiouyw]/g, '')).replace(/g/g, 'k')).replace(/(.)\1+/g, '$1');
}

function skeletonOf(tokens: string[]): string {
  return tokens.map(tokenSkeleton).join(' ');
}

/** Skeleton keys this short match too much to be useful as a fallback. */
function looseKeyUsable(skeleton: string): boolean {
  return skeleton.replace(/ /g, '').length >= 3;
}

function kindOf(fcode: string, population: number): PlaceKind {
  return kindOfFeature('P', fcode, population);
}

function readYaml<T>(file: string): T {
  const path = join(DATA_DIR, file);
  try {
    return parse(readFileSync(path, 'utf8')) as T;
  } catch (cause) {
    throw new WatchfloorError('CONFIG', `cannot read gazetteer data ${file}`, { subject: path, cause });
  }
}

class IndexedGazetteer implements Gazetteer {
  private readonly entries: GazetteerEntry[] = [];
  private readonly byKey = new Map<string, number[]>();
  /** Consonant skeleton -> the folded keys that have it (their places are in byKey). */
  private readonly bySkeleton = new Map<string, Set<string>>();
  /** Recent answers of match(): the same words are looked up again and again. */
  private readonly matches = new Map<string, GazetteerMatch>();
  private readonly prefixes = new Set<string>();

  private readonly curated: { name: string; country: string }[] = [];

  get size(): number { return this.entries.length; }

  entry(idx: number): GazetteerEntry {
    return this.entries[idx]!;
  }

  add(entry: GazetteerEntry, names: Iterable<string>): number {
    const idx = this.entries.push(entry) - 1;
    const list = [...names];
    this.addNames(idx, list);
    if (entry.source !== 'geonames' && entry.country) for (const name of list) this.curated.push({ name, country: entry.country });
    return idx;
  }

  curatedNames(): readonly { name: string; country: string }[] {
    return this.curated;
  }

  addNames(idx: number, names: Iterable<string>): void {
    const keys: string[] = [];
    for (const name of names) {
      const tokens = foldTokens(name);
      if (tokens.length) keys.push(tokens.join(' '));
    }
    this.addKeys(idx, keys);
  }

  /** Indexes folded keys (fold-name.ts), as addNames() makes them or an import stored them. */
  addKeys(idx: number, keys: Iterable<string>): void {
    // Romanisations of one place often fold alike ("Kfar Zouzou", "Kafr Zuzu"): index each key once.
    const seen = new Set<string>();
    for (const key of keys) {
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const tokens = key.split(' ');
      push(this.byKey, key, idx);
      const skels = tokens.map(tokenSkeleton);
      const skel = skels.join(' ');
      if (looseKeyUsable(skel)) {
        const keys = this.bySkeleton.get(skel);
        if (keys) keys.add(key); else this.bySkeleton.set(skel, new Set([key]));
      }
      let prefix = tokens[0]!;
      let skelPrefix = skels[0]!;
      for (let i = 1; i < tokens.length; i++) {
        this.prefixes.add(prefix);
        this.prefixes.add('~' + skelPrefix);
        prefix += ' ' + tokens[i]!;
        skelPrefix += ' ' + skels[i]!;
      }
    }
  }

  match(surface: string): GazetteerMatch {
    let hit = this.matches.get(surface);
    if (!hit) {
      if (this.matches.size >= MATCH_CACHE_MAX) this.matches.clear();
      hit = this.matchUncached(surface);
      this.matches.set(surface, hit);
    }
    // A fresh object and list: callers may narrow or sort them.
    return { entries: [...hit.entries], loose: hit.loose };
  }

  private matchUncached(surface: string): GazetteerMatch {
    const tokens = foldTokens(surface);
    if (tokens.length === 0) return { entries: [], loose: false };
    const exact = this.byKey.get(tokens.join(' '));
    if (exact) return { entries: unique(exact).map((i) => this.entries[i]!), loose: false };
    const skel = skeletonOf(tokens);
    const key = tokens.join(' ');
    // Same consonants and nearly the same folded spelling ("Tal Tamer" / "Tall Tamr").
    const budget = key.length <= 6 ? 1 : 2;
    const idx: number[] = [];
    if (looseKeyUsable(skel)) {
      for (const k of this.bySkeleton.get(skel) ?? []) if (editDistance(k, key, budget) <= budget) idx.push(...this.byKey.get(k)!);
    }
    return { entries: unique(idx).map((i) => this.entries[i]!), loose: true };
  }

  lookup(surface: string): GazetteerEntry[] {
    return this.match(surface).entries;
  }

  hasPrefix(surface: string): boolean {
    const tokens = foldTokens(surface);
    if (tokens.length === 0) return false;
    const key = tokens.join(' ');
    return this.prefixes.has(key) || this.byKey.has(key) || this.prefixes.has('~' + skeletonOf(tokens));
  }
}

/** Levenshtein distance, giving up (returning budget + 1) once it exceeds the budget. */
function editDistance(a: string, b: string, budget: number): number {
  if (Math.abs(a.length - b.length) > budget) return budget + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let k = 1; k <= b.length; k++) {
      const v = Math.min(prev[k]! + 1, cur[k - 1]! + 1, prev[k - 1]! + (a[i - 1] === b[k - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > budget) return budget + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

function push(map: Map<string, number[]>, key: string, idx: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [idx]);
  else if (list[list.length - 1] !== idx) list.push(idx);
}

function unique(list: number[]): number[] {
  return list.length < 2 ? list : [...new Set(list)];
}

/** Names written "Washington, D.C." are also known by the part before the comma. */
function withShortForms(names: string[]): string[] {
  const out = [...names];
  for (const n of names) {
    const comma = n.indexOf(',');
    if (comma > 2) out.push(n.slice(0, comma));
  }
  return out;
}

const MATCH_CACHE_MAX = 20_000;

let cachedGeonames: Buffer | null = null;

/** A populated place given from outside the bundled data (a denser GeoNames extract, say). */
export type ExtraPlace = { name: string; aliases?: string[]; country: string | null; lat: number; lon: number };

/**
 * The bundled gazetteer, the knowledge packs' places, and (on top) the rows imported into a data
 * folder (`watchfloor gazetteer import`). An imported row with a GeoNames id already known lends
 * its names to that place instead of adding a second one.
 */
export async function loadGazetteer(packPlaces: PackPlace[], extra: readonly ExtraPlace[] = [], imported: readonly GeonamesRow[] = []): Promise<Gazetteer> {
  const gaz = new IndexedGazetteer();
  const admin1Rows = readYaml<Admin1Row[]>('admin1.yaml');
  const admin1Name = new Map(admin1Rows.map((r) => [`${r.country}.${r.code}`, r.name]));
  const world = readYaml<{ countries: CountryRow[]; regions: RegionRow[] }>('countries.yaml');

  for (const c of world.countries) {
    gaz.add({ id: `country:${c.code}`, name: c.name, kind: 'country', country: c.code, admin1: null, lat: c.lat, lon: c.lon,
      geonames_id: null, population: 10_000_000, source: 'country' }, [c.name, ...(c.aliases ?? [])]);
  }
  for (const r of world.regions) {
    gaz.add({ id: `region:${r.id}`, name: r.name, kind: r.kind, country: r.country ?? null, admin1: null, lat: r.lat, lon: r.lon,
      geonames_id: null, population: 5_000_000, source: 'region' }, [r.name, ...(r.aliases ?? [])]);
  }
  for (const a of admin1Rows) {
    gaz.add({ id: `admin1:${a.country}.${a.code}`, name: a.name, kind: 'admin1', country: a.country, admin1: a.name, lat: a.lat, lon: a.lon,
      geonames_id: null, population: 1_000_000, source: 'admin1' }, [a.name, ...(a.aliases ?? [])]);
  }

  // GeoNames rows; a pack place naming the same geonames id absorbs the row's names.
  const packByGeonames = new Map<number, PackPlace>();
  for (const p of packPlaces) if (p.geonames) packByGeonames.set(p.geonames, p);
  const absorbed = new Map<string, string[]>();
  const byGeonames = new Map<number, number>();
  cachedGeonames ??= gunzipSync(readFileSync(join(DATA_DIR, 'gazetteer.tsv.gz')));
  const text = cachedGeonames.toString('utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (!line) continue;
    const f = line.split('\t');
    const id = Number(f[0]);
    const names = [f[1]!, ...(f[8] ? f[8].split('|') : [])];
    const pack = packByGeonames.get(id);
    if (pack) { absorbed.set(pack.id, names); continue; }
    const population = Number(f[6]) || 0;
    byGeonames.set(id, gaz.add({
      id: `gn:${id}`, name: f[1]!, kind: kindOf(f[7]!, population), country: f[2] || null,
      admin1: admin1Name.get(`${f[2]}.${f[3]}`) ?? null, lat: Number(f[4]), lon: Number(f[5]),
      geonames_id: id, population, source: 'geonames',
    }, withShortForms(names)));
  }
  addImported(gaz, imported, { admin1Name, byGeonames, packByGeonames, absorbed });

  extra.forEach((p, i) => {
    gaz.add({ id: `extra:${i}`, name: p.name, kind: 'village', country: p.country, admin1: null, lat: p.lat, lon: p.lon,
      geonames_id: null, population: 0, source: 'geonames' }, [p.name, ...(p.aliases ?? [])]);
  });

  for (const p of packPlaces) {
    gaz.add({
      id: `pack:${p.id}`, name: p.name, kind: p.kind, country: p.country, admin1: p.admin1 ?? null,
      lat: p.lat, lon: p.lon, geonames_id: p.geonames ?? null, population: 0, source: 'pack',
    }, [p.name, ...p.aliases, ...(absorbed.get(p.id) ?? [])]);
  }
  return gaz;
}

type ImportIndex = {
  admin1Name: Map<string, string>;
  byGeonames: Map<number, number>;
  packByGeonames: Map<number, PackPlace>;
  absorbed: Map<string, string[]>;
};

/** Imported GeoNames rows: divisions first (their names name the rows' admin1), then places. */
function addImported(gaz: IndexedGazetteer, rows: readonly GeonamesRow[], ix: ImportIndex): void {
  if (!rows.length) return;
  // First-level divisions the bundled data has (Syria, Iraq) absorb the imported row's names;
  // others (Lebanon, Jordan, …) become governorates of their own.
  const bundledAdmin1 = new Map<string, number>();
  for (let i = 0; i < gaz.size; i++) {
    const e = gaz.entry(i);
    if (e.source === 'admin1') bundledAdmin1.set(`${e.country}:${foldName(e.name)}`, i);
  }
  for (const r of rows) {
    if (r.featureClass !== 'A' || r.featureCode !== 'ADM1') continue;
    const known = r.admin1 ? ix.admin1Name.get(`${r.country}.${r.admin1}`) : undefined;
    const idx = known !== undefined ? bundledAdmin1.get(`${r.country}:${foldName(known)}`)
      : r.names.map((n) => bundledAdmin1.get(`${r.country}:${foldName(n)}`)).find((x) => x !== undefined);
    if (idx !== undefined) { gaz.addNames(idx, r.names); continue; }
    if (r.admin1 && !ix.admin1Name.has(`${r.country}.${r.admin1}`)) ix.admin1Name.set(`${r.country}.${r.admin1}`, r.name);
    gaz.add({ id: `gn:${r.id}`, name: r.name, kind: 'admin1', country: r.country || null, admin1: r.name, lat: r.lat, lon: r.lon,
      geonames_id: r.id, population: Math.max(r.population, 1_000_000), source: 'admin1' }, r.names);
  }
  for (const r of rows) {
    if (r.featureClass === 'A' && r.featureCode === 'ADM1') continue;
    const known = ix.byGeonames.get(r.id);
    if (known !== undefined) { if (r.keys) gaz.addKeys(known, r.keys); else gaz.addNames(known, r.names); continue; }
    const pack = ix.packByGeonames.get(r.id);
    if (pack) { ix.absorbed.set(pack.id, [...(ix.absorbed.get(pack.id) ?? []), ...r.names]); continue; }
    const entry: GazetteerEntry = {
      id: `gn:${r.id}`, name: r.name, kind: kindOfFeature(r.featureClass, r.featureCode, r.population), country: r.country || null,
      admin1: ix.admin1Name.get(`${r.country}.${r.admin1}`) ?? null, lat: r.lat, lon: r.lon, geonames_id: r.id,
      population: r.population, source: 'geonames', imported: true,
    };
    if (r.keys) { const idx = gaz.add(entry, []); gaz.addKeys(idx, r.keys); ix.byGeonames.set(r.id, idx); }
    else ix.byGeonames.set(r.id, gaz.add(entry, r.names));
  }
}
