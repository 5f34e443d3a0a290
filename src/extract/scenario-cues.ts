// Reader for scenario-cues.yaml, compiled once per knowledge base.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { PhraseMatcher } from './phrase-matcher.js';
import { badLexicon, isRecord, stringList } from './lexicon-errors.js';
import { escapeRegExp } from '../text/regexp-source.js';

const LEXICON = 'scenario-cues';

export type ScenarioCues = {
  opens: PhraseMatcher<true>;
  continues: PhraseMatcher<true>;
  forward: PhraseMatcher<true>;
  /** Condition openers; value: true when the sentence also needs a forward word. */
  conditional: PhraseMatcher<boolean>;
  /** "should" + one of these words is a conditional inversion ("should his bid fail"). */
  inversion: RegExp;
};

const cache = new WeakMap<KnowledgeBase, ScenarioCues>();

export function scenarioCues(kb: KnowledgeBase): ScenarioCues {
  let c = cache.get(kb);
  if (c) return c;
  const raw = kb.lexicons.get(LEXICON) ?? {};
  if (!isRecord(raw)) throw badLexicon(LEXICON, 'must map opens/continues/conditional/inversion/forward/needs_forward to lists');
  const list = (k: string) => stringList(LEXICON, k, raw[k]);
  const needs = new Set(list('needs_forward').map((s) => s.toLowerCase()));
  const inversion = list('inversion').map((w) => escapeRegExp(w));
  c = {
    opens: new PhraseMatcher(list('opens').map((p) => [p, true] as const)),
    continues: new PhraseMatcher(list('continues').map((p) => [p, true] as const)),
    forward: new PhraseMatcher(list('forward').map((p) => [p, true] as const)),
    conditional: new PhraseMatcher(list('conditional').map((p) => [p, needs.has(p.toLowerCase())] as const)),
    inversion: inversion.length ? new RegExp(`(?<![\\p{L}])should\\s+(?:${inversion.join('|')})\\b`, 'iu') : /(?!)/,
  };
  cache.set(kb, c);
  return c;
}
