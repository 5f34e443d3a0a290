// The incremental watch engine. State: per indicator, the records it counted bucketed by day,
// and an agenda of days when a bucket leaves the window or the baseline. Applying a batch
// (one document's events and relations) touches only the indicators the records match (found
// through an index by type/predicate and actor) plus those whose window lost a day since the
// clock last moved; each touched indicator is re-evaluated from its own buckets. No rescan.
//
// The clock is data time: the batch's own clock (the document's publication date) or, without
// one, the newest record day, so a back-filled archive is watched as of its own dates. Records
// older than an indicator's window + baseline on arrival can never count again and are dropped;
// records dated after the clock are held until the clock reaches them.
import { compileIndicator, type CompiledIndicator } from './compiled-indicator.js';
import { dayOf, isoDay } from './days.js';
import { stateOf } from './indicator-status.js';
import { MinHeap } from './min-heap.js';
import type { IndicatorChange, IndicatorStatus, ScenarioDef, WatchEvent, WatchRelation } from './types.js';

/** Evidence ids kept in a status (newest first). */
export const EVIDENCE_CAP = 20;

export type Entry = { id: string; documents: string[] };

type Runtime = {
  /** Finite windows: day → entries in arrival order. */
  buckets: Map<number, Entry[]>;
  /** Infinite windows: ids counted, and the newest entries. */
  seen: Set<string>;
  recent: Entry[];
  status: IndicatorStatus;
};

export type WatchEngineState = {
  scenarios: ScenarioDef[];
  indicators: CompiledIndicator[];
  runtimes: Runtime[];
  clock: number | null;
  eventIndex: Map<string, number[]>;
  relationIndex: Map<string, number[]>;
  agenda: MinHeap<{ ind: number; bucket: number }>;
};

export type WatchBatch = { events?: WatchEvent[]; relations?: WatchRelation[]; clock?: string | null };

const QUIET: IndicatorStatus = { state: 'quiet', count: 0, baseline: 0, ratio: null, evidence: [], documents: [] };

function addToIndex(index: Map<string, number[]>, firsts: string[] | undefined, seconds: string[] | undefined, i: number): void {
  for (const a of firsts && firsts.length ? firsts : ['*']) {
    for (const b of seconds && seconds.length ? seconds : ['*']) {
      const key = `${a}|${b}`;
      const list = index.get(key);
      if (list) list.push(i); else index.set(key, [i]);
    }
  }
}

export function createWatchState(scenarios: ScenarioDef[]): WatchEngineState {
  const indicators = scenarios.flatMap((s) => s.indicators.map((d) => compileIndicator(s, d)));
  const eventIndex = new Map<string, number[]>();
  const relationIndex = new Map<string, number[]>();
  indicators.forEach((ind, i) => {
    const d = ind.def;
    if (d.kind === 'event-count') {
      addToIndex(eventIndex, d.types, d.actors_any?.length ? d.actors_any : d.actors_any_2, i);
    } else {
      const keyActors = d.subject_any?.length
        ? (d.either_direction ? (d.object_any?.length ? [...d.subject_any, ...d.object_any] : undefined) : d.subject_any)
        : undefined;
      addToIndex(relationIndex, d.predicates, keyActors, i);
    }
  });
  return {
    scenarios, indicators, clock: null, eventIndex, relationIndex, agenda: new MinHeap(),
    runtimes: indicators.map(() => ({ buckets: new Map(), seen: new Set(), recent: [], status: QUIET })),
  };
}

function candidates(index: Map<string, number[]>, kind: string, actors: string[], out: Set<number>): void {
  const add = (key: string) => { const l = index.get(key); if (l) for (const i of l) out.add(i); };
  add(`${kind}|*`); add('*|*');
  for (const a of actors) { add(`${kind}|${a}`); add(`*|${a}`); }
}

