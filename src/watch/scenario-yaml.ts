// Analyst-written scenarios in YAML: parsing and validation. Every problem names the file, the
// line and the field ("scenarios/x.yaml:14: indicators[0].window_days: must be a positive
// integer"), found through the yaml package's LineCounter.
import { isMap, isSeq, LineCounter, parseDocument, stringify, type Document } from 'yaml';
import type { Modality, Predicate } from '../analysis/types.js';
import type { BBox, IndicatorDef, Region, ScenarioDef, Threshold } from './types.js';

// The contract's event types: one list, kept with the trigger reader.
import { EVENT_TYPES } from '../extract/event-triggers.js';
export { EVENT_TYPES };
export const PREDICATES: readonly Predicate[] = [
  'cooperates_with', 'supports', 'funds', 'pays', 'supplies', 'commands', 'allied_with', 'hostile_to', 'rival_of',
  'fights', 'attacks', 'threatens', 'member_of', 'leader_of', 'spokesperson_of', 'media_arm_of', 'part_of',
  'split_from', 'successor_of', 'formerly_member_of',
];
const MODALITIES: readonly Modality[] = ['asserted', 'reported', 'claimed', 'alleged', 'planned', 'foiled', 'hypothetical', 'negated'];

export type ScenarioProblem = { file: string; line: number; field: string; message: string };

export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}:${p.line}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

export type ParseOptions = {
  /** Pack actor ids; when given, an unknown actor id is a problem (typos otherwise never match). */
  knownActors?: ReadonlySet<string>;
};

type Path = (string | number)[];

class Checker {
  readonly problems: ScenarioProblem[] = [];
  constructor(readonly file: string, readonly doc: Document, readonly lines: LineCounter, readonly opts: ParseOptions) {}

  private lineOf(path: Path): number {
    // The node itself, else the nearest ancestor that exists (a missing field: its mapping).
    for (let p = path; ; p = p.slice(0, -1)) {
      const node = p.length ? this.doc.getIn(p, true) as { range?: [number, number, number] } | undefined : this.doc.contents as { range?: [number, number, number] } | null;
      if (node && node.range) return this.lines.linePos(node.range[0]).line;
      if (!p.length) return 1;
    }
  }

  problem(path: Path, message: string): void {
    const field = path.reduce<string>((acc, p) => typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p, '');
    this.problems.push({ file: this.file, line: this.lineOf(path), field, message });
  }

  record(v: unknown, path: Path, allowed: readonly string[]): Record<string, unknown> | null {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) { this.problem(path, 'must be a mapping'); return null; }
    const r = v as Record<string, unknown>;
    for (const k of Object.keys(r)) if (!allowed.includes(k)) this.problem([...path, k], `unknown field (allowed: ${allowed.join(', ')})`);
    return r;
  }

  string(r: Record<string, unknown>, key: string, path: Path, required: boolean): string | undefined {
    const v = r[key];
    if (v === undefined || v === null) { if (required) this.problem([...path, key], 'is required'); return undefined; }
    if (typeof v !== 'string' || !v.trim()) { this.problem([...path, key], 'must be a non-empty string'); return undefined; }
    return v.trim();
  }

  id(r: Record<string, unknown>, key: string, path: Path): string | undefined {
    const v = this.string(r, key, path, true);
    if (v !== undefined && !/^[a-z0-9][a-z0-9_-]*$/.test(v)) { this.problem([...path, key], 'must be lower-case letters, digits, - or _'); return undefined; }
    return v;
  }

  strings(r: Record<string, unknown>, key: string, path: Path): string[] | undefined {
    const v = r[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x.trim())) { this.problem([...path, key], 'must be a list of strings'); return undefined; }
    return (v as string[]).map((x) => x.trim());
  }

  oneOf<T extends string>(r: Record<string, unknown>, key: string, path: Path, allowed: readonly T[]): T[] | undefined {
    const list = this.strings(r, key, path);
    if (!list) return undefined;
    list.forEach((x, i) => { if (!allowed.includes(x as T)) this.problem([...path, key, i], `unknown value "${x}" (one of: ${allowed.join(', ')})`); });
    return list as T[];
  }

  actors(r: Record<string, unknown>, key: string, path: Path): string[] | undefined {
    const list = this.strings(r, key, path);
    if (list && this.opts.knownActors) {
      list.forEach((x, i) => { if (!this.opts.knownActors!.has(x)) this.problem([...path, key, i], `unknown actor id "${x}" (use a knowledge-pack actor id)`); });
    }
    return list;
  }

  positiveInt(r: Record<string, unknown>, key: string, path: Path): number | undefined {
    const v = r[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) { this.problem([...path, key], 'must be a positive integer'); return undefined; }
    return v;
  }

  isoDate(r: Record<string, unknown>, key: string, path: Path): string | null {
    const v = r[key];
    if (v === undefined || v === null) return null;
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    if (typeof s !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s)) { this.problem([...path, key], 'must be a date YYYY[-MM[-DD]]'); return null; }
    return s;
  }
}

