// Scores one analysis against one gold document, layer by layer. Recall counts gold facts
// found; precision counts outputs that match some gold fact (only for layers the gold lists).
import type { ActorOut, Analysis } from '../analysis/types.js';
import type { GoldActor, GoldDocument } from './gold-types.js';
import {
  anchorSentence, anyNameMatches, distanceKm, goldDateSpan, normaliseName, spansOverlap, SYMMETRIC_PREDICATES,
} from './match-rules.js';

export type LayerScore = {
  goldTotal: number; goldFound: number;
  outputTotal: number; outputMatched: number;
  misses: string[]; extras: string[];
};
export type Layer = 'actors' | 'aliases' | 'places' | 'events' | 'roles' | 'relations' | 'relations-text' | 'quotes' | 'scenarios' | 'assessments' | 'statistics' | 'never';
export const LAYERS: Layer[] = ['actors', 'aliases', 'places', 'events', 'roles', 'relations', 'relations-text', 'quotes', 'scenarios', 'assessments', 'statistics', 'never'];

/** Roles that carry out an act; a `by` actor holding any other role (target, victim) has its role inverted. */
const AGENT_ROLES = new Set(['perpetrator', 'claimant', 'participant', 'speaker', 'facilitator']);

const empty = (): LayerScore => ({ goldTotal: 0, goldFound: 0, outputTotal: 0, outputMatched: 0, misses: [], extras: [] });

function actorNames(a: ActorOut): string[] {
  return [a.name, ...a.aliases];
}

/** Expand a gold actor reference ("Iran") to the names of its gold actor entry, when listed. */
function expand(name: string, goldActors: GoldActor[]): string[] {
  return goldActors.find((g) => anyNameMatches([name], g.names))?.names ?? [name];
}

function actorMatches(actorId: string | null, names: string[], byId: Map<string, ActorOut>): boolean {
  const a = actorId ? byId.get(actorId) : undefined;
  return a ? anyNameMatches(actorNames(a), names) : false;
}