/** Re-evaluates one indicator from its buckets at the clock. */
export function evaluate(state: WatchEngineState, i: number): IndicatorStatus {
  const ind = state.indicators[i]!;
  const rt = state.runtimes[i]!;
  const T = state.clock;
  let count = 0;
  let baseline = 0;
  const evidence: Entry[] = [];
  if (!Number.isFinite(ind.windowDays)) {
    count = rt.seen.size;
    for (let k = rt.recent.length - 1; k >= 0 && evidence.length < EVIDENCE_CAP; k--) evidence.push(rt.recent[k]!);
  } else if (T !== null) {
    const W = ind.windowDays;
    for (let d = T; d > T - W; d--) {
      const b = rt.buckets.get(d);
      if (!b) continue;
      count += b.length;
      for (const e of b) if (evidence.length < EVIDENCE_CAP) evidence.push(e);
    }
    for (let d = T - W; d > T - W - ind.baselineDays; d--) baseline += rt.buckets.get(d)?.length ?? 0;
  }
  const { state: s, ratio } = stateOf(ind.threshold, { count, baseline }, ind.windowDays, ind.baselineDays);
  const documents = [...new Set(evidence.flatMap((e) => e.documents))].sort();
  return { state: s, count, baseline, ratio, evidence: evidence.map((e) => e.id), documents };
}

/** Moves the clock forward; returns the indicators whose window or baseline lost a day. */
function advanceClock(state: WatchEngineState, to: number, touched: Set<number>): void {
  if (state.clock !== null && to <= state.clock) return;
  state.clock = to;
  const agenda = state.agenda;
  while (agenda.size && agenda.peekKey()! <= to) {
    const { ind, bucket } = agenda.pop()!;
    const i = state.indicators[ind]!;
    if (bucket <= to - i.windowDays - i.baselineDays) state.runtimes[ind]!.buckets.delete(bucket);
    touched.add(ind);
  }
}

/** Counts a record in an indicator; false when it was already counted or is too old to count. */
function count(state: WatchEngineState, i: number, id: string, day: number | null, documents: string[]): boolean {
  const ind = state.indicators[i]!;
  const rt = state.runtimes[i]!;
  if (!Number.isFinite(ind.windowDays)) {
    if (rt.seen.has(id)) return false;
    rt.seen.add(id);
    rt.recent.push({ id, documents });
    if (rt.recent.length > 2 * EVIDENCE_CAP) rt.recent.splice(0, rt.recent.length - EVIDENCE_CAP);
    return true;
  }
  if (day === null || state.clock === null) return false;
  const horizon = ind.windowDays + ind.baselineDays;
  if (day <= state.clock - horizon) return false;
  let bucket = rt.buckets.get(day);
  if (!bucket) {
    bucket = [];
    rt.buckets.set(day, bucket);
    if (day > state.clock) state.agenda.push(day, { ind: i, bucket: day });
    const leavesWindow = day + ind.windowDays;
    if (ind.baselineDays > 0 && leavesWindow > state.clock) state.agenda.push(leavesWindow, { ind: i, bucket: day });
    state.agenda.push(day + horizon, { ind: i, bucket: day });
  } else if (bucket.some((e) => e.id === id)) return false;
  bucket.push({ id, documents });
  return true;
}

function recordDay(iso: string | null): number | null {
  return iso === null ? null : dayOf(iso);
}

/**
 * Applies one batch (typically one document's records) and returns the indicators whose state
 * changed, in definition order. Mutates state; deterministic for a given sequence of batches.
 */
