// Back-testing: replay records in time order, one day at a time, and report when each
// indicator would have changed state. Records before `from` warm the windows and baselines
// silently; the clock then steps through every day to `to`, so decays land on their own day.
import { dayOf, isoDay } from './days.js';
import { applyBatch, createWatchState, statuses } from './watch-engine.js';
import type { IndicatorChange, IndicatorStatus, ScenarioDef, WatchEvent, WatchRelation } from './types.js';

export type BacktestResult = { changes: IndicatorChange[]; final: { key: string; status: IndicatorStatus }[]; undated: number };

export function backtest(scenarios: ScenarioDef[], records: { events: WatchEvent[]; relations: WatchRelation[] }, from: string, to: string): BacktestResult {
  const fromDay = dayOf(from);
  const toDay = dayOf(to);
  if (fromDay === null || toDay === null || fromDay > toDay) throw new RangeError(`bad back-test range ${from}..${to}`);
  const byDay = new Map<number, { events: WatchEvent[]; relations: WatchRelation[] }>();
  let undated = 0;
  const put = (day: string | null, f: (b: { events: WatchEvent[]; relations: WatchRelation[] }) => void) => {
    const d = day === null ? null : dayOf(day);
    if (d === null) { undated++; return; }
    if (d > toDay) return;
    let b = byDay.get(d);
    if (!b) { b = { events: [], relations: [] }; byDay.set(d, b); }
    f(b);
  };
  // Stable order within a day: by id, so the replay is deterministic whatever the store order.
  for (const e of [...records.events].sort((a, b) => a.id.localeCompare(b.id))) put(e.day, (b) => b.events.push(e));
  for (const r of [...records.relations].sort((a, b) => a.id.localeCompare(b.id))) put(r.day, (b) => b.relations.push(r));
  const state = createWatchState(scenarios);
  const changes: IndicatorChange[] = [];
  const warmDays = [...byDay.keys()].filter((d) => d < fromDay).sort((a, b) => a - b);
  for (const d of warmDays) applyBatch(state, { ...byDay.get(d)!, clock: isoDay(d) });
  for (let d = fromDay; d <= toDay; d++) {
    const batch = byDay.get(d) ?? { events: [], relations: [] };
    changes.push(...applyBatch(state, { ...batch, clock: isoDay(d) }));
  }
  return { changes, final: statuses(state), undated };
}
