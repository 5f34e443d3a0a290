// A state force's unit stands for the force it is part of ("a convoy of the 5th Corps" is the
// Syrian army's convoy), read from the pack's dated part_of affiliations between state forces;
// inside a coalition's theatre a member's forces stand for the coalition (lexicon
// coalition-theatres).
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { PackActor } from '../knowledge/pack-types.js';
import { WatchfloorError } from '../errors.js';

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

/** A coalition's theatre (lexicon coalition-theatres): where its members' forces serve as it. */
export type CoalitionTheatre = { coalition: PackActor; countries: ReadonlySet<string>; forces: ReadonlySet<string> };

const theatreCache = new WeakMap<KnowledgeBase, CoalitionTheatre[]>();

export function coalitionTheatres(kb: KnowledgeBase): CoalitionTheatre[] {
  const hit = theatreCache.get(kb);
  if (hit) return hit;
  const raw = kb.lexicons.get('coalition-theatres') ?? [];
  const bad = (why: string) => new WatchfloorError('BAD_PACK', `lexicon "coalition-theatres": ${why}`, { subject: 'lexicon/coalition-theatres.yaml' });
  if (!Array.isArray(raw)) throw bad('must be a list of {coalition, countries, forces}');
  const out = raw.map((e: { coalition?: unknown; countries?: unknown; forces?: unknown }, i: number): CoalitionTheatre => {
    const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
    if (typeof e?.coalition !== 'string' || !strings(e.countries) || !strings(e.forces)) throw bad(`entry ${i + 1} needs a coalition id, countries and forces`);
    const ids = [e.coalition, ...(e.forces as string[])];
    const unknown = ids.find((id) => !kb.actors.has(id));
    if (unknown) throw bad(`entry ${i + 1} refers to unknown actor "${unknown}"`);
    return { coalition: kb.actors.get(e.coalition)!, countries: new Set(e.countries as string[]), forces: new Set(e.forces as string[]) };
  });
  theatreCache.set(kb, out);
  return out;
}

/**
 * The coalitions a state force serves in on `date` when it is in the field in one of
 * `countries` ("US forces" in Syria since 2014 are the Global Coalition's).
 */
export function theatreCoalitions(kb: KnowledgeBase, actorId: string, date: string | null, countries: ReadonlySet<string>): PackActor[] {
  return coalitionTheatres(kb)
    .filter((t) => t.forces.has(actorId) && activeAt(t.coalition, date) && [...countries].some((c) => t.countries.has(c)))
    .map((t) => t.coalition);
}
