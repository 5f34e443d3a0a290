// Dictionary of every actor name and alias in the knowledge pack, keyed by the folded first
// token, built once per knowledge base.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { foldName, tokenize } from '../text/tokenize.js';

/** Positions of the alias's tokens that carry a possessive ("Syria's defence ministry": [0]). */
function possessivePositions(alias: string): number[] {
  const t = tokenize(alias);
  const out: number[] = [];
  for (let k = 0; k + 1 < t.length; k++) if (/^['’]s\s+$/u.test(alias.slice(t[k]!.end, t[k + 1]!.start))) out.push(k);
  return out;
}

/**
 * How strictly the text's casing must follow the alias:
 * - exact: acronyms ("IS", "US", "SDF", mixed-case "JaS") match only as written, never "is"/"us";
 * - capitalised: names with capitals need a capital in the text ("Islamic State", not "islamic state");
 * - any: aliases written in lower case in the pack ("regime forces", "protesters") match as written in prose.
 */
export type CaseMode = 'exact' | 'capitalised' | 'any';

export type AliasEntry = {
  alias: string;
  tokens: string[];
  /** Token forms as written, for 'exact' matching. */
  raw: string[];
  actorIds: string[];
  caseMode: CaseMode;
  /** Listed under the actor's `ambiguous`: linked only with support from context. */
  ambiguous: boolean;
  /** Token positions followed by a possessive in the alias ("Iraq's parliament": [0]). */
  possessiveAfter: number[];
};

export type AliasIndex = Map<string, AliasEntry[]>;

const cache = new WeakMap<KnowledgeBase, AliasIndex>();

export function caseModeOf(alias: string): CaseMode {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  if (!letters) return 'any';
  if (/[\u0600-\u06FF]/.test(letters)) return 'any';
  if (letters === letters.toUpperCase() && letters.length <= 6) return 'exact';
  // Mixed-case acronyms ("JaS"): a short run of letters with a capital after the first is
  // written only that way, so "jas" or "JAS" names something else.
  if (/^\p{L}{2,6}$/u.test(alias) && /^\p{L}.*\p{Lu}/u.test(alias) && /\p{Ll}/u.test(alias)) return 'exact';
  if (letters === letters.toLowerCase()) return 'any';
  return 'capitalised';
}

export function aliasIndex(kb: KnowledgeBase): AliasIndex {
  const hit = cache.get(kb);
  if (hit) return hit;
  const byKey = new Map<string, AliasEntry>();
  for (const actor of kb.actors.values()) {
    const ambiguous = new Set(actor.ambiguous ?? []);
    const forms = new Set([actor.name, ...actor.aliases, ...ambiguous]);
    for (const alias of forms) {
      const tokens = foldName(alias);
      if (tokens.length === 0) continue;
      const caseMode = caseModeOf(alias);
      const key = `${caseMode === 'exact' ? alias.replace(/[^\p{L}\p{N}]/gu, '') : tokens.join(' ')}|${caseMode}|${ambiguous.has(alias)}`;
      const entry = byKey.get(key);
      if (entry) {
        if (!entry.actorIds.includes(actor.id)) entry.actorIds.push(actor.id);
      } else {
        byKey.set(key, {
          alias, tokens, raw: alias.split(/[^\p{L}\p{N}]+/u).filter(Boolean), actorIds: [actor.id],
          caseMode, ambiguous: ambiguous.has(alias), possessiveAfter: possessivePositions(alias),
        });
      }
    }
  }
  const index: AliasIndex = new Map();
  for (const entry of byKey.values()) {
    const first = entry.tokens[0]!;
    const list = index.get(first) ?? [];
    list.push(entry);
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  cache.set(kb, index);
  return index;
}
