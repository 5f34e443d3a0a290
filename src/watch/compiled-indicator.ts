// An indicator compiled for fast matching: its filters as sets and closures, its windows as
// numbers. Matching is pure: (indicator, record) → boolean.
import type { Modality } from '../analysis/types.js';
import { regionMatcher, type RegionMatcher } from './region.js';
import type { IndicatorDef, ScenarioDef, Threshold, WatchEvent, WatchRelation } from './types.js';
import { phrasePattern } from '../text/regexp-source.js';

/** Modalities counted when an indicator names none: what the text says did (or nearly did) happen. */
export const DEFAULT_MODALITIES: readonly Modality[] = ['asserted', 'reported', 'claimed', 'alleged', 'planned', 'foiled'];

export type CompiledIndicator = {
  key: string;
  scenario: string;
  def: IndicatorDef;
  /** Infinity: everything ever seen counts. */
  windowDays: number;
  baselineDays: number;
  threshold: Threshold;
  matchesEvent(e: WatchEvent): boolean;
  matchesRelation(r: WatchRelation): boolean;
};

export function indicatorKey(scenario: string, indicator: string): string {
  return `${scenario}/${indicator}`;
}

function idSet(ids: string[] | undefined): Set<string> | null {
  return ids && ids.length ? new Set(ids) : null;
}

/** Keyword test on word boundaries, case-insensitive. */
function keywordMatcher(words: string[] | undefined): ((text: string) => boolean) | null {
  if (!words || !words.length) return null;
  const escaped = words.map((w) => phrasePattern(w.trim().toLowerCase()));
  const re = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${escaped.join('|')})`, 'iu');
  return (text) => re.test(text);
}

export function compileIndicator(scenario: ScenarioDef, def: IndicatorDef): CompiledIndicator {
  const modalities = new Set(def.modalities ?? DEFAULT_MODALITIES);
  const windowDays = def.window_days ?? Infinity;
  const base = {
    key: indicatorKey(scenario.id, def.id), scenario: scenario.id, def, windowDays, threshold: def.threshold,
  };
  if (def.kind === 'event-count') {
    const types = def.types && def.types.length ? new Set<string>(def.types) : null;
    const actors1 = idSet(def.actors_any);
    const actors2 = idSet(def.actors_any_2);
    // An indicator without its own region watches the scenario's.
    const inRegion: RegionMatcher = regionMatcher(def.region ?? scenario.region);
    const keywords = keywordMatcher(def.keywords_any);
    return {
      ...base,
      baselineDays: Number.isFinite(windowDays) ? def.baseline_days ?? 0 : 0,
      matchesEvent(e) {
        if (types && !types.has(e.type)) return false;
        if (!modalities.has(e.modality)) return false;
        if (actors1 || actors2) {
          const in1 = actors1 ? e.actors.filter((a) => actors1.has(a.id)).map((a) => a.id) : null;
          const in2 = actors2 ? e.actors.filter((a) => actors2.has(a.id)).map((a) => a.id) : null;
          if ((in1 && !in1.length) || (in2 && !in2.length)) return false;
          // "A against B": two different actors, one from each list.
          if (in1 && in2 && !in1.some((a) => in2.some((b) => b !== a))) return false;
        }
        if (!inRegion(e.place)) return false;
        if (keywords && !keywords(e.text)) return false;
        return true;
      },
      matchesRelation: () => false,
    };
  }
  const predicates = def.predicates && def.predicates.length ? new Set<string>(def.predicates) : null;
  const subjects = idSet(def.subject_any);
  const objects = idSet(def.object_any);
  const pair = (s: string, o: string) => (!subjects || subjects.has(s)) && (!objects || objects.has(o));
  return {
    ...base,
    baselineDays: 0,
    matchesEvent: () => false,
    matchesRelation(r) {
      if (predicates && !predicates.has(r.predicate)) return false;
      if (!modalities.has(r.modality)) return false;
      return pair(r.subject, r.object) || (def.either_direction === true && pair(r.object, r.subject));
    },
  };
}
