import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backtest } from './backtest.js';
import type { ScenarioDef, WatchEvent } from './types.js';

const scenario: ScenarioDef = {
  id: 'lb', title: 'IS attack in Lebanon', outcome: null, conditions: [], actors: [], region: { countries: ['LB'] }, horizon: null,
  origin: { kind: 'yaml', file: 't' },
  indicators: [{ id: 'attacks', kind: 'event-count', types: ['attack', 'bombing'], actors_any: ['islamic-state'], window_days: 7, threshold: { min_count: 3 } }],
};
const ev = (id: string, day: string, country = 'LB'): WatchEvent => ({
  id, type: 'attack', day, place: { name: null, country, admin1: null, lat: null, lon: null }, modality: 'reported',
  actors: [{ id: 'islamic-state', role: 'perpetrator' }], text: '', documents: [`d-${id}`],
});

test('backtest reports each change on the day it happens, decays included', () => {
  const records = { events: [ev('a', '2025-02-01'), ev('b', '2025-03-01'), ev('x', '2025-03-02', 'SY'), ev('c', '2025-03-02'), ev('d', '2025-03-03'), ev('u', '2025-03-04')], relations: [] };
  records.events[5]!.day = null;
  const r = backtest([scenario], records, '2025-02-15', '2025-03-31');
  assert.deepEqual(r.changes.map((c) => [c.day, c.from, c.to, c.movedBy.join()]), [
    ['2025-03-02', 'quiet', 'rising', 'c'],
    ['2025-03-03', 'rising', 'triggered', 'd'],
    ['2025-03-08', 'triggered', 'rising', ''],
    ['2025-03-09', 'rising', 'quiet', ''],
  ]);
  assert.equal(r.undated, 1);
  assert.equal(r.final[0]!.status.state, 'quiet');
});
