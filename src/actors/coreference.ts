// In-document coreference: definite descriptions ("the group", "the regime") and surnames after
// a full name ("al-Ansari" after "Abu Hudhaifa al-Ansari") link to an actor named earlier.
import type { ActorKind } from '../analysis/types.js';
import type { Token } from '../text/tokenize.js';
import { isCapitalised } from '../text/tokenize.js';

/**
 * `prefer`: an antecedent of this kind within reach wins over a nearer one of the other kinds
 * ("the government" is rather the government named a paragraph back than the state named last).
 * `whole`: the phrase names the whole body its antecedent belongs to ("the authorities" after
 * "the Interior Ministry" are the government).
 */
export type CorefRule = { phrase: string[]; kinds: ActorKind[]; aliasContains?: string; prefer?: ActorKind; whole?: boolean };

/** The body an actor belongs to, for `whole` rules: its key, kind and aliases; null when none. */
export type WholeOf = (key: string, at: number) => Pick<LinkedMention, 'key' | 'kind' | 'aliases'> | null;

/** A resolved actor mention so far: key identifies the actor within the document. */
export type LinkedMention = { start: number; end: number; firstToken: number; lastToken: number; key: string; kind: ActorKind; aliases: string[]; via: 'pack' | 'pattern' | 'coref'; surface: string };

export function resolveDefiniteDescriptions(tokens: Token[], rules: CorefRule[], linked: LinkedMention[], taken: (t: number) => boolean, text: string,
  wholeOf: WholeOf = () => null): LinkedMention[] {
  const out: LinkedMention[] = [];
  const sorted = [...linked].sort((a, b) => a.start - b.start);
  for (let i = 0; i < tokens.length; i++) {
    // Every phrase starts with a determiner: most tokens are skipped here.
    if (!rules.some((r) => r.phrase[0] === tokens[i]!.norm)) continue;
    for (const rule of rules) {
      const n = rule.phrase.length;
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = tokens[i + k]?.norm === rule.phrase[k] && !taken(i + k);
      if (!ok) continue;
      // "the group's" is fine; "the group of experts" / "the regime forces" are not references.
      const next = tokens[i + n];
      if (next && next.start - tokens[i + n - 1]!.end <= 1 && /^(of|forces|army)$/.test(next.norm)) break;
      const at = tokens[i]!.start;
      const found = pickAntecedent(sorted, at, rule);
      const antecedent = found && rule.whole ? wholeOf(found.key, at) ?? found : found;
      if (antecedent) {
        const end = tokens[i + n - 1]!.end;
        out.push({ start: at, end, firstToken: i, lastToken: i + n - 1, key: antecedent.key, kind: antecedent.kind, aliases: antecedent.aliases, via: 'coref', surface: text.slice(at, end) });
      }
      i += n - 1;
      break;
    }
  }
  return out;
}

/** The nearest earlier actor of a fitting kind; an alias containing the rule's word wins, then the preferred kind. */
function pickAntecedent(sorted: LinkedMention[], at: number, rule: CorefRule): LinkedMention | null {
  const WINDOW = 1500; // characters: a few paragraphs back
  let best: LinkedMention | null = null;
  let preferred: LinkedMention | null = null;
  for (let j = sorted.length - 1; j >= 0; j--) {
    const m = sorted[j]!;
    if (m.start >= at) continue;
    if (at - m.start > WINDOW) break;
    if (!rule.kinds.includes(m.kind)) continue;
    if (rule.aliasContains && m.aliases.some((a) => a.toLowerCase().includes(rule.aliasContains!))) return m;
    if (!best) best = m;
    if (!preferred && m.kind === rule.prefer) preferred = m;
    if (!rule.aliasContains && (!rule.prefer || preferred)) break;
  }
  return preferred ?? best;
}

/** Surname forms of a person's name: "Abu Hudhaifa al-Ansari" -> ["ansari"]. */
export function surnameOf(nameTokens: Token[]): string | null {
  if (nameTokens.length < 2) return null;
  const last = nameTokens[nameTokens.length - 1]!;
  return last.norm.length >= 3 ? last.norm : null;
}

export function resolveSurnames(tokens: Token[], persons: LinkedMention[], surnames: Map<string, string>, taken: (t: number) => boolean, text: string): LinkedMention[] {
  const out: LinkedMention[] = [];
  const byKey = new Map(persons.map((p) => [p.key, p] as const));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (taken(i) || !isCapitalised(t.text)) continue;
    const key = surnameKey(surnames, t.norm, persons, t.start);
    if (!key) continue;
    const person = byKey.get(key)!;
    // Include a preceding "al-"/"el-" article in the span.
    let first = i;
    const prev = tokens[i - 1];
    if (prev && !taken(i - 1) && /^(al|el)$/.test(prev.norm) && /^[-\s]$/.test(text.slice(prev.end, t.start))) first = i - 1;
    const start = tokens[first]!.start;
    out.push({ start, end: t.end, firstToken: first, lastToken: i, key, kind: 'person', aliases: person.aliases, via: 'coref', surface: text.slice(start, t.end) });
  }
  return out;
}

function surnameKey(surnames: Map<string, string>, norm: string, persons: LinkedMention[], at: number): string | null {
  // Several people may share a surname: the one mentioned most recently before this point wins.
  let best: LinkedMention | null = null;
  for (const p of persons) {
    if (surnames.get(p.key) !== norm) continue;
    if (p.start < at && (!best || p.start > best.start)) best = p;
  }
  if (best) return best.key;
  for (const p of persons) if (surnames.get(p.key) === norm) return p.key;
  return null;
}

const POSSESSIVE_PRONOUNS = new Set(['his', 'her']);

/**
 * "his May 2025 meeting with X", "her statement": a possessive pronoun before a noun for an act
 * whose owner is its agent (`agentNounAfter(tokenIndex)` says whether such a noun follows, a
 * few words on) refers to the person named last before it, in its sentence or the one before
 * (`scopeStart(offset)`: where that scope begins).
 */
export function resolvePossessivePronouns(tokens: Token[], linked: LinkedMention[], taken: (t: number) => boolean, text: string,
  scopeStart: (offset: number) => number, agentNounAfter: (tokenIndex: number) => boolean): LinkedMention[] {
  const out: LinkedMention[] = [];
  let persons: LinkedMention[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!POSSESSIVE_PRONOUNS.has(t.norm) || taken(i) || !agentNounAfter(i)) continue;
    persons ??= linked.filter((m) => m.kind === 'person').sort((a, b) => a.start - b.start);
    const from = scopeStart(t.start);
    const antecedent = persons.filter((p) => p.end <= t.start && p.start >= from).at(-1);
    if (antecedent) out.push({ start: t.start, end: t.end, firstToken: i, lastToken: i, key: antecedent.key, kind: 'person', aliases: antecedent.aliases, via: 'coref', surface: t.text });
  }
  return out;
}
