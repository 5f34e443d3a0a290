// Morphological features from the Penn tag and the dependency tree, the way UD English assigns
// them (Tense, VerbForm, Mood, Number, Person, Voice, Polarity, Degree, ...). The tagger predicts
// only UPOS and XPOS; what downstream stages need (is this verb passive? plural? negated?)
// follows from the tag plus the tree. Pure and cheap: one pass to index children, one per token,
// and the resulting objects are interned (frozen and shared), so a document allocates little.
import type { Feats } from './types.js';

const EMPTY: Feats = Object.freeze({});
const interned = new Map<string, Feats>();

/** One frozen object per distinct feature set ("Number=Sing" is shared by every singular noun). */
function intern(pairs: string[]): Feats {
  if (pairs.length === 0) return EMPTY;
  pairs.sort();
  const key = pairs.join('|');
  let f = interned.get(key);
  if (!f) {
    const o: Record<string, string> = {};
    for (const p of pairs) {
      const eq = p.indexOf('=');
      o[p.slice(0, eq)] = p.slice(eq + 1);
    }
    f = Object.freeze(o);
    // Distinct feature sets are few (a few hundred); the bound only guards against odd input.
    if (interned.size < 4096) interned.set(key, f);
  }
  return f;
}

type Pronoun = { person?: string; number?: string; case?: string; gender?: string; poss?: boolean; reflex?: boolean };
const PRONOUNS: Record<string, Pronoun> = {
  i: { person: '1', number: 'Sing', case: 'Nom' }, me: { person: '1', number: 'Sing', case: 'Acc' },
  my: { person: '1', number: 'Sing', poss: true }, mine: { person: '1', number: 'Sing', poss: true },
  myself: { person: '1', number: 'Sing', reflex: true },
  we: { person: '1', number: 'Plur', case: 'Nom' }, us: { person: '1', number: 'Plur', case: 'Acc' },
  our: { person: '1', number: 'Plur', poss: true }, ours: { person: '1', number: 'Plur', poss: true },
  ourselves: { person: '1', number: 'Plur', reflex: true },
  you: { person: '2' }, your: { person: '2', poss: true }, yours: { person: '2', poss: true },
  yourself: { person: '2', number: 'Sing', reflex: true }, yourselves: { person: '2', number: 'Plur', reflex: true },
  he: { person: '3', number: 'Sing', case: 'Nom', gender: 'Masc' }, him: { person: '3', number: 'Sing', case: 'Acc', gender: 'Masc' },
  his: { person: '3', number: 'Sing', gender: 'Masc', poss: true }, himself: { person: '3', number: 'Sing', gender: 'Masc', reflex: true },
  she: { person: '3', number: 'Sing', case: 'Nom', gender: 'Fem' }, her: { person: '3', number: 'Sing', gender: 'Fem' },
  hers: { person: '3', number: 'Sing', gender: 'Fem', poss: true }, herself: { person: '3', number: 'Sing', gender: 'Fem', reflex: true },
  it: { person: '3', number: 'Sing', gender: 'Neut' }, its: { person: '3', number: 'Sing', gender: 'Neut', poss: true },
  itself: { person: '3', number: 'Sing', gender: 'Neut', reflex: true },
  they: { person: '3', number: 'Plur', case: 'Nom' }, them: { person: '3', number: 'Plur', case: 'Acc' },
  their: { person: '3', number: 'Plur', poss: true }, theirs: { person: '3', number: 'Plur', poss: true },
  themselves: { person: '3', number: 'Plur', reflex: true },
};

const NEGATORS = new Set(['not', "n't", 'never', 'nt', '’t', 'n’t']);
const DEMONSTRATIVE: Record<string, string> = { this: 'Sing', that: 'Sing', these: 'Plur', those: 'Plur' };
const HAVE = new Set(['have', 'has', 'had', 'having', "'ve", '’ve', "'d", '’d', 've']);
const GERUND_RELATIONS = new Set(['acl', 'xcomp', 'amod', 'csubj', 'csubj:pass', 'nsubj', 'nsubj:pass', 'obj', 'iobj', 'obl', 'nmod', 'compound', 'appos', 'pcomp']);
const NOMINATIVE_RELATIONS = new Set(['nsubj', 'nsubj:pass', 'nsubj:outer', 'expl', 'csubj']);
const SUBJECT = new Set(['nsubj', 'nsubj:pass', 'csubj', 'csubj:pass', 'expl']);

/**
 * Features for every word of one parsed sentence (parallel arrays, as the model predicts them).
 * `head` is 0-based with -1 for the root. Returns one Feats per word; the objects are frozen and
 * may be shared between words.
 */
