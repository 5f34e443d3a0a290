// Lemmas: a few English suffix rules by Penn tag, and the treebank's words where the rules
// get it wrong (learnt at training time, kept in the model file).

const DOUBLE = /([bcdfgkmnprtvz])\1$/;

// A stem that lost a silent e ("escalat" ← escalated, "captur" ← captured, "mobiliz" ← mobilizing):
// one vowel between consonants before these endings, as English spells -ate, -ize, -ure, -uce,
// -ive/-ove, -id(e), -ut(e), -os(e), -in(e), -ot(e), -ce and -ge verbs.
const SILENT_E = /(?:[^aeiou][aeiouy](?:t|z|s|d|n|r|v|c)|[^aeiou]v|[rnlc]g|dg|[nrc]c|[^aeiou]u(?:r|c|t))$/;
const KEEP = /(?:[^aeiou][aeiou](?:t|d|n|r|s)|[aeiou]{2}[a-z])$/;
// Stems of common verbs ending so without an e ("visit", "edit", "limit", "benefit", "credit",
// "open", "happen", "target", "focus", "offer", "enter", "order", "consider", "gather"): a short
// or unstressed last syllable. Only -at/-iz/-ur/-uc/-ut/-v stems, and -id/-os/-in/-ot stems after
// one consonant cluster of two or more letters before the vowel, take the e.
function restoreE(base: string): string {
  // move, fire, cause, release, seize, stage, explode, evacuate.
  if (/(?:v|[^aeiou]ir|(?:au|ea|ei|ai)[sz]|[^aeiou]ag|[^aeiou]od|uat)$/.test(base) || base === 'us') return `${base}e`;
  if (!SILENT_E.test(base)) return base;
  if (/[^aeiou]at$/.test(base) && base.length >= 5) return `${base}e`; // escalate, eliminate, detonate
  if (/(?:[iy]z|[^aeiou]u[rct]|[^aeiou]v|[rlc]g|dg|[nrc]c)$/.test(base) || (/ang$/.test(base) && base.length >= 5)) return `${base}e`; // mobilize, capture, reduce, execute, move, merge, charge, announce, force; change, arrange (not hang)
  if (/[^aeiou]{2}[aeiou](?:d|s|n|t)$/.test(base) && base.length >= 5 && !KEEP.test(base.slice(-4)) ) return `${base}e`;
  if (/(?:ecid|ovid|ivid|clos|pos|amin|ermin|omin|ombin|omot|vot|not|quot)$/.test(base)) return `${base}e`; // decide, provide, divide, close, impose, examine, determine, combine, promote, vote, note, quote
  return base;
}

function stripSuffix(lower: string, suffix: string): string {
  const base = lower.slice(0, -suffix.length);
  if (base.length < 2) return lower;
  if (DOUBLE.test(base)) return base.slice(0, -1); // stopped → stop
  return restoreE(base);
}

export function ruleLemma(form: string, xpos: string): string {
  if (xpos === 'NNP') return form;
  const lower = form.toLowerCase();
  switch (xpos) {
    case 'NNS':
    case 'NNPS':
    case 'VBZ': {
      const base = xpos === 'NNPS' ? form : lower;
      if (/ies$/.test(base) && base.length > 4) return `${base.slice(0, -3)}y`;
      if (/(?:ss|x|z|ch|sh)es$/.test(base)) return base.slice(0, -2);
      if (/[^s]s$/.test(base)) return base.slice(0, -1);
      return base;
    }
    case 'VBD':
    case 'VBN':
      if (/ied$/.test(lower) && lower.length > 4) return `${lower.slice(0, -3)}y`;
      if (/ed$/.test(lower)) return stripSuffix(lower, 'ed');
      return lower;
    case 'VBG':
      if (/ing$/.test(lower) && lower.length > 4) return stripSuffix(lower, 'ing');
      return lower;
    case 'JJR':
    case 'RBR':
      if (/ier$/.test(lower)) return `${lower.slice(0, -3)}y`;
      if (/er$/.test(lower) && lower.length > 4) return stripSuffix(lower, 'er');
      return lower;
    case 'JJS':
    case 'RBS':
      if (/iest$/.test(lower)) return `${lower.slice(0, -4)}y`;
      if (/est$/.test(lower) && lower.length > 5) return stripSuffix(lower, 'est');
      return lower;
    default:
      return lower;
  }
}

/** Key of the exception table. */
export function lemmaKey(form: string, xpos: string): string {
  return `${xpos === 'NNP' || xpos === 'NNPS' ? form : form.toLowerCase()}\t${xpos}`;
}

export function lemmatize(exceptions: ReadonlyMap<string, string>, form: string, xpos: string): string {
  return exceptions.get(lemmaKey(form, xpos)) ?? ruleLemma(form, xpos);
}

/** The training words whose most frequent lemma the rules do not give. */
export function learnLemmaExceptions(words: Iterable<{ form: string; xpos: string; lemma: string }>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const w of words) {
    const key = lemmaKey(w.form, w.xpos);
    let m = counts.get(key);
    if (!m) counts.set(key, (m = new Map()));
    m.set(w.lemma, (m.get(w.lemma) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const key of [...counts.keys()].sort()) {
    const m = counts.get(key)!;
    const best = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const [form, xpos] = key.split('\t') as [string, string];
    if (ruleLemma(form, xpos) !== best) out.set(key, best);
  }
  return out;
}
