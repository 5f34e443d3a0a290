// `npm run eval:syntax [-- --treebank DIR]`: scores the committed syntax models on the held-out
// test splits (never trained or tuned on): UPOS, XPOS and lemma accuracy, UAS and LAS with
// predicted tags on the treebank's own words (the CoNLL 2018 gold-tokenisation setting, all
// words including punctuation), and sentence-boundary F1 when each test document is re-split
// from its raw text. EWT test, GUM test, and GUM news+interview separately. A ratchet like
// `npm run eval`: fails when a score drops below its floor in config/syntax-thresholds.yaml.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { PROJECT_ROOT } from '../src/app/app-context.js';
import { loadKnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { sentenceLexicon, splitSentences } from '../src/pipeline/stages/sentences.js';
import { documentsFromConllu, readConllu } from '../src/syntax/conllu.js';
import { loadSyntaxModel } from '../src/syntax/model.js';
import { scoreSentenceBoundaries } from '../src/syntax/sentence-boundaries.js';
import { readTreebank, type GoldSentence } from '../src/syntax/treebank.js';

const { values } = parseArgs({ options: { treebank: { type: 'string', default: join(PROJECT_ROOT, '..', 'shared', 'treebank') }, thresholds: { type: 'string', default: join(PROJECT_ROOT, 'config', 'syntax-thresholds.yaml') } } });
const dir = resolve(values.treebank!);
for (const f of ['ewt-test.conllu', 'gum-test.conllu']) {
  if (!existsSync(join(dir, f))) {
    process.stderr.write(`eval:syntax: ${join(dir, f)} is missing (give the folder of the UD treebanks with --treebank)\n`);
    process.exit(2);
  }
}
const model = loadSyntaxModel();
const kb = await loadKnowledgeBase([resolve(PROJECT_ROOT, 'packs')]);
const lexicon = sentenceLexicon(kb);

type Scores = { upos: number; xpos: number; lemma: number; uas: number; las: number; sentences: number; words: number; tokensPerSecond: number };

function score(gold: GoldSentence[], file: string, docFilter: (id: string) => boolean): Scores {
  const sents = gold.filter((s) => docFilter(s.doc));
  let upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, words = 0, ms = 0;
  for (const s of sents) {
    const t0 = performance.now();
    const p = model.analyze(s.forms);
    ms += performance.now() - t0;
    for (let i = 0; i < s.forms.length; i++) {
      words++;
      if (p.upos[i] === s.upos[i]) upos++;
      if (p.xpos[i] === s.xpos[i]) xpos++;
      if (p.lemma[i] === s.lemmas[i]) lemma++;
      if (p.head[i] === s.head[i]) { uas++; if (p.deprel[i] === s.deprel[i]) las++; }
    }
  }
  const docs = documentsFromConllu(readConllu(readFileSync(file, 'utf8'))).filter((d) => docFilter(d.id));
  const sb = scoreSentenceBoundaries(docs, (text) => splitSentences(text, lexicon));
  return { upos: upos / words, xpos: xpos / words, lemma: lemma / words, uas: uas / words, las: las / words, sentences: sb.f1, words, tokensPerSecond: words / (ms / 1000) };
}

const ewt = readTreebank(readFileSync(join(dir, 'ewt-test.conllu'), 'utf8'));
const gum = readTreebank(readFileSync(join(dir, 'gum-test.conllu'), 'utf8'));
// Warm the JIT so the speed column measures steady state.
for (const s of ewt.slice(0, 300)) model.analyze(s.forms);
const sets: [string, Scores][] = [
  ['ewt-test', score(ewt, join(dir, 'ewt-test.conllu'), () => true)],
  ['gum-test', score(gum, join(dir, 'gum-test.conllu'), () => true)],
  ['gum-test-news-interview', score(gum, join(dir, 'gum-test.conllu'), (id) => /^GUM_(news|interview)_/.test(id))],
];
const f = (x: number) => x.toFixed(4);
process.stdout.write(`${'set'.padEnd(26)} ${'words'.padStart(6)}  UPOS    XPOS    lemma   UAS     LAS     sent-F1  tok/s\n`);
for (const [name, s] of sets) {
  process.stdout.write(`${name.padEnd(26)} ${String(s.words).padStart(6)}  ${f(s.upos)}  ${f(s.xpos)}  ${f(s.lemma)}  ${f(s.uas)}  ${f(s.las)}  ${f(s.sentences)}   ${Math.round(s.tokensPerSecond)}\n`);
}

// The ratchet.
const floors = existsSync(values.thresholds!) ? (YAML.parse(readFileSync(values.thresholds!, 'utf8')) as Record<string, Record<string, number>>) : {};
const failures: string[] = [];
for (const [name, s] of sets) {
  for (const [metric, floor] of Object.entries(floors[name] ?? {})) {
    const got = (s as unknown as Record<string, number>)[metric];
    if (got === undefined) failures.push(`${name}.${metric}: no such score`);
    else if (got + 1e-9 < floor) failures.push(`${name}.${metric} ${f(got)} is below its floor ${floor}`);
  }
}
if (failures.length) {
  process.stdout.write(`\nbelow the floors of ${values.thresholds}:\n${failures.map((x) => `  ${x}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`\nall scores at or above their floors (${values.thresholds})\n`);
