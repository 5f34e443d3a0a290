// Reader for statistic-cues.yaml: comparison cues for statistics, number words and vague counts,
// and casualty wording for fatalities. Compiled once per knowledge base.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { PhraseMatcher } from './phrase-matcher.js';
import { badLexicon, isRecord, numberMap, stringList } from './lexicon-errors.js';

const LEXICON = 'statistic-cues';
export const STAT_KINDS = ['ratio', 'change', 'percent', 'comparison', 'quantity'] as const;
export type StatKind = (typeof STAT_KINDS)[number];

export type StatisticCues = {
  statistics: PhraseMatcher<StatKind>;
  numberWords: ReadonlyMap<string, number>;
  vagueCounts: ReadonlyMap<string, number>;
  fatalities: {
    killed: string[]; killing: string[]; nouns: string[]; toll: string[];
    openMin: string[]; approx: string[]; upper: string[]; none: string[];
    /** Words for the injured: a count joined to them is not a death toll. */
    injured: string[];
    /** A coder's or editor's note on the count ("fatalities coded as"), not a report. */
    notes: string[];
    /** Lemmas of verbs whose object (or passive subject) died: the parse counts their victims. */
    deathVerbs: ReadonlySet<string>;
  };
};

const cache = new WeakMap<KnowledgeBase, StatisticCues>();

export function statisticCues(kb: KnowledgeBase): StatisticCues {
  let c = cache.get(kb);
  if (c) return c;
  const raw = kb.lexicons.get(LEXICON) ?? {};
  if (!isRecord(raw)) throw badLexicon(LEXICON, 'must be a mapping with statistics, number_words, vague_counts, fatalities');
  const stats = raw.statistics ?? {};
  if (!isRecord(stats)) throw badLexicon(LEXICON, '"statistics" must map cue kinds to lists');
  const entries: [string, StatKind][] = [];
  for (const kind of STAT_KINDS) for (const p of stringList(LEXICON, `statistics.${kind}`, stats[kind])) entries.push([p, kind]);
  const f = raw.fatalities ?? {};
  if (!isRecord(f)) throw badLexicon(LEXICON, '"fatalities" must map cue kinds to lists');
  const list = (k: string) => stringList(LEXICON, `fatalities.${k}`, f[k]);
  c = {
    statistics: new PhraseMatcher(entries),
    numberWords: numberMap(LEXICON, 'number_words', raw.number_words),
    vagueCounts: numberMap(LEXICON, 'vague_counts', raw.vague_counts),
    fatalities: {
      killed: list('killed'), killing: list('killing'), nouns: list('nouns'), toll: list('toll'),
      openMin: list('open_min'), approx: list('approx'), upper: list('upper'), none: list('none'),
      injured: list('injured'), notes: list('notes'), deathVerbs: new Set(list('death_verbs').map((w) => w.toLowerCase())),
    },
  };
  cache.set(kb, c);
  return c;
}
