// The scenario board: each scenario with its indicators' current status, and the terminal
// form of a warning. Pure formatting over engine state.
import type { WatchEngineState } from './watch-engine.js';
import type { IndicatorStatus, NewWarning, Warning } from './types.js';

export type BoardScenario = {
  id: string; title: string; outcome: string | null; origin: string; actors: string[];
  horizon: { from: string | null; to: string | null } | null;
  /** The most advanced indicator state. */
  state: IndicatorStatus['state'];
  indicators: { id: string; label: string; kind: string; definition: unknown; status: IndicatorStatus }[];
};

const RANK = { quiet: 0, rising: 1, triggered: 2 } as const;

export function scenarioBoard(state: WatchEngineState): { clock: string | null; scenarios: BoardScenario[] } {
  const byKey = new Map(state.indicators.map((ind, i) => [ind.key, state.runtimes[i]!.status]));
  const scenarios = state.scenarios.map((s) => {
    const indicators = s.indicators.map((d) => ({
      id: d.id, label: d.label ?? d.id, kind: d.kind, definition: d, status: byKey.get(`${s.id}/${d.id}`)!,
    }));
    const top = indicators.reduce<IndicatorStatus['state']>((m, i) => RANK[i.status.state] > RANK[m] ? i.status.state : m, 'quiet');
    return {
      id: s.id, title: s.title, outcome: s.outcome, actors: s.actors, horizon: s.horizon, state: top, indicators,
      origin: s.origin.kind === 'yaml' ? s.origin.file : `document ${s.origin.document}`,
    };
  });
  return { clock: state.clock === null ? null : new Date(state.clock * 86_400_000).toISOString().slice(0, 10), scenarios };
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