export function scoreDocument(gold: GoldDocument, analysis: Analysis): Partial<Record<Layer, LayerScore>> {
  const out: Partial<Record<Layer, LayerScore>> = {};
  const byId = new Map(analysis.actors.map((a) => [a.id, a] as const));
  const goldActors = gold.actors ?? [];
  const text = analysis.document.text;

  if (gold.actors) {
    const s = empty(); const al = empty();
    for (const g of gold.actors) {
      s.goldTotal++;
      // Where several outputs carry one of the gold names (a government and its army, say),
      // the one that all `seen` forms resolve to is the match.
      const candidates = analysis.actors.filter((a) => anyNameMatches(actorNames(a), g.names));
      const hit = candidates.find((a) => (g.seen ?? []).every((form) => anyNameMatches(actorNames(a), [form]))) ?? candidates[0];
      if (hit) s.goldFound++; else s.misses.push(g.names[0]!);
      if (g.seen && g.seen.length) {
        al.goldTotal++;
        const merged = hit && g.seen.every((form) => anyNameMatches(actorNames(hit), [form]));
        if (merged) al.goldFound++; else al.misses.push(`${g.names[0]}: ${g.seen.join(' = ')}${hit ? ` (got ${actorNames(hit).join(' | ')})` : ''}`);
      }
    }
    for (const a of analysis.actors) {
      s.outputTotal++;
      if (goldActors.some((g) => anyNameMatches(actorNames(a), g.names))) s.outputMatched++; else s.extras.push(`${a.name} [${a.kind}${a.kb_id ? '' : ', new'}]`);
    }
    out.actors = s;
    if (al.goldTotal) out.aliases = al;
  }

  if (gold.places) {
    const s = empty();
    const placeMatches = (p: Analysis['places'][number], g: NonNullable<GoldDocument['places']>[number]) =>
      anyNameMatches([p.name, ...p.mentions.map((m) => m.text)], g.names) && p.lat !== null && p.lon !== null && distanceKm(p.lat, p.lon, g.lat, g.lon) <= g.km;
    for (const g of gold.places) {
      s.goldTotal++;
      if (analysis.places.some((p) => placeMatches(p, g))) s.goldFound++;
      else {
        const named = analysis.places.find((p) => anyNameMatches([p.name, ...p.mentions.map((m) => m.text)], g.names));
        s.misses.push(named ? `${g.names[0]} (found at ${named.lat},${named.lon}: ${named.lat !== null ? Math.round(distanceKm(named.lat, named.lon!, g.lat, g.lon)) : '?'} km off, allowed ${g.km})` : g.names[0]!);
      }
    }
    for (const p of analysis.places) {
      s.outputTotal++;
      if (gold.places.some((g) => placeMatches(p, g))) s.outputMatched++; else s.extras.push(`${p.name} [${p.kind}, ${p.country ?? '?'}]`);
    }
    out.places = s;
  }

  if (gold.events) {
    const s = empty();
    const placeOf = (id: string | null) => analysis.places.find((p) => p.id === id);
    // The checks an output event fails against a gold event; none failed = a match.
    const failedChecks = (e: Analysis['events'][number], g: NonNullable<GoldDocument['events']>[number]): string[] => {
      const failed: string[] = [];
      if (!g.types.includes(e.type)) failed.push('type');
      if (g.date && !(e.date && spansOverlap(goldDateSpan(g.date), [e.date.start, e.date.end]))) failed.push('date');
      if (g.place) {
        const gp = gold.places?.find((p) => anyNameMatches([g.place!], p.names));
        const ep = placeOf(e.place);
        if (!gp || !ep || ep.lat === null || ep.lon === null || distanceKm(ep.lat, ep.lon, gp.lat, gp.lon) > gp.km) failed.push('place');
      }
      if (g.actors && g.actors.length && !g.actors.some((name) => e.actors.some((r) => actorMatches(r.actor, expand(name, goldActors), byId)))) failed.push('actor');
      if (g.fatalities_min !== undefined && e.fatalities?.min !== g.fatalities_min) failed.push('fatalities');
      if (g.modality && !g.modality.includes(e.modality)) failed.push('modality');
      return failed;
    };
    const matches = (e: Analysis['events'][number], g: NonNullable<GoldDocument['events']>[number]) => failedChecks(e, g).length === 0;
    // What the nearest event got wrong, in the reader's terms: the cause of the miss.
    const detail = (e: Analysis['events'][number], g: NonNullable<GoldDocument['events']>[number], check: string): string => {
      if (check === 'type') return `type (got ${e.type}, want ${g.types.join('/')}; trigger "${e.evidence[1]?.text ?? ''}")`;
      if (check === 'date') return `date (got ${e.date ? `${e.date.start}..${e.date.end}` : 'none'} from ${e.date_source ?? '?'}, want ${g.date})`;
      if (check === 'place') return `place (${e.place ? `got ${placeOf(e.place)?.name ?? e.place}` : 'not attached'}, want ${g.place})`;
      if (check === 'actor') return `actor (got ${e.actors.map((r) => byId.get(r.actor)?.name ?? r.actor).join(', ') || 'none'}, want one of ${g.actors!.join('/')})`;
      if (check === 'modality') return `modality (got ${e.modality}, want ${g.modality!.join('/')})`;
      if (check === 'fatalities') return `fatalities (got ${e.fatalities ? e.fatalities.min : 'none'}, want ${g.fatalities_min})`;
      return check;
    };
    // Roles, on matched events whose gold says who carried out the act: right when one of `by`
    // holds an agent role and none of them a target or victim role.
    const rolesRight = (e: Analysis['events'][number], by: string[]): boolean => {
      const held = e.actors.filter((r) => by.some((name) => actorMatches(r.actor, expand(name, goldActors), byId)));
      return held.some((r) => AGENT_ROLES.has(r.role)) && !held.some((r) => !AGENT_ROLES.has(r.role));
    };
    const roles = empty();
    for (const g of gold.events) {
      s.goldTotal++;
      const found = analysis.events.filter((e) => matches(e, g));
      if (found.length && g.by?.length) {
        roles.goldTotal++;
        if (found.some((e) => rolesRight(e, g.by!))) roles.goldFound++;
        else {
          const e = found[0]!;
          const held = e.actors.map((r) => `${byId.get(r.actor)?.name ?? r.actor}=${r.role}`).join(', ') || 'no actors';
          roles.misses.push(`${g.what ?? g.types.join('/')} — by ${g.by.join('/')}; got ${held}`);
        }
      }
      if (found.length) { s.goldFound++; continue; }
      // Explain the miss by the nearest output event: the one failing the fewest checks.
      const nearest = analysis.events.map((e) => ({ e, failed: failedChecks(e, g) })).sort((a, b) => a.failed.length - b.failed.length)[0];
      s.misses.push(`${g.what ?? g.types.join('/')} — ${nearest ? `nearest event fails: ${nearest.failed.join(', ')} — ${nearest.failed.map((c) => detail(nearest.e, g, c)).join('; ')}` : 'no event'}`);
    }
    for (const e of analysis.events) {
      s.outputTotal++;
      if (gold.events.some((g) => matches(e, g))) s.outputMatched++;
      else s.extras.push(`${e.type} ${e.date?.text ?? e.date?.start ?? '-'}: ${e.summary}`);
    }
    out.events = s;
    if (roles.goldTotal) out.roles = roles;
  }

  if (gold.relations) {
    const matches = (r: Analysis['relations'][number], g: NonNullable<GoldDocument['relations']>[number]) => {
      if (!g.predicates.includes(r.predicate)) return false;
      const subj = expand(g.subject, goldActors); const obj = expand(g.object, goldActors);
      if (actorMatches(r.subject, subj, byId) && actorMatches(r.object, obj, byId)) return true;
      return SYMMETRIC_PREDICATES.has(r.predicate) && actorMatches(r.subject, obj, byId) && actorMatches(r.object, subj, byId);
    };
    // Scored twice: everything, and what the text itself states (pack affiliations aside), since
    // the gold lists only relations the text states.
    const score = (relations: Analysis['relations']) => {
      const s = empty();
      for (const g of gold.relations!) {
        s.goldTotal++;
        if (relations.some((r) => matches(r, g))) s.goldFound++; else s.misses.push(`${g.subject} ${g.predicates.join('|')} ${g.object}`);
      }
      for (const r of relations) {
        s.outputTotal++;
        if (gold.relations!.some((g) => matches(r, g))) s.outputMatched++;
        else s.extras.push(`${byId.get(r.subject)?.name} ${r.predicate} ${byId.get(r.object)?.name}${r.origin === 'pack' ? ' (pack)' : ''}`);
      }
      return s;
    };
    out.relations = score(analysis.relations);
    out['relations-text'] = score(analysis.relations.filter((r) => r.origin !== 'pack'));
  }

  if (gold.quotes) {
    const s = empty();
    const matches = (q: Analysis['quotes'][number], g: NonNullable<GoldDocument['quotes']>[number]) =>
      q.text.includes(g.contains) && actorMatches(q.speaker, expand(g.speaker, goldActors), byId);
    for (const g of gold.quotes) {
      s.goldTotal++;
      if (analysis.quotes.some((q) => matches(q, g))) s.goldFound++;
      else {
        const q = analysis.quotes.find((x) => x.text.includes(g.contains));
        s.misses.push(`${g.speaker}: "${g.contains}"${q ? ` (speaker given: ${q.speaker ? byId.get(q.speaker)?.name : 'none'})` : ' (quote not found)'}`);
      }
    }
    for (const q of analysis.quotes) {
      s.outputTotal++;
      if (gold.quotes.some((g) => matches(q, g))) s.outputMatched++; else s.extras.push(`${q.speaker ? byId.get(q.speaker)?.name : '?'}: "${q.text.slice(0, 60)}"`);
    }
    out.quotes = s;
  }

  const anchored = <T extends { anchor: string }>(layer: Layer, golds: T[] | undefined, outputs: { evidence: { start: number; end: number }[]; label: string; fits: (g: T) => boolean }[]) => {
    if (!golds) return;
    const s = empty();
    const overlaps = (o: { evidence: { start: number; end: number }[] }, g: T) => {
      const span = anchorSentence(text, g.anchor);
      return span !== null && o.evidence.some((e) => e.start < span[1] && span[0] < e.end);
    };
    for (const g of golds) {
      s.goldTotal++;
      if (outputs.some((o) => overlaps(o, g) && o.fits(g))) s.goldFound++; else s.misses.push(g.anchor);
    }
    for (const o of outputs) {
      s.outputTotal++;
      if (golds.some((g) => overlaps(o, g) && o.fits(g))) s.outputMatched++; else s.extras.push(o.label);
    }
    out[layer] = s;
  };
  anchored('scenarios', gold.scenarios, analysis.scenarios.map((sc) => {
    const body = [sc.title, sc.outcome, ...sc.conditions, ...sc.evidence.map((e) => e.text), ...sc.actors.map((id) => actorNames(byId.get(id) ?? { name: '', aliases: [] } as unknown as ActorOut).join(' '))].join(' ').toLowerCase();
    return { evidence: sc.evidence, label: sc.title, fits: (g: { mentions?: string[] }) => (g.mentions ?? []).every((w) => body.includes(w.toLowerCase())) };
  }));
  anchored('assessments', gold.assessments, analysis.assessments.map((a) => ({
    evidence: a.evidence, label: `${a.likelihood}: ${a.statement.slice(0, 70)}`, fits: (g: { likelihood?: string[] }) => (g.likelihood ?? []).includes(a.likelihood),
  })));
  anchored('statistics', gold.statistics, analysis.statistics.map((st) => ({ evidence: st.evidence, label: st.statement.slice(0, 80), fits: () => true })));

  if (gold.never) {
    const s = empty();
    const produced = [
      ...analysis.actors.flatMap(actorNames),
      ...analysis.places.flatMap((p) => [p.name, ...p.mentions.map((m) => m.text)]),
    ].map(normaliseName);
    for (const n of gold.never) {
      s.goldTotal++;
      if (!produced.includes(normaliseName(n))) s.goldFound++; else s.misses.push(`produced "${n}"`);
    }
    out.never = s;
  }
  return out;
}
