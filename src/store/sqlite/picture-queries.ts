// Reads of the cross-document picture for the SQLite backend. Actor merges made by analysts
// live in actors.merged_into: every query expands an actor filter to the ids merged into it
// and reports merged-away ids as the actor they were merged into.
import type Database from 'better-sqlite3';
import type { ActorKind, EventType, Modality, Predicate, Role, When } from '../../analysis/types.js';
import type {
  ActorProfile, ActorQuery, ActorRef, ActorSummary, Bucket, Correction, CorrectionInput, EventQuery,
  Network, NetworkQuery, Page, PictureEvent, PictureQueries, PictureQuote, PictureRelation, PictureScenario,
  PlaceFeature, PlacesGeoJson, PlacesQuery, RelationQuery, Timeline, TimelineQuery, EvidenceSpan, ActorDocument,
} from '../picture.js';
import { PictureCorrections } from './picture-corrections.js';
import { normalizeName } from './picture-keys.js';
import type { PictureWriter } from './picture-merge.js';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;
const MAX_NETWORK_EDGES = 5000;
const MAX_EVIDENCE_PER_RELATION = 20;
/** What a profile lists inline; the rest is paginated (totals say how many). */
export const PROFILE_INLINE = 20;

type Param = string | number | null;
type EventRow = {
  id: string; type: string; acled_event_type: string | null; acled_sub_event_type: string | null; plover: string | null;
  date_start: string | null; date_end: string | null; date_precision: string | null; date_text: string | null;
  place_name: string | null; place_geonames_id: number | null; place_country: string | null; lat: number | null; lon: number | null;
  place_kind: string | null; place_precision: string | null; fatalities_min: number | null; fatalities_max: number | null;
  modality: string; summary: string; confidence: number;
};
type RelationRow = {
  id: string; subject_id: string; predicate: string; object_id: string; valid_start: string | null; valid_end: string | null;
  valid_precision: string | null; valid_text: string | null; modality: string; origin: string; confidence: number;
  first_seen: string | null; source_count: number;
};

