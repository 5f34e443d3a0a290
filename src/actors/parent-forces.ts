// A state force's unit stands for the force it is part of ("a convoy of the 5th Corps" is the
// Syrian army's convoy). Read from the pack's dated part_of affiliations between state forces.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { PackActor } from '../knowledge/pack-types.js';

/**
 * Event families in which a unit acts as its force in the field (fighting, arresting, taking
 * ground, moving troops); a unit's statement or meeting is its own.
 */
export const FIELD_FAMILIES: ReadonlySet<string> = new Set(['violence', 'arrest', 'territory', 'deployment']);

/** Pad a partial date to a full day: the first day for starts, the last for ends. */
export function padDate(d: string, end: boolean): string {
  if (d.length === 10) return d;
  if (d.length === 7) return end ? `${d}-31` : `${d}-01`;
  return end ? `${d}-12-31` : `${d}-01-01`;
}

/** True when [start, end] (either open) covers `date`; an unknown date is covered. */
export function activeAt(span: { start?: string; end?: string }, date: string | null): boolean {
  if (!date) return true;
  if (span.start && padDate(span.start, false) > date) return false;
  if (span.end && padDate(span.end, true) < date) return false;
  return true;
}

/**
 * The state forces a state-force unit is part of on `date` (a full ISO day, or null when not
 * known), nearest first, following part_of up through state forces only: an army stops at its
 * government, a militia is never rolled up.
 */
export function parentForces(kb: KnowledgeBase, actorId: string, date: string | null): PackActor[] {
  const out: PackActor[] = [];
  let current = kb.actors.get(actorId);
  while (current && current.kind === 'state-force' && activeAt(current, date)) {
    const link = (current.affiliations ?? []).find((f) => f.predicate === 'part_of' && activeAt(f, date)
      && kb.actors.get(f.object)?.kind === 'state-force' && activeAt(kb.actors.get(f.object)!, date));
    const parent = link ? kb.actors.get(link.object) : undefined;
    if (!parent || parent.id === actorId || out.includes(parent)) break;
    out.push(parent);
    current = parent;
  }
  return out;
}
