// An indicator's state from its counts: the one rule both the incremental engine and the full
// recomputation use.
import type { IndicatorState, Threshold } from './types.js';

export type Counts = { count: number; baseline: number };

/**
 * min_count N: triggered at N or more, rising above N/2. ratio_to_baseline R: the window count
 * against the baseline rate scaled to the window; triggered at R or more (and at least
 * min_count, default 1, so one event after a silent baseline is enough), rising above 1.
 * Compared by cross-multiplying, so no rounding separates the two evaluators.
 */
export function stateOf(t: Threshold, c: Counts, windowDays: number, baselineDays: number): { state: IndicatorState; ratio: number | null } {
  const minCount = t.min_count ?? 1;
  if (t.ratio_to_baseline !== undefined) {
    const R = t.ratio_to_baseline;
    const hasRate = baselineDays > 0 && c.baseline > 0;
    const ratio = hasRate ? (c.count * baselineDays) / (c.baseline * windowDays) : null;
    // count / (baseline * W / B) >= R  ⇔  count * B >= R * baseline * W
    const atLeast = (r: number) => !hasRate ? c.count > 0 : c.count * baselineDays >= r * c.baseline * windowDays;
    if (c.count >= minCount && atLeast(R)) return { state: 'triggered', ratio };
    const above1 = !hasRate ? c.count > 0 : c.count * baselineDays > c.baseline * windowDays;
    return { state: above1 ? 'rising' : 'quiet', ratio };
  }
  if (c.count >= minCount) return { state: 'triggered', ratio: null };
  return { state: c.count > minCount / 2 ? 'rising' : 'quiet', ratio: null };
}
