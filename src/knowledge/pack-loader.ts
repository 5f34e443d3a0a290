// Reads knowledge packs (packs/<name>/pack.yaml, actors/, places/, lexicon/,
// relation-types.yaml) and validates them. Every problem is reported as "file:line: what is
// wrong" so pack authors can fix YAML without reading code. Authoring guide: packs/README.md.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { ActorKind, PlaceKind, Predicate } from '../analysis/types.js';
import { WatchfloorError } from '../errors.js';
import type { LoadedPacks } from './knowledge-base.js';
import type { PackActor, PackAffiliation, PackPlace, PackRelationType } from './pack-types.js';

export const ACTOR_KINDS = [
  'state', 'government-body', 'state-force', 'armed-group', 'militia', 'political-party',
  'international-org', 'coalition', 'media', 'person', 'population', 'other',
] as const satisfies readonly ActorKind[];
export const PLACE_KINDS = [
  'continent', 'region', 'country', 'admin1', 'admin2', 'city', 'town', 'village', 'district',
  'site', 'camp', 'base', 'border', 'other',
] as const satisfies readonly PlaceKind[];
export const PREDICATES = [
  'cooperates_with', 'supports', 'funds', 'pays', 'supplies', 'commands', 'allied_with',
  'hostile_to', 'rival_of', 'fights', 'attacks', 'threatens', 'member_of', 'leader_of',
  'spokesperson_of', 'media_arm_of', 'part_of', 'split_from', 'successor_of', 'formerly_member_of',
] as const satisfies readonly Predicate[];
// Compile-time guard: the lists above must name every member of the contract's unions.
type Missing<U, L extends readonly unknown[]> = Exclude<U, L[number]>;
const complete: [Missing<ActorKind, typeof ACTOR_KINDS>, Missing<PlaceKind, typeof PLACE_KINDS>, Missing<Predicate, typeof PREDICATES>] extends [never, never, never] ? true : false = true;
void complete;

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const COUNTRY_RE = /^[A-Z]{2}$/;
const WIKIDATA_RE = /^Q[1-9]\d*$/;
const MAX_LISTED_PROBLEMS = 25;

const ACTOR_FIELDS = new Set(['id', 'name', 'kind', 'aliases', 'country', 'wikidata', 'start', 'end', 'affiliations', 'description', 'ambiguous']);
const AFFILIATION_FIELDS = new Set(['predicate', 'object', 'start', 'end', 'note']);
const PLACE_FIELDS = new Set(['id', 'name', 'kind', 'aliases', 'country', 'admin1', 'lat', 'lon', 'geonames', 'wikidata']);
const RELATION_FIELDS = new Set(['predicate', 'label', 'inverse_label', 'directed', 'source_kinds', 'target_kinds']);
const MANIFEST_FIELDS = new Set(['name', 'version', 'description', 'depends']);

type Manifest = { name: string; version: string; description: string; depends: string[]; dir: string };

/** One parsed YAML file, able to say on which line a (nested) value sits. */
type YamlFile = { file: string; data: unknown; lineOf: (pathInDoc: (string | number)[]) => number };

/** Collects problems instead of stopping at the first, so an author sees them all at once. */
class Problems {
  readonly list: string[] = [];
  add(file: YamlFile, at: (string | number)[], message: string): void {
    this.list.push(`${file.file}:${file.lineOf(at)}: ${message}`);
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const [first, ...rest] = this.list;
    const colon = first!.indexOf(': ');
    const more = rest.length === 0 ? '' : `\n${rest.slice(0, MAX_LISTED_PROBLEMS).join('\n')}` +
      (rest.length > MAX_LISTED_PROBLEMS ? `\n… and ${rest.length - MAX_LISTED_PROBLEMS} more` : '');
    throw new WatchfloorError('BAD_PACK', first!.slice(colon + 2) + more, {
      subject: first!.slice(0, colon),
      hint: `${this.list.length} problem(s) in the packs; see packs/README.md for the format`,
    });
  }
}

