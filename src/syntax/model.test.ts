import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { WatchfloorError } from '../errors.js';
import { learnLemmaExceptions } from './lemmatizer.js';
import { decodeModel, encodeModel } from './model-file.js';
import { loadSyntaxModel, MODEL_FILE, syntaxModelFromFile } from './model.js';
import { parse, trainParser } from './parser.js';
import { coarseTags, tagForms, trainTagger } from './tagger.js';
import type { GoldSentence } from './treebank.js';
import { wordValues } from './word-features.js';

// A tiny hand-made treebank (own sentences): enough to check that training is deterministic
// and that the file round-trips, not to learn English.
function sentence(id: string, rows: [string, string, string, string, number, string][]): GoldSentence {
  return {
    id, doc: 'd', forms: rows.map((r) => r[0]), lemmas: rows.map((r) => r[1]), upos: rows.map((r) => r[2]), xpos: rows.map((r) => r[3]),
    head: rows.map((r) => r[4]), deprel: rows.map((r) => r[5]),
  };
}
const TINY: GoldSentence[] = [
  sentence('1', [['Fighters', 'fighter', 'NOUN', 'NNS', 1, 'nsubj'], ['attacked', 'attack', 'VERB', 'VBD', -1, 'root'], ['the', 'the', 'DET', 'DT', 3, 'det'], ['town', 'town', 'NOUN', 'NN', 1, 'obj'], ['.', '.', 'PUNCT', '.', 1, 'punct']]),
  sentence('2', [['The', 'the', 'DET', 'DT', 1, 'det'], ['army', 'army', 'NOUN', 'NN', 2, 'nsubj'], ['shelled', 'shell', 'VERB', 'VBD', -1, 'root'], ['villages', 'village', 'NOUN', 'NNS', 2, 'obj'], ['.', '.', 'PUNCT', '.', 2, 'punct']]),
  sentence('3', [['Police', 'police', 'NOUN', 'NNS', 1, 'nsubj'], ['arrested', 'arrest', 'VERB', 'VBD', -1, 'root'], ['two', 'two', 'NUM', 'CD', 3, 'nummod'], ['men', 'man', 'NOUN', 'NNS', 1, 'obj']]),
  sentence('4', [['The', 'the', 'DET', 'DT', 1, 'det'], ['town', 'town', 'NOUN', 'NN', 3, 'nsubj:pass'], ['was', 'be', 'AUX', 'VBD', 3, 'aux:pass'], ['attacked', 'attack', 'VERB', 'VBN', -1, 'root'], ['by', 'by', 'ADP', 'IN', 5, 'case'], ['fighters', 'fighter', 'NOUN', 'NNS', 3, 'obl:agent']]),
];

function trainTiny() {
  const tagger = trainTagger(TINY, { epochs: 3, seed: 7 });
  const index = new Map(tagger.classes.map((c, i) => [c, i]));
  const labels = [...new Set(TINY.flatMap((s) => s.deprel))].sort();
  const parser = trainParser(TINY.map((s) => ({
    words: wordValues(s.forms).norm, tags: Int32Array.from(s.forms, (_, i) => index.get(`${s.upos[i]}|${s.xpos[i]}`)!),
    coarse: Int32Array.from(s.forms, (_, i) => coarseTags(tagger.classes)[index.get(`${s.upos[i]}|${s.xpos[i]}`)!]!),
    head: Int32Array.from(s.head), label: Int32Array.from(s.deprel, (d) => labels.indexOf(d)),
  })), labels, { epochs: 4, seed: 7 });
  const lemmas = learnLemmaExceptions(TINY.flatMap((s) => s.forms.map((form, i) => ({ form, xpos: s.xpos[i]!, lemma: s.lemmas[i]! }))));
  const header = { format: 'watchfloor-syntax' as const, trainedOn: ['tiny'], tagClasses: tagger.classes, labels,
    tagdict: [...tagger.tagdict], ambiguity: [...tagger.ambiguity].sort((a, b) => (a[0] < b[0] ? -1 : 1)), lemmas: [...lemmas] };
  return { tagger, parser, bytes: encodeModel(header, [['tagger', tagger.weights], ['moves', parser.moves], ['labeler', parser.labeler]]) };
}

describe('syntax model training and file', () => {
  it('gives the same bytes for the same data and seed', () => {
    assert.deepEqual(trainTiny().bytes, trainTiny().bytes);
  });

  it('round-trips through the file with the same predictions', () => {
    const { tagger, parser, bytes } = trainTiny();
    const loaded = syntaxModelFromFile(decodeModel(bytes));
    const forms = ['Fighters', 'attacked', 'the', 'town', '.'];
    const tags = tagForms(tagger, forms);
    const direct = parse(parser, { words: wordValues(forms).norm, tags, coarse: tags.map((t) => coarseTags(tagger.classes)[t]!) });
    const p = loaded.analyze(forms);
    assert.deepEqual(p.head, [...direct.head]);
    assert.deepEqual(p.xpos, [...tags].map((t) => tagger.classes[t]!.split('|')[1]));
    assert.equal(p.head.filter((h) => h === -1).length, 1, 'one root');
    assert.deepEqual(p.lemma.slice(0, 2), ['fighter', 'attack']);
  });

  it('parses any sentence to a tree with one root, without throwing', () => {
    const { bytes } = trainTiny();
    const m = syntaxModelFromFile(decodeModel(bytes));
    for (const forms of [['x'], ['🙂', 'داعش', '\u0007', 'ok'], Array.from({ length: 600 }, (_, i) => `w${i}`)]) {
      const p = m.analyze(forms);
      assert.equal(p.head.length, forms.length);
      assert.equal(p.head.filter((h) => h === -1).length, 1);
      assert.ok(p.head.every((h, i) => h !== i && h >= -1 && h < forms.length));
    }
  });

  it('names the file and the rebuild command when the model is missing or corrupt', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-model-'));
    assert.throws(() => loadSyntaxModel(dir), (err: unknown) =>
      err instanceof WatchfloorError && err.code === 'CONFIG' && err.oneLine().includes(join(dir, MODEL_FILE)) && err.oneLine().includes('npm run train:syntax'));
    writeFileSync(join(dir, MODEL_FILE), 'not a model');
    assert.throws(() => loadSyntaxModel(dir), (err: unknown) =>
      err instanceof WatchfloorError && /corrupt/.test(err.message) && err.oneLine().includes('npm run train:syntax'));
    const { bytes } = trainTiny();
    writeFileSync(join(dir, MODEL_FILE), bytes.subarray(0, bytes.length >> 1));
    assert.throws(() => loadSyntaxModel(dir), /corrupt/);
  });
});
