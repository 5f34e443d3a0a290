// Sentence-boundary scoring against gold documents (conllu.ts documentsFromConllu): the sets of
// sentence-end offsets are compared, each end taken after trimming white space, so a predicted
// sentence counts as correct when it ends where a gold sentence ends.

export type BoundaryDocument = { text: string; sentences: readonly { start: number; end: number }[] };
export type BoundaryScore = { precision: number; recall: number; f1: number; gold: number; predicted: number };

function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

export function scoreSentenceBoundaries(
  docs: readonly BoundaryDocument[],
  split: (text: string) => readonly { start: number; end: number }[],
): BoundaryScore {
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  for (const d of docs) {
    const goldEnds = new Set<number>();
    for (const s of d.sentences) {
      const e = trimmedEnd(d.text, s.start, s.end);
      if (e > s.start) goldEnds.add(e);
    }
    const predEnds = new Set<number>();
    for (const s of split(d.text)) {
      const e = trimmedEnd(d.text, s.start, s.end);
      if (e > s.start) predEnds.add(e);
    }
    gold += goldEnds.size;
    predicted += predEnds.size;
    for (const e of predEnds) if (goldEnds.has(e)) correct++;
  }
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, predicted };
}
