// Keys the merge matches on: normalised actor names, place keys, stable ids, distances.
import { createHash } from 'node:crypto';

/** Case, diacritics, punctuation and a leading English article folded away. */
export function normalizeName(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f\u064B-\u065F\u0670]/g, '').toLowerCase()
    .replace(/[’'`]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');
}

/** The merged actor id: the pack id when linked, else the normalised name. */
export function actorIdFor(kbId: string | null, name: string): string | null {
  if (kbId) return `kb:${kbId}`;
  const key = normalizeName(name);
  return key === '' ? null : `n:${key}`;
}

export function placeKeyFor(p: { geonames_id: number | null; name: string; id?: string }): string | null {
  if (p.geonames_id !== null && p.geonames_id !== undefined) return `g:${p.geonames_id}`;
  const key = normalizeName(p.name);
  return key === '' ? null : `p:${key}`;
}

export function stableId(prefix: string, ...parts: (string | number | null)[]): string {
  return `${prefix}:${createHash('sha1').update(parts.map((p) => String(p ?? '')).join('\u0001')).digest('hex').slice(0, 20)}`;
}

const DAY_MS = 86_400_000;
export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export { distanceKm } from '../../geo/distance.js';