/**
 * Loads packs from the given folders. Each folder is either a pack (has pack.yaml) or a root
 * whose sub-folders with a pack.yaml are packs. Packs are ordered so dependencies come first.
 * Throws WatchfloorError('BAD_PACK') listing every problem with file and line.
 */
export type LoadPacksOptions = {
  /**
   * Reuse the validated result of an earlier load with byte-identical pack files (kept in the
   * OS temp folder). Parsing YAML cold costs a few hundred ms; the cache makes start-up fast.
   * Default true.
   */
  cache?: boolean;
};

export async function loadPacks(dirs: string[], options: LoadPacksOptions = {}): Promise<LoadedPacks> {
  const manifests = await findPacks(dirs);
  const ordered = orderByDependencies(manifests);
  const listed = await Promise.all(ordered.map(async (m) => ({
    manifest: m,
    relation: (await exists(path.join(m.dir, 'relation-types.yaml'))) ? [path.join(m.dir, 'relation-types.yaml')] : [],
    actors: await listYaml(path.join(m.dir, 'actors')),
    places: await listYaml(path.join(m.dir, 'places')),
    lexicon: await listYaml(path.join(m.dir, 'lexicon')),
  })));
  const allPaths = listed.flatMap((l) => [...l.relation, ...l.actors, ...l.places, ...l.lexicon]);
  const texts = new Map(await Promise.all(allPaths.map(async (p) => [p, await readFile(p, 'utf8')] as const)));

  const useCache = options.cache !== false;
  const cacheFile = useCache ? await cachePath(ordered, texts) : null;
  if (cacheFile) {
    const hit = await readCache(cacheFile);
    if (hit) return hit;
  }
  const loaded = validateAll(listed, texts);
  if (cacheFile) await writeCache(cacheFile, loaded);
  return loaded;
}

type ListedPack = { manifest: Manifest; relation: string[]; actors: string[]; places: string[]; lexicon: string[] };

function validateAll(listed: ListedPack[], texts: Map<string, string>): LoadedPacks {
  const problems = new Problems();
  const parse = (paths: string[]): YamlFile[] =>
    paths.map((p) => parseYaml(p, texts.get(p)!, problems)).filter((f): f is YamlFile => f !== null);
  const perPack = listed.map((l) => ({
    manifest: l.manifest,
    relationFiles: parse(l.relation),
    actorFiles: parse(l.actors),
    placeFiles: parse(l.places),
    lexiconFiles: parse(l.lexicon),
  }));
  problems.throwIfAny(); // syntax errors make the rest meaningless

  const actors = new Map<string, PackActor>();
  const actorSeenAt = new Map<string, string>();
  // Ids of entries rejected for another problem: references to them are not reported again.
  const rejectedActorIds = new Set<string>();
  const affiliationChecks: { file: YamlFile; at: (string | number)[]; actorId: string; object: string }[] = [];
  const places = new Map<string, PackPlace>();
  const placeSeenAt = new Map<string, string>();
  const relationTypes = new Map<Predicate, PackRelationType>();
  const lexicons = new Map<string, unknown>();
  const lexiconOrigin = new Map<string, string>();

  for (const pack of perPack) {
    for (const file of pack.relationFiles) {
      for (const [i, raw] of listItems(file, problems, 'relation type')) {
        const rel = validateRelationType(raw, file, [i], problems);
        if (!rel) continue;
        if (relationTypes.has(rel.predicate)) problems.add(file, [i, 'predicate'], `relation type "${rel.predicate}" is defined twice`);
        else relationTypes.set(rel.predicate, rel);
      }
    }
    for (const file of pack.actorFiles) {
      for (const [i, raw] of listItems(file, problems, 'actor')) {
        const actor = validateActor(raw, file, [i], problems);
        if (!actor) {
          if (isRecord(raw) && typeof raw.id === 'string') {
            rejectedActorIds.add(raw.id);
            // Still check where its affiliations point, so one run shows every problem.
            if (Array.isArray(raw.affiliations)) {
              raw.affiliations.forEach((a: unknown, j) => {
                if (isRecord(a) && typeof a.object === 'string') affiliationChecks.push({ file, at: [i, 'affiliations', j, 'object'], actorId: raw.id as string, object: a.object });
              });
            }
          }
          continue;
        }
        const where = `${file.file}:${file.lineOf([i])}`;
        const earlier = actorSeenAt.get(actor.id);
        if (earlier) { problems.add(file, [i, 'id'], `actor "${actor.id}": duplicate id (first defined at ${earlier})`); continue; }
        actorSeenAt.set(actor.id, where);
        actors.set(actor.id, actor);
        actor.affiliations?.forEach((a, j) => affiliationChecks.push({ file, at: [i, 'affiliations', j, 'object'], actorId: actor.id, object: a.object }));
      }
    }
    for (const file of pack.placeFiles) {
      for (const [i, raw] of listItems(file, problems, 'place')) {
        const place = validatePlace(raw, file, [i], problems);
        if (!place) continue;
        const earlier = placeSeenAt.get(place.id);
        if (earlier) { problems.add(file, [i, 'id'], `place "${place.id}": duplicate id (first defined at ${earlier})`); continue; }
        placeSeenAt.set(place.id, `${file.file}:${file.lineOf([i])}`);
        places.set(place.id, place);
      }
    }
    for (const file of pack.lexiconFiles) {
      const name = path.basename(file.file).replace(/\.ya?ml$/, '');
      mergeLexicon(lexicons, lexiconOrigin, name, file, problems);
    }
  }

  for (const check of affiliationChecks) {
    if (!actors.has(check.object) && !rejectedActorIds.has(check.object)) {
      problems.add(check.file, check.at, `actor "${check.actorId}": affiliation refers to unknown actor id "${check.object}"`);
    }
  }
  problems.throwIfAny();
  return { packs: listed.map((l) => l.manifest.name), actors, places, relationTypes, lexicons };
}

