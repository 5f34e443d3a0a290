// Training-data augmentation for news text: the treebanks hold few sentences that open with a
// dated prepositional phrase ("On 8 May 2020, gunmen attacked ...", "In 2015, the army let ..."),
// the commonest opening of a conflict report, and the parser trained on them alone misreads
// such sentences (the date as root, the verb as a participle). Copies of treebank sentences
// whose subject opens them get such a phrase in front, annotated as UD English annotates one (an
// `obl` of the main verb with its `case`, the comma attached to it). Deterministic: the caller's
// seeded random source picks the sentences and the dates.
import type { GoldSentence } from './treebank.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

type Row = { form: string; lemma: string; upos: string; xpos: string; head: number; deprel: string };

/** The fronted phrase's rows; heads are positions inside the phrase, or -2 for "the main verb". */
function phrase(random: () => number): Row[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const year = String(2000 + Math.floor(random() * 27));
  const kind = random();
  if (kind < 0.4) {
    // On 8 May 2020 ,
    const day = String(1 + Math.floor(random() * 28));
    return [
      { form: 'On', lemma: 'on', upos: 'ADP', xpos: 'IN', head: 1, deprel: 'case' },
      { form: day, lemma: day, upos: 'NUM', xpos: 'CD', head: -2, deprel: 'obl' },
      { form: pick(MONTHS), lemma: '', upos: 'PROPN', xpos: 'NNP', head: 1, deprel: 'nmod:unmarked' },
      { form: year, lemma: year, upos: 'NUM', xpos: 'CD', head: 1, deprel: 'nmod:unmarked' },
      { form: ',', lemma: ',', upos: 'PUNCT', xpos: ',', head: 1, deprel: 'punct' },
    ];
  }
  if (kind < 0.75) {
    // In 2015 ,
    return [
      { form: 'In', lemma: 'in', upos: 'ADP', xpos: 'IN', head: 1, deprel: 'case' },
      { form: year, lemma: year, upos: 'NUM', xpos: 'CD', head: -2, deprel: 'obl' },
      { form: ',', lemma: ',', upos: 'PUNCT', xpos: ',', head: 1, deprel: 'punct' },
    ];
  }
  // On Tuesday ,
  const d = pick(DAYS);
  return [
    { form: 'On', lemma: 'on', upos: 'ADP', xpos: 'IN', head: 1, deprel: 'case' },
    { form: d, lemma: d, upos: 'PROPN', xpos: 'NNP', head: -2, deprel: 'obl' },
    { form: ',', lemma: ',', upos: 'PUNCT', xpos: ',', head: 1, deprel: 'punct' },
  ];
}

/** Is the sentence "subject first, then a verbal root" — one a dated phrase can open? */
function opensWithSubject(s: GoldSentence): number {
  const root = s.head.indexOf(-1);
  if (root < 0 || s.upos[root] !== 'VERB' || s.head.filter((h) => h === -1).length !== 1) return -1;
  const subject = s.deprel.findIndex((d, i) => s.head[i] === root && (d === 'nsubj' || d === 'nsubj:pass'));
  if (subject < 0) return -1;
  // The first word belongs to the subject phrase.
  for (let t = 0, steps = 0; steps <= s.forms.length; steps++) {
    if (t === subject) return root;
    t = s.head[t]!;
    if (t < 0) return -1;
  }
  return -1;
}

/** A copy of the sentence with a dated phrase in front, or null when it does not open with its subject. */
export function withFrontedDate(s: GoldSentence, random: () => number): GoldSentence | null {
  const root = opensWithSubject(s);
  if (root < 0) return null;
  const rows = phrase(random);
  const k = rows.length;
  const shift = (h: number) => (h < 0 ? -1 : h + k);
  // "The army" → "the army" after the phrase; names and "I" keep their capital.
  const first = s.upos[0] === 'PROPN' || s.forms[0] === 'I' ? s.forms[0]! : s.forms[0]!.charAt(0).toLowerCase() + s.forms[0]!.slice(1);
  return {
    id: `${s.id}+date`, doc: s.doc,
    forms: [...rows.map((r) => r.form), first, ...s.forms.slice(1)],
    lemmas: [...rows.map((r) => r.lemma || r.form), ...s.lemmas],
    upos: [...rows.map((r) => r.upos), ...s.upos],
    xpos: [...rows.map((r) => r.xpos), ...s.xpos],
    head: [...rows.map((r) => (r.head === -2 ? root + k : r.head)), ...s.head.map(shift)],
    deprel: [...rows.map((r) => r.deprel), ...s.deprel],
  };
}

/** Augmented copies of about `rate` of the sentences that can take a dated opening. */
export function augmentWithFrontedDates(sentences: readonly GoldSentence[], rate: number, random: () => number): GoldSentence[] {
  const out: GoldSentence[] = [];
  for (const s of sentences) {
    if (random() >= rate) continue;
    const copy = withFrontedDate(s, random);
    if (copy) out.push(copy);
  }
  return out;
}