function limitOf(n: number | undefined): number {
  return n === undefined || !Number.isFinite(n) ? DEFAULT_LIMIT : Math.max(0, Math.min(MAX_LIMIT, Math.floor(n)));
}
function offsetOf(n: number | undefined): number {
  return n === undefined || !Number.isFinite(n) ? 0 : Math.max(0, Math.floor(n));
}
function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(',');
}
function likeOf(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
function whenOf(start: string | null, end: string | null, precision: string | null, text: string | null): When | null {
  if (start === null) return null;
  return { start, end: end ?? start, precision: (precision ?? 'day') as When['precision'], text: text ?? '' };
}

export class SqlitePicture implements PictureQueries {
  readonly corrections: PictureCorrections;

  constructor(
    private readonly db: Database.Database,
    writer: PictureWriter,
    remerge: (docId: string) => void,
    private readonly guard: <T>(what: string, fn: () => T) => T,
  ) {
    this.corrections = new PictureCorrections(db, writer, remerge);
  }

  private all<R>(sql: string, params: Param[]): R[] {
    return this.db.prepare(sql).all(...params) as R[];
  }

  /** merged-away id -> the id it is merged into. */
  private redirects(): Map<string, string> {
    return new Map(this.all<{ id: string; merged_into: string }>('SELECT id, merged_into FROM actors WHERE merged_into IS NOT NULL', [])
      .map((r) => [r.id, r.merged_into]));
  }
  private expand(id: string, redirects: Map<string, string>): string[] {
    const root = redirects.get(id) ?? id;
    return [root, ...[...redirects].filter(([, to]) => to === root).map(([from]) => from)];
  }

  private refs(ids: Iterable<string>, redirects: Map<string, string>): Map<string, ActorRef> {
    const wanted = new Set<string>();
    for (const id of ids) wanted.add(redirects.get(id) ?? id);
    const found = new Map<string, ActorRef>();
    const list = [...wanted];
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500);
      for (const r of this.all<ActorRef>(`SELECT id, name, kind FROM actors WHERE id IN (${marks(chunk.length)})`, chunk)) found.set(r.id, r);
    }
    const out = new Map<string, ActorRef>();
    for (const id of ids) {
      const root = redirects.get(id) ?? id;
      out.set(id, found.get(root) ?? { id: root, name: root, kind: 'other' });
    }
    return out;
  }

  async listActors(q: ActorQuery = {}): Promise<Page<ActorSummary>> {
    return this.guard('cannot list actors', () => {
      const limit = limitOf(q.limit);
      const offset = offsetOf(q.offset);
      const where = ['merged_into IS NULL'];
      const params: Param[] = [];
      if (q.kind) { where.push('kind = ?'); params.push(q.kind); }
      if (q.q && normalizeName(q.q) !== '') {
        const like = likeOf(normalizeName(q.q));
        where.push("(name_key LIKE ? ESCAPE '\\' OR id IN (SELECT actor_id FROM actor_aliases WHERE normalized LIKE ? ESCAPE '\\'))");
        params.push(like, like);
      }
      const w = where.join(' AND ');
      const total = this.all<{ n: number }>(`SELECT count(*) AS n FROM actors WHERE ${w}`, params)[0]?.n ?? 0;
      const rows = this.all<{ id: string; name: string; kind: ActorKind; kb_id: string | null; mention_count: number; document_count: number }>(
        `SELECT id, name, kind, kb_id, mention_count, document_count FROM actors WHERE ${w}
         ORDER BY mention_count DESC, id LIMIT ? OFFSET ?`, [...params, limit, offset]);
      return { items: this.summaries(rows), total, limit, offset };
    });
  }

  /** Adds aliases and the counts of actors merged into each row. */
  private summaries(rows: { id: string; name: string; kind: ActorKind; kb_id: string | null; mention_count: number; document_count: number }[]): ActorSummary[] {
    const redirects = this.redirects();
    return rows.map((r) => {
      const ids = this.expand(r.id, redirects);
      let mentions = r.mention_count;
      let documents = r.document_count;
      if (ids.length > 1) {
        const others = ids.slice(1);
        const extra = this.all<{ m: number | null; d: number | null }>(`SELECT sum(mention_count) AS m, sum(document_count) AS d FROM actors WHERE id IN (${marks(others.length)})`, others)[0];
        mentions += extra?.m ?? 0;
        documents += extra?.d ?? 0;
      }
      const aliases = [...new Set(this.all<{ alias: string }>(`SELECT alias FROM actor_aliases WHERE actor_id IN (${marks(ids.length)}) ORDER BY alias`, ids).map((a) => a.alias))];
      return { id: r.id, name: r.name, kind: r.kind, kb_id: r.kb_id, aliases, documents, mentions };
    });
  }

  async actorProfile(id: string): Promise<ActorProfile | null> {
    const base = this.guard(`cannot read actor ${id}`, () => {
      const redirects = this.redirects();
      const root = redirects.get(id) ?? id;
      const row = this.all<{ id: string; name: string; kind: ActorKind; kb_id: string | null; mention_count: number; document_count: number }>(
        'SELECT id, name, kind, kb_id, mention_count, document_count FROM actors WHERE id = ?', [root])[0];
      if (!row) return null;
      const summary = this.summaries([row])[0]!;
      const ids = this.expand(root, redirects);
      const documents = this.actorDocumentRows(ids, PROFILE_INLINE, 0);
      return { summary, documents, merged: ids.slice(1), redirected: root === id ? null : id };
    });
    if (base === null) return null;
    const { summary, documents, merged, redirected } = base;
    const [events, relations, quotes] = await Promise.all([
      this.listEvents({ actor: summary.id, limit: PROFILE_INLINE }),
      this.listRelations({ actor: summary.id, limit: PROFILE_INLINE }),
      this.quotes({ actor: summary.id, limit: PROFILE_INLINE }),
    ]);
    const { documents: documentCount, ...rest } = summary;
    return {
      ...rest, document_count: documentCount, merged, redirected_from: redirected,
      events: events.items, relations: relations.items, quotes: quotes.items, documents,
      totals: { events: events.total, relations: relations.total, quotes: quotes.total, documents: documentCount },
    };
  }

  async actorDocuments(id: string, q: { limit?: number; offset?: number } = {}): Promise<Page<ActorDocument> | null> {
    return this.guard(`cannot list the documents of actor ${id}`, () => {
      const redirects = this.redirects();
      const root = redirects.get(id) ?? id;
      if (this.all('SELECT 1 AS x FROM actors WHERE id = ?', [root]).length === 0) return null;
      const ids = this.expand(root, redirects);
      const limit = limitOf(q.limit);
      const offset = offsetOf(q.offset);
      const total = ids.length === 1
        ? this.all<{ n: number }>('SELECT document_count AS n FROM actors WHERE id = ?', ids)[0]?.n ?? 0
        : this.all<{ n: number }>(`SELECT count(DISTINCT document_id) AS n FROM actor_documents WHERE actor_id IN (${marks(ids.length)})`, ids)[0]?.n ?? 0;
      return { items: this.actorDocumentRows(ids, limit, offset), total, limit, offset };
    });
  }

  /** Newest first, by the (actor, published, document) index: no pass over all the actor's documents. */
  private actorDocumentRows(ids: string[], limit: number, offset: number): ActorDocument[] {
    const rows = this.all<{ id: string; published: string | null; mentions: number }>(
      `SELECT document_id AS id, published, sum(mention_count) AS mentions FROM actor_documents
       WHERE actor_id IN (${marks(ids.length)}) GROUP BY published, document_id
       ORDER BY published DESC, document_id DESC LIMIT ? OFFSET ?`, [...ids, limit, offset]);
    if (rows.length === 0) return [];
    const titles = new Map(this.all<{ id: string; title: string | null }>(
      `SELECT id, title FROM documents WHERE id IN (${marks(rows.length)})`, rows.map((r) => r.id)).map((r) => [r.id, r.title]));
    return rows.map((r) => ({ id: r.id, title: titles.get(r.id) ?? null, published: r.published, mentions: r.mentions }));
  }

  private eventWhere(q: { actor?: string; type?: string; from?: string; to?: string; bbox?: [number, number, number, number]; modality?: string }): { where: string; params: Param[] } {
    const where = ['e.rejected = 0'];
    const params: Param[] = [];
    if (q.actor) {
      const ids = this.expand(q.actor, this.redirects());
      where.push(`e.id IN (SELECT event_id FROM actor_events WHERE actor_id IN (${marks(ids.length)}))`);
      params.push(...ids);
    }
    if (q.type) { where.push('e.type = ?'); params.push(q.type); }
    if (q.modality) { where.push('e.modality = ?'); params.push(q.modality); }
    if (q.from) { where.push('e.date_end >= ?'); params.push(q.from); }
    if (q.to) { where.push('e.date_start <= ?'); params.push(q.to); }
    if (q.bbox) {
      const [w, s, e, n] = q.bbox;
      where.push('e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?');
      params.push(s, n, w, e);
    }
    return { where: where.join(' AND '), params };
  }

  async listEvents(q: EventQuery = {}): Promise<Page<PictureEvent>> {
    return this.guard('cannot list events', () => {
      const limit = limitOf(q.limit);
      const offset = offsetOf(q.offset);
      const ids = q.actor ? this.expand(q.actor, this.redirects()) : [];
      if (ids.length === 1 && !q.from && !q.to && !q.bbox && !q.modality) {
        // One actor: its actor_events rows, newest first by index, counted from the index.
        const typed = q.type ? ' AND ae.type = ?' : '';
        const params: Param[] = [ids[0]!, ...(q.type ? [q.type] : [])];
        const total = this.all<{ n: number }>(`SELECT count(*) AS n FROM actor_events ae WHERE ae.actor_id = ? AND ae.rejected = 0${typed}`, params)[0]?.n ?? 0;
        const rows = this.all<EventRow>(`SELECT e.* FROM actor_events ae JOIN events e ON e.id = ae.event_id
          WHERE ae.actor_id = ? AND ae.rejected = 0${typed} ORDER BY ae.day DESC, ae.event_id DESC LIMIT ? OFFSET ?`, [...params, limit, offset]);
        return { items: this.hydrateEvents(rows), total, limit, offset };
      }
      const { where, params } = this.eventWhere(q);
      const total = this.all<{ n: number }>(`SELECT count(*) AS n FROM events e WHERE ${where}`, params)[0]?.n ?? 0;
      const rows = this.all<EventRow>(`SELECT e.* FROM events e WHERE ${where}
        ORDER BY e.date_start DESC, e.id DESC LIMIT ? OFFSET ?`, [...params, limit, offset]);
      return { items: this.hydrateEvents(rows), total, limit, offset };
    });
  }

  private hydrateEvents(rows: EventRow[]): PictureEvent[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const redirects = this.redirects();
    const actorRows = this.all<{ event_id: string; actor_id: string; role: Role }>(
      `SELECT event_id, actor_id, role FROM event_actors WHERE event_id IN (${marks(ids.length)}) ORDER BY event_id, role, actor_id`, ids);
    const refs = this.refs(actorRows.map((a) => a.actor_id), redirects);
    const sourceRows = this.all<{ event_id: string; document_id: string; modality: Modality; evidence_json: string; title: string | null; published: string | null; near_duplicate_of: string | null }>(
      `SELECT s.event_id, s.document_id, s.modality, s.evidence_json, d.title, d.published, d.near_duplicate_of FROM event_sources s
       JOIN documents d ON d.id = s.document_id WHERE s.event_id IN (${marks(ids.length)}) ORDER BY d.published, s.document_id`, ids);
    const corrections = this.corrections.idsFor('event', ids);
    return rows.map((r) => {
      const seen = new Set<string>();
      const actors: PictureEvent['actors'] = [];
      for (const a of actorRows) {
        if (a.event_id !== r.id) continue;
        const ref = refs.get(a.actor_id)!;
        if (seen.has(`${ref.id}|${a.role}`)) continue;
        seen.add(`${ref.id}|${a.role}`);
        actors.push({ actor: ref, role: a.role });
      }
      const sources = sourceRows.filter((s) => s.event_id === r.id);
      return {
        id: r.id, type: r.type as EventType,
        acled: r.acled_event_type ? { event_type: r.acled_event_type, sub_event_type: r.acled_sub_event_type ?? '' } : null,
        plover: r.plover, date: whenOf(r.date_start, r.date_end, r.date_precision, r.date_text),
        place: r.place_name === null ? null : {
          name: r.place_name, country: r.place_country, lat: r.lat, lon: r.lon, geonames_id: r.place_geonames_id,
          kind: r.place_kind, precision: r.place_precision,
        },
        actors,
        fatalities: r.fatalities_min === null ? null : { min: r.fatalities_min, max: r.fatalities_max },
        modality: r.modality as Modality, summary: r.summary, confidence: r.confidence,
        sources: sources.map((s) => ({
          document: s.document_id, title: s.title, published: s.published, modality: s.modality,
          evidence: JSON.parse(s.evidence_json) as EvidenceSpan[], near_duplicate_of: s.near_duplicate_of,
        })),
        // A copy and its original are one report: count each original once.
        independent_sources: new Set(sources.map((s) => s.near_duplicate_of ?? s.document_id)).size,
        corrections: corrections.get(r.id) ?? [],
      };
    });
  }

  /** The ids to match for these actors, with the ids merged into them. */
  private relationActorIds(actors: string[]): string[] {
    const redirects = this.redirects();
    return [...new Set(actors.flatMap((a) => this.expand(a, redirects)))];
  }

  private relationWhere(q: { actor?: string; actors?: string[]; predicate?: string; modality?: string; asOf?: string; from?: string; to?: string }): { where: string; params: Param[] } {
    const where = ['r.rejected = 0'];
    const params: Param[] = [];
    const redirects = q.actor || q.actors ? this.redirects() : new Map<string, string>();
    const ids = [...new Set([...(q.actor ? [q.actor] : []), ...(q.actors ?? [])].flatMap((a) => this.expand(a, redirects)))];
    if (ids.length > 0) {
      where.push(`(r.subject_id IN (${marks(ids.length)}) OR r.object_id IN (${marks(ids.length)}))`);
      params.push(...ids, ...ids);
    }
    if (q.predicate) { where.push('r.predicate = ?'); params.push(q.predicate); }
    if (q.modality) { where.push('r.modality = ?'); params.push(q.modality); }
    if (q.asOf) {
      // Valid at that date; without a validity, from the first document that reported it on.
      where.push(`((r.valid_start IS NOT NULL AND r.valid_start <= ? AND (r.valid_end IS NULL OR r.valid_end >= ?))
        OR (r.valid_start IS NULL AND (r.first_seen IS NULL OR r.first_seen <= ?)))`);
      params.push(q.asOf, q.asOf, q.asOf);
    }
    if (q.to) { where.push('(coalesce(r.valid_start, r.first_seen) IS NULL OR coalesce(r.valid_start, r.first_seen) <= ?)'); params.push(q.to); }
    if (q.from) { where.push('(r.valid_end IS NULL OR r.valid_end >= ?)'); params.push(q.from); }
    return { where: where.join(' AND '), params };
  }

  async listRelations(q: RelationQuery = {}): Promise<Page<PictureRelation>> {
    return this.guard('cannot list relations', () => {
      const limit = limitOf(q.limit);
      const offset = offsetOf(q.offset);
      const ids = q.actor ? this.expand(q.actor, this.redirects()) : [];
      if (ids.length === 1) {
        // One actor: subject side and object side each walk their (actor, weight) index; a
        // relation never has the same actor on both sides, so the two lists are disjoint.
        const extra: string[] = [];
        const params: Param[] = [];
        if (q.predicate) { extra.push('r.predicate = ?'); params.push(q.predicate); }
        if (q.modality) { extra.push('r.modality = ?'); params.push(q.modality); }
        const w = extra.length ? ` AND ${extra.join(' AND ')}` : '';
        let total = 0;
        const rows: RelationRow[] = [];
        for (const side of ['subject_id', 'object_id']) {
          total += this.all<{ n: number }>(`SELECT count(*) AS n FROM relations r WHERE r.${side} = ? AND r.rejected = 0${w}`, [ids[0]!, ...params])[0]?.n ?? 0;
          rows.push(...this.all<RelationRow>(`SELECT r.* FROM relations r WHERE r.${side} = ? AND r.rejected = 0${w}
            ORDER BY r.source_count DESC, r.id DESC LIMIT ?`, [ids[0]!, ...params, offset + limit]));
        }
        rows.sort((a, b) => b.source_count - a.source_count || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
        return { items: this.hydrateRelations(rows.slice(offset, offset + limit)), total, limit, offset };
      }
      const { where, params } = this.relationWhere(q);
      const total = this.all<{ n: number }>(`SELECT count(*) AS n FROM relations r WHERE ${where}`, params)[0]?.n ?? 0;
      const rows = this.all<RelationRow>(`SELECT r.* FROM relations r WHERE ${where}
        ORDER BY r.source_count DESC, r.id DESC LIMIT ? OFFSET ?`, [...params, limit, offset]);
      return { items: this.hydrateRelations(rows), total, limit, offset };
    });
  }

  private hydrateRelations(rows: RelationRow[]): PictureRelation[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const refs = this.refs(rows.flatMap((r) => [r.subject_id, r.object_id]), this.redirects());
    // Per relation with a limit: a much-reported relation does not load all its evidence.
    const evidence = ids.flatMap((id) => this.all<{ relation_id: string; document_id: string; title: string | null; span_start: number; span_end: number; text: string }>(
      `SELECT e.relation_id, e.document_id, d.title, e.span_start, e.span_end, e.text FROM relation_evidence e
       JOIN documents d ON d.id = e.document_id WHERE e.relation_id = ? ORDER BY d.published, e.document_id, e.span_start LIMIT ?`,
      [id, MAX_EVIDENCE_PER_RELATION]));
    const corrections = this.corrections.idsFor('relation', ids);
    return rows.map((r) => ({
      id: r.id, subject: refs.get(r.subject_id)!, predicate: r.predicate as Predicate, object: refs.get(r.object_id)!,
      valid: whenOf(r.valid_start, r.valid_end, r.valid_precision, r.valid_text), modality: r.modality as Modality,
      origin: r.origin === 'pack' ? 'pack' : 'text', confidence: r.confidence, first_seen: r.first_seen, documents: r.source_count,
      evidence: evidence.filter((e) => e.relation_id === r.id).slice(0, MAX_EVIDENCE_PER_RELATION)
        .map((e) => ({ document: e.document_id, title: e.title, start: e.span_start, end: e.span_end, text: e.text })),
      corrections: corrections.get(r.id) ?? [],
    }));
  }

  async network(q: NetworkQuery = {}): Promise<Network> {
    return this.guard('cannot build the network', () => {
      // Heaviest first by walking the (rejected, weight, id) index and keeping the relations of
      // the wanted actors: it stops after MAX_NETWORK_EDGES matches, soon when the actors are
      // central. For rare actors the walk gives up after a bounded number of rows and their
      // own (actor, weight) indexes answer instead.
      const cols = `r.id, r.subject_id, r.object_id, r.predicate, r.modality, r.valid_start, r.valid_end, r.valid_precision,
        r.valid_text, r.source_count`;
      type EdgeRow = Pick<RelationRow, 'id' | 'subject_id' | 'object_id' | 'predicate' | 'modality' | 'valid_start' | 'valid_end' | 'valid_precision' | 'valid_text' | 'source_count'>;
      const { actors, ...rest } = q;
      const wanted = actors && actors.length > 0 ? new Set(this.relationActorIds(actors)) : null;
      const { where, params } = this.relationWhere(rest);
      let rows: EdgeRow[] = [];
      const cap = MAX_NETWORK_EDGES * 10;
      let scanned = 0;
      const walk = this.db.prepare(`SELECT ${cols} FROM relations r WHERE ${where} ORDER BY r.source_count DESC, r.id DESC`);
      for (const r of walk.iterate(...params) as IterableIterator<EdgeRow>) {
        if (wanted === null || wanted.has(r.subject_id) || wanted.has(r.object_id)) rows.push(r);
        if (rows.length >= MAX_NETWORK_EDGES || ++scanned >= cap) break;
      }
      if (rows.length < MAX_NETWORK_EDGES && scanned >= cap) {
        const all = this.relationWhere(q);
        rows = this.all<EdgeRow>(`SELECT ${cols} FROM relations r WHERE ${all.where}
          ORDER BY r.source_count DESC, r.id DESC LIMIT ?`, [...all.params, MAX_NETWORK_EDGES]);
      }
      const redirects = this.redirects();
      const refs = this.refs(rows.flatMap((r) => [r.subject_id, r.object_id]), redirects);
      const edges: Network['edges'] = [];
      for (const r of rows) {
        const source = refs.get(r.subject_id)!.id;
        const target = refs.get(r.object_id)!.id;
        if (source === target) continue;
        edges.push({
          id: r.id, source, target, predicate: r.predicate as Predicate, modality: r.modality as Modality,
          valid: whenOf(r.valid_start, r.valid_end, r.valid_precision, r.valid_text), weight: r.source_count, relation: r.id,
        });
      }
      const nodeIds = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
      for (const a of q.actors ?? []) {
        const root = redirects.get(a) ?? a;
        if (!nodeIds.includes(root)) nodeIds.push(root);
      }
      const weights = new Map<string, number>();
      for (let i = 0; i < nodeIds.length; i += 500) {
        const chunk = nodeIds.slice(i, i + 500);
        for (const r of this.all<{ id: string; merged_into: string | null; mention_count: number }>(
          `SELECT id, merged_into, mention_count FROM actors WHERE id IN (${marks(chunk.length)}) OR merged_into IN (${marks(chunk.length)})`, [...chunk, ...chunk])) {
          const root = r.merged_into ?? r.id;
          weights.set(root, (weights.get(root) ?? 0) + r.mention_count);
        }
      }
      const nodeRefs = this.refs(nodeIds, redirects);
      const nodes = nodeIds.filter((id) => weights.has(id)).map((id) => ({ ...nodeRefs.get(id)!, weight: weights.get(id) ?? 0 }));
      return { nodes, edges };
    });
  }

  async timeline(q: TimelineQuery = {}): Promise<Timeline> {
    return this.guard('cannot build the timeline', () => {
      const bucket: Bucket = q.bucket ?? 'month';
      const ids = q.actor ? this.expand(q.actor, this.redirects()) : [];
      type Row = { id: string; type: EventType; date_start: string; date_end: string; date_precision: string | null; date_text: string | null; summary: string };
      const limit = q.limit === undefined ? 1000 : Math.max(0, Math.min(10_000, Math.floor(q.limit)));
      const counts = new Map<string, { count: number; byType: Record<string, number> }>();
      const add = (day: string, type: string, n: number): void => {
        const key = bucketKey(day, bucket);
        const b = counts.get(key) ?? { count: 0, byType: {} };
        b.count += n;
        b.byType[type] = (b.byType[type] ?? 0) + n;
        counts.set(key, b);
      };
      let rows: Row[];
      let minStart: string | undefined;
      let maxStart: string | undefined;
      if (ids.length <= 1) {
        // Counts by start day from the aggregates (all events, or the actor's actor_events
        // index), plus the few events that start before `from` and reach into the range.
        const actor = ids[0];
        const cond: string[] = [actor ? 'actor_id = ? AND rejected = 0' : '1 = 1', "day <> ''"];
        const params: Param[] = actor ? [actor] : [];
        if (q.type) { cond.push('type = ?'); params.push(q.type); }
        if (q.from) { cond.push('day >= ?'); params.push(q.from); }
        if (q.to) { cond.push('day <= ?'); params.push(q.to); }
        const dayRows = actor
          ? this.all<{ day: string; type: string; n: number }>(`SELECT day, type, count(*) AS n FROM actor_events WHERE ${cond.join(' AND ')} GROUP BY day, type`, params)
          : this.all<{ day: string; type: string; n: number }>(`SELECT day, type, n FROM event_day_counts WHERE ${cond.join(' AND ')}`, params);
        for (const r of dayRows) {
          add(r.day, r.type, r.n);
          if (minStart === undefined || r.day < minStart) minStart = r.day;
          if (maxStart === undefined || r.day > maxStart) maxStart = r.day;
        }
        const spanning = q.from ? this.spanningEvents(q.from, q.to, q.type, actor) : [];
        for (const r of spanning) {
          add(r.date_start, r.type, 1);
          if (maxStart === undefined || r.date_start > maxStart) maxStart = r.date_start;
        }
        const main: string[] = ['e.rejected = 0', 'e.date_start IS NOT NULL'];
        const mp: Param[] = [];
        if (q.type) { main.push('e.type = ?'); mp.push(q.type); }
        if (q.from) { main.push('e.date_start >= ?'); mp.push(q.from); }
        if (q.to) { main.push('e.date_start <= ?'); mp.push(q.to); }
        const listed = actor
          ? this.all<Row>(`SELECT e.id, e.type, e.date_start, e.date_end, e.date_precision, e.date_text, e.summary
              FROM actor_events ae JOIN events e ON e.id = ae.event_id
              WHERE ae.actor_id = ? AND ae.rejected = 0 AND ae.day <> ''${q.type ? ' AND ae.type = ?' : ''}${q.from ? ' AND ae.day >= ?' : ''}${q.to ? ' AND ae.day <= ?' : ''}
              ORDER BY ae.day, ae.event_id LIMIT ?`, [actor, ...mp, limit])
          : this.all<Row>(`SELECT e.id, e.type, e.date_start, e.date_end, e.date_precision, e.date_text, e.summary FROM events e
              WHERE ${main.join(' AND ')} ORDER BY e.date_start, e.id LIMIT ?`, [...mp, limit]);
        rows = [...spanning, ...listed];
        minStart = spanning[0]?.date_start ?? minStart;
      } else {
        // Actors merged by analysts: one event may name several of the ids, so count events.
        const { where, params } = this.eventWhere(q);
        rows = this.all<Row>(`SELECT e.id, e.type, e.date_start, e.date_end, e.date_precision, e.date_text, e.summary FROM events e
           WHERE ${where} AND e.date_start IS NOT NULL ORDER BY e.date_start, e.id`, params);
        for (const r of rows) {
          add(r.date_start, r.type, 1);
          if (maxStart === undefined || r.date_start > maxStart) maxStart = r.date_start;
        }
        minStart = rows[0]?.date_start;
      }
      const buckets: Timeline['buckets'] = [];
      // Contiguous buckets (zeros included) over from..to, or over the events found.
      const first = q.from ?? minStart;
      const lastDay = q.to ?? maxStart;
      if (first !== undefined && lastDay !== undefined) {
        let key = bucketKey(first, bucket);
        const last = bucketKey(lastDay, bucket);
        for (let i = 0; i < 20_000 && key <= last; i++) {
          const [start, end, next] = bucketBounds(key, bucket);
          const b = counts.get(key);
          buckets.push({ start, end, count: b?.count ?? 0, byType: b?.byType ?? {} });
          key = next;
        }
      }
      const events = rows.slice(0, limit).map((r) => ({
        id: r.id, type: r.type, date: whenOf(r.date_start, r.date_end, r.date_precision, r.date_text)!, summary: r.summary,
      }));
      return { buckets, events };
    });
  }

  /**
   * Events starting before `from` that last into [from, to], oldest first. span_class bounds
   * how far back each kind can start (same month, same year); only year-crossing ones are open.
   */
  private spanningEvents(from: string, to: string | undefined, type: string | undefined, actor: string | undefined) {
    type Row = { id: string; type: EventType; date_start: string; date_end: string; date_precision: string | null; date_text: string | null; summary: string };
    const out: Row[] = [];
    const lows: [number, string | null][] = [[1, `${from.slice(0, 7)}-01`], [2, `${from.slice(0, 4)}-01-01`], [3, null]];
    // One query per class and sorted here: with a SQL ORDER BY over the union the planner walks
    // the date index (to skip the sort) instead of the span index, reading every earlier event.
    for (const [cls, low] of lows) {
      const c = ['e.span_class = ?', 'e.rejected = 0', 'e.date_start < ?', 'e.date_end >= ?'];
      const params: Param[] = [cls, from, from];
      if (low !== null) { c.push('e.date_start >= ?'); params.push(low); }
      if (to !== undefined) { c.push('e.date_start <= ?'); params.push(to); }
      if (type) { c.push('e.type = ?'); params.push(type); }
      if (actor) { c.push('EXISTS (SELECT 1 FROM actor_events ae WHERE ae.actor_id = ? AND ae.event_id = e.id)'); params.push(actor); }
      out.push(...this.all<Row>(`SELECT e.id, e.type, e.date_start, e.date_end, e.date_precision, e.date_text, e.summary FROM events e
        WHERE ${c.join(' AND ')}`, params));
    }
    return out.sort((a, b) => (a.date_start < b.date_start ? -1 : a.date_start > b.date_start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async places(q: PlacesQuery = {}): Promise<PlacesGeoJson> {
    return this.guard('cannot list places', () => {
      type Row = { place_key: string | null; place_name: string; place_kind: string | null; place_country: string | null; place_precision: string | null; lat: number; lon: number; type: string; n: number };
      let rows: Row[];
      if (!q.from && !q.to) {
        // All time: the place_counts aggregate ('' stands for NULL there).
        const where: string[] = [];
        const params: Param[] = [];
        if (q.bbox) {
          const [w, s, e, n] = q.bbox;
          where.push('lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?');
          params.push(s, n, w, e);
        }
        if (q.type) { where.push('type = ?'); params.push(q.type); }
        const nul = (c: string) => `CASE WHEN ${c} = '' THEN NULL ELSE ${c} END`;
        rows = this.all<Row>(`SELECT ${nul('place_key')} AS place_key, name AS place_name, ${nul('kind')} AS place_kind,
          ${nul('country')} AS place_country, ${nul('precision')} AS place_precision, lat, lon, type, n
          FROM place_counts ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, params);
      } else {
        const { where, params } = this.eventWhere({ ...(q.bbox ? { bbox: q.bbox } : {}), ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), ...(q.type ? { type: q.type } : {}) });
        rows = this.all<Row>(
          `SELECT e.place_key, e.place_name, e.place_kind, e.place_country, e.place_precision, e.lat, e.lon, e.type, count(*) AS n
           FROM events e WHERE ${where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL
           GROUP BY e.place_key, e.place_name, e.place_kind, e.place_country, e.place_precision, e.lat, e.lon, e.type`, params);
      }
      // A place seen with several names or coordinates shows the variant with the most events.
      const byPlace = new Map<string, PlaceFeature>();
      const variants = new Map<string, Map<string, { n: number; r: Row }>>();
      for (const r of rows) {
        const key = r.place_key ?? `${r.lat},${r.lon}`;
        let f = byPlace.get(key);
        if (!f) {
          f = { type: 'Feature', geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: { id: key, name: r.place_name, kind: r.place_kind, country: r.place_country, precision: r.place_precision, events: 0, types: {} } };
          byPlace.set(key, f);
          variants.set(key, new Map());
        }
        f.properties.events += r.n;
        f.properties.types[r.type] = (f.properties.types[r.type] ?? 0) + r.n;
        const vs = variants.get(key)!;
        const vk = `${r.place_name}|${r.place_kind}|${r.place_country}|${r.place_precision}|${r.lat}|${r.lon}`;
        const v = vs.get(vk) ?? { n: 0, r };
        v.n += r.n;
        vs.set(vk, v);
      }
      for (const [key, vs] of variants) {
        if (vs.size < 2) continue;
        const best = [...vs.values()].sort((a, b) => b.n - a.n)[0]!.r;
        const f = byPlace.get(key)!;
        f.geometry.coordinates = [best.lon, best.lat];
        Object.assign(f.properties, { name: best.place_name, kind: best.place_kind, country: best.place_country, precision: best.place_precision });
      }
      return { type: 'FeatureCollection', features: [...byPlace.values()].sort((a, b) => b.properties.events - a.properties.events) };
    });
  }

  async quotes(q: { actor?: string; limit?: number; offset?: number } = {}): Promise<Page<PictureQuote>> {
    return this.guard('cannot list quotes', () => {
      const limit = limitOf(q.limit);
      const offset = offsetOf(q.offset);
      const redirects = this.redirects();
      const ids = q.actor ? this.expand(q.actor, redirects) : [];
      const where = ids.length ? `WHERE q.speaker_id IN (${marks(ids.length)})` : '';
      const total = this.all<{ n: number }>(`SELECT count(*) AS n FROM picture_quotes q ${where}`, ids)[0]?.n ?? 0;
      const rows = this.all<{ id: string; document_id: string; speaker_id: string | null; text: string; date_json: string | null; venue: string | null; evidence_json: string }>(
        `SELECT q.* FROM picture_quotes q ${where} ORDER BY q.date_start DESC, q.id LIMIT ? OFFSET ?`, [...ids, limit, offset]);
      const refs = this.refs(rows.flatMap((r) => (r.speaker_id ? [r.speaker_id] : [])), redirects);
      return {
        items: rows.map((r) => {
          const sp = r.speaker_id ? refs.get(r.speaker_id)! : null;
          return {
            id: r.id, speaker: sp ? { id: sp.id, name: sp.name } : null, text: r.text,
            date: r.date_json ? JSON.parse(r.date_json) as When : null, venue: r.venue, document: r.document_id,
            evidence: JSON.parse(r.evidence_json) as EvidenceSpan[],
          };
        }),
        total, limit, offset,
      };
    });
  }

  async scenarios(q: { limit?: number; offset?: number } = {}): Promise<Page<PictureScenario>> {
    return this.guard('cannot list scenarios', () => {
      const limit = limitOf(q.limit);
      const offset = offsetOf(q.offset);
      const total = this.all<{ n: number }>('SELECT count(*) AS n FROM picture_scenarios', [])[0]?.n ?? 0;
      const rows = this.all<{ id: string; document_id: string; title: string; conditions_json: string; outcome: string; actors_json: string; evidence_json: string }>(
        'SELECT * FROM picture_scenarios ORDER BY document_id, id LIMIT ? OFFSET ?', [limit, offset]);
      const refs = this.refs(rows.flatMap((r) => JSON.parse(r.actors_json) as string[]), this.redirects());
      return {
        items: rows.map((r) => ({
          id: r.id, title: r.title, conditions: JSON.parse(r.conditions_json) as string[], outcome: r.outcome,
          actors: (JSON.parse(r.actors_json) as string[]).map((a) => refs.get(a)!), document: r.document_id,
          evidence: JSON.parse(r.evidence_json) as EvidenceSpan[],
        })),
        total, limit, offset,
      };
    });
  }

  async listCorrections(q: { includeReverted?: boolean } = {}): Promise<Correction[]> {
    return this.guard('cannot list corrections', () => this.corrections.list(q.includeReverted ?? false));
  }

  async addCorrection(c: CorrectionInput): Promise<Correction> {
    return this.guard('cannot store the correction', () => this.db.transaction(() => this.corrections.add(c)).immediate());
  }

  async undoCorrection(id: string): Promise<Correction> {
    return this.guard(`cannot undo correction ${id}`, () => this.db.transaction(() => this.corrections.undo(id)).immediate());
  }
}

function bucketKey(iso: string, bucket: Bucket): string {
  return bucket === 'day' ? iso.slice(0, 10) : bucket === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}

/** [first day, last day, next key] of a bucket. */
function bucketBounds(key: string, bucket: Bucket): [string, string, string] {
  if (bucket === 'year') {
    const y = Number(key);
    return [`${key}-01-01`, `${key}-12-31`, String(y + 1).padStart(4, '0')];
  }
  if (bucket === 'month') {
    const [y, m] = key.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const next = m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${key.slice(0, 4)}-${String(m + 1).padStart(2, '0')}`;
    return [`${key}-01`, `${key}-${String(last).padStart(2, '0')}`, next];
  }
  const next = new Date(Date.parse(`${key}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return [key, key, next];
}
