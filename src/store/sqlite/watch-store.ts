// The watch's SQLite side: its snapshot and warnings (migration 5), and the merged events and
// relations each stored document reports, read from the picture tables as watch records.
// Its own connection to the store's file (WAL lets it read while another process writes).
import Database from 'better-sqlite3';
import type { Analysis, EventType, Modality, Predicate, Role } from '../../analysis/types.js';
import { WatchfloorError } from '../../errors.js';
import type {
  NewWarning, Warning, WatchEvent, WatchRelation, WatchSnapshot, WatchStore,
} from '../../watch/types.js';

type EventRow = { id: string; type: EventType; date_start: string | null; place_name: string | null; place_country: string | null; lat: number | null; lon: number | null; modality: Modality; summary: string };
type RelationRow = { id: string; predicate: Predicate; modality: Modality; valid_start: string | null; first_seen: string | null; subject: string; object: string };
const RELATION_SELECT = `SELECT r.id, r.predicate, r.modality, r.valid_start, r.first_seen,
    coalesce(s.kb_id, r.subject_id) AS subject, coalesce(o.kb_id, r.object_id) AS object
  FROM relations r JOIN actors s ON s.id = r.subject_id JOIN actors o ON o.id = r.object_id`;
import { storeError } from './sqlite-store.js';

const WATCHER = 'default';

type WarningRow = {
  seq: number; id: string; scenario_id: string; scenario_title: string; indicator_id: string; indicator_label: string;
  from_state: string; to_state: string; day: string; raised_at: string; count: number; baseline: number; ratio: number | null;
  moved_by_json: string; evidence_json: string; documents_json: string; acked_at: string | null; acked_by: string | null;
};

function toWarning(r: WarningRow): Warning {
  return {
    id: r.id, seq: r.seq, scenario: r.scenario_id, scenario_title: r.scenario_title, indicator: r.indicator_id,
    indicator_label: r.indicator_label, from: r.from_state as Warning['from'], to: r.to_state as Warning['to'], day: r.day,
    raised_at: r.raised_at, count: r.count, baseline: r.baseline, ratio: r.ratio,
    moved_by: JSON.parse(r.moved_by_json) as string[], evidence: JSON.parse(r.evidence_json) as string[],
    documents: JSON.parse(r.documents_json) as string[], acked_at: r.acked_at, acked_by: r.acked_by,
  };
}

export class SqliteWatchStore implements WatchStore {
  private readonly db: Database.Database;

