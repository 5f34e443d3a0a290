// Helpers for the scenario board and the warnings feed: the last-seen warning position kept
// in localStorage, which indicators changed since then, and short readable forms of
// thresholds, regions and sparkline geometry.
import type { BoardIndicator, IndicatorState, Warning, WatchRegion } from '../api/types.js';

export const LAST_SEEN_KEY = 'watchfloor.lastSeenWarningSeq';
export const LAST_SEEN_EVENT = 'watchfloor:last-seen';

export function readLastSeen(storage: Pick<Storage, 'getItem'> | null = safeStorage()): number {
  const v = Number(storage?.getItem(LAST_SEEN_KEY) ?? '0');
  return Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0;
}

export function writeLastSeen(seq: number, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try { storage?.setItem(LAST_SEEN_KEY, String(seq)); } catch { /* private mode: remembered for this page only */ }
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(LAST_SEEN_EVENT, { detail: seq }));
}

function safeStorage(): Storage | null {
  try { return typeof localStorage === 'undefined' ? null : localStorage; } catch { return null; }
}

export function indicatorKey(scenario: string, indicator: string): string {
  return `${scenario}/${indicator}`;
}

/** scenario/indicator keys with a warning after `lastSeen`, each with its newest such warning. */
export function changedSince(warnings: Warning[], lastSeen: number): Map<string, Warning> {
  const out = new Map<string, Warning>();
  for (const w of warnings) {
    if (w.seq <= lastSeen) continue;
    const k = indicatorKey(w.scenario, w.indicator);
    const prev = out.get(k);
    if (!prev || prev.seq < w.seq) out.set(k, w);
  }
  return out;
}

export const STATE_RANK: Record<IndicatorState, number> = { quiet: 0, rising: 1, triggered: 2 };

export function thresholdText(ind: BoardIndicator): string {
  const d = ind.definition;
  const t = d.threshold ?? {};
  const parts: string[] = [];
  if (t.ratio_to_baseline !== undefined) parts.push(`≥ ${t.ratio_to_baseline}× baseline`);
  if (t.min_count !== undefined) parts.push(`≥ ${t.min_count} ${ind.kind === 'relation-reported' ? 'report' : 'event'}${t.min_count === 1 ? '' : 's'}`);
  const win = d.window_days === undefined ? 'ever' : `in ${d.window_days} days`;
  const base = d.baseline_days ? ` vs the ${d.baseline_days} days before` : '';
  return `${parts.join(' and ') || 'any'} ${win}${base}`;
}

export function regionText(r: WatchRegion | null | undefined): string {
  if (!r) return 'anywhere';
  const parts = [...(r.countries ?? []), ...(r.admin1 ?? [])];
  if (r.bbox) parts.push(`box ${r.bbox.map((n) => n.toFixed(1)).join(', ')}`);
  return parts.length ? parts.join(' · ') : 'anywhere';
}

/** Polyline points for counts scaled into w×h (1px padding); empty for no data. */
export function sparkPoints(counts: number[], w: number, h: number): string {
  if (!counts.length) return '';
  const max = Math.max(1, ...counts);
  const step = counts.length > 1 ? (w - 2) / (counts.length - 1) : 0;
  return counts.map((c, i) => `${(1 + i * step).toFixed(1)},${(h - 1 - (c / max) * (h - 2)).toFixed(1)}`).join(' ');
}

/** "YYYY-MM" plus n months. */
export function addMonths(ym: string, n: number): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m) return ym;
  const k = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** Profile id for an actor id as the watch writes it: a pack id, or already a store id. */
export function watchActorId(id: string): string {
  return id.includes(':') ? id : `kb:${id}`;
}

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
