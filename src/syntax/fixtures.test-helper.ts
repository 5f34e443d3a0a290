// Hand-built parsed sentences for the tests of the syntax helpers (sentences written for these
// tests). A row is "form UPOS XPOS lemma head deprel" with CoNLL-style 1-based heads (0 = root);
// offsets are found by searching the forms in the text in order; feats come from deriveFeats.
import { deriveFeats } from './features.js';
import type { ParsedSentence, SyntaxToken } from './types.js';

export function parsed(text: string, rows: string, from = 0): ParsedSentence {
  const cols = rows.trim().split('\n').map((line) => line.trim().split(/\s+/));
  const forms = cols.map((c) => c[0]!);
  const upos = cols.map((c) => c[1]!);
  const xpos = cols.map((c) => c[2]!);
  const lemma = cols.map((c) => c[3]!);
  const head = cols.map((c) => Number(c[4]) - 1);
  const deprel = cols.map((c) => c[5]!);
  const feats = deriveFeats(upos, xpos, lemma, forms, head, deprel);
  let at = from;
  const tokens: SyntaxToken[] = forms.map((form, id) => {
    const start = text.indexOf(form, at);
    if (start < 0) throw new Error(`fixture: "${form}" not found after ${at} in ${JSON.stringify(text)}`);
    at = start + form.length;
    return { id, start, end: at, text: form, upos: upos[id]!, xpos: xpos[id]!, lemma: lemma[id]!, feats: feats[id]!, head: head[id]!, deprel: deprel[id]! };
  });
  return { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, tokens };
}

export const KILLED_BY_IS = 'Five SDF fighters were killed by IS in an attack that targeted a checkpoint.';
export const killedByIs = (): ParsedSentence => parsed(KILLED_BY_IS, `
  Five NUM CD five 3 nummod
  SDF PROPN NNP SDF 3 compound
  fighters NOUN NNS fighter 5 nsubj:pass
  were AUX VBD be 5 aux:pass
  killed VERB VBN kill 0 root
  by ADP IN by 7 case
  IS PROPN NNP IS 5 obl:agent
  in ADP IN in 10 case
  an DET DT a 10 det
  attack NOUN NN attack 5 obl
  that PRON WDT that 12 nsubj
  targeted VERB VBD target 10 acl:relcl
  a DET DT a 14 det
  checkpoint NOUN NN checkpoint 12 obj
  . PUNCT . . 5 punct`);

export const DID_NOT_STRIKE = 'The coalition did not strike the camp.';
export const didNotStrike = (): ParsedSentence => parsed(DID_NOT_STRIKE, `
  The DET DT the 2 det
  coalition NOUN NN coalition 5 nsubj
  did AUX VBD do 5 aux
  not PART RB not 5 advmod
  strike VERB VB strike 0 root
  the DET DT the 7 det
  camp NOUN NN camp 5 obj
  . PUNCT . . 5 punct`);

export const ATTACKED_AND_SEIZED = 'IS fighters attacked and seized the town, killing five guards.';
export const attackedAndSeized = (): ParsedSentence => parsed(ATTACKED_AND_SEIZED, `
  IS PROPN NNP IS 2 compound
  fighters NOUN NNS fighter 3 nsubj
  attacked VERB VBD attack 0 root
  and CCONJ CC and 5 cc
  seized VERB VBD seize 3 conj
  the DET DT the 7 det
  town NOUN NN town 5 obj
  , PUNCT , , 9 punct
  killing VERB VBG kill 3 advcl
  five NUM CD five 11 nummod
  guards NOUN NNS guard 9 obj
  . PUNCT . . 3 punct`);

export const WOUNDED_AND_EVACUATED = 'Two soldiers were wounded and evacuated by medics.';
export const woundedAndEvacuated = (): ParsedSentence => parsed(WOUNDED_AND_EVACUATED, `
  Two NUM CD two 2 nummod
  soldiers NOUN NNS soldier 4 nsubj:pass
  were AUX VBD be 4 aux:pass
  wounded VERB VBN wound 0 root
  and CCONJ CC and 6 cc
  evacuated VERB VBN evacuate 4 conj
  by ADP IN by 8 case
  medics NOUN NNS medic 6 obl
  . PUNCT . . 4 punct`);

export const ORDERED_TO_LEAVE = 'Officials said the army ordered residents to leave the area.';
export const orderedToLeave = (): ParsedSentence => parsed(ORDERED_TO_LEAVE, `
  Officials NOUN NNS official 2 nsubj
  said VERB VBD say 0 root
  the DET DT the 4 det
  army NOUN NN army 5 nsubj
  ordered VERB VBD order 2 ccomp
  residents NOUN NNS resident 5 obj
  to PART TO to 8 mark
  leave VERB VB leave 5 xcomp
  the DET DT the 10 det
  area NOUN NN area 8 obj
  . PUNCT . . 2 punct`);

export const WITHOUT_FIRING = 'The convoy advanced without firing a shot.';
export const withoutFiring = (): ParsedSentence => parsed(WITHOUT_FIRING, `
  The DET DT the 2 det
  convoy NOUN NN convoy 3 nsubj
  advanced VERB VBD advance 0 root
  without SCONJ IN without 5 mark
  firing VERB VBG fire 3 advcl
  a DET DT a 7 det
  shot NOUN NN shot 5 obj
  . PUNCT . . 3 punct`);

export const DIDNT_STRIKE_OR_SHELL = "They didn't strike or shell the base.";
export const didntStrikeOrShell = (): ParsedSentence => parsed(DIDNT_STRIKE_OR_SHELL, `
  They PRON PRP they 4 nsubj
  did AUX VBD do 4 aux
  n't PART RB not 4 advmod
  strike VERB VB strike 0 root
  or CCONJ CC or 6 cc
  shell VERB VB shell 4 conj
  the DET DT the 8 det
  base NOUN NN base 6 obj
  . PUNCT . . 4 punct`);

export const NO_CIVILIANS = 'No civilians were hurt.';
export const noCivilians = (): ParsedSentence => parsed(NO_CIVILIANS, `
  No DET DT no 2 det
  civilians NOUN NNS civilian 4 nsubj:pass
  were AUX VBD be 4 aux:pass
  hurt VERB VBN hurt 0 root
  . PUNCT . . 4 punct`);
