// The scenario board: each scenario with its indicators' current status, and the terminal
// form of a warning. Pure formatting over engine state; with the stored records it also gives
// each indicator a monthly history of matching records (for sparklines) and describes the
// records that set its state, so the UI can show and link evidence without more queries.
import { dayOf } from './days.js';
import type { WatchEngineState } from './watch-engine.js';
import type { IndicatorStatus, NewWarning, Region, ScenarioDef, Warning, WatchEvent, WatchRelation } from './types.js';

/** One event or relation, described for a reader: what it is, when, and who reports it. */
export type EvidenceRecord = {
  id: string; kind: 'event' | 'relation'; day: string | null;
  /** Event type, or "subject predicate object" for a relation. */
  what: string;
  /** Summary and evidence sentences, shortened. */
  text: string;
  /** Event participants, or [subject, object]: pack ids where linked, else store actor ids. */
  actors: string[];
  documents: string[];
};

/** Matching records per calendar month, from `from` (YYYY-MM) to the watch clock's month. */
export type IndicatorHistory = { bucket: 'month'; from: string; counts: number[] };

export type BoardIndicator = {
  id: string; label: string; kind: string; definition: unknown; status: IndicatorStatus;
  /** Only when records were given. */
  history?: IndicatorHistory;
  evidence_records?: EvidenceRecord[];
};

export type BoardScenario = {
  id: string; title: string; outcome: string | null; origin: string; actors: string[];
  /** Where the scenario was defined: an analyst YAML file or a stored document. */
  source: ScenarioDef['origin'];
  region: Region | null;
  horizon: { from: string | null; to: string | null } | null;
  /** The most advanced indicator state. */
  state: IndicatorStatus['state'];
  indicators: BoardIndicator[];
};

export type WatchRecords = { events: WatchEvent[]; relations: WatchRelation[] };

const RANK = { quiet: 0, rising: 1, triggered: 2 } as const;
const TEXT_CAP = 240;

export function scenarioBoard(state: WatchEngineState, records?: WatchRecords): { clock: string | null; scenarios: BoardScenario[] } {
  const byKey = new Map(state.indicators.map((ind, i) => [ind.key, state.runtimes[i]!.status]));
  const histories = records ? indicatorHistories(state, records) : null;
  const described = records ? recordIndex(records) : null;
  const scenarios = state.scenarios.map((s) => {
    const indicators = s.indicators.map((d): BoardIndicator => {
      const key = `${s.id}/${d.id}`;
      const status = byKey.get(key)!;
      const out: BoardIndicator = { id: d.id, label: d.label ?? d.id, kind: d.kind, definition: d, status };
      if (histories) out.history = histories.get(key)!;
      if (described) out.evidence_records = describeRecords(described, status.evidence);
      return out;
    });
    const top = indicators.reduce<IndicatorStatus['state']>((m, i) => RANK[i.status.state] > RANK[m] ? i.status.state : m, 'quiet');
    return {
      id: s.id, title: s.title, outcome: s.outcome, actors: s.actors, horizon: s.horizon, state: top, indicators,
      origin: s.origin.kind === 'yaml' ? s.origin.file : `document ${s.origin.document}`,
      source: s.origin, region: s.region,
    };
  });
  return { clock: state.clock === null ? null : new Date(state.clock * 86_400_000).toISOString().slice(0, 10), scenarios };
}

function monthIndex(day: number): number {
  const d = new Date(day * 86_400_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

function monthLabel(m: number): string {
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

/** Longest history given, in months: old dated mentions (a 1949 founding) must not stretch it. */
export const HISTORY_MONTHS = 180;

/**
 * Per indicator, the records it matches counted by the month of their day, over one common
 * span: from the first month any indicator matched (at most HISTORY_MONTHS back) to the
 * clock's month. Records after the clock are left out, as the engine holds them back.
 */
export function indicatorHistories(state: WatchEngineState, records: WatchRecords): Map<string, IndicatorHistory> {
  let newest = -Infinity;
  for (const r of [...records.events, ...records.relations]) {
    const d = r.day === null ? null : dayOf(r.day);
    if (d !== null) newest = Math.max(newest, d);
  }
  const end = state.clock ?? (Number.isFinite(newest) ? newest : null);
  const months = state.indicators.map(() => new Map<number, number>());
  let first = Infinity;
  if (end !== null) {
    const add = (i: number, day: string | null) => {
      const d = day === null ? null : dayOf(day);
      if (d === null || d > end) return;
      const m = monthIndex(d);
      months[i]!.set(m, (months[i]!.get(m) ?? 0) + 1);
      first = Math.min(first, m);
    };
    state.indicators.forEach((ind, i) => {
      for (const e of records.events) if (ind.matchesEvent(e)) add(i, e.day);
      for (const r of records.relations) if (ind.matchesRelation(r)) add(i, r.day);
    });
  }
  const last = end === null ? 0 : monthIndex(end);
  const start = end === null ? 0 : Math.max(Number.isFinite(first) ? first : last, last - HISTORY_MONTHS + 1);
  const n = end === null ? 0 : last - start + 1;
  const out = new Map<string, IndicatorHistory>();
  state.indicators.forEach((ind, i) => {
    const counts = Array.from({ length: n }, (_, k) => months[i]!.get(start + k) ?? 0);
    out.set(ind.key, { bucket: 'month', from: n ? monthLabel(start) : '', counts });
  });
  return out;
}

function shorten(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > TEXT_CAP ? `${t.slice(0, TEXT_CAP - 1)}…` : t;
}

export function recordIndex(records: WatchRecords): Map<string, EvidenceRecord> {
  const m = new Map<string, EvidenceRecord>();
  for (const e of records.events) m.set(e.id, { id: e.id, kind: 'event', day: e.day, what: e.type, text: shorten(e.text), actors: [...new Set(e.actors.map((a) => a.id))], documents: e.documents });
  for (const r of records.relations) {
    m.set(r.id, { id: r.id, kind: 'relation', day: r.day, what: `${r.subject} ${r.predicate} ${r.object}`, text: shorten(r.text), actors: [r.subject, r.object], documents: r.documents });
  }
  return m;
}

/** The described records for these ids, in their order; ids no longer stored are left out. */
export function describeRecords(index: Map<string, EvidenceRecord>, ids: string[]): EvidenceRecord[] {
  return ids.map((id) => index.get(id)).filter((r): r is EvidenceRecord => r !== undefined);
}

export function formatWarning(w: Warning | NewWarning): string {
  const mark = w.to === 'triggered' ? '!!' : w.to === 'rising' ? '! ' : '  ';
  const ratio = w.ratio === null ? '' : `, ${w.ratio.toFixed(2)}× baseline`;
  const seq = 'seq' in w ? `#${w.seq} ` : '';
  const ack = 'acked_at' in w && w.acked_at ? ' (acked)' : '';
  return `${mark} ${seq}${w.day}  ${w.scenario_title} — ${w.indicator_label}: ${w.from} → ${w.to} (${w.count} in window${ratio})${ack}\n`
    + `     moved by: ${w.moved_by.length ? w.moved_by.join(', ') : 'time passing (records left the window)'}\n`
    + `     documents: ${w.documents.join(', ') || '-'}   id: ${w.id}\n`;
}
