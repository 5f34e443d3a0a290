// A document's scenarios (the analysis' scenarios layer) as watchable scenarios: each condition
// and the outcome are located in the document text, the actors and places mentioned inside
// them collected, and indicators proposed.
import type { Analysis } from '../analysis/types.js';
import { proposeIndicators, type Proposal, type ProposalLexicon, type ProposalText } from './propose-indicators.js';
import type { Region, ScenarioDef } from './types.js';

export type ProposedScenario = { scenario: ScenarioDef; proposals: Proposal[] };

/** The texts of one scenario with what is mentioned inside each (by mention offsets). */
export function scenarioTexts(analysis: Analysis, scenarioId: string): ProposalText[] {
  const s = analysis.scenarios.find((x) => x.id === scenarioId);
  if (!s) return [];
  const doc = analysis.document.text;
  // Search near the scenario's evidence first: a condition can repeat elsewhere in the text.
  const from = Math.min(...s.evidence.map((e) => e.start), doc.length);
  const locate = (text: string): [number, number] | null => {
    let at = doc.indexOf(text, from);
    if (at < 0) at = doc.indexOf(text);
    return at < 0 ? null : [at, at + text.length];
  };
  const texts = [...s.conditions.map((t) => ({ role: 'condition' as const, text: t })), ...(s.outcome ? [{ role: 'outcome' as const, text: s.outcome }] : [])];
  return texts.map(({ role, text }) => {
    const range = locate(text);
    const inside = (m: { start: number; end: number }) => range !== null && m.start >= range[0] && m.end <= range[1];
    const isPlace = placeTest(analysis);
    return {
      role, text,
      actors: analysis.actors.filter((a) => a.kb_id && a.mentions.some(inside))
        .map((a) => ({ id: a.kb_id!, kind: a.kind, at: Math.min(...a.mentions.filter(inside).map((m) => m.start)) - range![0] })),
      places: analysis.places.filter((p) => p.mentions.some((m) => inside(m) && isPlace(m)))
        .map((p) => ({ name: p.name, kind: p.kind, country: p.country, admin1: p.admin1 })),
    };
  });
}

/**
 * A state named as an actor ("Iran can activate…") is not a place to watch; one after a
 * locative preposition ("factions in Iraq", "applies to Lebanon") is.
 */
function placeTest(analysis: Analysis): (m: { start: number; end: number }) => boolean {
  const doc = analysis.document.text;
  const actorSpans = analysis.actors.flatMap((a) => a.mentions);
  return (m) => /\b(in|inside|across|into|near|from|to|throughout|around)\s+(the\s+)?$/i.test(doc.slice(Math.max(0, m.start - 14), m.start))
    || !actorSpans.some((x) => x.start < m.end && m.start < x.end);
}

/** Countries and divisions named as places in the scenario's sentences: the scenario's region. */
function scenarioRegion(analysis: Analysis, evidence: { start: number; end: number }[]): Region | null {
  const isPlace = placeTest(analysis);
  const countries = new Set<string>();
  const admin1 = new Set<string>();
  for (const p of analysis.places) {
    if (!p.mentions.some((m) => evidence.some((e) => m.start >= e.start && m.end <= e.end) && isPlace(m))) continue;
    if (p.kind === 'admin1') admin1.add(p.name);
    else if (p.country) countries.add(p.country);
  }
  if (!countries.size && !admin1.size) return null;
  return { ...(countries.size ? { countries: [...countries].sort() } : {}), ...(admin1.size ? { admin1: [...admin1].sort() } : {}) };
}

/** Every scenario of a document, with proposed indicators; ids are made unique across documents. */
export function scenariosFromAnalysis(analysis: Analysis, lex: ProposalLexicon): ProposedScenario[] {
  const byLocal = new Map(analysis.actors.map((a) => [a.id, a]));
  return analysis.scenarios.map((s) => {
    const proposals = proposeIndicators(scenarioTexts(analysis, s.id), lex);
    const scenario: ScenarioDef = {
      id: `${analysis.document.id}-${s.id}`.toLowerCase().replace(/[^a-z0-9_-]+/g, '-'),
      title: s.title, outcome: s.outcome, conditions: s.conditions,
      actors: [...new Set(s.actors.map((id) => byLocal.get(id)?.kb_id).filter((x): x is string => !!x))],
      region: scenarioRegion(analysis, s.evidence), horizon: null, indicators: proposals.map((p) => p.indicator),
      origin: { kind: 'document', document: analysis.document.id },
    };
    return { scenario, proposals };
  });
}
