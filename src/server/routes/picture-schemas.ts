// Query-string pieces shared by the picture routes (actors, events, relations, network, ...).
import { WatchfloorError } from '../../errors.js';
import type { BBox } from '../../store/picture.js';

export const ISO_DAY = '^\\d{4}-\\d{2}-\\d{2}$';
const SLUG = '^[a-z_-]{1,40}$';

export const idParam = {
  type: 'object', required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 300 } },
} as const;

export const pageProps = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  offset: { type: 'integer', minimum: 0, default: 0 },
} as const;

export const actorProp = { type: 'string', minLength: 1, maxLength: 300, description: 'actor id, e.g. kb:islamic-state' } as const;
export const slugProp = (what: string) => ({ type: 'string', pattern: SLUG, description: what }) as const;
export const dayProp = (what: string) => ({ type: 'string', pattern: ISO_DAY, description: what }) as const;
export const bboxProp = {
  type: 'string', pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$', description: 'west,south,east,north in degrees',
} as const;

/** "w,s,e,n" as numbers; BAD_REQUEST when out of range or inverted. */
export function parseBbox(s: string | undefined): BBox | undefined {
  if (s === undefined) return undefined;
  const [w, so, e, n] = s.split(',').map(Number) as [number, number, number, number];
  if ([w, so, e, n].some((x) => !Number.isFinite(x)) || Math.abs(w) > 180 || Math.abs(e) > 180 || Math.abs(so) > 90 || Math.abs(n) > 90 || w > e || so > n) {
    throw new WatchfloorError('BAD_REQUEST', `bad bbox ${s}: expected west,south,east,north with west <= east and south <= north`);
  }
  return [w, so, e, n];
}

/** Drops undefined values so optional filters stay absent (exactOptionalPropertyTypes-safe). */
export function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
