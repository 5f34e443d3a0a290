// Deaths counted from the parse where the text names its victims instead of counting them:
// "killing Ahmed al-Dawar and Bandar al-Fneish" → 2, "killed the IS leader and his two adult
// sons" → 3, "a drone strike killed a commander" → 1. The victims are the death verb's object
// (its passive subject, or the noun a participle modifies) with their conjuncts; each counts
// its number ("two sons"), or 1 when it is one named person or a singular noun. A plural with no
// number ("killed civilians") cannot be counted: then nothing is said.
import type { ParsedSentence, SyntaxToken } from '../syntax/types.js';
import { predicateArguments } from '../syntax/arguments.js';
import { childrenOf } from '../syntax/tree.js';
import type { Fatalities } from './fatalities.js';

export type CountWords = { numberWords: ReadonlyMap<string, number>; deathVerbs: ReadonlySet<string> };

function numberOf(t: SyntaxToken, words: ReadonlyMap<string, number>): number | null {
  const raw = t.text.replace(/,/g, '');
  if (/^\d+$/.test(raw)) return Number(raw);
  return words.get(t.text.toLowerCase()) ?? null;
}

function countVictim(sentence: ParsedSentence, v: SyntaxToken, words: ReadonlyMap<string, number>): number | null {
  const num = childrenOf(sentence, v, 'nummod')[0];
  if (num) {
    // "at least two": an open count still says two died.
    return numberOf(num, words);
  }
  if (v.upos === 'PROPN') return 1;
  if (v.upos === 'NOUN' && v.feats.Number !== 'Plur') {
    // "a commander", "the driver", "his son"; not "the group".
    return childrenOf(sentence, v, 'det', 'nmod:poss').length ? 1 : null;
  }
  if (v.upos === 'PRON' && /^(?:him|her|he|she)$/i.test(v.text)) return 1;
  return null;
}

/** Deaths the death verb at `verb` names, or null when it names none it can count. */
export function victimsCounted(sentence: ParsedSentence, verb: SyntaxToken, words: CountWords): Fatalities | null {
  if (verb.upos !== 'VERB' || !words.deathVerbs.has(verb.lemma.toLowerCase())) return null;
  const args = predicateArguments(sentence, verb);
  if (args.negated || !args.patients.length) return null;
  let total = 0;
  for (const p of args.patients) {
    const n = countVictim(sentence, p.token, words.numberWords);
    if (n === null) return null;
    total += n;
  }
  return total > 0 ? { min: total, max: total } : null;
}

/** The largest count any death verb of the sentence gives its named victims (one report, not a sum of restatements). */
export function parseFatalities(sentence: ParsedSentence, words: CountWords): Fatalities | null {
  let best: Fatalities | null = null;
  for (const t of sentence.tokens) {
    const f = victimsCounted(sentence, t, words);
    if (f && (!best || f.min > best.min)) best = f;
  }
  return best;
}
