// The `assessments` layer: estimative judgements ("chances ... remain slim", "almost certainly")
// mapped to the ICD 203 likelihood scale (estimative-language.yaml). The statement is the
// judged clause: the sentence, or its part between semicolons, without a leading connective.
import type { AssessmentOut } from '../../analysis/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Stage } from '../stage.js';
import type { Sentence } from '../stage.js';
import type { ParsedSentence } from '../../syntax/types.js';
import { headOf, subjectOf, subtreeSpan } from '../../syntax/tree.js';
import { estimativeCues, findEstimative } from '../../extract/estimative-language.js';

const CONNECTIVE = /^(?:(?:yet|but|however|still|thus|therefore|hence|moreover|realistically|overall|ultimately|in sum|in short|nonetheless|nevertheless|so)\b,?\s+)+/i;

function judgedClause(text: string, s: Sentence, at: number): string {
  const before = text.lastIndexOf(';', at);
  const start = before >= s.start ? before + 1 : s.start;
  const after = text.indexOf(';', at);
  const end = after >= 0 && after < s.end ? after : s.end;
  return text.slice(start, end).trim().replace(CONNECTIVE, '').replace(/[.!?]+$/, '').replace(/\s+/g, ' ');
}

/** Quoted passages: words someone else said are not the author's judgement. */
function quotedSpans(text: string): [number, number][] {
  return [...text.matchAll(/“[^”]*”|"[^"\n]*"/g)].map((m) => [m.index!, m.index! + m[0].length]);
}

export function extractAssessments(kb: KnowledgeBase, text: string, sentences: readonly Sentence[], syntax?: readonly ParsedSentence[],
  actorSpans: readonly { start: number; end: number }[] = []): AssessmentOut[] {
  const cues = estimativeCues(kb);
  const out: Omit<AssessmentOut, 'id'>[] = [];
  const quoted = quotedSpans(text);
  for (const [i, s] of sentences.entries()) {
    for (const m of findEstimative(cues, text, s.start, s.end)) {
      // A bare modal is a judgement only as the author's modal verb: not "May" the month, not
      // inside a quotation.
      if (m.modal) {
        if (m.text !== m.text.toLowerCase() && m.start !== s.start) continue;
        if (quoted.some(([a, b]) => m.start >= a && m.end <= b)) continue;
        const sentence = syntax?.[i];
        const t = sentence?.tokens.find((x) => x.start === m.start);
        if (!sentence || !t || t.xpos !== 'MD') continue;
        // A forecast about a party ("ISIS may have to", "they may intend to", "the military may
        // leave"), not a hedge on the author's own reading ("this focus may acknowledge").
        const verb = headOf(sentence, t);
        const subject = verb && subjectOf(sentence, verb);
        const aboutParty = !!subject && (/^(?:they|he|she|we)$/i.test(subject.text)
          || actorSpans.some((a) => { const sp = subtreeSpan(sentence, subject); return a.start < sp.end && sp.start < a.end; }));
        if (!aboutParty) continue;
      }
      const statement = judgedClause(text, s, m.start);
      if (out.some((a) => a.statement === statement && a.likelihood === m.likelihood)) continue;
      out.push({ statement, likelihood: m.likelihood, evidence: [{ start: s.start, end: s.end, text: s.text }, { start: m.start, end: m.end, text: m.text }] });
    }
  }
  return out.map((a, i) => ({ id: `as${i + 1}`, ...a }));
}

const stage: Stage = {
  name: 'assessments',
  requires: ['sentences', 'syntax', 'actors'],
  run({ document, layers, kb }) {
    const actorSpans = (layers.actors ?? []).flatMap((a) => a.mentions);
    return { assessments: extractAssessments(kb, document.text, layers.sentences ?? [], layers.syntax, actorSpans) };
  },
};
export default stage;
