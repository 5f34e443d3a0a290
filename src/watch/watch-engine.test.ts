import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyBatch, createWatchState, restoreState, serializeState, statuses } from './watch-engine.js';
import { evaluateAll, type ArrivedRecord } from './full-evaluation.js';
import { dayOf, isoDay } from './days.js';
import {
  randomEvent, randomRelation, randomScenarios, seededRandom, START_DAY, SYNTH_PLACES,
} from './synthetic-stream.js';
import type { IndicatorDef, ScenarioDef, WatchEvent } from './types.js';

function scenario(indicators: IndicatorDef[], region: ScenarioDef['region'] = null): ScenarioDef {
  return { id: 's', title: 'S', outcome: null, conditions: [], actors: [], region, horizon: null, indicators, origin: { kind: 'yaml', file: 't' } };
}

let n = 0;
function ev(day: string, over: Partial<WatchEvent> = {}): WatchEvent {
  n++;
  return {
    id: `e${n}`, type: 'attack', day, place: SYNTH_PLACES[3]!, modality: 'asserted',
    actors: [{ id: 'islamic-state', role: 'perpetrator' }], text: 'An attack.', documents: [`d${n}`], ...over,
  };
}

test('min_count fires exactly when the window count crosses, and decays when records leave', () => {
  const st = createWatchState([scenario([{ id: 'lb', kind: 'event-count', types: ['attack', 'bombing'], actors_any: ['islamic-state'], region: { countries: ['LB'] }, window_days: 10, threshold: { min_count: 3 } }])]);
  assert.deepEqual(applyBatch(st, { events: [ev('2025-03-01')] }), []);
  const rising = applyBatch(st, { events: [ev('2025-03-02')] });
  assert.equal(rising.length, 1);
  assert.equal(rising[0]!.from, 'quiet');
  assert.equal(rising[0]!.to, 'rising');
  // Not matching: other country, other type, hypothetical, other actor.
  assert.deepEqual(applyBatch(st, { events: [
    ev('2025-03-03', { place: SYNTH_PLACES[0]! }), ev('2025-03-03', { type: 'arrest' }),
    ev('2025-03-03', { modality: 'hypothetical' }), ev('2025-03-03', { actors: [{ id: 'hezbollah', role: 'perpetrator' }] }),
  ] }), []);
  const third = ev('2025-03-04');
  const fired = applyBatch(st, { events: [third] });
  assert.equal(fired.length, 1);
  assert.equal(fired[0]!.to, 'triggered');
  assert.deepEqual(fired[0]!.movedBy, [third.id]);
  assert.equal(fired[0]!.status.count, 3);
  assert.equal(fired[0]!.status.evidence[0], third.id);
  assert.deepEqual(fired[0]!.status.documents.length, 3);
  // The same event again (a second report) does not count twice.
  assert.deepEqual(applyBatch(st, { events: [third] }), []);
  // 2025-03-11: the 03-01 event leaves the 10-day window → rising; 03-13 → quiet (1 left).
  const decay = applyBatch(st, { clock: '2025-03-11' });
  assert.deepEqual(decay.map((c) => [c.from, c.to, c.movedBy.length]), [['triggered', 'rising', 0]]);
  const quiet = applyBatch(st, { clock: '2025-03-13' });
  assert.deepEqual(quiet.map((c) => c.to), ['quiet']);
});

test('ratio_to_baseline: 30-day count at least twice the 90-day baseline rate', () => {
  const def: IndicatorDef = { id: 'clash', kind: 'event-count', types: ['armed-clash'], actors_any: ['syrian-democratic-forces'], actors_any_2: ['syrian-national-army'], region: { bbox: [36, 35.5, 42.5, 37.5] }, window_days: 30, baseline_days: 90, threshold: { ratio_to_baseline: 2 } };
  const st = createWatchState([scenario([def])]);
  const clash = (day: string) => ev(day, { type: 'armed-clash', place: SYNTH_PLACES[1]!, actors: [{ id: 'syrian-democratic-forces', role: 'participant' }, { id: 'syrian-national-army', role: 'participant' }] });
  // Baseline: 6 clashes in Jan–Mar (rate 2 per 30 days).
  for (const d of ['2025-01-05', '2025-01-20', '2025-02-03', '2025-02-17', '2025-03-01', '2025-03-20']) applyBatch(st, { events: [clash(d)] });
  // SDF alone, or SNA against SNA, does not match.
  assert.deepEqual(applyBatch(st, { events: [ev('2025-03-20', { type: 'armed-clash', place: SYNTH_PLACES[1]!, actors: [{ id: 'syrian-national-army', role: 'participant' }] })] }), []);
  applyBatch(st, { clock: '2025-04-30' });
  const [status] = statuses(st);
  assert.equal(status!.status.count, 0);
  assert.equal(status!.status.baseline, 6);
  const seq: string[] = [];
  for (const d of ['2025-05-01', '2025-05-03', '2025-05-05', '2025-05-08']) {
    for (const c of applyBatch(st, { events: [clash(d)] })) seq.push(`${d}:${c.to}`);
  }
  // Window = the 30 days ending on the clock, baseline = the 90 before. On 05-03: 2 in the
  // window, 6 in the baseline (rate 2 per 30 days) → ratio 1, quiet. 05-05: 3 against 5 (01-05
  // has left) → 1.8 rising. 05-08: 4 against 5 → 2.4 ≥ 2 triggered.
  assert.deepEqual(seq, ['2025-05-05:rising', '2025-05-08:triggered']);
  assert.equal(statuses(st)[0]!.status.ratio, 2.4);
});

