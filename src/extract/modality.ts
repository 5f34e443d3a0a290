// How sure the text is about an event or relation, from modality-cues.yaml: a cue's scope is a
// few words before the trigger (near), the trigger's clause, the whole sentence before it, or
// just after it. The strongest modality found wins.
import type { Modality } from '../analysis/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { PhraseMatcher, type PhraseMatch } from './phrase-matcher.js';
import { badLexicon, isRecord, stringList } from './lexicon-errors.js';
import type { Clause } from './clauses.js';

const LEXICON = 'modality-cues';
const SCOPES = ['near', 'clause', 'sentence', 'after'] as const;
type Scope = (typeof SCOPES)[number];
/** Strongest first. */
export const MODALITY_ORDER: Modality[] = ['negated', 'foiled', 'hypothetical', 'planned', 'claimed', 'alleged', 'reported'];
const NEAR_WORDS = 3;

export type ModalityCue = { modality: Modality; scope: Scope };
export type ModalityCues = {
  matcher: PhraseMatcher<ModalityCue[]>;
  /** Lemma of a governing predicate → the modality it gives what it governs (`governs` lists). */
  governors: ReadonlyMap<string, Modality>;
};
export type ModalityHit = { modality: Modality; cue: PhraseMatch<ModalityCue[]> | null };

const cache = new WeakMap<KnowledgeBase, ModalityCues>();

export function modalityCues(kb: KnowledgeBase): ModalityCues {
  let c = cache.get(kb);
  if (c) return c;
  const raw = kb.lexicons.get(LEXICON) ?? {};
  if (!isRecord(raw)) throw badLexicon(LEXICON, 'must map a modality to its cue lists');
  const byPhrase = new Map<string, ModalityCue[]>();
  const governors = new Map<string, Modality>();
  for (const modality of MODALITY_ORDER) {
    const entry = raw[modality];
    if (entry === undefined) continue;
    if (!isRecord(entry)) throw badLexicon(LEXICON, `"${modality}" must map scopes (${SCOPES.join(', ')}, governs) to lists`);
    // The strongest modality listing a lemma keeps it (MODALITY_ORDER is strongest first).
    for (const lemma of stringList(LEXICON, `${modality}.governs`, entry.governs)) if (!governors.has(lemma.toLowerCase())) governors.set(lemma.toLowerCase(), modality);
    for (const scope of SCOPES) {
      for (const phrase of stringList(LEXICON, `${modality}.${scope}`, entry[scope])) {
        const key = phrase.toLowerCase();
        byPhrase.set(key, [...(byPhrase.get(key) ?? []), { modality, scope }]);
      }
    }
  }
  for (const k of Object.keys(raw)) {
    if (!MODALITY_ORDER.includes(k as Modality)) throw badLexicon(LEXICON, `unknown modality "${k}"`);
  }
  c = { matcher: new PhraseMatcher(byPhrase), governors };
  cache.set(kb, c);
  return c;
}

// Every trigger of a sentence reads the same cues: match each sentence once per document.
let memoText: string | null = null;
const memo = new Map<string, PhraseMatch<ModalityCue[]>[]>();
function sentenceCues(cues: ModalityCues, text: string, sentence: { start: number; end: number }): PhraseMatch<ModalityCue[]>[] {
  if (memoText !== text) { memo.clear(); memoText = text; }
  const key = `${sentence.start}:${sentence.end}`;
  let hit = memo.get(key);
  if (!hit) { hit = cues.matcher.matchAll(text, sentence.start, sentence.end); memo.set(key, hit); }
  return hit;
}

/** "May" capitalised next to a number ("3 May", "May 2024") names the month. */
function isMonthName(text: string, m: { start: number; end: number; text: string }): boolean {
  return m.text === 'May' && (/\d\s*$/.test(text.slice(Math.max(0, m.start - 4), m.start)) || /^\s*\d/.test(text.slice(m.end, m.end + 4)));
}

function wordsBetween(text: string, from: number, to: number): number {
  const gap = text.slice(from, to).trim();
  return gap ? gap.split(/\s+/).length : 0;
}

/**
 * Modality of a trigger at [start, end) in `clause` of `sentence`. Cues overlapping the trigger
 * itself do not count ("foiled" is the trigger of a plot-foiled event, not its modality).
 */
export function modalityAt(
  cues: ModalityCues, text: string, sentence: { start: number; end: number; times?: readonly { start: number; end: number }[] },
  clause: Clause, start: number, end: number,
): ModalityHit {
  let best: ModalityHit = { modality: 'asserted', cue: null };
  let rank = MODALITY_ORDER.length;
  const afterEnd = Math.min(sentence.end, end + 40);
  for (const m of sentenceCues(cues, text, sentence)) {
    if (m.end > afterEnd) break;
    if (m.end > start && m.start < end) continue;
    // "On 3 May 2024": the month, not the modal verb.
    if (sentence.times?.some((t) => t.start < m.end && m.start < t.end) || isMonthName(text, m)) continue;
    for (const cue of m.value) {
      const r = MODALITY_ORDER.indexOf(cue.modality);
      if (r >= rank) continue;
      let applies = false;
      if (m.end <= start) {
        if (cue.scope === 'near') applies = m.start >= clause.start && wordsBetween(text, m.end, start) <= NEAR_WORDS;
        else if (cue.scope === 'clause') applies = m.start >= clause.start;
        else if (cue.scope === 'sentence') applies = true;
      } else if (cue.scope === 'after') {
        applies = m.start >= end && m.start <= clause.end + 2 && wordsBetween(text, end, m.start) <= 6;
      }
      if (applies) { best = { modality: cue.modality, cue: m }; rank = r; }
    }
  }
  return best;
}

export type GovernedModality = { modality: Modality; governor: string; source: string | null };

/**
 * Modality an event takes from the predicates above it in the parse (nearest first): the
 * strongest one a `governs` list names, with the subject of a reporting or claiming one as the
 * source ("the SDF said that IS attacked": reported, by the SDF).
 */
export function governedModality(cues: ModalityCues, governors: readonly { token: { lemma: string; text: string }; agents: readonly { actor: string }[] }[]): GovernedModality | null {
  let best: GovernedModality | null = null;
  for (const g of governors) {
    const modality = cues.governors.get(g.token.lemma.toLowerCase()) ?? cues.governors.get(g.token.text.toLowerCase());
    if (!modality) continue;
    const source = g.agents[0]?.actor ?? null;
    if (!best || MODALITY_ORDER.indexOf(modality) < MODALITY_ORDER.indexOf(best.modality)) best = { modality, governor: g.token.text, source };
    else if (best && !best.source && source && (modality === 'reported' || modality === 'claimed' || modality === 'alleged')) best.source = source;
  }
  return best;
}