// ---------------------------------------------------------------------------------------
// Result cache: keyed by the loader's own source and every pack file's path and bytes, so any
// edit (to a pack or to the validation rules) misses it.

type CachedPacks = { packs: string[]; actors: [string, PackActor][]; places: [string, PackPlace][]; relationTypes: [Predicate, PackRelationType][]; lexicons: [string, unknown][] };

async function cachePath(ordered: Manifest[], texts: Map<string, string>): Promise<string | null> {
  try {
    const hash = createHash('sha256');
    hash.update(await readFile(fileURLToPath(import.meta.url)));
    for (const m of ordered) hash.update(`\0pack\0${path.resolve(m.dir)}\0${m.name}`);
    for (const [p, text] of texts) hash.update(`\0${path.resolve(p)}\0`).update(text);
    return path.join(tmpdir(), 'watchfloor-packs', `${hash.digest('hex').slice(0, 32)}.json`);
  } catch {
    return null; // source not readable (bundled?): just do not cache
  }
}

async function readCache(file: string): Promise<LoadedPacks | null> {
  try {
    const c = JSON.parse(await readFile(file, 'utf8')) as CachedPacks;
    return { packs: c.packs, actors: new Map(c.actors), places: new Map(c.places), relationTypes: new Map(c.relationTypes), lexicons: new Map(c.lexicons) };
  } catch {
    return null;
  }
}

async function writeCache(file: string, loaded: LoadedPacks): Promise<void> {
  const c: CachedPacks = {
    packs: loaded.packs, actors: [...loaded.actors], places: [...loaded.places],
    relationTypes: [...loaded.relationTypes], lexicons: [...loaded.lexicons],
  };
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(c));
    await rename(tmp, file); // atomic: a concurrent reader never sees half a file
  } catch {
    // A cache we cannot write only costs speed.
  }
}

// ---------------------------------------------------------------------------------------
// Finding and ordering packs

