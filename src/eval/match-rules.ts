// The matching rules written in the seeds gold file's header.

/** Lower case, no accents or apostrophes, hyphens as spaces, and "the "/"al-"/"el-" prefixes ignored. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`ʿʾ]/g, '')
    .replace(/[-‐–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/^(al|el) /, '');
}

export function namesMatch(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

export function anyNameMatches(candidates: readonly string[], names: readonly string[]): boolean {
  const set = new Set(names.map(normaliseName));
  return candidates.some((c) => set.has(normaliseName(c)));
}

export { distanceKm } from '../geo/distance.js';

/** Inclusive ISO date spans overlap; a gold date may be "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export function goldDateSpan(date: string): [string, string] {
  if (/^\d{4}$/.test(date)) return [`${date}-01-01`, `${date}-12-31`];
  if (/^\d{4}-\d{2}$/.test(date)) return [`${date}-01`, `${date}-31`];
  return [date, date];
}

export function spansOverlap(a: [string, string], b: [string, string]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** The sentence holding an anchor string: from the previous sentence end to the next one. */
export function anchorSentence(text: string, anchor: string): [number, number] | null {
  const at = text.indexOf(anchor);
  if (at < 0) return null;
  let start = at;
  while (start > 0 && !/[.!?\n]/.test(text[start - 1]!)) start--;
  let end = at + anchor.length;
  while (end < text.length && !/[.!?\n]/.test(text[end]!)) end++;
  return [start, end];
}

export const SYMMETRIC_PREDICATES = new Set(['cooperates_with', 'allied_with', 'hostile_to', 'rival_of', 'fights']);
