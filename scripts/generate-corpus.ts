// Deterministic synthetic documents for benchmarks: paragraphs drawn from the project's own
// sample corpus, shuffled, with varied numbers and dates so every document is distinct.
export function generateCorpus(pool: string[], count: number, targetChars: number, seed: number): string[] {
  let state = seed >>> 0;
  const rand = () => { state = (state * 1664525 + 1013904223) >>> 0; return state / 2 ** 32; };
  const paragraphs = pool.flatMap((t) => t.split(/\n\s*\n/).slice(1)).map((p) => p.trim()).filter((p) => p.length > 80);
  if (!paragraphs.length) throw new Error('generateCorpus: the sample pool has no paragraphs');
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts = [`Report ${i + 1}: ${paragraphs[Math.floor(rand() * paragraphs.length)]!.split(/[.!?]/)[0]!.slice(0, 80)}`];
    let n = parts[0]!.length;
    while (n < targetChars) {
      const p = paragraphs[Math.floor(rand() * paragraphs.length)]!.replace(/\b\d{1,3}\b/g, () => String(1 + Math.floor(rand() * 300)));
      parts.push(p);
      n += p.length + 2;
    }
    docs.push(parts.join('\n\n'));
  }
  return docs;
}
