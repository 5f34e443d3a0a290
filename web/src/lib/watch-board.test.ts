import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, changedSince, readLastSeen, regionText, sparkPoints, thresholdText, watchActorId, LAST_SEEN_KEY } from './watch-board.js';
import type { BoardIndicator, Warning } from '../api/types.js';

const w = (seq: number, scenario: string, indicator: string): Warning => ({
  id: `w:${seq}`, seq, scenario, scenario_title: scenario, indicator, indicator_label: indicator, from: 'quiet', to: 'triggered',
  day: '2025-01-01', raised_at: '', count: 1, baseline: 0, ratio: null, moved_by: [], evidence: [], documents: [], acked_at: null, acked_by: null,
});

test('changedSince keeps only warnings after the last seen seq, newest per indicator', () => {
  const m = changedSince([w(1, 'a', 'x'), w(2, 'a', 'x'), w(3, 'b', 'y'), w(5, 'a', 'x')], 2);
  assert.deepEqual([...m.keys()].sort(), ['a/x', 'b/y']);
  assert.equal(m.get('a/x')!.seq, 5);
  assert.equal(changedSince([w(1, 'a', 'x')], 1).size, 0);
});

test('readLastSeen tolerates missing and junk values', () => {
  assert.equal(readLastSeen({ getItem: () => null }), 0);
  assert.equal(readLastSeen({ getItem: () => 'junk' }), 0);
  assert.equal(readLastSeen({ getItem: (k) => (k === LAST_SEEN_KEY ? '17' : null) }), 17);
});

test('readable thresholds, regions, sparklines, months and actor ids', () => {
  const ind = (definition: object, kind = 'event-count') => ({ id: 'i', label: 'i', kind, definition, status: {} } as unknown as BoardIndicator);
  assert.equal(thresholdText(ind({ window_days: 30, baseline_days: 90, threshold: { ratio_to_baseline: 2 } })), '≥ 2× baseline in 30 days vs the 90 days before');
  assert.equal(thresholdText(ind({ threshold: { min_count: 1 } }, 'relation-reported')), '≥ 1 report ever');
  assert.equal(regionText({ countries: ['SY'], admin1: ['Al-Hasakah'] }), 'SY · Al-Hasakah');
  assert.equal(regionText(null), 'anywhere');
  assert.equal(sparkPoints([0, 2], 12, 10), '1.0,9.0 11.0,1.0');
  assert.equal(sparkPoints([], 12, 10), '');
  assert.equal(addMonths('2024-11', 3), '2025-02');
  assert.equal(watchActorId('islamic-state'), 'kb:islamic-state');
  assert.equal(watchActorId('n:abu omar'), 'n:abu omar');
});
