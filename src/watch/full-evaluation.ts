// The reference evaluator: every indicator's status recomputed from every record seen, in
// arrival order, at a given clock. Slow and obvious on purpose; the incremental engine must
// agree with it at every step (watch-engine.test.ts) and back-tests can use it to explain.
import { compileIndicator } from './compiled-indicator.js';
import { dayOf } from './days.js';
import { stateOf } from './indicator-status.js';
import { EVIDENCE_CAP, type Entry } from './watch-engine.js';
import type { IndicatorStatus, ScenarioDef, WatchEvent, WatchRelation } from './types.js';

export type ArrivedRecord = { kind: 'event'; record: WatchEvent } | { kind: 'relation'; record: WatchRelation };

/**
 * records: in arrival order, each with the clock (day number) at its arrival, so records that
 * were already too old to count when they arrived are left out, as the engine does.
 */
export function evaluateAll(scenarios: ScenarioDef[], records: { arrived: ArrivedRecord; clockAtArrival: number | null }[], clock: number | null): { key: string; status: IndicatorStatus }[] {
  const out: { key: string; status: IndicatorStatus }[] = [];
  for (const s of scenarios) {
    for (const def of s.indicators) {
      const ind = compileIndicator(s, def);
      const counted: { entry: Entry; day: number | null }[] = [];
      const seen = new Set<string>();
      for (const { arrived, clockAtArrival } of records) {
        const r = arrived.record;
        const ok = arrived.kind === 'event' ? ind.matchesEvent(arrived.record) : ind.matchesRelation(arrived.record);
        if (!ok) continue;
        const day = r.day === null ? null : dayOf(r.day);
        const finite = Number.isFinite(ind.windowDays);
        if (finite) {
          if (day === null || clockAtArrival === null) continue;
          if (day <= clockAtArrival - ind.windowDays - ind.baselineDays) continue;
          // The engine de-duplicates within a day bucket.
          const k = `${day}\u0000${r.id}`;
          if (seen.has(k)) continue;
          seen.add(k);
        } else {
          if (seen.has(r.id)) continue;
          seen.add(r.id);
        }
        counted.push({ entry: { id: r.id, documents: r.documents }, day });
      }
      let count = 0;
      let baseline = 0;
      let evidence: Entry[] = [];
      if (!Number.isFinite(ind.windowDays)) {
        count = counted.length;
        evidence = counted.slice(-EVIDENCE_CAP).reverse().map((c) => c.entry);
      } else if (clock !== null) {
        const inWindow = counted.filter((c) => c.day! > clock - ind.windowDays && c.day! <= clock);
        count = inWindow.length;
        baseline = counted.filter((c) => c.day! <= clock - ind.windowDays && c.day! > clock - ind.windowDays - ind.baselineDays).length;
        // Newest day first; arrival order within a day (a stable sort keeps it).
        evidence = [...inWindow].sort((a, b) => b.day! - a.day!).slice(0, EVIDENCE_CAP).map((c) => c.entry);
      }
      const { state, ratio } = stateOf(ind.threshold, { count, baseline }, ind.windowDays, ind.baselineDays);
      const documents = [...new Set(evidence.flatMap((e) => e.documents))].sort();
      out.push({ key: ind.key, status: { state, count, baseline, ratio, evidence: evidence.map((e) => e.id), documents } });
    }
  }
  return out;
}
