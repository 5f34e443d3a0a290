// The correction requests the UI can make. Payload keys in one place, so they follow the
// server's contract (docs/api.md: POST /api/corrections { kind, target, payload }).
import type { NewCorrection, When } from './types.js';

export type EditPlace = { name: string; lat?: number; lon?: number; country?: string | null };

export const corrections = {
  /** Folds `mergedId` into `keptId` (the server keeps the target, payload.other disappears into it). */
  mergeActors: (mergedId: string, keptId: string): NewCorrection => ({ kind: 'merge-actors', target: keptId, payload: { other: mergedId } }),
  splitAlias: (actorId: string, alias: string): NewCorrection => ({ kind: 'split-alias', target: actorId, payload: { alias } }),
  rejectEvent: (eventId: string, reason?: string): NewCorrection => ({ kind: 'reject-event', target: eventId, payload: reason ? { reason } : {} }),
  editEvent: (eventId: string, edit: { date?: When; place?: EditPlace }): NewCorrection => ({ kind: 'edit-event', target: eventId, payload: edit }),
  rejectRelation: (relationId: string, reason?: string): NewCorrection => ({ kind: 'reject-relation', target: relationId, payload: reason ? { reason } : {} }),
};

export const correctionLabels: Record<string, string> = {
  'merge-actors': 'Merged actors', 'split-alias': 'Split alias', 'reject-event': 'Rejected event',
  'edit-event': 'Edited event', 'reject-relation': 'Rejected relation', 'fix-date': 'Fixed date', 'fix-place': 'Fixed place',
};
