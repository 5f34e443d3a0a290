// Per-sentence view of the earlier layers: which actor, place and time mentions each sentence
// holds, in text order. Every extraction stage reads the document through this index.
import { sentenceIndexAt } from '../pipeline/sentence-lookup.js';
import type { ActorKind, ActorOut, PlaceOut, When } from '../analysis/types.js';
import type { Layers, Sentence } from '../pipeline/stage.js';

export type ActorRef = { actor: string; kind: ActorKind; name: string; start: number; end: number };
export type PlaceRef = { place: string; name: string; start: number; end: number };
export type TimeRef = { time: string; when: When; start: number; end: number };
export type SentenceInfo = Sentence & { index: number; actors: ActorRef[]; places: PlaceRef[]; times: TimeRef[] };

export type DocIndex = {
  text: string;
  sentences: SentenceInfo[];
  actors: ReadonlyMap<string, ActorOut>;
  places: ReadonlyMap<string, PlaceOut>;
  /** [start, end) of quoted passages (“…” or "…"): speech, not narration. */
  quoted: [number, number][];
};

/** Index of the sentence holding offset `at`, or -1. */
export const sentenceAt = (sentences: readonly Sentence[], at: number): number => sentenceIndexAt(sentences, at);

function byStart<T extends { start: number; end: number }>(a: T, b: T): number {
  return a.start - b.start || b.end - a.end;
}

/** Drops mentions lying inside a longer mention ("Iran" inside "Iranian Foreign Ministry"). */
function outermost<T extends { start: number; end: number }>(refs: T[]): T[] {
  const out: T[] = [];
  for (const r of refs.sort(byStart)) {
    const last = out.at(-1);
    if (last && r.start >= last.start && r.end <= last.end) continue;
    out.push(r);
  }
  return out;
}

function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /“[^”]*”|"[^"\n]*"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

export function isQuoted(index: DocIndex, start: number, end: number): boolean {
  return index.quoted.some(([s, e]) => start >= s && end <= e);
}

/** The quoted passage [start, end) holding the span, or null. */
export function quotationAt(index: DocIndex, start: number, end: number): [number, number] | null {
  return index.quoted.find(([s, e]) => start >= s && end <= e) ?? null;
}

// Several stages index the same layers of one document: reuse the index while the text and
// the input layers are the same objects.
let memo: { text: string; sentences: unknown; actors: unknown; places: unknown; times: unknown; index: DocIndex } | null = null;

export function indexDocument(text: string, layers: Readonly<Partial<Layers>>): DocIndex {
  if (memo && memo.text === text && memo.sentences === layers.sentences && memo.actors === layers.actors
    && memo.places === layers.places && memo.times === layers.times) return memo.index;
  const index = buildIndex(text, layers);
  memo = { text, sentences: layers.sentences, actors: layers.actors, places: layers.places, times: layers.times, index };
  return index;
}

function buildIndex(text: string, layers: Readonly<Partial<Layers>>): DocIndex {
  const sentences: SentenceInfo[] = (layers.sentences ?? []).map((s, index) => ({ ...s, index, actors: [], places: [], times: [] }));
  const put = <T extends { start: number; end: number }>(ref: T, pick: (s: SentenceInfo) => T[]) => {
    const i = sentenceAt(sentences, ref.start);
    if (i >= 0 && ref.end <= sentences[i]!.end) pick(sentences[i]!).push(ref);
  };
  for (const a of layers.actors ?? []) {
    for (const m of a.mentions) put({ actor: a.id, kind: a.kind, name: a.name, start: m.start, end: m.end }, (s) => s.actors);
  }
  for (const p of layers.places ?? []) {
    for (const m of p.mentions) put({ place: p.id, name: p.name, start: m.start, end: m.end }, (s) => s.places);
  }
  for (const t of layers.times ?? []) {
    for (const m of t.mentions) put({ time: t.id, when: t.when, start: m.start, end: m.end }, (s) => s.times);
  }
  for (const s of sentences) {
    s.actors = outermost(s.actors);
    s.places = outermost(s.places);
    s.times = outermost(s.times);
  }
  return {
    text, sentences,
    actors: new Map((layers.actors ?? []).map((a) => [a.id, a])),
    places: new Map((layers.places ?? []).map((p) => [p.id, p])),
    quoted: quotedRanges(text),
  };
}
