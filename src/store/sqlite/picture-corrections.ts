// Analyst corrections: validated, stored in the corrections table, applied to the picture at
// once and re-applied by the merge (so re-analysis never undoes them). Undo marks reverted_at.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { WatchfloorError } from '../../errors.js';
import { CORRECTION_KINDS, type Correction, type CorrectionInput, type CorrectionKind } from '../picture.js';
import { normalizeName } from './picture-keys.js';
import { splitActorId, type PictureWriter } from './picture-merge.js';

type CorrectionRow = {
  id: string; target_kind: string; target_id: string; action: string; payload_json: string;
  author: string | null; note: string | null; created_at: string; reverted_at: string | null;
};

const TARGET_KIND: Record<CorrectionKind, 'actor' | 'event' | 'relation'> = {
  'merge-actors': 'actor', 'split-alias': 'actor', 'reject-event': 'event', 'edit-event': 'event',
  'reject-relation': 'relation', 'fix-date': 'event', 'fix-place': 'event',
};
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function bad(message: string): WatchfloorError {
  return new WatchfloorError('BAD_REQUEST', message);
}

export function toCorrection(r: CorrectionRow): Correction {
  return {
    id: r.id, kind: r.action as CorrectionKind, target: r.target_id, target_kind: r.target_kind as Correction['target_kind'],
    payload: JSON.parse(r.payload_json) as Record<string, unknown>, author: r.author, note: r.note,
    created_at: r.created_at, reverted_at: r.reverted_at,
  };
}

function checkDate(d: unknown): void {
  const w = d as { start?: unknown; end?: unknown; precision?: unknown };
  if (typeof w !== 'object' || w === null || typeof w.start !== 'string' || !ISO_DAY.test(w.start)
    || (w.end !== undefined && (typeof w.end !== 'string' || !ISO_DAY.test(w.end) || w.end < w.start))) {
    throw bad('date must be { start: YYYY-MM-DD, end?: YYYY-MM-DD (not before start), precision? }');
  }
}
function normalDate(d: unknown): Record<string, unknown> {
  const w = d as { start: string; end?: string; precision?: string; text?: string };
  return { start: w.start, end: w.end ?? w.start, precision: w.precision ?? (w.end && w.end !== w.start ? 'range' : 'day'), text: w.text ?? 'analyst correction' };
}
function checkPlace(p: unknown): Record<string, unknown> {
  const x = p as { name?: unknown; lat?: unknown; lon?: unknown };
  if (typeof x !== 'object' || x === null || typeof x.name !== 'string' || x.name.trim() === '') throw bad('place must have a name');
  const hasLat = typeof x.lat === 'number';
  if (hasLat !== (typeof x.lon === 'number')) throw bad('place needs both lat and lon, or neither');
  if (hasLat && (Math.abs(x.lat as number) > 90 || Math.abs(x.lon as number) > 180)) throw bad('place coordinates out of range');
  const q = p as Record<string, unknown>;
  return {
    name: x.name, country: q.country ?? null, lat: q.lat ?? null, lon: q.lon ?? null,
    geonames_id: q.geonames_id ?? null, kind: q.kind ?? null, precision: q.precision ?? (hasLat ? 'exact' : null),
  };
}

export class PictureCorrections {
  constructor(
    private readonly db: Database.Database,
    private readonly writer: PictureWriter,
    /** Re-merges a stored document from its stored analysis (split-alias needs it). */
    private readonly remerge: (docId: string) => void,
  ) {}

  list(includeReverted = false): Correction[] {
    const rows = this.db.prepare(`SELECT * FROM corrections ${includeReverted ? '' : 'WHERE reverted_at IS NULL'} ORDER BY created_at DESC, id`).all() as CorrectionRow[];
    return rows.map(toCorrection);
  }

  idsFor(kind: 'event' | 'relation', ids: string[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      if (chunk.length === 0) break;
      const rows = this.db.prepare(`SELECT id, target_id FROM corrections WHERE target_kind = ? AND reverted_at IS NULL
        AND target_id IN (${chunk.map(() => '?').join(',')}) ORDER BY created_at`).all(kind, ...chunk) as { id: string; target_id: string }[];
      for (const r of rows) out.set(r.target_id, [...(out.get(r.target_id) ?? []), r.id]);
    }
    return out;
  }

  private exists(table: 'actors' | 'events' | 'relations', id: string): boolean {
    return this.db.prepare(`SELECT 1 AS x FROM ${table} WHERE id = ?`).get(id) !== undefined;
  }

