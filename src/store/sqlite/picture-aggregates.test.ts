// The picture's aggregates (migration 6) must always equal a recount from the base rows:
// after merges, re-analysis, document removal by re-analysis, and every kind of correction.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeDocument } from '../fixtures/document-factory.js';
import { AnalysisBuilder, day } from '../fixtures/picture-factory.js';
import { DATABASE_FILE, openStore } from '../open-store.js';
import type { Store } from '../store.js';
import { spanClass } from './picture-aggregates.js';

const root = mkdtempSync(join(tmpdir(), 'watchfloor-agg-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

type Rows = Record<string, unknown>[];
const sorted = (rows: Rows): string[] => rows.map((r) => JSON.stringify(r)).sort();

/** Every aggregate next to the same numbers recounted from base rows. */
function check(dir: string, step: string): void {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    const q = (sql: string) => db.prepare(sql).all() as Rows;
    assert.deepEqual(sorted(q('SELECT day, type, n FROM event_day_counts')),
      sorted(q("SELECT coalesce(date_start, '') AS day, type, count(*) AS n FROM events WHERE rejected = 0 GROUP BY 1, 2")), `${step}: event_day_counts`);
    assert.deepEqual(sorted(q('SELECT place_key, name, kind, country, precision, lat, lon, type, n FROM place_counts')),
      sorted(q(`SELECT coalesce(place_key, '') AS place_key, coalesce(place_name, '') AS name, coalesce(place_kind, '') AS kind,
        coalesce(place_country, '') AS country, coalesce(place_precision, '') AS precision, lat, lon, type, count(*) AS n
        FROM events WHERE rejected = 0 AND lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`)), `${step}: place_counts`);
    assert.deepEqual(sorted(q('SELECT actor_id, event_id, day, type, rejected FROM actor_events')),
      sorted(q(`SELECT DISTINCT ea.actor_id, ea.event_id, coalesce(e.date_start, '') AS day, e.type, e.rejected
        FROM event_actors ea JOIN events e ON e.id = ea.event_id`)), `${step}: actor_events`);
    // event_actors = the union of the reports' actor lists, counted per report.
    const fromReports = new Map<string, number>();
    for (const r of q('SELECT event_id, actors_json FROM event_sources') as { event_id: string; actors_json: string }[]) {
      for (const a of JSON.parse(r.actors_json) as { actor: string; role: string }[]) {
        const k = `${r.event_id}|${a.actor}|${a.role}`;
        fromReports.set(k, (fromReports.get(k) ?? 0) + 1);
      }
    }
    const stored = new Map((q('SELECT event_id, actor_id, role, source_count FROM event_actors') as { event_id: string; actor_id: string; role: string; source_count: number }[])
      .map((r) => [`${r.event_id}|${r.actor_id}|${r.role}`, r.source_count]));
    assert.deepEqual(stored, fromReports, `${step}: event_actors.source_count`);
    assert.deepEqual(q(`SELECT e.id FROM events e WHERE e.source_count <> (SELECT count(*) FROM event_sources s WHERE s.event_id = e.id)`), [], `${step}: events.source_count`);
    for (const e of q('SELECT id, date_start, date_end, span_class FROM events') as { id: string; date_start: string | null; date_end: string | null; span_class: number }[]) {
      assert.equal(e.span_class, spanClass(e.date_start, e.date_end), `${step}: span_class of ${e.id}`);
    }
    assert.deepEqual(q(`SELECT ad.document_id FROM actor_documents ad JOIN documents d ON d.id = ad.document_id
      WHERE coalesce(ad.published, '') <> coalesce(d.published, '')`), [], `${step}: actor_documents.published`);
    assert.deepEqual(q(`SELECT a.id FROM actors a WHERE a.mention_count <> (SELECT coalesce(sum(mention_count), 0) FROM actor_documents ad WHERE ad.actor_id = a.id)
      OR a.document_count <> (SELECT count(DISTINCT document_id) FROM actor_documents ad WHERE ad.actor_id = a.id)`), [], `${step}: actor counters`);
    assert.ok(q('SELECT count(*) AS n FROM event_day_counts')[0]!.n as number > 0 || step === 'empty', `${step}: not vacuous`);
  } finally {
    db.close();
  }
}

function docs() {
  const a = makeDocument('Group A fighters attacked Group B near Town One on Monday. Group C watched.', { title: 'a', published: '2025-03-02' });
  const b = makeDocument('Group A and Group B clashed near Town One; the fighting lasted a week.', { title: 'b', published: '2025-03-04' });
  const c = makeDocument('Group C arrested members of Group A in Town Two during the year.', { title: 'c', published: '2025-06-01' });
  const aa = new AnalysisBuilder(a)
    .actor('x', 'Group A', { kb: 'group-a' }).actor('y', 'Group B', { kb: 'group-b' }).actor('z', 'Group C')
    .place('p', 'Town One', 35, 38)
    .event('e1', { date: day('2025-03-01'), place: 'p', actors: [['x', 'perpetrator'], ['y', 'target']] })
    .event('e2', { type: 'statement', date: null, place: null, actors: [['z', 'speaker']] })
    .relation('r', 'x', 'attacks', 'y');
  const ab = new AnalysisBuilder(b)
    .actor('x', 'Group A', { kb: 'group-a', mentions: ['Group A', 'fighters'] }).actor('y', 'Group B', { kb: 'group-b' })
    .place('p', 'Town One', 35.01, 38.01)
    // Same attack (merges with a's), and a week-long clash crossing into the next month.
    .event('e1', { date: day('2025-03-01'), place: 'p', actors: [['x', 'perpetrator'], ['y', 'perpetrator']] })
    .event('e2', { type: 'armed-clash', date: { start: '2025-03-28', end: '2025-04-03', precision: 'range', text: 'a week' }, place: 'p', actors: [['x', 'perpetrator'], ['y', 'perpetrator']] })
    .relation('r', 'x', 'attacks', 'y');
  const ac = new AnalysisBuilder(c)
    .actor('z', 'Group C').actor('x', 'Group A', { kb: 'group-a' })
    .place('t', 'Town Two', 36, 40)
    .event('e1', { type: 'arrest', date: { start: '2025-01-01', end: '2025-12-31', precision: 'year', text: '2025' }, place: 't', actors: [['z', 'perpetrator'], ['x', 'target']] })
    .event('e2', { type: 'arrest', date: { start: '2024-12-20', end: '2025-01-10', precision: 'range', text: 'over new year' }, place: 't', actors: [['z', 'perpetrator'], ['z', 'target']] });
  return { a, b, c, aa, ab, ac };
}

describe('picture aggregates', () => {
  async function fresh(): Promise<{ dir: string; store: Store }> {
    const dir = join(root, `s${++n}`);
    return { dir, store: await openStore({ dataDir: dir }) };
  }

  it('equal a recount after merges, re-analysis and removal of a document\'s contribution', async () => {
    const { dir, store } = await fresh();
    try {
      check(dir, 'empty');
      const { a, b, c, aa, ab, ac } = docs();
      await store.putDocument(a, aa.analysis);
      check(dir, 'one document');
      await store.putDocument(b, ab.analysis);
      await store.putDocument(c, ac.analysis);
      check(dir, 'three documents');
      const merged = (await store.picture().listEvents({ type: 'attack' })).items[0]!;
      assert.equal(merged.sources.length, 2, 'the scenario really merges an event');
      await store.putAnalysis(b.id, ab.analysis);
      check(dir, 're-analysis, same analysis');
      const lean = structuredClone(ab.analysis);
      lean.events = lean.events.slice(1);
      lean.events[0]!.actors = [{ actor: 'x', role: 'perpetrator' }];
      await store.putAnalysis(b.id, lean);
      check(dir, 're-analysis dropping a report and an actor');
      const empty = structuredClone(aa.analysis);
      empty.events = [];
      await store.putAnalysis(a.id, empty);
      check(dir, 're-analysis dropping the last report of an event');
      await store.putAnalysis(a.id, aa.analysis);
      await store.putAnalysis(c.id, ac.analysis);
      check(dir, 'back again');
    } finally {
      await store.close();
    }
  });

  it('equal a recount after every kind of correction and its undo', async () => {
    const { dir, store } = await fresh();
    try {
      const { a, b, c, aa, ab, ac } = docs();
      for (const [d, x] of [[a, aa], [b, ab], [c, ac]] as const) await store.putDocument(d, x.analysis);
      const p = store.picture();
      const attack = (await p.listEvents({ type: 'attack' })).items[0]!.id;
      const clash = (await p.listEvents({ type: 'armed-clash' })).items[0]!.id;
      const done = [];
      done.push(await p.addCorrection({ kind: 'reject-event', target: clash }));
      check(dir, 'reject-event');
      done.push(await p.addCorrection({ kind: 'edit-event', target: attack, payload: { type: 'bombing', date: { start: '2025-02-27', end: '2025-03-05' }, place: { name: 'Elsewhere', lat: 34, lon: 39 } } }));
      check(dir, 'edit-event');
      done.push(await p.addCorrection({ kind: 'fix-place', target: attack, payload: { place: { name: 'Unlocated' } } }));
      check(dir, 'fix-place');
      done.push(await p.addCorrection({ kind: 'fix-date', target: attack, payload: { date: { start: '2024-12-30', end: '2025-01-02' } } }));
      check(dir, 'fix-date');
      const rel = (await p.listRelations({ predicate: 'attacks' })).items[0]!.id;
      done.push(await p.addCorrection({ kind: 'reject-relation', target: rel }));
      done.push(await p.addCorrection({ kind: 'merge-actors', target: 'kb:group-a', payload: { other: 'kb:group-b' } }));
      check(dir, 'merge-actors');
      done.push(await p.addCorrection({ kind: 'split-alias', target: 'kb:group-a', payload: { alias: 'fighters' } }));
      check(dir, 'split-alias');
      await store.putAnalysis(b.id, ab.analysis);
      check(dir, 're-analysis under corrections');
      for (const x of done.reverse()) {
        await p.undoCorrection(x.id);
        check(dir, `undo ${x.kind}`);
      }
    } finally {
      await store.close();
    }
  });

  it('answers timelines and the map from the aggregates the same as from the events', async () => {
    const { store } = await fresh();
    try {
      const { a, b, c, aa, ab, ac } = docs();
      for (const [d, x] of [[a, aa], [b, ab], [c, ac]] as const) await store.putDocument(d, x.analysis);
      const p = store.picture();
      // April: the week-long clash (starts in March) and the year-long and new-year arrests reach into it.
      const april = await p.timeline({ from: '2025-04-01', to: '2025-04-30', bucket: 'month' });
      assert.deepEqual(april.events.map((e) => e.type).sort(), ['armed-clash', 'arrest']);
      assert.deepEqual(april.buckets, [{ start: '2025-04-01', end: '2025-04-30', count: 0, byType: {} }],
        'counts go by start day: nothing starts in April');
      const jan = await p.timeline({ from: '2025-01-05', to: '2025-01-31', bucket: 'month' });
      assert.deepEqual(jan.events.map((e) => e.date.start), ['2024-12-20', '2025-01-01']);
      assert.deepEqual(jan.buckets.map((x) => [x.start, x.count]), [['2025-01-01', 1]], 'the one starting in the bucket counts');
      const all = await p.timeline({ bucket: 'year' });
      assert.deepEqual(all.buckets.map((x) => [x.start, x.count]), [['2024-01-01', 1], ['2025-01-01', 3]]);
      const groupC = await p.timeline({ actor: 'n:group c', from: '2025-02-01', bucket: 'month', to: '2025-02-28' });
      assert.deepEqual(groupC.events.map((e) => e.type), ['arrest'], 'the year-long arrest, by actor');
      const dated = (await p.listEvents({ limit: 1 })).total - (await p.listEvents({ type: 'statement' })).total;
      assert.equal(all.buckets.reduce((s, x) => s + x.count, 0), dated);
      const geo = await p.places();
      assert.equal(geo.features.reduce((s, f) => s + f.properties.events, 0), 4);
      assert.deepEqual((await p.places({ bbox: [39, 35, 41, 37] })).features.map((f) => [f.properties.name, f.properties.types]), [['Town Two', { arrest: 2 }]]);
      const prof = await p.actorProfile('kb:group-a');
      assert.deepEqual(prof?.totals, { events: 3, relations: 1, quotes: 0, documents: 3 });
      const docsPage = await p.actorDocuments('kb:group-a', { limit: 2 });
      assert.deepEqual(docsPage?.items.map((d) => d.published), ['2025-06-01', '2025-03-04']);
      assert.equal(docsPage?.total, 3);
      assert.equal(await p.actorDocuments('kb:nobody'), null);
    } finally {
      await store.close();
    }
  });
});
