// Merges one document's analysis into the cross-document tables, and removes it again before
// a re-analysis. Runs inside the caller's transaction. Every lookup is by primary key or an
// index (events by type + start date), so the cost per document does not grow with the store.
// Analyst corrections are re-applied here: split-alias when resolving actors, event and
// relation corrections whenever a row is (re)created, merge-actors when an actor reappears.
import type Database from 'better-sqlite3';
import type { Analysis, EventOut, PlaceOut, When } from '../../analysis/types.js';
import type { EventPlace } from '../picture.js';
import { PictureAggregates, spanClass } from './picture-aggregates.js';
import {
  actorIdFor, dayNumber, distanceKm, isoOfDay, normalizeName, placeKeyFor, stableId,
} from './picture-keys.js';

/** Reports spanning more than this many days (year-precision) are too vague to merge. */
export const MAX_MERGE_SPAN_DAYS = 31;
export const MERGE_DISTANCE_KM = 25;

type Row = Record<string, unknown>;
type ExtractedEvent = { type: string; date: When | null; place: EventPlace | null; summary: string };
type CorrectionRow = { id: string; action: string; payload_json: string };

function spanDays(date: When): number {
  return dayNumber(date.end) - dayNumber(date.start) + 1;
}

function placeOf(p: PlaceOut | undefined): EventPlace | null {
  if (!p) return null;
  return {
    name: p.name, country: p.country, lat: p.lat, lon: p.lon, geonames_id: p.geonames_id,
    kind: p.kind, precision: p.precision ?? null,
  };
}

export class PictureWriter {
  private readonly s;
  private readonly agg: PictureAggregates;

