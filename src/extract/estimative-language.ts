// Reader for estimative-language.yaml: one compiled pattern over all cues (longest first), with
// "..." in a cue standing for a short gap inside the clause ("chances ... remain slim").
import type { Likelihood } from '../analysis/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { badLexicon, isRecord } from './lexicon-errors.js';
import { escapeRegExp } from '../text/regexp-source.js';

const LEXICON = 'estimative-language';
const LIKELIHOODS: readonly Likelihood[] = ['remote', 'very unlikely', 'unlikely', 'roughly even', 'likely', 'very likely', 'almost certain'];
const GAP = '(?:\\s+[^\\s.;:!?]+){0,8}?\\s+';

/** `modal`: the cue counts only as a modal verb ("may", "might"), which the caller checks in the parse. */
export type EstimativeMatch = { start: number; end: number; text: string; likelihood: Likelihood; modal: boolean };
export type EstimativeCues = { re: RegExp; likelihoods: Likelihood[]; modal: boolean[] };

const cache = new WeakMap<KnowledgeBase, EstimativeCues>();

function cuePattern(cue: string): string {
  return cue.trim().split(/\s*\.\.\.\s*/).map((part) => part.split(/\s+/)
    .map((w) => escapeRegExp(w).replace(/'/g, "['’]")).join('\\s+')).join(GAP);
}

export function estimativeCues(kb: KnowledgeBase): EstimativeCues {
  let c = cache.get(kb);
  if (c) return c;
  const raw = kb.lexicons.get(LEXICON) ?? [];
  if (!Array.isArray(raw)) throw badLexicon(LEXICON, 'must be a list of {cue, likelihood}');
  const entries = raw.map((e, i) => {
    if (!isRecord(e) || typeof e.cue !== 'string' || !LIKELIHOODS.includes(e.likelihood as Likelihood)) {
      throw badLexicon(LEXICON, `entry ${i + 1} must be {cue: text, likelihood: one of ${LIKELIHOODS.join(', ')}}`);
    }
    return { cue: e.cue, likelihood: e.likelihood as Likelihood, modal: e.modal === true };
  }).sort((a, b) => b.cue.length - a.cue.length);
  const alternation = entries.map((e, i) => `(?<c${i}>${cuePattern(e.cue)})`).join('|');
  c = {
    re: entries.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'giu') : /(?!)/g,
    likelihoods: entries.map((e) => e.likelihood),
    modal: entries.map((e) => e.modal),
  };
  cache.set(kb, c);
  return c;
}

/** Estimative cues in text[from, to), left to right, not overlapping. */
export function findEstimative(cues: EstimativeCues, text: string, from: number, to: number): EstimativeMatch[] {
  const out: EstimativeMatch[] = [];
  // Search the slice only: a global regex run from an offset would scan on past `to`.
  const slice = text.slice(from, to);
  cues.re.lastIndex = 0;
  for (let m = cues.re.exec(slice); m; m = cues.re.exec(slice)) {
    const g = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined);
    if (g) {
      const k = Number(g[0].slice(1));
      out.push({ start: from + m.index, end: from + m.index + m[0].length, text: m[0], likelihood: cues.likelihoods[k]!, modal: cues.modal[k]! });
    }
  }
  return out;
}
