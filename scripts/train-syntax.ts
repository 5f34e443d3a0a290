// `npm run train:syntax -- --treebank ../shared/treebank [--out models/syntax]`: trains the
// part-of-speech tagger and the dependency parser on UD English EWT + GUM (train splits),
// reporting held-out scores on the EWT dev split after every epoch, and writes
// models/syntax/en-ud.model.gz. The parser learns from tags predicted by taggers that never saw
// the sentence (4-fold jackknifing), as it will meet them in use. Deterministic: fixed seeds,
// no clock or hash-table order in the output — the same treebanks give the same bytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { learnLemmaExceptions } from '../src/syntax/lemmatizer.js';
import { encodeModel } from '../src/syntax/model-file.js';
import { MODEL_FILE } from '../src/syntax/model.js';
import { parse, trainParser, type ParserModel, type TrainSentence } from '../src/syntax/parser.js';
import { coarseTags, tagForms, trainTagger, uposAccuracy } from '../src/syntax/tagger.js';
import { readTreebank, type GoldSentence } from '../src/syntax/treebank.js';
import { augmentWithFrontedDates } from '../src/syntax/augment.js';
import { seededRandom } from '../src/seeded-random.js';
import { wordValues } from '../src/syntax/word-features.js';

const { values } = parseArgs({
  options: {
    treebank: { type: 'string', default: '../shared/treebank' },
    out: { type: 'string', default: 'models/syntax' },
    'tagger-epochs': { type: 'string', default: '8' },
    'parser-epochs': { type: 'string', default: '10' },
    folds: { type: 'string', default: '4' },
    seed: { type: 'string', default: '1' },
    // Share of training sentences copied with a dated opening ("On 8 May 2020, ..."): see
    // src/syntax/augment.ts. Off by default: at 0.1 held-out UAS rose 0.3 but the parses that
    // the extraction rules read changed (quotes lost 3 speakers), so the committed model is without.
    'fronted-dates': { type: 'string', default: '0' },
  },
});
const dir = resolve(values.treebank!);
const TRAIN = ['ewt-train.conllu', 'gum-train.conllu'];
const HELD_OUT = 'ewt-dev.conllu';
for (const f of [...TRAIN, HELD_OUT]) {
  if (!existsSync(join(dir, f))) {
    process.stderr.write(`train:syntax: ${join(dir, f)} is missing (give the folder of the UD treebanks with --treebank)\n`);
    process.exit(2);
  }
}
const taggerEpochs = Number(values['tagger-epochs']);
const parserEpochs = Number(values['parser-epochs']);
const folds = Number(values.folds);
const seed = Number(values.seed);
const started = Date.now();
const log = (line: string) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

const train: GoldSentence[] = TRAIN.flatMap((f) => readTreebank(readFileSync(join(dir, f), 'utf8')));
const dev = readTreebank(readFileSync(join(dir, HELD_OUT), 'utf8'));
log(`read ${train.length} training sentences (${train.reduce((n, s) => n + s.forms.length, 0)} words), ${dev.length} held-out (${HELD_OUT})`);
const augmented = augmentWithFrontedDates(train, Number(values['fronted-dates']), seededRandom(seed + 1000));
train.push(...augmented);
log(`augmented: ${augmented.length} copies with a dated opening`);

log('tagger: training on all training sentences');
const tagger = trainTagger(train, { epochs: taggerEpochs, seed, log, heldOut: dev });
const tagIndex = new Map(tagger.classes.map((c, i) => [c, i]));

// Jackknifing: each fold's tags come from a tagger trained on the other folds.
const predicted: Int32Array[] = new Array(train.length);
if (folds > 1) {
  for (let k = 0; k < folds; k++) {
    const rest = train.filter((_, i) => i % folds !== k);
    const foldTagger = trainTagger(rest, { epochs: taggerEpochs, seed: seed + k + 1 });
    let correct = 0, total = 0;
    for (let i = k; i < train.length; i += folds) {
      const tags = tagForms(foldTagger, train[i]!.forms);
      // Class ids of the fold tagger → those of the final tagger (same names).
      predicted[i] = Int32Array.from(tags, (t) => tagIndex.get(foldTagger.classes[t]!) ?? 0);
      train[i]!.upos.forEach((u, j) => { total++; if (foldTagger.classes[tags[j]!]!.startsWith(`${u}|`)) correct++; });
    }
    log(`jackknife fold ${k + 1}/${folds}: UPOS on the held-out fold ${(correct / total).toFixed(4)}`);
  }
} else {
  train.forEach((s, i) => { predicted[i] = Int32Array.from(s.forms, (_, j) => tagIndex.get(`${s.upos[j]}|${s.xpos[j]}`) ?? 0); });
}

const labels = [...new Set(train.flatMap((s) => s.deprel))].sort();
const labelIndex = new Map(labels.map((l, i) => [l, i]));
const coarse = coarseTags(tagger.classes);
const parserTrain: TrainSentence[] = train.map((s, i) => ({
  words: wordValues(s.forms).norm, tags: predicted[i]!, coarse: predicted[i]!.map((t) => coarse[t]!),
  head: Int32Array.from(s.head), label: Int32Array.from(s.deprel, (d) => labelIndex.get(d)!),
}));
const devInputs = dev.map((s) => {
  const tags = tagForms(tagger, s.forms);
  return { words: wordValues(s.forms).norm, tags, coarse: tags.map((t) => coarse[t]!) };
});
const attachment = (m: ParserModel) => {
  let uas = 0, las = 0, total = 0;
  dev.forEach((s, j) => {
    const r = parse(m, devInputs[j]!);
    for (let i = 0; i < s.forms.length; i++) {
      total++;
      if (r.head[i] === s.head[i]) { uas++; if (m.labels[r.label[i]!] === s.deprel[i]) las++; }
    }
  });
  return `held-out UAS ${(uas / total).toFixed(4)} LAS ${(las / total).toFixed(4)} (predicted tags)`;
};
log(`parser: ${labels.length} relations, ${parserTrain.length} sentences`);
const parser = trainParser(parserTrain, labels, { epochs: parserEpochs, seed, log, evaluate: attachment });

const lemmas = learnLemmaExceptions(train.flatMap((s) => s.forms.map((form, i) => ({ form, xpos: s.xpos[i]!, lemma: s.lemmas[i]! }))));
const header = {
  format: 'watchfloor-syntax' as const, trainedOn: TRAIN,
  tagClasses: tagger.classes, labels,
  tagdict: [...tagger.tagdict].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  ambiguity: [...tagger.ambiguity].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  lemmas: [...lemmas].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
};
const bytes = encodeModel(header, [['tagger', tagger.weights], ['moves', parser.moves], ['labeler', parser.labeler]]);
mkdirSync(values.out!, { recursive: true });
const file = join(values.out!, MODEL_FILE);
writeFileSync(file, bytes);
log(`final held-out UPOS ${uposAccuracy(tagger, dev).toFixed(4)}, ${attachment(parser)}; lemma exceptions ${lemmas.size}`);
log(`wrote ${file}: ${(bytes.length / 1048576).toFixed(2)} MB, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}; tagger ${tagger.weights.keys.length} features, parser moves ${parser.moves.keys.length}, labeller ${parser.labeler.keys.length}`);