  constructor(private readonly db: Database.Database) {
    this.agg = new PictureAggregates(db);
    const p = <R = Row>(sql: string) => db.prepare<unknown[], R>(sql);
    this.s = {
      docMeta: p<{ title: string | null; published: string | null }>('SELECT title, published FROM documents WHERE id = ?'),
      actorCorrections: p<CorrectionRow>(`SELECT id, action, payload_json, target_id FROM corrections
        WHERE action IN ('split-alias', 'merge-actors') AND reverted_at IS NULL ORDER BY created_at, id`),
      targetCorrections: p<CorrectionRow>(`SELECT id, action, payload_json FROM corrections
        WHERE target_kind = ? AND target_id = ? AND reverted_at IS NULL ORDER BY created_at, id`),
      insertActor: p(`INSERT INTO actors (id, kb_id, name, kind, name_key, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
      insertAlias: p(`INSERT INTO actor_aliases (actor_id, alias, normalized, language, origin, doc_count)
        VALUES (?, ?, ?, ?, 'text', 1) ON CONFLICT (actor_id, normalized) DO UPDATE SET doc_count = actor_aliases.doc_count + 1`),
      noteAliases: p('UPDATE actor_documents SET aliases_json = ? WHERE document_id = ? AND local_id = ? AND actor_id = ?'),
      aliasesOfDoc: p<{ actor_id: string; aliases_json: string }>('SELECT actor_id, aliases_json FROM actor_documents WHERE document_id = ? AND aliases_json IS NOT NULL'),
      decAlias: p('UPDATE actor_aliases SET doc_count = doc_count - 1 WHERE actor_id = ? AND normalized = ?'),
      dropAlias: p(`DELETE FROM actor_aliases WHERE actor_id = ? AND normalized = ? AND doc_count <= 0 AND origin = 'text'`),
      insertMention: p(`INSERT INTO actor_mentions (document_id, actor_id, local_id, span_start, span_end, text)
        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
      insertActorDoc: p(`INSERT INTO actor_documents (document_id, local_id, actor_id, natural_id, mention_count, published)
        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
      bumpActor: p('UPDATE actors SET mention_count = mention_count + ?, document_count = document_count + ?, updated_at = ? WHERE id = ?'),
      actorTotalsOfDoc: p<{ actor_id: string; m: number }>('SELECT actor_id, sum(mention_count) AS m FROM actor_documents WHERE document_id = ? GROUP BY actor_id'),
      orphanActor: p('DELETE FROM actors WHERE id = ? AND document_count <= 0'),
      deleteMentions: p('DELETE FROM actor_mentions WHERE document_id = ?'),
      deleteActorDocs: p('DELETE FROM actor_documents WHERE document_id = ?'),
      setMergedInto: p('UPDATE actors SET merged_into = ? WHERE id = ? AND EXISTS (SELECT 1 FROM actors t WHERE t.id = ?)'),
      clearMerges: p('UPDATE actors SET merged_into = NULL WHERE merged_into IS NOT NULL'),

      // Two simple queries instead of one OR, so each uses its index (type + place + start; type + start).
      candidatesByPlace: p<{ id: string; date_start: string; date_end: string; lat: number | null; lon: number | null; place_key: string | null }>(
        `SELECT id, date_start, date_end, lat, lon, place_key FROM events
         WHERE type = ? AND place_key = ? AND date_start >= ? AND date_start <= ? AND date_end >= ?`),
      candidatesNear: p<{ id: string; date_start: string; date_end: string; lat: number | null; lon: number | null; place_key: string | null }>(
        `SELECT id, date_start, date_end, lat, lon, place_key FROM events
         WHERE type = ? AND date_start >= ? AND date_start <= ? AND date_end >= ?
           AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?`),
      eventHasActor: p<{ x: number }>('SELECT 1 AS x FROM event_actors WHERE event_id = ? AND actor_id = ? LIMIT 1'),
      eventExists: p<{ id: string }>('SELECT id FROM events WHERE id = ?'),
      insertEvent: p(`INSERT INTO events (id, type, acled_event_type, acled_sub_event_type, plover, date_start, date_end,
        date_precision, date_text, place_name, place_geonames_id, place_country, lat, lon, place_key, place_kind,
        place_precision, fatalities_min, fatalities_max, modality, summary, confidence, extracted_json, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      touchEvent: p(`UPDATE events SET confidence = max(confidence, ?), source_count = source_count + 1,
        fatalities_min = coalesce(fatalities_min, ?), fatalities_max = coalesce(fatalities_max, ?), updated_at = ? WHERE id = ?`),
      insertEventSource: p(`INSERT INTO event_sources (event_id, document_id, local_id, modality, source_actor_id, evidence_json, confidence, actors_json)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
      // event_actors.source_count: reports naming that actor in that role (migration 6).
      insertEventActor: p(`INSERT INTO event_actors (event_id, actor_id, role, source_count) VALUES (?, ?, ?, 1)
        ON CONFLICT (event_id, actor_id, role) DO UPDATE SET source_count = event_actors.source_count + 1`),
      decEventActor: p('UPDATE event_actors SET source_count = source_count - 1 WHERE event_id = ? AND actor_id = ? AND role = ?'),
      dropEventActor: p('DELETE FROM event_actors WHERE event_id = ? AND actor_id = ? AND role = ? AND source_count <= 0'),
      sourcesOfDoc: p<{ event_id: string; actors_json: string }>('SELECT event_id, actors_json FROM event_sources WHERE document_id = ?'),
      deleteEventSources: p('DELETE FROM event_sources WHERE document_id = ?'),
      hasSource: p<{ x: number }>('SELECT 1 AS x FROM event_sources WHERE event_id = ? LIMIT 1'),
      deleteEvent: p('DELETE FROM events WHERE id = ?'),
      dropSourceCount: p('UPDATE events SET source_count = source_count - ? WHERE id = ?'),
      extractedEvent: p<{ extracted_json: string }>('SELECT extracted_json FROM events WHERE id = ?'),
      applyEvent: p(`UPDATE events SET type = ?, date_start = ?, date_end = ?, date_precision = ?, date_text = ?,
        place_name = ?, place_geonames_id = ?, place_country = ?, lat = ?, lon = ?, place_key = ?, place_kind = ?,
        place_precision = ?, summary = ?, rejected = ?, span_class = ? WHERE id = ?`),

      insertRelation: p(`INSERT INTO relations (id, subject_id, predicate, object_id, modality, origin, confidence, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
      insertRelationSource: p(`INSERT INTO relation_sources (relation_id, document_id, local_id, valid_start, valid_end,
        valid_precision, valid_text, published, confidence, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
      insertEvidence: p(`INSERT INTO relation_evidence (relation_id, document_id, local_id, span_start, span_end, text, confidence)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
      deleteRelationSources: p('DELETE FROM relation_sources WHERE document_id = ?'),
      deleteRelationEvidence: p('DELETE FROM relation_evidence WHERE document_id = ?'),
      deleteRelation: p('DELETE FROM relations WHERE id = ?'),
      relationCount: p<{ n: number }>('SELECT source_count AS n FROM relations WHERE id = ?'),
      minStart: p<{ v: string | null }>('SELECT min(valid_start) AS v FROM relation_sources WHERE relation_id = ?'),
      maxEnd: p<{ v: string | null }>('SELECT max(valid_end) AS v FROM relation_sources WHERE relation_id = ?'),
      minPublished: p<{ v: string | null }>('SELECT min(published) AS v FROM relation_sources WHERE relation_id = ?'),
      bumpRelation: p('UPDATE relations SET source_count = source_count + ?, confidence = max(confidence, ?) WHERE id = ?'),
      relationsOfDocCounts: p<{ relation_id: string; n: number }>('SELECT relation_id, count(*) AS n FROM relation_sources WHERE document_id = ? GROUP BY relation_id'),
      earliestValid: p<{ valid_precision: string | null; valid_text: string | null; valid_end: string | null }>(
        'SELECT valid_precision, valid_text, valid_end FROM relation_sources WHERE relation_id = ? AND valid_start = ? LIMIT 1'),
      applyRelation: p(`UPDATE relations SET valid_start = ?, valid_end = ?, valid_precision = ?, valid_text = ?, first_seen = ?,
        rejected = ?, extracted_json = ?, updated_at = ? WHERE id = ?`),
      relationExtracted: p<{ extracted_json: string | null }>('SELECT extracted_json FROM relations WHERE id = ?'),

      insertQuote: p(`INSERT INTO picture_quotes (id, document_id, speaker_id, text, date_json, date_start, venue, evidence_json)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
      deleteQuotes: p('DELETE FROM picture_quotes WHERE document_id = ?'),
      insertScenario: p(`INSERT INTO picture_scenarios (id, document_id, title, conditions_json, outcome, actors_json, evidence_json)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
      deleteScenarios: p('DELETE FROM picture_scenarios WHERE document_id = ?'),
    };
  }

  /** Takes a document's contribution out of the picture; rows left without a source go. */
  removeDocument(docId: string): void {
    const s = this.s;
    const now = new Date().toISOString();
    const actorTotals = s.actorTotalsOfDoc.all(docId);
    // Only this document's reports are read: an event's other reports are never scanned.
    const reports = new Map<string, { actor: string; role: string }[][]>();
    for (const r of s.sourcesOfDoc.all(docId)) {
      reports.set(r.event_id, [...(reports.get(r.event_id) ?? []), JSON.parse(r.actors_json) as { actor: string; role: string }[]]);
    }
    s.deleteEventSources.run(docId);
    for (const [id, lists] of reports) {
      if (s.hasSource.get(id) === undefined) {
        this.agg.removed(this.agg.contribution(id));
        s.deleteEvent.run(id);
        continue;
      }
      for (const list of lists) {
        for (const a of list) {
          s.decEventActor.run(id, a.actor, a.role);
          if (s.dropEventActor.run(id, a.actor, a.role).changes > 0) this.agg.actorLeft(a.actor, id);
        }
      }
      s.dropSourceCount.run(lists.length, id);
    }
    const relations = s.relationsOfDocCounts.all(docId);
    s.deleteRelationEvidence.run(docId);
    s.deleteRelationSources.run(docId);
    for (const r of relations) {
      s.bumpRelation.run(-r.n, 0, r.relation_id);
      this.refreshRelation(r.relation_id, now);
    }
    s.deleteQuotes.run(docId);
    s.deleteScenarios.run(docId);
    s.deleteMentions.run(docId);
    for (const r of s.aliasesOfDoc.all(docId)) {
      for (const key of JSON.parse(r.aliases_json) as string[]) {
        s.decAlias.run(r.actor_id, key);
        s.dropAlias.run(r.actor_id, key);
      }
    }
    s.deleteActorDocs.run(docId);
    for (const t of actorTotals) {
      s.bumpActor.run(-t.m, -1, now, t.actor_id);
      s.orphanActor.run(t.actor_id);
    }
  }

  /** Merges the analysis of a stored document (call removeDocument first when replacing). */
  mergeDocument(docId: string, analysis: Analysis): void {
    const s = this.s;
    const now = new Date().toISOString();
    const meta = s.docMeta.get(docId);
    const published = meta?.published ?? analysis.document.published ?? null;
    const { splits, merges } = this.actorCorrections();

    // Actors: local id -> merged id (the document-level one; split mentions may go elsewhere).
    const local = new Map<string, string>();
    const totals = new Map<string, number>();
    let created = false;
    const ensure = (id: string, kbId: string | null, name: string, kind: string): void => {
      if (s.insertActor.run(id, kbId, name, kind, normalizeName(name), now, now).changes > 0) created = true;
    };
    for (const a of analysis.actors) {
      const natural = actorIdFor(a.kb_id, a.name);
      if (natural === null) continue;
      const actorSplits = splits.get(natural) ?? [];
      const splitOf = (text: string) => {
        const key = normalizeName(text);
        return actorSplits.find((x) => x.key === key);
      };
      const whole = actorSplits.length > 0 && (a.mentions.length > 0 ? a.mentions.every((m) => splitOf(m.text)) && new Set(a.mentions.map((m) => normalizeName(m.text))).size === 1 : !!splitOf(a.name));
      const docSplit = whole ? (a.mentions.length > 0 ? splitOf(a.mentions[0]!.text) : splitOf(a.name)) : undefined;
      const primary = docSplit ? docSplit.id : natural;
      if (docSplit) ensure(docSplit.id, null, docSplit.alias, docSplit.kind ?? a.kind);
      else ensure(natural, a.kb_id, a.name, a.kind);
      local.set(a.id, primary);
      const byActor = new Map<string, number>();
      for (const m of a.mentions) {
        const sp = docSplit ? undefined : splitOf(m.text);
        const target = sp ? sp.id : primary;
        if (sp) ensure(sp.id, null, sp.alias, sp.kind ?? a.kind);
        s.insertMention.run(docId, target, a.id, m.start, m.end, m.text);
        byActor.set(target, (byActor.get(target) ?? 0) + 1);
      }
      if (!byActor.has(primary)) byActor.set(primary, 0);
      for (const [target, n] of byActor) {
        s.insertActorDoc.run(docId, a.id, target, natural, n, meta?.published ?? null);
        totals.set(target, (totals.get(target) ?? 0) + n);
      }
      const given = new Set<string>();
      for (const alias of new Set([a.name, ...a.aliases])) {
        const key = normalizeName(alias);
        if (key === '' || given.has(key) || (!docSplit && splitOf(alias))) continue;
        given.add(key);
        s.insertAlias.run(primary, alias, key, analysis.document.language ?? null);
      }
      s.noteAliases.run(JSON.stringify([...given]), docId, a.id, primary);
    }
    for (const [id, n] of totals) s.bumpActor.run(n, 1, now, id);
    if (created && merges.length > 0) this.applyActorMerges(merges);

    const places = new Map(analysis.places.map((p) => [p.id, p]));
    for (const e of analysis.events) this.mergeEvent(docId, e, local, places.get(e.place ?? ''), now);

    for (const r of analysis.relations) {
      const subject = local.get(r.subject);
      const object = local.get(r.object);
      if (!subject || !object || subject === object) continue;
      const id = stableId('rel', subject, r.predicate, object, r.modality);
      const origin = r.origin ?? 'text';
      s.insertRelation.run(id, subject, r.predicate, object, r.modality, origin, r.confidence, now, now);
      const added = s.insertRelationSource.run(id, docId, r.id, r.valid?.start ?? null, r.valid?.end ?? null, r.valid?.precision ?? null,
        r.valid?.text ?? null, published, r.confidence, origin).changes;
      s.bumpRelation.run(added, r.confidence, id);
      for (const ev of r.evidence) s.insertEvidence.run(id, docId, r.id, ev.start, ev.end, ev.text, r.confidence);
      this.refreshRelation(id, now);
    }

    for (const q of analysis.quotes) {
      s.insertQuote.run(`q:${docId}:${q.id}`, docId, q.speaker ? local.get(q.speaker) ?? null : null, q.text,
        q.date ? JSON.stringify(q.date) : null, q.date?.start ?? null, q.venue, JSON.stringify(q.evidence));
    }
    for (const sc of analysis.scenarios) {
      const actors = sc.actors.map((a) => local.get(a)).filter((a): a is string => a !== undefined);
      s.insertScenario.run(`s:${docId}:${sc.id}`, docId, sc.title, JSON.stringify(sc.conditions), sc.outcome,
        JSON.stringify([...new Set(actors)]), JSON.stringify(sc.evidence));
    }
  }

  private mergeEvent(docId: string, e: EventOut, local: Map<string, string>, placeOut: PlaceOut | undefined, now: string): void {
    const s = this.s;
    const actors: { actor: string; role: string }[] = [];
    const seen = new Set<string>();
    for (const a of e.actors) {
      const id = local.get(a.actor);
      if (!id || seen.has(`${id}|${a.role}`)) continue;
      seen.add(`${id}|${a.role}`);
      actors.push({ actor: id, role: a.role });
    }
    const place = placeOf(placeOut);
    const placeKey = placeOut ? placeKeyFor(placeOut) : null;
    const actorIds = new Set(actors.map((a) => a.actor));
    const mergeable = e.date !== null && spanDays(e.date) <= MAX_MERGE_SPAN_DAYS && placeKey !== null && actorIds.size > 0;

    let eventId: string | null = null;
    if (mergeable) eventId = this.findSameEvent(e.type, e.date!, placeKey!, place, actorIds);
    if (eventId === null) {
      const id = stableId('ev', e.type, e.date?.start ?? null, e.date?.end ?? null, placeKey,
        [...actorIds].sort().join(','), mergeable ? '' : `${docId}#${e.id}`);
      if (s.eventExists.get(id) === undefined) {
        const extracted: ExtractedEvent = { type: e.type, date: e.date, place, summary: e.summary };
        s.insertEvent.run(id, e.type, e.acled?.event_type ?? null, e.acled?.sub_event_type ?? null, e.plover,
          e.date?.start ?? null, e.date?.end ?? null, e.date?.precision ?? null, e.date?.text ?? null,
          place?.name ?? null, place?.geonames_id ?? null, place?.country ?? null, place?.lat ?? null, place?.lon ?? null,
          placeKey, place?.kind ?? null, place?.precision ?? null, e.fatalities?.min ?? null, e.fatalities?.max ?? null,
          e.modality, e.summary, e.confidence, JSON.stringify(extracted), now, now);
        this.refreshEvent(id, false);
      }
      eventId = id;
    }
    const added = s.insertEventSource.run(eventId, docId, e.id, e.modality, e.source ? local.get(e.source) ?? null : null,
      JSON.stringify(e.evidence), e.confidence, JSON.stringify(actors)).changes;
    if (added === 0) return;
    s.touchEvent.run(e.confidence, e.fatalities?.min ?? null, e.fatalities?.max ?? null, now, eventId);
    for (const a of actors) {
      s.insertEventActor.run(eventId, a.actor, a.role);
      this.agg.actorJoined(a.actor, eventId);
    }
  }

  /** An existing event of the same type, overlapping dates, nearby or same-named place, a shared actor. */
  private findSameEvent(type: string, date: When, placeKey: string, place: EventPlace | null, actorIds: Set<string>): string | null {
    const lat = place?.lat ?? null;
    const lon = place?.lon ?? null;
    const dLat = MERGE_DISTANCE_KM / 111;
    const dLon = lat === null ? 0 : dLat / Math.max(0.1, Math.cos((lat * Math.PI) / 180));
    const earliest = isoOfDay(dayNumber(date.start) - MAX_MERGE_SPAN_DAYS);
    const rows = this.s.candidatesByPlace.all(type, placeKey, earliest, date.end, date.start);
    if (lat !== null && lon !== null) {
      rows.push(...this.s.candidatesNear.all(type, earliest, date.end, date.start, lat - dLat, lat + dLat, lon - dLon, lon + dLon));
    }
    let best: { id: string; gap: number } | null = null;
    for (const r of rows) {
      if (dayNumber(r.date_end) - dayNumber(r.date_start) + 1 > MAX_MERGE_SPAN_DAYS) continue;
      const samePlace = r.place_key === placeKey
        || (lat !== null && lon !== null && r.lat !== null && r.lon !== null && distanceKm(lat, lon, r.lat, r.lon) <= MERGE_DISTANCE_KM);
      if (!samePlace) continue;
      if (![...actorIds].some((a) => this.s.eventHasActor.get(r.id, a) !== undefined)) continue;
      const gap = Math.abs(dayNumber(r.date_start) - dayNumber(date.start));
      if (best === null || gap < best.gap) best = { id: r.id, gap };
    }
    return best?.id ?? null;
  }

  /**
   * Event columns = the extracted values with the active corrections applied in order.
   * counted=false for a row just inserted, not yet in the aggregates.
   */
  refreshEvent(id: string, counted = true): void {
    const row = this.s.extractedEvent.get(id);
    if (!row) return;
    const before = counted ? this.agg.contribution(id) : null;
    const x = JSON.parse(row.extracted_json) as ExtractedEvent;
    let rejected = 0;
    for (const c of this.s.targetCorrections.all('event', id)) {
      const p = JSON.parse(c.payload_json) as { date?: When; place?: EventPlace; type?: string; summary?: string };
      if (c.action === 'reject-event') rejected = 1;
      if ((c.action === 'edit-event' || c.action === 'fix-date') && p.date) x.date = p.date;
      if ((c.action === 'edit-event' || c.action === 'fix-place') && p.place) x.place = { ...(x.place ?? {}), ...p.place } as EventPlace;
      if (c.action === 'edit-event' && p.type) x.type = p.type;
      if (c.action === 'edit-event' && p.summary) x.summary = p.summary;
    }
    const pl = x.place;
    this.s.applyEvent.run(x.type, x.date?.start ?? null, x.date?.end ?? null, x.date?.precision ?? null, x.date?.text ?? null,
      pl?.name ?? null, pl?.geonames_id ?? null, pl?.country ?? null, pl?.lat ?? null, pl?.lon ?? null,
      pl ? placeKeyFor({ geonames_id: pl.geonames_id ?? null, name: pl.name }) : null, pl?.kind ?? null, pl?.precision ?? null,
      x.summary, rejected, spanClass(x.date?.start ?? null, x.date?.end ?? null), id);
    this.agg.changed(id, before);
  }

  /**
   * Relation columns from its remaining sources (earliest start, latest end, earliest
   * document date), then corrections; deletes the relation when no source is left.
   */
  refreshRelation(id: string, now = new Date().toISOString()): void {
    const s = this.s;
    const count = s.relationCount.get(id);
    if (!count) return;
    if (count.n <= 0) { s.deleteRelation.run(id); return; }
    const vs = s.minStart.get(id)?.v ?? null;
    const ve = s.maxEnd.get(id)?.v ?? null;
    const fs = s.minPublished.get(id)?.v ?? null;
    const first = vs === null ? null : s.earliestValid.get(id, vs);
    let valid: When | null = vs === null ? null : {
      start: vs, end: ve ?? vs, precision: (first?.valid_precision ?? 'range') as When['precision'], text: first?.valid_text ?? '',
    };
    // Several reports with different intervals: the merged interval is a range.
    if (valid !== null && ve !== null && (first?.valid_end ?? null) !== ve) valid.precision = 'range';
    const extracted = { valid };
    let rejected = 0;
    for (const c of s.targetCorrections.all('relation', id)) {
      const p = JSON.parse(c.payload_json) as { date?: When };
      if (c.action === 'reject-relation') rejected = 1;
      if (c.action === 'fix-date' && p.date) valid = p.date;
    }
    s.applyRelation.run(valid?.start ?? null, valid?.end ?? null, valid?.precision ?? null, valid?.text ?? null,
      fs, rejected, JSON.stringify(extracted), now, id);
  }

  private actorCorrections(): { splits: Map<string, { id: string; key: string; alias: string; kind?: string }[]>; merges: { target: string; other: string }[] } {
    const splits = new Map<string, { id: string; key: string; alias: string; kind?: string }[]>();
    const merges: { target: string; other: string }[] = [];
    for (const c of this.s.actorCorrections.all() as (CorrectionRow & { target_id: string })[]) {
      const p = JSON.parse(c.payload_json) as { alias?: string; kind?: string; other?: string };
      if (c.action === 'split-alias' && p.alias) {
        const key = normalizeName(p.alias);
        const list = splits.get(c.target_id) ?? [];
        list.push({ id: splitActorId(p.alias), key, alias: p.alias, ...(p.kind ? { kind: p.kind } : {}) });
        splits.set(c.target_id, list);
      } else if (c.action === 'merge-actors' && p.other) {
        merges.push({ target: c.target_id, other: p.other });
      }
    }
    return { splits, merges };
  }

  /** Re-derives actors.merged_into from the active merge-actors corrections (chains resolved). */
  applyActorMerges(merges?: { target: string; other: string }[]): void {
    const list = merges ?? this.actorCorrections().merges;
    this.s.clearMerges.run();
    const to = new Map<string, string>();
    for (const m of list) to.set(m.other, m.target);
    const final = (id: string): string => {
      let cur = id;
      for (let i = 0; i < 50 && to.has(cur); i++) cur = to.get(cur)!;
      return cur;
    };
    for (const other of to.keys()) {
      const target = final(other);
      if (target !== other) this.s.setMergedInto.run(target, other, target);
    }
  }

  /** Documents whose merge depends on split-alias corrections for this natural actor id. */
  documentsOfNaturalActor(naturalId: string): string[] {
    return (this.db.prepare('SELECT DISTINCT document_id FROM actor_documents WHERE natural_id = ?').all(naturalId) as { document_id: string }[])
      .map((r) => r.document_id);
  }
}

/** The actor a split-off alias becomes. */
export function splitActorId(alias: string): string {
  return `n:${normalizeName(alias)}`;
}
