// Measures the syntax layer's word tokenizer and the pipeline's sentence splitter against the
// UD English treebanks (EWT test, GUM test):
//   node --import tsx scripts/measure-tokenizer.ts /work/shared/treebank [--errors=N]
// Tokens: each sentence's `# text` is re-tokenised; a predicted word is correct when its
// character span equals a gold syntactic word's span. Sentences: each document's text is
// rebuilt (conllu.ts documentsFromConllu) and split; boundary F1 on sentence-end offsets.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/app/app-context.js';
import { loadKnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { sentenceLexicon, splitSentences } from '../src/pipeline/stages/sentences.js';
import { alignWords, readConllu, sentenceText, type ConlluDocument, documentsFromConllu } from '../src/syntax/conllu.js';
import { scoreSentenceBoundaries } from '../src/syntax/sentence-boundaries.js';
import { tokenizeWords } from '../src/syntax/tokenizer.js';

const argv = process.argv.slice(2);
const dir = argv.find((a) => !a.startsWith('--')) ?? '/work/shared/treebank';
const part = argv.find((a) => a.startsWith('--split='))?.slice(8) ?? 'test';
const showErrors = Number(argv.find((a) => a.startsWith('--errors='))?.slice(9) ?? 0);
const out = (s: string) => process.stdout.write(`${s}\n`);
const pct = (x: number) => (100 * x).toFixed(2);

function measureTokens(name: string, file: string): void {
  const sentences = readConllu(readFileSync(file, 'utf8'));
  let tp = 0;
  let gold = 0;
  let pred = 0;
  let chars = 0;
  let shown = 0;
  const t0 = process.hrtime.bigint();
  let tokMs = 0;
  for (const s of sentences) {
    const text = sentenceText(s);
    if (text === undefined) continue;
    const g = new Set(alignWords(text, s).offsets.map((o) => `${o.start}:${o.end}`));
    const t1 = process.hrtime.bigint();
    const p = tokenizeWords(text);
    tokMs += Number(process.hrtime.bigint() - t1) / 1e6;
    chars += text.length;
    let ok = 0;
    for (const w of p) if (g.has(`${w.start}:${w.end}`)) ok++;
    tp += ok;
    gold += g.size;
    pred += p.length;
    if (showErrors && shown < showErrors && (ok !== g.size || ok !== p.length)) {
      shown++;
      const gs = alignWords(text, s).offsets.map((o) => text.slice(o.start, o.end));
      out(`  ${text}\n    gold: ${gs.join(' ⎵ ')}\n    pred: ${p.map((w) => w.text).join(' ⎵ ')}`);
    }
  }
  const P = tp / pred;
  const R = tp / gold;
  const F = (2 * P * R) / (P + R);
  void t0;
  out(`tokens ${name}: precision ${pct(P)} recall ${pct(R)} F1 ${pct(F)} (gold ${gold}, predicted ${pred}; ${(chars / (tokMs / 1000) / 1e6).toFixed(1)} M chars/s)`);
}

function speed(): void {
  const sample = readFileSync(join(dir, `gum-${part}.conllu`), 'utf8')
    .split('\n').filter((l) => l.startsWith('# text = ')).map((l) => l.slice(9)).join(' ');
  let big = sample;
  while (big.length < 5_000_000) big += ` ${sample}`;
  tokenizeWords(big.slice(0, 100_000));
  const t0 = process.hrtime.bigint();
  const n = tokenizeWords(big).length;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  out(`speed: ${(big.length / 1e6).toFixed(1)} M chars, ${n} words in ${s.toFixed(2)} s = ${(big.length / s / 1e6).toFixed(1)} M chars/s`);
}

function docsOf(file: string): ConlluDocument[] {
  return documentsFromConllu(readConllu(readFileSync(file, 'utf8')));
}

async function measureSentences(): Promise<void> {
  const kb = await loadKnowledgeBase([resolve(PROJECT_ROOT, 'packs')]);
  const lexicon = sentenceLexicon(kb);
  const split = (text: string) => splitSentences(text, lexicon);
  const ewt = docsOf(join(dir, `ewt-${part}.conllu`));
  const gum = docsOf(join(dir, `gum-${part}.conllu`));
  const news = gum.filter((d) => /^GUM_(news|interview)_/.test(d.id));
  for (const [name, docs] of [[`EWT ${part}`, ewt], [`GUM ${part}`, gum], [`GUM ${part} news+interview`, news]] as const) {
    const r = scoreSentenceBoundaries(docs, split);
    out(`sentences ${name}: precision ${pct(r.precision)} recall ${pct(r.recall)} F1 ${pct(r.f1)} (gold ${r.gold}, predicted ${r.predicted}, ${docs.length} documents)`);
  }
  // The files keep no line breaks, so headings, datelines, signatures and list items run into the
  // next sentence. For a view closer to real layout, a second score puts a line break after each
  // gold sentence that has no final punctuation (the length of the text, so offsets, stay the same).
  const layout = (docs: ConlluDocument[]) => docs.map((d) => {
    const chars = d.text.split('');
    for (const s of d.sentences) if (s.end < chars.length && !/[.!?…"”’)]$/.test(d.text.slice(s.start, s.end))) chars[s.end] = '\n';
    return { ...d, text: chars.join('') };
  });
  for (const [name, docs] of [[`EWT ${part}`, ewt], [`GUM ${part}`, gum], [`GUM ${part} news+interview`, news]] as const) {
    const r = scoreSentenceBoundaries(layout(docs), split);
    out(`sentences ${name}, line break after unpunctuated sentences: precision ${pct(r.precision)} recall ${pct(r.recall)} F1 ${pct(r.f1)}`);
  }
  if (showErrors) {
    let shown = 0;
    for (const d of [...news, ...gum, ...ewt]) {
      const goldEnds = new Set(d.sentences.map((s) => s.end));
      const pred = split(d.text);
      const predEnds = new Set(pred.map((s) => s.end));
      for (const s of d.sentences) {
        if (shown >= showErrors) return;
        if (!predEnds.has(s.end)) { shown++; out(`  missed end: …${d.text.slice(Math.max(0, s.end - 50), s.end)}⟧${d.text.slice(s.end, s.end + 30)}…`); }
      }
      for (const p of pred) {
        if (shown >= showErrors) return;
        if (!goldEnds.has(p.end)) { shown++; out(`  false end: …${d.text.slice(Math.max(0, p.end - 50), p.end)}⟧${d.text.slice(p.end, p.end + 30)}…`); }
      }
    }
  }
}

measureTokens(`EWT ${part}`, join(dir, `ewt-${part}.conllu`));
measureTokens(`GUM ${part}`, join(dir, `gum-${part}.conllu`));
speed();
await measureSentences();