async function findPacks(dirs: string[]): Promise<Manifest[]> {
  const problems = new Problems();
  const found: Manifest[] = [];
  for (const dir of dirs) {
    if (!(await isDirectory(dir))) {
      throw new WatchfloorError('NOT_FOUND', 'packs folder does not exist', { subject: dir, hint: 'pass a folder that holds packs (e.g. packs/)' });
    }
    const candidates = (await exists(path.join(dir, 'pack.yaml')))
      ? [dir]
      : (await readdir(dir, { withFileTypes: true }))
        .filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name)).sort();
    let count = 0;
    for (const packDir of candidates) {
      const manifestPath = path.join(packDir, 'pack.yaml');
      if (!(await exists(manifestPath))) continue;
      const [file] = await readYamlFiles([manifestPath], problems);
      problems.throwIfAny();
      const manifest = validateManifest(file!, packDir, problems);
      problems.throwIfAny();
      found.push(manifest!);
      count++;
    }
    if (count === 0) {
      throw new WatchfloorError('BAD_PACK', 'no pack found (no pack.yaml in the folder or its sub-folders)', { subject: dir, hint: 'see packs/README.md' });
    }
  }
  const byName = new Map<string, Manifest>();
  for (const m of found) {
    const other = byName.get(m.name);
    if (other) throw new WatchfloorError('BAD_PACK', `pack "${m.name}" found twice (also in ${displayPath(other.dir)})`, { subject: displayPath(m.dir) });
    byName.set(m.name, m);
  }
  return found;
}

function validateManifest(file: YamlFile, dir: string, problems: Problems): Manifest | null {
  const d = file.data;
  if (!isRecord(d)) { problems.add(file, [], 'pack.yaml must be a mapping with name, version, description, depends'); return null; }
  checkUnknownFields(d, MANIFEST_FIELDS, file, [], 'pack.yaml', problems);
  const name = requireString(d, 'name', file, [], 'pack.yaml', problems);
  const folder = path.basename(path.resolve(dir));
  if (name !== null && name !== folder) problems.add(file, ['name'], `pack.yaml: name "${name}" must equal the folder name "${folder}"`);
  const version = d.version === undefined ? '0' : String(d.version);
  const description = typeof d.description === 'string' ? d.description : '';
  const depends = optionalStringList(d, 'depends', file, [], 'pack.yaml', problems) ?? [];
  return name === null ? null : { name, version, description, depends, dir };
}

/** Dependencies first; otherwise the order the packs were found (alphabetical per root). */
function orderByDependencies(manifests: Manifest[]): Manifest[] {
  const byName = new Map(manifests.map((m) => [m.name, m]));
  const done = new Set<string>();
  const visiting: string[] = [];
  const out: Manifest[] = [];
  const visit = (m: Manifest): void => {
    if (done.has(m.name)) return;
    if (visiting.includes(m.name)) {
      throw new WatchfloorError('BAD_PACK', `dependency cycle: ${[...visiting.slice(visiting.indexOf(m.name)), m.name].join(' -> ')}`, { subject: displayPath(path.join(m.dir, 'pack.yaml')) });
    }
    visiting.push(m.name);
    for (const dep of m.depends) {
      const target = byName.get(dep);
      if (!target) {
        throw new WatchfloorError('BAD_PACK', `pack "${m.name}" depends on "${dep}", which is not among the loaded packs`, {
          subject: displayPath(path.join(m.dir, 'pack.yaml')), hint: `also pass the folder that holds pack "${dep}"`,
        });
      }
      visit(target);
    }
    visiting.pop();
    done.add(m.name);
    out.push(m);
  };
  manifests.forEach(visit);
  return out;
}

// ---------------------------------------------------------------------------------------
// Reading YAML with line numbers

