// Turns overlapping annotated spans into flat, non-overlapping text segments, each knowing
// every span that covers it, so nested and crossing annotations all stay visible.
export type Mark = { start: number; end: number; layer: string; ref: string };
export type Segment = { start: number; end: number; text: string; marks: Mark[] };

export function buildSegments(text: string, marks: readonly Mark[]): Segment[] {
  const valid = marks
    .map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(text.length, m.end) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, text.length]);
  for (const m of valid) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: marks sorted by start enter the active set; ended ones leave it.
  const byStart = [...valid].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let active: Mark[] = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    active = active.filter((m) => m.end > s);
    while (next < byStart.length && byStart[next]!.start <= s) {
      if (byStart[next]!.end > s) active.push(byStart[next]!);
      next++;
    }
    const segMarks = [...active];
    const prev = out[out.length - 1];
    // Merge neighbours covered by the same marks so the DOM stays small.
    if (prev && sameMarks(prev.marks, segMarks)) {
      prev.end = e;
      prev.text = text.slice(prev.start, e);
    } else {
      out.push({ start: s, end: e, text: text.slice(s, e), marks: segMarks });
    }
  }
  if (!text.length) return [];
  return out;
}

function sameMarks(a: Mark[], b: Mark[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((m) => b.includes(m));
}
