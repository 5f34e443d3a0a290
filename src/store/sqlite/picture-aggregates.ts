// Pre-aggregated counts of the picture (migration 6), kept exact inside the merge's, removal's
// and corrections' transaction: events per start day and type, located events per place and
// type, one actor_events row per (actor, event) mirroring the event's day, type and rejection.
// Each changes by an event's "contribution" taken before and after the change, so every path
// that touches an event (merge, removal, correction, re-merge) keeps them equal to a recount.
import type Database from 'better-sqlite3';

export type Contribution = {
  day: string; type: string; rejected: number;
  place: { key: string; name: string; kind: string; country: string; precision: string; lat: number; lon: number } | null;
};

type EventCols = {
  type: string; date_start: string | null; rejected: number; lat: number | null; lon: number | null;
  place_key: string | null; place_name: string | null; place_kind: string | null; place_country: string | null; place_precision: string | null;
};

/** 0 one day, 1 within its month, 2 within its year, 3 beyond (see migration 6). */
export function spanClass(start: string | null, end: string | null): number {
  if (start === null || end === null || end <= start) return 0;
  if (start.slice(0, 7) === end.slice(0, 7)) return 1;
  if (start.slice(0, 4) === end.slice(0, 4)) return 2;
  return 3;
}

export class PictureAggregates {
  private readonly s;

  constructor(db: Database.Database) {
    const p = <R = unknown>(sql: string) => db.prepare<unknown[], R>(sql);
    this.s = {
      event: p<EventCols>(`SELECT type, date_start, rejected, lat, lon, place_key, place_name, place_kind, place_country, place_precision
        FROM events WHERE id = ?`),
      addDay: p(`INSERT INTO event_day_counts (day, type, n) VALUES (?, ?, ?)
        ON CONFLICT (day, type) DO UPDATE SET n = event_day_counts.n + excluded.n`),
      dropDay: p('DELETE FROM event_day_counts WHERE day = ? AND type = ? AND n <= 0'),
      addPlace: p(`INSERT INTO place_counts (place_key, name, kind, country, precision, lat, lon, type, n) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (place_key, name, kind, country, precision, lat, lon, type) DO UPDATE SET n = place_counts.n + excluded.n`),
      dropPlace: p(`DELETE FROM place_counts WHERE place_key = ? AND name = ? AND kind = ? AND country = ? AND precision = ?
        AND lat = ? AND lon = ? AND type = ? AND n <= 0`),
      syncActorEvents: p(`UPDATE actor_events SET day = ?, type = ?, rejected = ? WHERE event_id = ?`),
      addActorEvent: p(`INSERT INTO actor_events (actor_id, event_id, day, type, rejected)
        SELECT ?, id, coalesce(date_start, ''), type, rejected FROM events WHERE id = ? ON CONFLICT (actor_id, event_id) DO NOTHING`),
      dropActorEvent: p(`DELETE FROM actor_events WHERE actor_id = ? AND event_id = ?
        AND NOT EXISTS (SELECT 1 FROM event_actors WHERE event_id = ? AND actor_id = ?)`),
    };
  }

  /** What the event adds to the counts now (null when it does not exist). */
  contribution(eventId: string): Contribution | null {
    const r = this.s.event.get(eventId);
    if (!r) return null;
    return {
      day: r.date_start ?? '', type: r.type, rejected: r.rejected,
      place: r.lat === null || r.lon === null ? null : {
        key: r.place_key ?? '', name: r.place_name ?? '', kind: r.place_kind ?? '', country: r.place_country ?? '',
        precision: r.place_precision ?? '', lat: r.lat, lon: r.lon,
      },
    };
  }

  private apply(c: Contribution | null, sign: 1 | -1): void {
    if (c === null || c.rejected) return;
    this.s.addDay.run(c.day, c.type, sign);
    if (sign < 0) this.s.dropDay.run(c.day, c.type);
    const p = c.place;
    if (p) {
      this.s.addPlace.run(p.key, p.name, p.kind, p.country, p.precision, p.lat, p.lon, c.type, sign);
      if (sign < 0) this.s.dropPlace.run(p.key, p.name, p.kind, p.country, p.precision, p.lat, p.lon, c.type);
    }
  }

  /** Moves the counts from the event's old contribution to its current one. */
  changed(eventId: string, before: Contribution | null): void {
    const after = this.contribution(eventId);
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    this.apply(before, -1);
    this.apply(after, 1);
    if (after && (before === null || before.day !== after.day || before.type !== after.type || before.rejected !== after.rejected)) {
      this.s.syncActorEvents.run(after.day, after.type, after.rejected, eventId);
    }
  }

  /** Call before deleting the event row (its actor_events rows go by cascade). */
  removed(before: Contribution | null): void {
    this.apply(before, -1);
  }

  actorJoined(actorId: string, eventId: string): void {
    this.s.addActorEvent.run(actorId, eventId);
  }

  /** After an event_actors row went: the actor leaves the event unless another role keeps it. */
  actorLeft(actorId: string, eventId: string): void {
    this.s.dropActorEvent.run(actorId, eventId, eventId, actorId);
  }
}