async function listYaml(dir: string): Promise<string[]> {
  if (!(await isDirectory(dir))) return [];
  return (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
}

async function readYamlFiles(paths: string[], problems: Problems): Promise<YamlFile[]> {
  const files = await Promise.all(paths.map(async (p) => {
    if (!(await exists(p))) return null;
    return parseYaml(p, await readFile(p, 'utf8'), problems);
  }));
  return files.filter((f): f is YamlFile => f !== null);
}

function parseYaml(filePath: string, text: string, problems: Problems): YamlFile | null {
  const shown = displayPath(filePath);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const line = lineCounter.linePos(err.pos[0]).line;
      problems.list.push(`${shown}:${line}: YAML syntax: ${err.message.split('\n')[0]}`);
    }
    return null;
  }
  const lineOf = (at: (string | number)[]): number => {
    let node: unknown = doc.contents;
    let best: YamlNode | null = isNode(node) ? node : null;
    for (const step of at) {
      let next: unknown = undefined;
      if (isSeq(node) && typeof step === 'number') next = node.items[step];
      else if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === step);
        next = pair ? (pair.value ?? pair.key) : undefined;
        // A missing field is reported on the line of its mapping.
      }
      if (!isNode(next)) break;
      node = next;
      best = next;
    }
    const offset = best?.range?.[0] ?? 0;
    return lineCounter.linePos(offset).line;
  };
  return { file: shown, data: doc.toJS({ maxAliasCount: -1 }), lineOf };
}

function isNode(x: unknown): x is YamlNode {
  return typeof x === 'object' && x !== null && 'range' in x;
}

/** The items of a top-level YAML list (empty file = no items). */
function listItems(file: YamlFile, problems: Problems, what: string): [number, unknown][] {
  if (file.data === null || file.data === undefined) return [];
  if (!Array.isArray(file.data)) { problems.add(file, [], `expected a YAML list of ${what} entries ("- id: ...")`); return []; }
  return file.data.map((v, i) => [i, v]);
}

// ---------------------------------------------------------------------------------------
// Entry validation

