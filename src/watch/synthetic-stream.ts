// A generated world for tests and the bench: seeded random events, relations and indicators
// whose every field is known, so expected indicator states can be computed independently.
import type { EventType, Modality, Predicate } from '../analysis/types.js';
import { isoDay } from './days.js';
import type { IndicatorDef, ScenarioDef, WatchEvent, WatchPlace, WatchRelation } from './types.js';

export { seededRandom } from '../seeded-random.js';

export const SYNTH_ACTORS = ['islamic-state', 'syrian-democratic-forces', 'syrian-national-army', 'hezbollah', 'iran', 'popular-mobilization-forces', 'turkey', 'syrian-arab-army'];
export const SYNTH_TYPES: EventType[] = ['attack', 'bombing', 'armed-clash', 'prison-break', 'arrest', 'statement', 'funding'];
export const SYNTH_PREDICATES: Predicate[] = ['cooperates_with', 'supports', 'fights', 'funds', 'hostile_to'];
const MODALITIES: Modality[] = ['asserted', 'asserted', 'reported', 'claimed', 'alleged', 'hypothetical', 'negated'];
export const SYNTH_PLACES: WatchPlace[] = [
  { name: 'Al-Hasakah', country: 'SY', admin1: 'Al-Hasakah', lat: 36.5, lon: 40.75 },
  { name: 'Manbij', country: 'SY', admin1: 'Aleppo', lat: 36.53, lon: 37.95 },
  { name: 'Palmyra', country: 'SY', admin1: 'Homs', lat: 34.56, lon: 38.28 },
  { name: 'Tripoli', country: 'LB', admin1: 'North Governorate', lat: 34.43, lon: 35.84 },
  { name: 'Mosul', country: 'IQ', admin1: 'Nineveh', lat: 36.34, lon: 43.13 },
  { name: 'Al-Hol', country: 'SY', admin1: 'Al-Hasakah', lat: 36.38, lon: 41.15 },
];
const KEYWORDS = ['prison', 'camp', 'checkpoint', 'convoy', 'market'];

export function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}
function some<T>(rnd: () => number, xs: readonly T[], max: number): T[] {
  const n = 1 + Math.floor(rnd() * max);
  return [...new Set(Array.from({ length: n }, () => pick(rnd, xs)))];
}

export const START_DAY = 20089; // 2025-01-01

export function randomEvent(rnd: () => number, id: string, day: number | null, document: string): WatchEvent {
  const actors = some(rnd, SYNTH_ACTORS, 3).map((a, k) => ({ id: a, role: k === 0 ? 'perpetrator' as const : 'target' as const }));
  const kw = rnd() < 0.3 ? ` near the ${pick(rnd, KEYWORDS)}` : '';
  return {
    id, type: pick(rnd, SYNTH_TYPES), day: day === null ? null : isoDay(day),
    place: rnd() < 0.1 ? null : pick(rnd, SYNTH_PLACES), actors, modality: pick(rnd, MODALITIES),
    text: `Generated event ${id}${kw}.`, documents: [document],
  };
}

export function randomRelation(rnd: () => number, id: string, day: number | null, document: string): WatchRelation {
  const [subject, object] = [pick(rnd, SYNTH_ACTORS), pick(rnd, SYNTH_ACTORS)];
  return { id, subject, predicate: pick(rnd, SYNTH_PREDICATES), object, day: day === null ? null : isoDay(day), modality: pick(rnd, MODALITIES), text: '', documents: [document] };
}

export function randomIndicator(rnd: () => number, id: string): IndicatorDef {
  if (rnd() < 0.25) {
    return {
      id, kind: 'relation-reported', predicates: some(rnd, SYNTH_PREDICATES, 2),
      ...(rnd() < 0.6 ? { subject_any: some(rnd, SYNTH_ACTORS, 2) } : {}),
      ...(rnd() < 0.5 ? { object_any: some(rnd, SYNTH_ACTORS, 2) } : {}),
      ...(rnd() < 0.4 ? { either_direction: true } : {}),
      ...(rnd() < 0.6 ? { window_days: 10 + Math.floor(rnd() * 50) } : {}),
      threshold: { min_count: 1 + Math.floor(rnd() * 3) },
    };
  }
  const ratio = rnd() < 0.4;
  const regionRoll = rnd();
  return {
    id, kind: 'event-count',
    ...(rnd() < 0.8 ? { types: some(rnd, SYNTH_TYPES, 2) } : {}),
    ...(rnd() < 0.7 ? { actors_any: some(rnd, SYNTH_ACTORS, 2) } : {}),
    ...(rnd() < 0.3 ? { actors_any_2: some(rnd, SYNTH_ACTORS, 2) } : {}),
    ...(regionRoll < 0.2 ? { region: { countries: ['LB'] } } : regionRoll < 0.35 ? { region: { admin1: ['Hasakah'] } }
      : regionRoll < 0.5 ? { region: { bbox: [36, 35.5, 42.5, 37.5] as [number, number, number, number] } } : {}),
    ...(rnd() < 0.15 ? { keywords_any: [pick(rnd, KEYWORDS)] } : {}),
    ...(rnd() < 0.1 ? { modalities: ['claimed' as const] } : {}),
    window_days: 5 + Math.floor(rnd() * 40),
    ...(ratio ? { baseline_days: 20 + Math.floor(rnd() * 80), threshold: { ratio_to_baseline: 1.5 + rnd() * 2, ...(rnd() < 0.5 ? { min_count: 2 } : {}) } }
      : { threshold: { min_count: 1 + Math.floor(rnd() * 5) } }),
  };
}

export function randomScenarios(rnd: () => number, scenarios: number, perScenario: number): ScenarioDef[] {
  return Array.from({ length: scenarios }, (_, s) => ({
    id: `sc${s}`, title: `Scenario ${s}`, outcome: null, conditions: [], actors: [], region: null, horizon: null,
    origin: { kind: 'yaml' as const, file: 'generated' },
    indicators: Array.from({ length: perScenario }, (_, k) => randomIndicator(rnd, `i${k}`)),
  }));
}