export function deriveFeats(
  upos: readonly string[], xpos: readonly string[], _lemma: readonly string[],
  forms: readonly string[], head: readonly number[], deprel: readonly string[],
): Feats[] {
  const n = forms.length;
  // Per word: bit flags about its children, and the index of its nominal subject (-1 when none).
  const PASS = 1, AUX = 2, SUBJ = 4, MARK_TO = 8, PERFECT = 16, OBJ = 32;
  const flags = new Uint8Array(n);
  const subj = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const h = head[i] ?? -1;
    if (h < 0 || h >= n) continue;
    const rel = deprel[i] ?? '';
    if (rel === 'aux:pass' || rel === 'nsubj:pass' || rel === 'csubj:pass' || rel === 'obl:agent') flags[h]! |= PASS;
    if (rel === 'aux' || rel === 'aux:pass' || rel === 'cop') flags[h]! |= AUX;
    if (rel === 'aux' && HAVE.has(lower(forms[i]))) flags[h]! |= PERFECT;
    if (SUBJECT.has(rel)) { flags[h]! |= SUBJ; if (subj[h] === -1 && rel !== 'expl') subj[h] = i; }
    if ((rel === 'mark' || rel === 'aux') && lower(forms[i]) === 'to') flags[h]! |= MARK_TO;
    if (rel === 'obj') flags[h]! |= OBJ;
  }

  // Passive, as UD English marks it: a passive auxiliary or subject (or an agent); otherwise any
  // past participle that is not perfect ("has killed") is passive too: "wounded soldiers", "the town
  // captured by IS", "Backed by Iran, ...". A bare participle conjoined to a verb follows it
  // ("were attacked and killed", "had attacked and looted").
  const passive = new Int8Array(n); // 0 unknown, 1 passive, -1 not
  const isPassive = (i: number, depth: number): boolean => {
    if (passive[i] !== 0) return passive[i] === 1;
    let p = (flags[i]! & PASS) !== 0;
    if (!p && xpos[i] === 'VBN' && !(flags[i]! & PERFECT)) {
      const h = head[i] ?? -1;
      if (deprel[i] === 'conj' && !(flags[i]! & (AUX | SUBJ)) && h >= 0 && h < n && depth < 64 && xpos[h] === 'VBN') p = isPassive(h, depth + 1);
      // A bare participle with its own subject and a direct object is a past tense the tagger
      // misread ("forces conducted airstrikes"): a passive takes no object.
      else p = !(flags[i]! & AUX) && (flags[i]! & (SUBJ | OBJ)) !== (SUBJ | OBJ);
    }
    passive[i] = p ? 1 : -1;
    return p;
  };

  const out: Feats[] = new Array<Feats>(n);
  const pairs: string[] = [];
  for (let i = 0; i < n; i++) {
    pairs.length = 0;
    const x = xpos[i] ?? '';
    const u = upos[i] ?? '';
    const form = lower(forms[i]);
    switch (x) {
      case 'NN': case 'NNP': pairs.push('Number=Sing'); break;
      case 'NNS': case 'NNPS': pairs.push('Number=Plur'); break;
      case 'VBD': finite(i, 'Past'); break;
      case 'VBZ': pairs.push('Mood=Ind', 'Number=Sing', 'Person=3', 'Tense=Pres', 'VerbForm=Fin'); voice(i); break;
      case 'VBP': finite(i, 'Pres'); break;
      case 'MD': pairs.push('VerbForm=Fin'); break;
      case 'VB':
        // Imperative: a bare verb heading the sentence with no subject, auxiliary or "to".
        if ((deprel[i] === 'root' || deprel[i] === 'parataxis') && !(flags[i]! & (AUX | SUBJ | MARK_TO))) pairs.push('Mood=Imp', 'VerbForm=Fin');
        else pairs.push('VerbForm=Inf');
        voice(i);
        break;
      case 'VBG':
        // UD English: a gerund where the -ing form fills a nominal or modifier slot ("tired of
        // waiting", "a training camp", "the men guarding it"), a present participle elsewhere
        // ("were shelling", "..., killing five").
        if (gerund(i, 0)) pairs.push('VerbForm=Ger');
        else pairs.push('Tense=Pres', 'VerbForm=Part');
        voice(i);
        break;
      case 'VBN': pairs.push('Tense=Past', 'VerbForm=Part'); voice(i); break;
      case 'JJ': pairs.push('Degree=Pos'); break;
      case 'JJR': case 'RBR': pairs.push('Degree=Cmp'); break;
      case 'JJS': case 'RBS': pairs.push('Degree=Sup'); break;
      case 'CD': pairs.push('NumType=Card', /\d/.test(form) ? 'NumForm=Digit' : 'NumForm=Word'); break;
      case 'PRP': case 'PRP$': pronoun(i, form, x === 'PRP$'); break;
      case 'DT': determiner(form); break;
      case 'WDT': case 'WP': case 'WP$':
        // Relative when it sits inside a relative clause ("fighters who attacked"), else interrogative.
        pairs.push(deprel[head[i] ?? -1] === 'acl:relcl' ? 'PronType=Rel' : 'PronType=Int');
        break;
      default: break;
    }
    if (NEGATORS.has(form) && (u === 'PART' || u === 'ADV' || x === 'RB')) pairs.push('Polarity=Neg');
    else if (form === 'no' && (u === 'DET' || u === 'INTJ' || deprel[i] === 'det')) pairs.push('Polarity=Neg');
    out[i] = intern(pairs);
  }
  return out;

  function gerund(i: number, depth: number): boolean {
    if (flags[i]! & AUX) return false;
    const rel = deprel[i] ?? '';
    if (GERUND_RELATIONS.has(rel)) return true;
    const h = head[i] ?? -1;
    if (rel === 'conj' && h >= 0 && h < n && depth < 64 && xpos[h] === 'VBG') return gerund(h, depth + 1);
    return false;
  }

  function finite(i: number, tense: string): void {
    pairs.push('Mood=Ind', `Tense=${tense}`, 'VerbForm=Fin');
    // Agreement from the subject: of this verb, of the predicate an auxiliary/copula serves, or of
    // the first conjunct; a relative pronoun stands for the noun its clause modifies.
    let v = i;
    if (subj[v] === -1 && (deprel[v] === 'aux' || deprel[v] === 'cop' || deprel[v] === 'aux:pass')) v = inRange(head[v]) ? head[v]! : v;
    if (subj[v] === -1 && deprel[v] === 'conj' && inRange(head[v])) v = head[v]!;
    let s = subj[v]!;
    if (s !== -1 && deprel[v] === 'acl:relcl' && (xpos[s] === 'WDT' || xpos[s] === 'WP') && inRange(head[v])) s = head[v]!;
    if (s !== -1) {
      const sf = lower(forms[s]);
      const p = PRONOUNS[sf];
      if (p && p.person === '2' && !p.poss) pairs.push('Number=Sing', 'Person=2');
      else if (p && (p.case === 'Nom' || sf === 'it')) pairs.push(`Number=${p.number}`, `Person=${p.person}`);
      else if (!p) {
        const sx = xpos[s];
        if (sx === 'NN' || sx === 'NNP') pairs.push('Number=Sing', 'Person=3');
        else if (sx === 'NNS' || sx === 'NNPS') pairs.push('Number=Plur', 'Person=3');
      }
    }
    voice(i);
  }

  function inRange(h: number | undefined): boolean {
    return h !== undefined && h >= 0 && h < n;
  }

  function voice(i: number): void {
    if (upos[i] !== 'VERB') return;
    pairs.push(isPassive(i, 0) ? 'Voice=Pass' : 'Voice=Act');
  }

  function pronoun(at: number, form: string, possessive: boolean): void {
    const p = PRONOUNS[form];
    if (!p) { pairs.push('PronType=Prs'); return; }
    pairs.push('PronType=Prs');
    if (p.person) pairs.push(`Person=${p.person}`);
    if (p.number) pairs.push(`Number=${p.number}`);
    if (p.gender) pairs.push(`Gender=${p.gender}`);
    if (p.reflex) pairs.push('Reflex=Yes', 'Case=Acc');
    else if (possessive || p.poss) pairs.push('Poss=Yes', 'Case=Gen');
    else if (p.case) pairs.push(`Case=${p.case}`);
    // "you", "it", "her": the case is the relation's.
    else pairs.push(form !== 'her' && NOMINATIVE_RELATIONS.has(deprel[at] ?? '') ? 'Case=Nom' : 'Case=Acc');
  }

  function determiner(form: string): void {
    if (form === 'the') pairs.push('Definite=Def', 'PronType=Art');
    else if (form === 'a' || form === 'an') pairs.push('Definite=Ind', 'PronType=Art');
    else if (DEMONSTRATIVE[form]) pairs.push(`Number=${DEMONSTRATIVE[form]}`, 'PronType=Dem');
    else if (form === 'no') pairs.push('PronType=Neg');
    else if (form === 'all' || form === 'every' || form === 'each' || form === 'both') pairs.push('PronType=Tot');
    else if (form === 'some' || form === 'any' || form === 'another' || form === 'several') pairs.push('PronType=Ind');
  }
}

function lower(s: string | undefined): string {
  return s === undefined ? '' : s.toLowerCase();
}