  /** path: the store's database file, already migrated (SqliteStore.migrate()). */
  constructor(readonly path: string) {
    try {
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('busy_timeout = 10000');
    } catch (err) {
      throw storeError(path, 'cannot open the database for watching', err);
    }
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** A statement prepared once: record reading runs the same few queries per event and relation. */
  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) { st = this.db.prepare(sql); this.statements.set(sql, st); }
    return st;
  }

  private guard<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw storeError(this.path, what, err);
    }
  }

  async loadSnapshot(): Promise<WatchSnapshot | null> {
    return this.guard('cannot read the watch state', () => {
      const r = this.db.prepare('SELECT cursor, snapshot_json FROM watch_state WHERE name = ?').get(WATCHER) as { cursor: number; snapshot_json: string } | undefined;
      return r ? { cursor: r.cursor, json: r.snapshot_json } : null;
    });
  }

  async saveSnapshot(s: WatchSnapshot, warnings: NewWarning[]): Promise<void> {
    this.guard('cannot save the watch state', () => {
      const upsert = this.db.prepare(`INSERT INTO watch_state (name, cursor, snapshot_json, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET cursor = excluded.cursor, snapshot_json = excluded.snapshot_json, updated_at = excluded.updated_at`);
      const insert = this.db.prepare(`INSERT OR IGNORE INTO warnings (id, scenario_id, scenario_title, indicator_id, indicator_label,
        from_state, to_state, day, raised_at, count, baseline, ratio, moved_by_json, evidence_json, documents_json)
        VALUES (@id, @scenario, @scenario_title, @indicator, @indicator_label, @from, @to, @day, @raised_at, @count, @baseline, @ratio,
        @moved_by_json, @evidence_json, @documents_json)`);
      this.db.transaction(() => {
        upsert.run(WATCHER, s.cursor, s.json, new Date().toISOString());
        for (const w of warnings) {
          insert.run({
            ...w, moved_by_json: JSON.stringify(w.moved_by), evidence_json: JSON.stringify(w.evidence),
            documents_json: JSON.stringify(w.documents),
            moved_by: undefined, evidence: undefined, documents: undefined,
          } as unknown as Record<string, unknown>);
        }
      }).immediate();
    });
  }

  async listWarnings(q: { since?: number; limit?: number; unacked?: boolean } = {}): Promise<Warning[]> {
    return this.guard('cannot list warnings', () => {
      const limit = Math.max(1, Math.min(1000, Math.floor(q.limit ?? 100)));
      const rows = this.db.prepare(`SELECT * FROM warnings WHERE seq > ? ${q.unacked ? 'AND acked_at IS NULL' : ''} ORDER BY seq LIMIT ?`)
        .all(q.since ?? 0, limit) as WarningRow[];
      return rows.map(toWarning);
    });
  }

  async ackWarning(id: string, by: string | null = null): Promise<Warning> {
    return this.guard(`cannot acknowledge warning ${id}`, () => {
      this.db.prepare('UPDATE warnings SET acked_at = coalesce(acked_at, ?), acked_by = coalesce(acked_by, ?) WHERE id = ?')
        .run(new Date().toISOString(), by, id);
      const r = this.db.prepare('SELECT * FROM warnings WHERE id = ?').get(id) as WarningRow | undefined;
      if (!r) throw new WatchfloorError('NOT_FOUND', `no warning ${id}`);
      return toWarning(r);
    });
  }

  /** Documents with scenarios in their analysis (for watching scenarios found in documents). */
  async scenarioDocuments(): Promise<Analysis[]> {
    return this.guard('cannot read scenario documents', () => {
      const rows = this.db.prepare(`SELECT a.json, d.text FROM analyses a JOIN documents d ON d.id = a.document_id
        WHERE a.document_id IN (SELECT DISTINCT document_id FROM picture_scenarios) ORDER BY d.seq`).all() as { json: string; text: string }[];
      return rows.map((r) => {
        const a = JSON.parse(r.json) as Analysis;
        if (typeof a.document.text !== 'string') a.document = { ...a.document, text: r.text };
        return a;
      });
    });
  }

  async documentsAfter(cursor: number, limit: number) {
    return this.guard('cannot read new documents', () => {
      const docs = this.db.prepare('SELECT seq, id, published FROM documents WHERE seq > ? ORDER BY seq LIMIT ?').all(cursor, limit) as { seq: number; id: string; published: string | null }[];
      return docs.map((d) => ({ seq: d.seq, document: d.id, published: d.published, ...this.recordsOf(d.id, d.published) }));
    });
  }

  async allRecords(): Promise<{ events: WatchEvent[]; relations: WatchRelation[] }> {
    const events = new Map<string, WatchEvent>();
    const relations = new Map<string, WatchRelation>();
    for (let cursor = 0; ;) {
      const page = await this.documentsAfter(cursor, 500);
      if (!page.length) break;
      for (const p of page) {
        for (const e of p.events) events.set(e.id, e);
        for (const r of p.relations) relations.set(r.id, r);
      }
      cursor = page[page.length - 1]!.seq;
    }
    return { events: [...events.values()], relations: [...relations.values()] };
  }

  /** The stored events and relations with these ids (those still standing), without a scan. */
  async records(ids: string[]): Promise<{ events: WatchEvent[]; relations: WatchRelation[] }> {
    return this.guard('cannot read watch records', () => {
      const events: WatchEvent[] = [];
      const relations: WatchRelation[] = [];
      const relation = this.stmt(`${RELATION_SELECT} WHERE r.id = ? AND r.rejected = 0`);
      for (const id of new Set(ids)) {
        const e = this.currentEvent(id);
        if (e && e.id === id) { events.push(this.eventRecord(e, null, null)); continue; }
        const r = relation.get(id) as RelationRow | undefined;
        if (r) relations.push(this.relationRecord(r, null));
      }
      return { events, relations };
    });
  }

  /** The merged (current) events and relations a document reports. */
  private recordsOf(documentId: string, published: string | null): { events: WatchEvent[]; relations: WatchRelation[] } {
    const admin1 = this.admin1ByLocalEvent(documentId);
    const events: WatchEvent[] = [];
    const sources = this.stmt('SELECT DISTINCT event_id, local_id FROM event_sources WHERE document_id = ?').all(documentId) as { event_id: string; local_id: string }[];
    const seen = new Set<string>();
    for (const s of sources) {
      const e = this.currentEvent(s.event_id);
      if (!e || seen.has(e.id)) continue;
      seen.add(e.id);
      events.push(this.eventRecord(e, admin1.get(s.local_id) ?? null, published));
    }
    const rels = this.stmt(`${RELATION_SELECT} JOIN relation_evidence re ON re.relation_id = r.id
      WHERE re.document_id = ? AND r.rejected = 0`).all(documentId) as RelationRow[];
    const relations = [...new Map(rels.map((r) => [r.id, r])).values()].map((r) => this.relationRecord(r, published));
    return { events, relations };
  }

  private eventRecord(e: EventRow, admin1: string | null, published: string | null): WatchEvent {
    const actors = this.stmt(`SELECT coalesce(m.kb_id, a.kb_id, coalesce(a.merged_into, a.id)) AS id, ea.role FROM event_actors ea
      JOIN actors a ON a.id = ea.actor_id LEFT JOIN actors m ON m.id = a.merged_into WHERE ea.event_id = ?`).all(e.id) as { id: string; role: Role }[];
    const reports = this.stmt('SELECT document_id, evidence_json FROM event_sources WHERE event_id = ?').all(e.id) as { document_id: string; evidence_json: string }[];
    const evidence = reports.flatMap((r) => (JSON.parse(r.evidence_json) as { text: string }[]).map((x) => x.text));
    return {
      id: e.id, type: e.type, day: e.date_start ?? published,
      place: e.place_name === null && e.lat === null ? null : {
        name: e.place_name, country: e.place_country, admin1, lat: e.lat, lon: e.lon,
      },
      actors: actors.map((a) => ({ id: a.id.replace(/^kb:/, ''), role: a.role })), modality: e.modality,
      text: [e.summary, ...evidence].join(' '), documents: [...new Set(reports.map((r) => r.document_id))].sort(),
    };
  }

  private relationRecord(r: RelationRow, published: string | null): WatchRelation {
    const ev = this.stmt('SELECT document_id, text FROM relation_evidence WHERE relation_id = ?').all(r.id) as { document_id: string; text: string }[];
    return {
      id: r.id, subject: r.subject.replace(/^kb:/, ''), predicate: r.predicate, object: r.object.replace(/^kb:/, ''),
      day: r.valid_start ?? r.first_seen ?? published, modality: r.modality, text: ev.map((x) => x.text).join(' '),
      documents: [...new Set(ev.map((x) => x.document_id))].sort(),
    };
  }

  /** Follows analyst/automatic merges to the event that stands; null when rejected. */
  private currentEvent(id: string): EventRow | null {
    type Row = EventRow & { merged_into: string | null; rejected: number };
    const get = this.stmt('SELECT id, type, date_start, place_name, place_country, lat, lon, modality, summary, merged_into, rejected FROM events WHERE id = ?');
    let row = get.get(id) as Row | undefined;
    for (let hops = 0; row && row.merged_into && hops < 10; hops++) row = get.get(row.merged_into) as Row | undefined;
    return row && !row.rejected ? row : null;
  }

  /** The division of each event's place, from the document's own analysis (the picture keeps no admin1). */
  private admin1ByLocalEvent(documentId: string): Map<string, string> {
    const out = new Map<string, string>();
    const r = this.stmt('SELECT json FROM analyses WHERE document_id = ?').get(documentId) as { json: string } | undefined;
    if (!r) return out;
    const a = JSON.parse(r.json) as Analysis;
    const places = new Map(a.places.map((p) => [p.id, p]));
    for (const e of a.events) {
      const p = e.place ? places.get(e.place) : undefined;
      const admin1 = p?.admin1 ?? (p?.kind === 'admin1' ? p.name : null);
      if (admin1) out.set(e.id, admin1);
    }
    return out;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
