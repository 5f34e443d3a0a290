// Test factory: the layers earlier stages would give for a text, built by locating the given
// substrings (every word-bounded occurrence) — so stage tests need no other stage.
import type { ActorKind, ActorOut, DocumentInfo, Precision, PlaceOut, TimeOut, Span } from '../analysis/types.js';
import type { Layers } from '../pipeline/stage.js';
import { splitSentences } from '../pipeline/stages/sentences.js';

export type ActorSpec = { name: string; kind?: ActorKind; kb_id?: string; mentions?: string[] };
export type PlaceSpec = { name: string; mentions?: string[]; kind?: PlaceOut['kind'] };
export type TimeSpec = { text: string; start: string; end?: string; precision?: Precision };

function find(text: string, needle: string): Span[] {
  const out: Span[] = [];
  const esc = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  if (!out.length) throw new Error(`test layers: "${needle}" not found in text`);
  return out;
}

export function buildLayers(text: string, spec: { actors?: ActorSpec[]; places?: PlaceSpec[]; times?: TimeSpec[] } = {}): Partial<Layers> {
  const actors: ActorOut[] = (spec.actors ?? []).map((a, i) => {
    const mentions = (a.mentions ?? [a.name]).flatMap((m) => find(text, m)).sort((x, y) => x.start - y.start);
    return { id: `a${i + 1}`, name: a.name, kind: a.kind ?? 'armed-group', aliases: [...new Set(mentions.map((m) => m.text))], kb_id: a.kb_id ?? null, mentions };
  });
  const places: PlaceOut[] = (spec.places ?? []).map((p, i) => ({
    id: `pl${i + 1}`, name: p.name, kind: p.kind ?? 'city', country: null, admin1: null, lat: null, lon: null, geonames_id: null,
    mentions: (p.mentions ?? [p.name]).flatMap((m) => find(text, m)),
  }));
  const times: TimeOut[] = (spec.times ?? []).map((t, i) => {
    const mentions = find(text, t.text);
    return { id: `t${i + 1}`, when: { start: t.start, end: t.end ?? t.start, precision: t.precision ?? 'day', text: t.text }, mentions };
  });
  return { sentences: splitSentences(text, new Set()), actors, places, times, mentions: [] };
}

export function testDocument(text: string, published: string | null = '2025-03-10'): DocumentInfo {
  return { id: 'doc-test', title: null, published, source: null, url: null, language: 'en', text };
}

/** Year helper for TimeSpec: "In 2019" → a year-precision time. */
export function year(text: string, y: number): TimeSpec {
  return { text, start: `${y}-01-01`, end: `${y}-12-31`, precision: 'year' };
}
