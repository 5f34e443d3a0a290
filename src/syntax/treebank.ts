// Gold sentences of a CoNLL-U treebank, as the trainers and the scorer need them: the
// syntactic words of each sentence (multiword-token ranges and empty nodes left out, as
// conllu.ts reads them), heads 0-based with -1 for the root.
import { conlluWords, newdocId, readConllu, sentenceId } from './conllu.js';

export type GoldSentence = {
  id: string;
  doc: string;
  forms: string[];
  lemmas: string[];
  upos: string[];
  xpos: string[];
  head: number[];
  deprel: string[];
};

export function readTreebank(text: string): GoldSentence[] {
  const out: GoldSentence[] = [];
  let doc = '';
  for (const s of readConllu(text)) {
    doc = newdocId(s) ?? doc;
    const words = conlluWords(s);
    if (!words.length) continue;
    out.push({
      id: sentenceId(s) ?? `s${out.length + 1}`, doc,
      forms: words.map((w) => w.form), lemmas: words.map((w) => w.lemma),
      upos: words.map((w) => w.upos), xpos: words.map((w) => w.xpos),
      head: words.map((w) => w.head - 1), deprel: words.map((w) => w.deprel),
    });
  }
  return out;
}