  /** Checks the input and returns the target kind and the payload as stored. */
  private validate(c: CorrectionInput): { targetKind: 'actor' | 'event' | 'relation'; payload: Record<string, unknown> } {
    if (!CORRECTION_KINDS.includes(c.kind)) throw bad(`unknown correction kind ${String(c.kind)}; one of ${CORRECTION_KINDS.join(', ')}`);
    if (typeof c.target !== 'string' || c.target === '') throw bad('target must be an id');
    const p = c.payload ?? {};
    let targetKind = TARGET_KIND[c.kind];
    if (c.kind === 'fix-date' && c.target.startsWith('rel:')) targetKind = 'relation';
    const table = targetKind === 'actor' ? 'actors' : targetKind === 'event' ? 'events' : 'relations';
    if (!this.exists(table, c.target)) throw new WatchfloorError('NOT_FOUND', `no ${targetKind} ${c.target}`);
    switch (c.kind) {
      case 'merge-actors': {
        const other = p.other;
        if (typeof other !== 'string' || other === c.target) throw bad('merge-actors needs payload.other: another actor id');
        if (!this.exists('actors', other)) throw new WatchfloorError('NOT_FOUND', `no actor ${other}`);
        return { targetKind, payload: { other } };
      }
      case 'split-alias': {
        if (typeof p.alias !== 'string' || normalizeName(p.alias) === '') throw bad('split-alias needs payload.alias: the surface form to split off');
        if (splitActorId(p.alias) === c.target) throw bad('that alias is the actor\'s own name');
        return { targetKind, payload: { alias: p.alias, ...(typeof p.kind === 'string' ? { kind: p.kind } : {}) } };
      }
      case 'reject-event': case 'reject-relation': return { targetKind, payload: {} };
      case 'fix-date':
        checkDate(p.date);
        return { targetKind, payload: { date: normalDate(p.date) } };
      case 'fix-place':
        return { targetKind, payload: { place: checkPlace(p.place) } };
      case 'edit-event': {
        const out: Record<string, unknown> = {};
        if (p.date !== undefined) { checkDate(p.date); out.date = normalDate(p.date); }
        if (p.place !== undefined) out.place = checkPlace(p.place);
        if (typeof p.type === 'string') out.type = p.type;
        if (typeof p.summary === 'string') out.summary = p.summary;
        if (Object.keys(out).length === 0) throw bad('edit-event needs payload.date, .place, .type or .summary');
        return { targetKind, payload: out };
      }
    }
  }

  add(c: CorrectionInput): Correction {
    const { targetKind, payload } = this.validate(c);
    const row: CorrectionRow = {
      id: `c-${randomUUID()}`, target_kind: targetKind, target_id: c.target, action: c.kind,
      payload_json: JSON.stringify(payload), author: c.author ?? null, note: c.note ?? null,
      created_at: new Date().toISOString(), reverted_at: null,
    };
    this.db.prepare(`INSERT INTO corrections (id, target_kind, target_id, action, payload_json, author, note, created_at)
      VALUES (@id, @target_kind, @target_id, @action, @payload_json, @author, @note, @created_at)`).run(row);
    this.apply(row);
    return toCorrection(row);
  }

  undo(id: string): Correction {
    const row = this.db.prepare('SELECT * FROM corrections WHERE id = ?').get(id) as CorrectionRow | undefined;
    if (!row) throw new WatchfloorError('NOT_FOUND', `no correction ${id}`);
    if (row.reverted_at !== null) return toCorrection(row);
    row.reverted_at = new Date().toISOString();
    this.db.prepare('UPDATE corrections SET reverted_at = ? WHERE id = ?').run(row.reverted_at, id);
    this.apply(row);
    return toCorrection(row);
  }

  /** Brings the picture in line with the active corrections touching this one's target. */
  private apply(row: CorrectionRow): void {
    switch (row.action as CorrectionKind) {
      case 'merge-actors': this.writer.applyActorMerges(); break;
      case 'split-alias': {
        const alias = (JSON.parse(row.payload_json) as { alias: string }).alias;
        // Documents of the actor, and (on undo) those that went to the split-off actor.
        const docs = new Set([...this.writer.documentsOfNaturalActor(row.target_id)]);
        const splitId = splitActorId(alias);
        for (const r of this.db.prepare('SELECT DISTINCT document_id FROM actor_documents WHERE actor_id = ? AND natural_id = ?').all(splitId, row.target_id) as { document_id: string }[]) docs.add(r.document_id);
        for (const d of docs) this.remerge(d);
        // Aliases carry no provenance; the split-off form leaves the actor (undo re-merges it back).
        if (row.reverted_at === null) this.db.prepare('DELETE FROM actor_aliases WHERE actor_id = ? AND normalized = ?').run(row.target_id, normalizeName(alias));
        break;
      }
      case 'fix-date':
        if (row.target_kind === 'relation') this.writer.refreshRelation(row.target_id);
        else this.writer.refreshEvent(row.target_id);
        break;
      case 'reject-relation': this.writer.refreshRelation(row.target_id); break;
      default: this.writer.refreshEvent(row.target_id);
    }
  }
}
