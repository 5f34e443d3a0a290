// The watch's I/O edge: load the snapshot, feed every document stored since the cursor through
// the engine (one batch per document, oldest first), store the warnings the changes raise and
// the new snapshot. Called after ingest and by `watchfloor watch` on each poll.
import { createHash } from 'node:crypto';
import { applyBatch, createWatchState, restoreState, serializeState, type WatchEngineState } from './watch-engine.js';
import type { IndicatorChange, NewWarning, ScenarioDef, WatchSource, WatchStateStore } from './types.js';

const PAGE = 200;

export function warningFor(change: IndicatorChange, scenarios: ScenarioDef[], raisedAt: string): NewWarning {
  const s = scenarios.find((x) => x.id === change.scenario);
  const ind = s?.indicators.find((i) => i.id === change.indicator);
  const base = {
    scenario: change.scenario, indicator: change.indicator, from: change.from, to: change.to, day: change.day, moved_by: change.movedBy,
  };
  return {
    ...base,
    id: `w:${createHash('sha1').update([base.scenario, base.indicator, base.from, base.to, base.day, ...base.moved_by].join('\u0001')).digest('hex').slice(0, 16)}`,
    scenario_title: s?.title ?? change.scenario, indicator_label: ind?.label ?? change.indicator, raised_at: raisedAt,
    count: change.status.count, baseline: change.status.baseline, ratio: change.status.ratio,
    evidence: change.status.evidence, documents: change.status.documents,
  };
}

export type WatchRun = { documents: number; warnings: NewWarning[]; rebuilt: boolean; state: WatchEngineState };

/**
 * One pass. When a scenario or indicator was added or edited since the snapshot, the state is
 * rebuilt by replaying the documents already watched without raising warnings (their history
 * is what `backtest` shows), then new documents raise warnings as usual.
 */
export async function runWatch(scenarios: ScenarioDef[], store: WatchStateStore, source: WatchSource, now: () => string = () => new Date().toISOString()): Promise<WatchRun> {
  const snap = await store.loadSnapshot();
  let state = snap ? restoreState(scenarios, snap.json) : null;
  let cursor = snap?.cursor ?? 0;
  let rebuilt = false;
  if (!state) {
    state = createWatchState(scenarios);
    rebuilt = snap !== null;
    for (let c = 0; c < cursor;) {
      const page = await source.documentsAfter(c, PAGE);
      const mine = page.filter((p) => p.seq <= cursor);
      for (const p of mine) applyBatch(state, { events: p.events, relations: p.relations, clock: p.published });
      if (mine.length < page.length || !page.length) break;
      c = page[page.length - 1]!.seq;
    }
  }
  const warnings: NewWarning[] = [];
  let documents = 0;
  for (;;) {
    const page = await source.documentsAfter(cursor, PAGE);
    if (!page.length) break;
    const fresh: NewWarning[] = [];
    for (const p of page) {
      for (const ch of applyBatch(state, { events: p.events, relations: p.relations, clock: p.published })) fresh.push(warningFor(ch, scenarios, now()));
      cursor = p.seq;
      documents++;
    }
    await store.saveSnapshot({ cursor, json: serializeState(state) }, fresh);
    warnings.push(...fresh);
  }
  if (rebuilt || !snap) await store.saveSnapshot({ cursor, json: serializeState(state) }, []);
  return { documents, warnings, rebuilt, state };
}