function validateActor(raw: unknown, file: YamlFile, at: (string | number)[], problems: Problems): PackActor | null {
  if (!isRecord(raw)) { problems.add(file, at, 'actor entry must be a mapping (id, name, kind, aliases, ...)'); return null; }
  const label = typeof raw.id === 'string' ? `actor "${raw.id}"` : 'actor';
  const before = problems.list.length;
  checkUnknownFields(raw, ACTOR_FIELDS, file, at, label, problems);
  const id = requireId(raw, file, at, label, problems);
  const name = requireString(raw, 'name', file, at, label, problems);
  const kind = requireEnum(raw, 'kind', ACTOR_KINDS, file, at, label, problems);
  const aliases = requireStringList(raw, 'aliases', file, at, label, problems);
  const ambiguous = optionalStringList(raw, 'ambiguous', file, at, label, problems);
  // Same alias twice (also across aliases/ambiguous) is almost always a copy-paste slip.
  const seen = new Map<string, string>();
  for (const [field, list] of [['aliases', aliases], ['ambiguous', ambiguous]] as const) {
    list?.forEach((alias, j) => {
      const key = alias.normalize('NFC').toLowerCase().replace(/[’‘`]/g, "'");
      const prev = seen.get(key);
      if (prev !== undefined) problems.add(file, [...at, field, j], `${label}: alias "${alias}" is listed twice (also in ${prev})`);
      else seen.set(key, field);
    });
  }
  const country = optionalPattern(raw, 'country', COUNTRY_RE, 'an ISO 3166-1 alpha-2 code like "SY"', file, at, label, problems);
  const wikidata = optionalPattern(raw, 'wikidata', WIKIDATA_RE, 'a Wikidata id like "Q123"', file, at, label, problems);
  const start = optionalDate(raw, 'start', file, at, label, problems);
  const end = optionalDate(raw, 'end', file, at, label, problems);
  checkOrder(start, end, file, at, label, problems);
  const description = optionalString(raw, 'description', file, at, label, problems);

  let affiliations: PackAffiliation[] | undefined;
  if (raw.affiliations !== undefined && raw.affiliations !== null) {
    if (!Array.isArray(raw.affiliations)) problems.add(file, [...at, 'affiliations'], `${label}: affiliations must be a list`);
    else {
      affiliations = [];
      raw.affiliations.forEach((a, j) => {
        const aAt = [...at, 'affiliations', j];
        const aff = validateAffiliation(a, file, aAt, label, problems);
        if (!aff) return;
        if (aff.object === id) problems.add(file, [...aAt, 'object'], `${label}: affiliation points at the actor itself`);
        affiliations!.push(aff);
      });
    }
  }
  if (problems.list.length > before || id === null || name === null || kind === null || aliases === null) return null;
  const actor: PackActor = { id, name, kind, aliases };
  if (country !== undefined) actor.country = country;
  if (wikidata !== undefined) actor.wikidata = wikidata;
  if (start !== undefined) actor.start = start;
  if (end !== undefined) actor.end = end;
  if (affiliations && affiliations.length > 0) actor.affiliations = affiliations;
  if (description !== undefined) actor.description = description;
  if (ambiguous && ambiguous.length > 0) actor.ambiguous = ambiguous;
  return actor;
}

function validateAffiliation(raw: unknown, file: YamlFile, at: (string | number)[], label: string, problems: Problems): PackAffiliation | null {
  if (!isRecord(raw)) { problems.add(file, at, `${label}: affiliation must be a mapping {predicate, object, start?, end?, note?}`); return null; }
  const before = problems.list.length;
  checkUnknownFields(raw, AFFILIATION_FIELDS, file, at, `${label}: affiliation`, problems);
  const predicate = requireEnum(raw, 'predicate', PREDICATES, file, at, `${label}: affiliation`, problems);
  const object = requireString(raw, 'object', file, at, `${label}: affiliation`, problems);
  const start = optionalDate(raw, 'start', file, at, `${label}: affiliation`, problems);
  const end = optionalDate(raw, 'end', file, at, `${label}: affiliation`, problems);
  checkOrder(start, end, file, at, `${label}: affiliation`, problems);
  const note = optionalString(raw, 'note', file, at, `${label}: affiliation`, problems);
  if (problems.list.length > before || predicate === null || object === null) return null;
  const aff: PackAffiliation = { predicate, object };
  if (start !== undefined) aff.start = start;
  if (end !== undefined) aff.end = end;
  if (note !== undefined) aff.note = note;
  return aff;
}

function validatePlace(raw: unknown, file: YamlFile, at: (string | number)[], problems: Problems): PackPlace | null {
  if (!isRecord(raw)) { problems.add(file, at, 'place entry must be a mapping (id, name, kind, aliases, country, lat, lon, ...)'); return null; }
  const label = typeof raw.id === 'string' ? `place "${raw.id}"` : 'place';
  const before = problems.list.length;
  checkUnknownFields(raw, PLACE_FIELDS, file, at, label, problems);
  const id = requireId(raw, file, at, label, problems);
  const name = requireString(raw, 'name', file, at, label, problems);
  const kind = requireEnum(raw, 'kind', PLACE_KINDS, file, at, label, problems);
  const aliases = requireStringList(raw, 'aliases', file, at, label, problems);
  const country = optionalPattern(raw, 'country', COUNTRY_RE, 'an ISO 3166-1 alpha-2 code like "SY"', file, at, label, problems);
  if (country === undefined || country === null) problems.add(file, [...at, 'country'], `${label}: country is required (ISO 3166-1 alpha-2)`);
  const admin1 = raw.admin1 === null ? null : optionalString(raw, 'admin1', file, at, label, problems);
  const lat = requireNumberIn(raw, 'lat', -90, 90, file, at, label, problems);
  const lon = requireNumberIn(raw, 'lon', -180, 180, file, at, label, problems);
  let geonames: number | null | undefined;
  if (raw.geonames !== undefined && raw.geonames !== null) {
    if (!Number.isInteger(raw.geonames) || (raw.geonames as number) <= 0) problems.add(file, [...at, 'geonames'], `${label}: geonames must be a positive integer id, got ${show(raw.geonames)}`);
    else geonames = raw.geonames as number;
  } else if (raw.geonames === null) geonames = null;
  const wikidata = optionalPattern(raw, 'wikidata', WIKIDATA_RE, 'a Wikidata id like "Q123"', file, at, label, problems);
  if (problems.list.length > before || id === null || name === null || kind === null || aliases === null || !country || lat === null || lon === null) return null;
  const place: PackPlace = { id, name, kind, aliases, country, lat, lon };
  if (admin1 !== undefined) place.admin1 = admin1;
  if (geonames !== undefined) place.geonames = geonames;
  if (wikidata !== undefined) place.wikidata = wikidata;
  return place;
}

function validateRelationType(raw: unknown, file: YamlFile, at: (string | number)[], problems: Problems): PackRelationType | null {
  if (!isRecord(raw)) { problems.add(file, at, 'relation type must be a mapping (predicate, label, inverse_label, directed)'); return null; }
  const label = typeof raw.predicate === 'string' ? `relation type "${raw.predicate}"` : 'relation type';
  const before = problems.list.length;
  checkUnknownFields(raw, RELATION_FIELDS, file, at, label, problems);
  const predicate = requireEnum(raw, 'predicate', PREDICATES, file, at, label, problems);
  const name = requireString(raw, 'label', file, at, label, problems);
  const inverse = requireString(raw, 'inverse_label', file, at, label, problems);
  if (typeof raw.directed !== 'boolean') problems.add(file, [...at, 'directed'], `${label}: directed must be true or false, got ${show(raw.directed)}`);
  const kinds = (field: 'source_kinds' | 'target_kinds'): ActorKind[] | undefined => {
    const list = optionalStringList(raw, field, file, at, label, problems);
    list?.forEach((k, j) => {
      if (!(ACTOR_KINDS as readonly string[]).includes(k)) problems.add(file, [...at, field, j], `${label}: ${field} "${k}" is not one of ${ACTOR_KINDS.join(', ')}`);
    });
    return list as ActorKind[] | undefined;
  };
  const sourceKinds = kinds('source_kinds');
  const targetKinds = kinds('target_kinds');
  if (problems.list.length > before || predicate === null || name === null || inverse === null) return null;
  const rel: PackRelationType = { predicate, label: name, inverse_label: inverse, directed: raw.directed as boolean };
  if (sourceKinds) rel.source_kinds = sourceKinds;
  if (targetKinds) rel.target_kinds = targetKinds;
  return rel;
}

function mergeLexicon(lexicons: Map<string, unknown>, origin: Map<string, string>, name: string, file: YamlFile, problems: Problems): void {
  const value = file.data;
  if (value === null || value === undefined) return;
  if (!lexicons.has(name)) { lexicons.set(name, value); origin.set(name, file.file); return; }
  const prev = lexicons.get(name);
  if (Array.isArray(prev) && Array.isArray(value)) lexicons.set(name, [...prev, ...value]);
  else if (isRecord(prev) && isRecord(value)) lexicons.set(name, { ...prev, ...value });
  else problems.add(file, [], `lexicon "${name}" is a ${shapeOf(value)} here but a ${shapeOf(prev)} in ${origin.get(name)}; they cannot be merged`);
}

// ---------------------------------------------------------------------------------------
// Field checks: each reports on the line of the offending value and returns null/undefined.

type At = (string | number)[];

function checkUnknownFields(raw: Record<string, unknown>, allowed: Set<string>, file: YamlFile, at: At, label: string, problems: Problems): void {
  for (const key of Object.keys(raw)) {
    if (!allowed.has(key)) problems.add(file, [...at, key], `${label}: unknown field "${key}" (allowed: ${[...allowed].join(', ')})`);
  }
}

function requireId(raw: Record<string, unknown>, file: YamlFile, at: At, label: string, problems: Problems): string | null {
  const id = requireString(raw, 'id', file, at, label, problems);
  if (id !== null && !ID_RE.test(id)) { problems.add(file, [...at, 'id'], `${label}: id must be kebab-case (lower-case letters, digits, single hyphens)`); return null; }
  return id;
}

function requireString(raw: Record<string, unknown>, field: string, file: YamlFile, at: At, label: string, problems: Problems): string | null {
  const v = raw[field];
  if (v === undefined || v === null) { problems.add(file, at, `${label}: missing required field "${field}"`); return null; }
  if (typeof v !== 'string' || v.trim() === '') { problems.add(file, [...at, field], `${label}: ${field} must be a non-empty string, got ${show(v)}`); return null; }
  return v;
}

function optionalString(raw: Record<string, unknown>, field: string, file: YamlFile, at: At, label: string, problems: Problems): string | undefined {
  const v = raw[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') { problems.add(file, [...at, field], `${label}: ${field} must be a string, got ${show(v)}`); return undefined; }
  return v;
}

function requireEnum<T extends string>(raw: Record<string, unknown>, field: string, values: readonly T[], file: YamlFile, at: At, label: string, problems: Problems): T | null {
  const v = raw[field];
  if (v === undefined || v === null) { problems.add(file, at, `${label}: missing required field "${field}"`); return null; }
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    problems.add(file, [...at, field], `${label}: ${field} ${show(v)} is not one of ${values.join(', ')}`);
    return null;
  }
  return v as T;
}

function requireStringList(raw: Record<string, unknown>, field: string, file: YamlFile, at: At, label: string, problems: Problems): string[] | null {
  if (raw[field] === undefined || raw[field] === null) { problems.add(file, at, `${label}: missing required field "${field}" (use [] for none)`); return null; }
  return optionalStringList(raw, field, file, at, label, problems) ?? null;
}

function optionalStringList(raw: Record<string, unknown>, field: string, file: YamlFile, at: At, label: string, problems: Problems): string[] | undefined {
  const v = raw[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) { problems.add(file, [...at, field], `${label}: ${field} must be a list of strings`); return undefined; }
  let ok = true;
  v.forEach((item, j) => {
    if (typeof item !== 'string' || item.trim() === '') {
      problems.add(file, [...at, field, j], `${label}: ${field} entry ${show(item)} must be a non-empty string (quote numbers)`);
      ok = false;
    }
  });
  return ok ? (v as string[]) : undefined;
}

function optionalPattern(raw: Record<string, unknown>, field: string, re: RegExp, what: string, file: YamlFile, at: At, label: string, problems: Problems): string | null | undefined {
  const v = raw[field];
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v !== 'string' || !re.test(v)) { problems.add(file, [...at, field], `${label}: ${field} ${show(v)} must be ${what}`); return undefined; }
  return v;
}

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD"; an unquoted year (a YAML number) is accepted. */
function optionalDate(raw: Record<string, unknown>, field: string, file: YamlFile, at: At, label: string, problems: Problems): string | undefined {
  const v = raw[field];
  if (v === undefined || v === null) return undefined;
  const s = typeof v === 'number' && Number.isInteger(v) ? String(v) : v;
  const m = typeof s === 'string' ? DATE_RE.exec(s) : null;
  const valid = m !== null && (m[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 12)) &&
    (m[3] === undefined || Number(m[3]) >= 1 && Number(m[3]) <= daysInMonth(Number(m[1]), Number(m[2])));
  if (!valid) { problems.add(file, [...at, field], `${label}: ${field} ${show(v)} is not a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"`); return undefined; }
  return s as string;
}

function checkOrder(start: string | undefined, end: string | undefined, file: YamlFile, at: At, label: string, problems: Problems): void {
  if (start === undefined || end === undefined) return;
  const n = Math.min(start.length, end.length); // "2014" vs "2014-06-29": compare at common precision
  if (start.slice(0, n) > end.slice(0, n)) problems.add(file, [...at, 'end'], `${label}: end ${end} is before start ${start}`);
}

function requireNumberIn(raw: Record<string, unknown>, field: string, min: number, max: number, file: YamlFile, at: At, label: string, problems: Problems): number | null {
  const v = raw[field];
  if (v === undefined || v === null) { problems.add(file, at, `${label}: missing required field "${field}"`); return null; }
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    problems.add(file, [...at, field], `${label}: ${field} ${show(v)} must be a number between ${min} and ${max}`);
    return null;
  }
  return v;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// ---------------------------------------------------------------------------------------

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function shapeOf(x: unknown): string {
  return Array.isArray(x) ? 'list' : isRecord(x) ? 'mapping' : typeof x;
}

function show(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v) ?? String(v);
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

async function exists(p: string): Promise<boolean> {
  try { await stat(p); return true; } catch { return false; }
}

async function isDirectory(p: string): Promise<boolean> {
  try { return (await stat(p)).isDirectory(); } catch { return false; }
}