function region(c: Checker, v: unknown, path: Path): Region | undefined {
  if (v === undefined || v === null) return undefined;
  const r = c.record(v, path, ['countries', 'admin1', 'bbox']);
  if (!r) return undefined;
  const out: Region = {};
  const countries = c.strings(r, 'countries', path);
  if (countries) {
    countries.forEach((x, i) => { if (!/^[A-Za-z]{2}$/.test(x)) c.problem([...path, 'countries', i], `"${x}" is not an ISO 3166-1 alpha-2 code`); });
    out.countries = countries.map((x) => x.toUpperCase());
  }
  const admin1 = c.strings(r, 'admin1', path);
  if (admin1) out.admin1 = admin1;
  if (r.bbox !== undefined) {
    const b = r.bbox;
    const ok = Array.isArray(b) && b.length === 4 && b.every((x) => typeof x === 'number' && Number.isFinite(x))
      && b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90 && b[0] < b[2] && b[1] < b[3];
    if (!ok) c.problem([...path, 'bbox'], 'must be [west, south, east, north] in degrees, west < east and south < north');
    else out.bbox = b as BBox;
  }
  return out;
}

function threshold(c: Checker, v: unknown, path: Path): Threshold | undefined {
  if (v === undefined || v === null) { c.problem(path, 'is required ({ min_count: N } or { ratio_to_baseline: R })'); return undefined; }
  const r = c.record(v, path, ['min_count', 'ratio_to_baseline']);
  if (!r) return undefined;
  const out: Threshold = {};
  const min = c.positiveInt(r, 'min_count', path);
  if (min !== undefined) out.min_count = min;
  if (r.ratio_to_baseline !== undefined) {
    if (typeof r.ratio_to_baseline !== 'number' || !(r.ratio_to_baseline > 0)) c.problem([...path, 'ratio_to_baseline'], 'must be a positive number');
    else out.ratio_to_baseline = r.ratio_to_baseline;
  }
  if (out.min_count === undefined && out.ratio_to_baseline === undefined && !c.problems.some((p) => p.field.startsWith(path.join('.')))) c.problem(path, 'needs min_count or ratio_to_baseline');
  return out;
}

const COMMON = ['id', 'label', 'kind', 'modalities', 'window_days', 'threshold'];
const EVENT_FIELDS = [...COMMON, 'types', 'actors_any', 'actors_any_2', 'region', 'keywords_any', 'baseline_days'];
const RELATION_FIELDS = [...COMMON, 'predicates', 'subject_any', 'object_any', 'either_direction'];

function indicator(c: Checker, v: unknown, path: Path): IndicatorDef | null {
  const kind = (v as { kind?: unknown } | null)?.kind;
  if (kind !== 'event-count' && kind !== 'relation-reported') {
    if (v !== null && typeof v === 'object') c.problem([...path, 'kind'], kind === undefined ? 'is required (event-count or relation-reported)' : `unknown kind "${String(kind)}" (event-count or relation-reported)`);
    else c.problem(path, 'must be a mapping');
    return null;
  }
  const before = c.problems.length;
  const r = c.record(v, path, kind === 'event-count' ? EVENT_FIELDS : RELATION_FIELDS)!;
  const id = c.id(r, 'id', path);
  const label = c.string(r, 'label', path, false);
  const modalities = c.oneOf(r, 'modalities', path, MODALITIES);
  const window_days = c.positiveInt(r, 'window_days', path);
  const th = threshold(c, r.threshold, [...path, 'threshold']);
  const common = { id: id ?? '', ...(label ? { label } : {}), ...(modalities ? { modalities } : {}), ...(window_days ? { window_days } : {}), threshold: th ?? {} };
  let def: IndicatorDef;
  if (kind === 'event-count') {
    const baseline_days = c.positiveInt(r, 'baseline_days', path);
    if (th?.ratio_to_baseline !== undefined && (baseline_days === undefined || window_days === undefined)) c.problem([...path, 'threshold', 'ratio_to_baseline'], 'needs window_days and baseline_days');
    if (baseline_days !== undefined && window_days === undefined) c.problem([...path, 'baseline_days'], 'needs window_days');
    const types = c.oneOf(r, 'types', path, EVENT_TYPES);
    const actors_any = c.actors(r, 'actors_any', path);
    const actors_any_2 = c.actors(r, 'actors_any_2', path);
    const reg = region(c, r.region, [...path, 'region']);
    const keywords_any = c.strings(r, 'keywords_any', path);
    def = {
      ...common, kind,
      ...(types ? { types } : {}), ...(actors_any ? { actors_any } : {}), ...(actors_any_2 ? { actors_any_2 } : {}),
      ...(reg ? { region: reg } : {}), ...(keywords_any ? { keywords_any } : {}), ...(baseline_days ? { baseline_days } : {}),
    };
  } else {
    const predicates = c.oneOf(r, 'predicates', path, PREDICATES);
    const subject_any = c.actors(r, 'subject_any', path);
    const object_any = c.actors(r, 'object_any', path);
    if (r.either_direction !== undefined && typeof r.either_direction !== 'boolean') c.problem([...path, 'either_direction'], 'must be true or false');
    def = {
      ...common, kind,
      ...(predicates ? { predicates } : {}), ...(subject_any ? { subject_any } : {}), ...(object_any ? { object_any } : {}),
      ...(r.either_direction === true ? { either_direction: true } : {}),
    };
  }
  return c.problems.length === before ? def : null;
}