export function applyBatch(state: WatchEngineState, batch: WatchBatch): IndicatorChange[] {
  const events = batch.events ?? [];
  const relations = batch.relations ?? [];
  let newest = state.clock ?? -Infinity;
  const given = batch.clock ? dayOf(batch.clock) : null;
  // A batch with its own clock (a document's publication date) sets the time; a record dated
  // later (a planned or mis-dated event) waits for the clock instead of dragging it forward.
  if (given !== null) newest = Math.max(newest, given);
  else {
    for (const r of [...events, ...relations]) {
      const d = recordDay(r.day);
      if (d !== null) newest = Math.max(newest, d);
    }
  }
  const before = new Map<number, IndicatorStatus>();
  const touched = new Set<number>();
  if (Number.isFinite(newest)) advanceClock(state, newest, touched);
  const movedBy = new Map<number, string[]>();
  const note = (i: number, id: string) => { const l = movedBy.get(i); if (l) l.push(id); else movedBy.set(i, [id]); };
  const cand = new Set<number>();
  for (const e of events) {
    cand.clear();
    candidates(state.eventIndex, e.type, e.actors.map((a) => a.id), cand);
    for (const i of cand) {
      if (!state.indicators[i]!.matchesEvent(e)) continue;
      if (count(state, i, e.id, recordDay(e.day), e.documents)) { touched.add(i); note(i, e.id); }
    }
  }
  for (const r of relations) {
    cand.clear();
    candidates(state.relationIndex, r.predicate, [r.subject, r.object], cand);
    for (const i of cand) {
      if (!state.indicators[i]!.matchesRelation(r)) continue;
      if (count(state, i, r.id, recordDay(r.day), r.documents)) { touched.add(i); note(i, r.id); }
    }
  }
  const changes: IndicatorChange[] = [];
  for (const i of [...touched].sort((a, b) => a - b)) {
    const rt = state.runtimes[i]!;
    before.set(i, rt.status);
    rt.status = evaluate(state, i);
    const prev = before.get(i)!;
    if (prev.state !== rt.status.state) {
      const ind = state.indicators[i]!;
      changes.push({
        key: ind.key, scenario: ind.scenario, indicator: ind.def.id, from: prev.state, to: rt.status.state,
        day: isoDay(state.clock!), movedBy: movedBy.get(i) ?? [], status: rt.status,
      });
    }
  }
  return changes;
}

/** Current status of every indicator, in definition order. */
export function statuses(state: WatchEngineState): { key: string; status: IndicatorStatus }[] {
  return state.indicators.map((ind, i) => ({ key: ind.key, status: state.runtimes[i]!.status }));
}

type SnapshotJson = {
  clock: number | null;
  indicators: { key: string; def: string; buckets: [number, Entry[]][]; seen: string[]; recent: Entry[]; status: IndicatorStatus }[];
};

/** Serialises the engine state (definitions are kept to detect edits). */
export function serializeState(state: WatchEngineState): string {
  const out: SnapshotJson = {
    clock: state.clock,
    indicators: state.indicators.map((ind, i) => {
      const rt = state.runtimes[i]!;
      return { key: ind.key, def: JSON.stringify(ind.def), buckets: [...rt.buckets], seen: [...rt.seen], recent: rt.recent, status: rt.status };
    }),
  };
  return JSON.stringify(out);
}

/**
 * Restores a snapshot for these scenarios. Returns null when an indicator is new or was edited
 * since the snapshot: the caller then rebuilds by replaying the stored records.
 */
export function restoreState(scenarios: ScenarioDef[], json: string): WatchEngineState | null {
  const snap = JSON.parse(json) as SnapshotJson;
  const state = createWatchState(scenarios);
  const byKey = new Map(snap.indicators.map((s) => [s.key, s]));
  for (let i = 0; i < state.indicators.length; i++) {
    const ind = state.indicators[i]!;
    const saved = byKey.get(ind.key);
    if (!saved || saved.def !== JSON.stringify(ind.def)) return null;
    const rt = state.runtimes[i]!;
    rt.buckets = new Map(saved.buckets);
    rt.seen = new Set(saved.seen);
    rt.recent = saved.recent;
    rt.status = saved.status;
  }
  state.clock = snap.clock;
  if (state.clock !== null) {
    const T = state.clock;
    state.indicators.forEach((ind, i) => {
      for (const day of state.runtimes[i]!.buckets.keys()) {
        if (day > T) state.agenda.push(day, { ind: i, bucket: day });
        if (ind.baselineDays > 0 && day + ind.windowDays > T) state.agenda.push(day + ind.windowDays, { ind: i, bucket: day });
        state.agenda.push(day + ind.windowDays + ind.baselineDays, { ind: i, bucket: day });
      }
    });
  }
  return state;
}
