// The `statistics` layer: quantitative claims — a ratio with something counted ("triple the
// number of attacks"), a change with a figure ("rose by 40%"), a percentage, or two counts set
// against each other ("120 attacks in 2024 compared with 80"). Cues: statistic-cues.yaml.
import type { StatisticOut } from '../../analysis/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Sentence, Stage } from '../stage.js';
import { statisticCues, type StatKind } from '../../extract/statistic-cues.js';

// A figure that is not a year: years alone ("rose in 2014") do not make a statistic.
const FIGURE = /(?<![\p{L}\p{N}])(?!(?:19|20)\d\d(?![\p{N}%]))\d[\d,.]*(?![\p{L}])/gu;
const CHANGE_FIGURE = /\b(?:by|to|from|of)\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?\d/i;

function figures(text: string): number {
  return text.match(FIGURE)?.length ?? 0;
}

function isStatistic(kinds: Set<StatKind>, sentence: string): boolean {
  const n = figures(sentence);
  if (kinds.has('percent') && n > 0) return true;
  if (kinds.has('ratio') && (kinds.has('quantity') || kinds.has('comparison') || n > 0)) return true;
  if (kinds.has('change') && CHANGE_FIGURE.test(sentence)) return true;
  if (kinds.has('comparison') && n >= 2) return true;
  return false;
}

export function extractStatistics(kb: KnowledgeBase, text: string, sentences: readonly Sentence[]): StatisticOut[] {
  const cues = statisticCues(kb).statistics;
  const out: StatisticOut[] = [];
  for (const s of sentences) {
    const matches = cues.matchAll(text, s.start, s.end);
    if (!matches.length) continue;
    const kinds = new Set(matches.map((m) => m.value));
    if (!isStatistic(kinds, s.text)) continue;
    out.push({ id: `st${out.length + 1}`, statement: s.text.replace(/\s+/g, ' ').trim(), evidence: [{ start: s.start, end: s.end, text: s.text }] });
  }
  return out;
}

const stage: Stage = {
  name: 'statistics',
  requires: ['sentences'],
  run({ document, layers, kb }) {
    return { statistics: extractStatistics(kb, document.text, layers.sentences ?? []) };
  },
};
export default stage;