test('relation-reported without a window counts every report once, either direction', () => {
  const st = createWatchState([scenario([{ id: 'coop', kind: 'relation-reported', predicates: ['cooperates_with', 'supports'], subject_any: ['iran'], object_any: ['islamic-state'], either_direction: true, threshold: { min_count: 2 } }])]);
  const rel = (id: string, subject: string, object: string, predicate: 'supports' | 'fights' = 'supports') => ({ id, subject, object, predicate, day: null, modality: 'reported' as const, text: '', documents: ['d'] });
  assert.deepEqual(applyBatch(st, { relations: [rel('r1', 'iran', 'islamic-state'), rel('r2', 'iran', 'islamic-state', 'fights')] }).map((c) => c.to), []);
  assert.deepEqual(applyBatch(st, { relations: [rel('r3', 'islamic-state', 'iran')] }).map((c) => c.to), ['triggered']);
});

test('incremental evaluation agrees with full recomputation at every step (random stream, fixed seed)', () => {
  for (const seed of [1, 7, 42]) {
    const rnd = seededRandom(seed);
    const scenarios = randomScenarios(rnd, 6, 8);
    const st = createWatchState(scenarios);
    const arrived: { arrived: ArrivedRecord; clockAtArrival: number | null }[] = [];
    let day = START_DAY;
    let ids = 0;
    let changes = 0;
    const recent: WatchEvent[] = [];
    for (let step = 0; step < 400; step++) {
      day += rnd() < 0.6 ? 0 : Math.floor(rnd() * 6);
      const dayFor = (): number | null => {
        const r = rnd();
        if (r < 0.05) return null;
        if (r < 0.15) return day - Math.floor(rnd() * 200); // late report of an old event
        return day - Math.floor(rnd() * 3);
      };
      const events = Array.from({ length: Math.floor(rnd() * 4) }, () => randomEvent(rnd, `e${ids++}`, dayFor(), `doc${step}`));
      if (recent.length && rnd() < 0.2) events.push({ ...pick(recent, rnd), documents: [`doc${step}`] }); // a second report
      recent.push(...events);
      const relations = Array.from({ length: Math.floor(rnd() * 2) }, () => randomRelation(rnd, `r${ids++}`, dayFor(), `doc${step}`));
      const clock = rnd() < 0.1 ? isoDay(day + Math.floor(rnd() * 30)) : null;
      changes += applyBatch(st, { events, relations, clock }).length;
      for (const e of events) arrived.push({ arrived: { kind: 'event', record: e }, clockAtArrival: st.clock });
      for (const r of relations) arrived.push({ arrived: { kind: 'relation', record: r }, clockAtArrival: st.clock });
      assert.deepEqual(statuses(st), evaluateAll(scenarios, arrived, st.clock), `seed ${seed}, step ${step}`);
      if (clock) day = Math.max(day, dayOf(clock)!);
    }
    // The stream really exercises the engine: states move, and several indicators trigger.
    assert.ok(changes > 30, `seed ${seed}: only ${changes} changes`);
    assert.ok(statuses(st).some((s) => s.status.state !== 'quiet') || changes > 0);
  }
});

function pick<T>(xs: T[], rnd: () => number): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

test('a snapshot restores the same state and continues identically', () => {
  const rnd = seededRandom(5);
  const scenarios = randomScenarios(rnd, 3, 6);
  const a = createWatchState(scenarios);
  const batches = Array.from({ length: 120 }, (_, k) => ({
    events: Array.from({ length: 3 }, (_, j) => randomEvent(rnd, `e${k}-${j}`, START_DAY + k + Math.floor(rnd() * 3), `d${k}`)),
  }));
  batches.slice(0, 60).forEach((b) => applyBatch(a, b));
  const b = restoreState(scenarios, serializeState(a))!;
  assert.ok(b);
  for (const batch of batches.slice(60)) assert.deepEqual(applyBatch(b, batch), applyBatch(a, batch));
  assert.deepEqual(statuses(b), statuses(a));
  // An edited indicator invalidates the snapshot.
  const edited = scenarios.map((s, i) => i === 0 ? { ...s, indicators: s.indicators.map((d) => ({ ...d, threshold: { min_count: 99 } })) } : s);
  assert.equal(restoreState(edited, serializeState(a)), null);
});
