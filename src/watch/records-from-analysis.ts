// One document's analysis as watch records (before any cross-document merge): actors by pack
// id, places with their division, the event's day (its date, else the publication date).
import type { Analysis } from '../analysis/types.js';
import type { WatchEvent, WatchRelation } from './types.js';

export function recordsFromAnalysis(a: Analysis): { events: WatchEvent[]; relations: WatchRelation[] } {
  const actorId = new Map(a.actors.map((x) => [x.id, x.kb_id ?? x.id]));
  const places = new Map(a.places.map((p) => [p.id, p]));
  const published = a.document.published;
  const docId = a.document.id;
  const events: WatchEvent[] = a.events.map((e) => {
    const p = e.place ? places.get(e.place) : undefined;
    return {
      id: `${docId}:${e.id}`, type: e.type, day: e.date?.start ?? published,
      place: p ? { name: p.name, country: p.country, admin1: p.admin1, lat: p.lat, lon: p.lon } : null,
      actors: e.actors.map((r) => ({ id: actorId.get(r.actor) ?? r.actor, role: r.role })),
      modality: e.modality, text: [e.summary, ...e.evidence.map((s) => s.text)].join(' '), documents: [docId],
    };
  });
  const relations: WatchRelation[] = a.relations.map((r) => ({
    id: `${docId}:${r.id}`, subject: actorId.get(r.subject) ?? r.subject, predicate: r.predicate,
    object: actorId.get(r.object) ?? r.object, day: r.valid?.start ?? published, modality: r.modality,
    text: r.evidence.map((s) => s.text).join(' '), documents: [docId],
  }));
  return { events, relations };
}
