import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyBatch, createWatchState } from './watch-engine.js';
import { HISTORY_MONTHS, scenarioBoard } from './scenario-board.js';
import type { ScenarioDef, WatchEvent, WatchRelation } from './types.js';

const SCENARIO: ScenarioDef = {
  id: 's', title: 'S', outcome: 'O', conditions: [], actors: ['islamic-state'], region: { countries: ['SY'] }, horizon: null,
  origin: { kind: 'document', document: 'doc_1' },
  indicators: [
    { id: 'att', label: 'Attacks', kind: 'event-count', types: ['attack'], actors_any: ['islamic-state'], window_days: 30, threshold: { min_count: 2 } },
    { id: 'sup', kind: 'relation-reported', predicates: ['supports'], subject_any: ['iran'], threshold: { min_count: 1 } },
  ],
};
const place = { name: 'Raqqa', country: 'SY', admin1: null, lat: 35.95, lon: 39.01 };
const ev = (id: string, day: string, type: WatchEvent['type'] = 'attack'): WatchEvent => ({
  id, type, day, place, modality: 'asserted', actors: [{ id: 'islamic-state', role: 'perpetrator' }], text: `Event ${id}   text.`, documents: [`d-${id}`],
});
const rel: WatchRelation = { id: 'r1', subject: 'iran', predicate: 'supports', object: 'x', day: '2024-03-02', modality: 'asserted', text: 'Iran supports x.', documents: ['d-r1'] };

test('board without records keeps the plain shape and says where the scenario came from', () => {
  const st = createWatchState([SCENARIO]);
  applyBatch(st, { events: [ev('e1', '2024-01-10'), ev('e2', '2024-03-01')], relations: [rel] });
  const b = scenarioBoard(st);
  const s = b.scenarios[0]!;
  assert.equal(b.clock, '2024-03-02');
  assert.equal(s.origin, 'document doc_1');
  assert.deepEqual(s.source, { kind: 'document', document: 'doc_1' });
  assert.deepEqual(s.region, { countries: ['SY'] });
  assert.equal(s.state, 'triggered');
  assert.equal(s.indicators[0]!.status.state, 'quiet');
  assert.equal(s.indicators[0]!.status.count, 1);
  assert.equal(s.indicators[0]!.history, undefined);
});

test('with records: monthly counts per indicator up to the clock, and described evidence', () => {
  const st = createWatchState([SCENARIO]);
  const events = [ev('e1', '2024-01-10'), ev('e2', '2024-03-01'), ev('e3', '2024-03-02'), ev('e4', '2024-02-05', 'arrest'), ev('late', '2024-09-01')];
  applyBatch(st, { events: events.slice(0, 4), relations: [rel], clock: '2024-03-02' });
  const s = scenarioBoard(st, { events, relations: [rel] }).scenarios[0]!;
  const [att, sup] = s.indicators;
  // January..March; the arrest does not match; the September event is after the clock.
  assert.deepEqual(att!.history, { bucket: 'month', from: '2024-01', counts: [1, 0, 2] });
  assert.deepEqual(sup!.history!.counts, [0, 0, 1]);
  assert.equal(att!.status.state, 'triggered');
  assert.deepEqual(att!.evidence_records!.map((r) => r.id).sort(), ['e2', 'e3']);
  assert.equal(att!.evidence_records![0]!.text, `Event ${att!.evidence_records![0]!.id} text.`);
  assert.deepEqual(sup!.evidence_records, [{ id: 'r1', kind: 'relation', day: '2024-03-02', what: 'iran supports x', text: 'Iran supports x.', actors: ['iran', 'x'], documents: ['d-r1'] }]);
});

test('history is capped in length and empty without any clock', () => {
  const st = createWatchState([SCENARIO]);
  assert.deepEqual(scenarioBoard(st, { events: [], relations: [] }).scenarios[0]!.indicators[0]!.history, { bucket: 'month', from: '', counts: [] });
  const old = ev('old', '1949-05-01');
  applyBatch(st, { events: [ev('now', '2024-03-01')], clock: '2024-03-02' });
  const h = scenarioBoard(st, { events: [old, ev('now', '2024-03-01')], relations: [] }).scenarios[0]!.indicators[0]!.history!;
  assert.equal(h.counts.length, HISTORY_MONTHS);
  assert.equal(h.counts.at(-1), 1);
  assert.equal(h.counts.reduce((a, b) => a + b, 0), 1);
});
