// The `scenarios` layer: the analysts' "if X then Y". A scenario opens at a framing cue ("One
// scenario ...", "Another risk is ...") or a conditional ("If X, Y could ...", "should X
// happen"), and carries on through the next sentences of the paragraph while they continue it
// ("The risk here is ...", a forward-looking modal). Conditions are the condition clauses and
// framing clauses; the outcome is the main clause of the last forward-looking sentence.
import type { ScenarioOut, Span } from '../../analysis/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Stage } from '../stage.js';
import { indexDocument, type DocIndex, type SentenceInfo } from '../../extract/sentence-index.js';
import { scenarioCues, type ScenarioCues } from '../../extract/scenario-cues.js';

const MAX_SENTENCES = 4;
const TITLE_WORDS = 12;

type Reading = { opens: boolean; conditional: boolean; continues: boolean; forward: boolean };

function read(cues: ScenarioCues, s: SentenceInfo, text: string): Reading {
  const forward = cues.forward.matchAll(text, s.start, s.end).length > 0;
  const conditional = cues.conditional.matchAll(text, s.start, s.end).some((m) => !m.value || forward)
    || cues.inversion.test(s.text);
  return {
    opens: cues.opens.matchAll(text, s.start, s.end).length > 0,
    conditional,
    continues: cues.continues.matchAll(text, s.start, s.end).length > 0,
    forward,
  };
}

function clean(s: string): string {
  return s.replace(/^[\s,;:—–-]+|[\s,;:.—–-]+$/g, '').replace(/\s+/g, ' ');
}

/** Splits a sentence into its condition clause(s) and its main clause. */
function splitConditional(cues: ScenarioCues, s: SentenceInfo, text: string): { conditions: string[]; main: string } {
  const inv = cues.inversion.exec(s.text);
  if (inv) {
    const cond = s.text.slice(inv.index + 'should'.length).split(/,/)[0]!;
    const main = inv.index > 0 ? s.text.slice(0, inv.index) : s.text.slice(inv.index + 'should'.length + cond.length);
    return { conditions: [clean(cond)], main: clean(main) };
  }
  const m = cues.conditional.matchAll(text, s.start, s.end)[0];
  if (!m) return { conditions: [], main: clean(s.text) };
  const from = m.end - s.start;
  const rest = s.text.slice(from);
  const stop = /,\s*then\s+|\s+then\s+|,\s+(?=\p{L}+\s+(?:\p{L}+\s+){0,6}?(?:could|would|may|might|can|will)\b)/iu.exec(rest);
  if (stop) {
    return { conditions: [clean(rest.slice(0, stop.index))], main: clean(rest.slice(stop.index + stop[0].length)) };
  }
  // "Y would happen if X": the condition runs to the end, the outcome is what came before.
  return { conditions: [clean(rest)], main: clean(s.text.slice(0, m.start - s.start)) };
}

/** The framing clause of an opening sentence: "Another risk is (that) X" → X. */
function framing(cues: ScenarioCues, s: SentenceInfo, text: string): string {
  const m = cues.opens.matchAll(text, s.start, s.end)[0];
  if (!m) return '';
  const rest = s.text.slice(m.end - s.start);
  // "One scenario (that could benefit X) is if Y" → Y; "Another risk applies to Z" → the whole remainder.
  const copula = /^.*?\b(?:is|are|was|would be)\s+(?:that\s+|if\s+|due\s+to\s+|when\s+)?/i.exec(rest);
  return clean(copula ? rest.slice(copula[0].length) : rest);
}

function title(outcome: string, conditions: string[]): string {
  const base = outcome || conditions[0] || '';
  const words = base.split(/\s+/);
  return words.length > TITLE_WORDS ? `${words.slice(0, TITLE_WORDS).join(' ')}…` : base;
}

function build(cues: ScenarioCues, idx: DocIndex, group: SentenceInfo[], readings: Reading[]): Omit<ScenarioOut, 'id'> {
  const text = idx.text;
  const conditions: string[] = [];
  let outcome = '';
  group.forEach((s, i) => {
    const r = readings[i]!;
    if (r.opens) {
      const f = framing(cues, s, text);
      // The framing sentence's own condition ("... is if X"), forward word or not.
      const c = cues.conditional.matchAll(text, s.start, s.end).length || cues.inversion.test(s.text) ? splitConditional(cues, s, text) : null;
      if (c?.conditions.length) conditions.push(...c.conditions); else if (f) conditions.push(f);
    } else if (r.conditional) {
      const c = splitConditional(cues, s, text);
      conditions.push(...c.conditions);
      if (c.main && r.forward) outcome = c.main;
      else if (c.main && !outcome) outcome = c.main;
    } else if (r.forward) {
      outcome = clean(s.text);
    } else if (r.continues) {
      conditions.push(clean(s.text));
    }
  });
  const evidence: Span[] = group.map((s) => ({ start: s.start, end: s.end, text: s.text }));
  const actors = [...new Set(group.flatMap((s) => s.actors.map((a) => a.actor)))];
  // A condition is a clause ("if asked" is not one), and a quoted conditional ends where the
  // quotation closes: the attribution after it ("…," an MP told reporters) is no outcome.
  const conds = [...new Set(conditions.filter((c) => c.split(/\s+/).length >= 3))];
  const said = /["”]\s*,?\s+(?:\p{L}+\s+){0,8}?(?:said|says|told|added|warned|wrote)\b.*$/u;
  const out = clean(outcome.replace(said, ''));
  return { title: title(out, conds), conditions: conds, outcome: out, actors, evidence };
}

export function extractScenarios(kb: KnowledgeBase, idx: DocIndex): ScenarioOut[] {
  const cues = scenarioCues(kb);
  const out: Omit<ScenarioOut, 'id'>[] = [];
  let group: SentenceInfo[] = [];
  let readings: Reading[] = [];
  const close = () => {
    // A framing cue alone, with no condition and nothing forward-looking, is not a scenario.
    if (group.length && readings.some((r) => r.conditional || r.forward)) {
      const sc = build(cues, idx, group, readings);
      if (sc.conditions.length || readings[0]!.opens) out.push(sc);
    }
    group = [];
    readings = [];
  };
  for (const s of idx.sentences) {
    const r = read(cues, s, idx.text);
    const sameParagraph = group.length > 0 && group.at(-1)!.paragraph === s.paragraph;
    if (!sameParagraph) close();
    if (r.opens) {
      close();
      group = [s]; readings = [r];
    } else if (r.conditional) {
      // A condition inside an open scenario ("The risk here is ... If the SDF ...") extends it.
      if (group.length && group.length < MAX_SENTENCES) { group.push(s); readings.push(r); }
      else { close(); group = [s]; readings = [r]; }
    } else if (group.length && group.length < MAX_SENTENCES && (r.continues || r.forward)) {
      group.push(s); readings.push(r);
    } else {
      close();
    }
  }
  close();
  return out.map((s, i) => ({ id: `sc${i + 1}`, ...s }));
}

const stage: Stage = {
  name: 'scenarios',
  requires: ['sentences', 'actors'],
  run({ document, layers, kb }) {
    return { scenarios: extractScenarios(kb, indexDocument(document.text, layers)) };
  },
};
export default stage;