const SCENARIO_FIELDS = ['id', 'title', 'outcome', 'conditions', 'actors', 'region', 'horizon', 'indicators'];

function scenario(c: Checker, v: unknown, path: Path): ScenarioDef | null {
  const r = c.record(v, path, SCENARIO_FIELDS);
  if (!r) return null;
  const before = c.problems.length;
  const id = c.id(r, 'id', path);
  const title = c.string(r, 'title', path, true);
  const outcome = c.string(r, 'outcome', path, false) ?? null;
  const conditions = c.strings(r, 'conditions', path) ?? [];
  const actors = c.actors(r, 'actors', path) ?? [];
  const reg = region(c, r.region, [...path, 'region']) ?? null;
  let horizon: ScenarioDef['horizon'] = null;
  if (r.horizon !== undefined && r.horizon !== null) {
    const h = c.record(r.horizon, [...path, 'horizon'], ['from', 'to']);
    if (h) horizon = { from: c.isoDate(h, 'from', [...path, 'horizon']), to: c.isoDate(h, 'to', [...path, 'horizon']) };
  }
  const indicators: IndicatorDef[] = [];
  if (r.indicators !== undefined && !Array.isArray(r.indicators)) c.problem([...path, 'indicators'], 'must be a list');
  else {
    const seen = new Set<string>();
    ((r.indicators as unknown[] | undefined) ?? []).forEach((x, i) => {
      const d = indicator(c, x, [...path, 'indicators', i]);
      if (!d) return;
      if (seen.has(d.id)) c.problem([...path, 'indicators', i, 'id'], `duplicate indicator id "${d.id}"`);
      seen.add(d.id);
      indicators.push(d);
    });
  }
  if (c.problems.length !== before) return null;
  return { id: id!, title: title!, outcome, conditions, actors, region: reg, horizon, indicators, origin: { kind: 'yaml', file: c.file } };
}

/**
 * One YAML file: a scenario mapping, a list of them, or { scenarios: [...] }. Returns the
 * scenarios that validated and every problem found (a file with problems yields none of its
 * faulty scenarios, never a half-read one).
 */
export function parseScenarioYaml(text: string, file: string, opts: ParseOptions = {}): { scenarios: ScenarioDef[]; problems: ScenarioProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    return { scenarios: [], problems: doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line, field: '', message: e.message.split('\n')[0]! })) };
  }
  const c = new Checker(file, doc, lines, opts);
  const root = doc.toJS() as unknown;
  const scenarios: ScenarioDef[] = [];
  let list: unknown[];
  let base: Path;
  if (isSeq(doc.contents)) { list = root as unknown[]; base = []; }
  else if (isMap(doc.contents) && (root as Record<string, unknown>).scenarios !== undefined) {
    const r = c.record(root, [], ['scenarios']);
    if (!r || !Array.isArray(r.scenarios)) { c.problem(['scenarios'], 'must be a list'); return { scenarios, problems: c.problems }; }
    list = r.scenarios; base = ['scenarios'];
  } else if (isMap(doc.contents)) {
    const s = scenario(c, root, []);
    return { scenarios: s ? [s] : [], problems: c.problems };
  } else {
    c.problem([], 'must hold a scenario mapping or a list of scenarios');
    return { scenarios, problems: c.problems };
  }
  list.forEach((x, i) => { const s = scenario(c, x, [...base, i]); if (s) scenarios.push(s); });
  return { scenarios, problems: c.problems };
}

/** A scenario as YAML an analyst can edit (the proposer's output). */
export function scenarioToYaml(s: ScenarioDef): string {
  const { origin: _origin, ...rest } = s;
  const out: Record<string, unknown> = { id: rest.id, title: rest.title };
  if (rest.outcome) out.outcome = rest.outcome;
  if (rest.conditions.length) out.conditions = rest.conditions;
  if (rest.actors.length) out.actors = rest.actors;
  if (rest.region) out.region = rest.region;
  if (rest.horizon) out.horizon = rest.horizon;
  out.indicators = rest.indicators;
  return stringify(out, { lineWidth: 0, flowCollectionPadding: false });
}
