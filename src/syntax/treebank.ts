// Gold sentences of a CoNLL-U treebank, as the trainers and the scorer need them: the
// syntactic words of each sentence (multiword-token ranges and empty nodes left out), heads
// 0-based with -1 for the root.
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
  let cur: GoldSentence | null = null;
  const close = () => {
    if (cur && cur.forms.length) out.push(cur);
    cur = null;
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) {
      const m = /^# newdoc id = (.*)$/.exec(line);
      if (m) doc = m[1]!.trim();
      const s = /^# sent_id = (.*)$/.exec(line);
      if (s) {
        close();
        cur = { id: s[1]!.trim(), doc, forms: [], lemmas: [], upos: [], xpos: [], head: [], deprel: [] };
      }
      continue;
    }
    if (!line.trim()) {
      close();
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 8 || !/^\d+$/.test(cols[0]!)) continue; // ranges "3-4", empty nodes "8.1"
    cur ??= { id: `s${out.length + 1}`, doc, forms: [], lemmas: [], upos: [], xpos: [], head: [], deprel: [] };
    cur.forms.push(cols[1]!);
    cur.lemmas.push(cols[2]!);
    cur.upos.push(cols[3]!);
    cur.xpos.push(cols[4]!);
    cur.head.push(Number(cols[6]) - 1);
    cur.deprel.push(cols[7]!);
  }
  close();
  return out;
}
