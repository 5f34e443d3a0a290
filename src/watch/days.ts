// Day numbers (days since 1970-01-01, UTC): the engine's clock and its window arithmetic.
const DAY_MS = 86_400_000;

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD…" → day number of its first day; null when unreadable. */
export function dayOf(iso: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1'));
  return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
