// The `assessments` layer: estimative judgements ("chances ... remain slim", "almost certainly")
// mapped to the ICD 203 likelihood scale (estimative-language.yaml). The statement is the
// judged clause: the sentence, or its part between semicolons, without a leading connective.
import type { AssessmentOut } from '../../analysis/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Stage } from '../stage.js';
import type { Sentence } from '../stage.js';
import { estimativeCues, findEstimative } from '../../extract/estimative-language.js';

const CONNECTIVE = /^(?:(?:yet|but|however|still|thus|therefore|hence|moreover|realistically|overall|ultimately|in sum|in short|nonetheless|nevertheless|so)\b,?\s+)+/i;

function judgedClause(text: string, s: Sentence, at: number): string {
  const before = text.lastIndexOf(';', at);
  const start = before >= s.start ? before + 1 : s.start;
  const after = text.indexOf(';', at);
  const end = after >= 0 && after < s.end ? after : s.end;
  return text.slice(start, end).trim().replace(CONNECTIVE, '').replace(/[.!?]+$/, '').replace(/\s+/g, ' ');
}

export function extractAssessments(kb: KnowledgeBase, text: string, sentences: readonly Sentence[]): AssessmentOut[] {
  const cues = estimativeCues(kb);
  const out: Omit<AssessmentOut, 'id'>[] = [];
  for (const s of sentences) {
    for (const m of findEstimative(cues, text, s.start, s.end)) {
      const statement = judgedClause(text, s, m.start);
      if (out.some((a) => a.statement === statement && a.likelihood === m.likelihood)) continue;
      out.push({ statement, likelihood: m.likelihood, evidence: [{ start: s.start, end: s.end, text: s.text }, { start: m.start, end: m.end, text: m.text }] });
    }
  }
  return out.map((a, i) => ({ id: `as${i + 1}`, ...a }));
}

const stage: Stage = {
  name: 'assessments',
  requires: ['sentences'],
  run({ document, layers, kb }) {
    return { assessments: extractAssessments(kb, document.text, layers.sentences ?? []) };
  },
};
export default stage;
