import { test } from 'node:test';
import assert from 'node:assert/strict';
import { augmentWithFrontedDates, withFrontedDate } from './augment.js';
import { seededRandom } from '../seeded-random.js';
import type { GoldSentence } from './treebank.js';

// "The army shelled the town ." — written for this test.
const sentence: GoldSentence = {
  id: 's1', doc: 'd',
  forms: ['The', 'army', 'shelled', 'the', 'town', '.'], lemmas: ['the', 'army', 'shell', 'the', 'town', '.'],
  upos: ['DET', 'NOUN', 'VERB', 'DET', 'NOUN', 'PUNCT'], xpos: ['DT', 'NN', 'VBD', 'DT', 'NN', '.'],
  head: [1, 2, -1, 4, 2, 2], deprel: ['det', 'nsubj', 'root', 'det', 'obj', 'punct'],
};

test('a dated opening is an oblique of the main verb, with its case and comma, and the rest shifted', () => {
  const copy = withFrontedDate(sentence, seededRandom(3))!;
  const k = copy.forms.length - sentence.forms.length;
  assert.ok(k >= 3);
  const root = copy.head.indexOf(-1);
  assert.equal(copy.forms[root], 'shelled');
  const obl = copy.deprel.findIndex((d, i) => d === 'obl' && copy.head[i] === root);
  assert.ok(obl >= 0 && obl < k, 'the date phrase hangs from the verb');
  assert.equal(copy.deprel[0], 'case');
  assert.equal(copy.forms[k - 1], ',');
  assert.equal(copy.forms[k], 'the', 'the old first word loses its capital');
  assert.equal(copy.forms[k + 2], 'shelled');
  // Every head stays in range, exactly one root.
  assert.equal(copy.head.filter((h) => h === -1).length, 1);
  assert.ok(copy.head.every((h) => h >= -1 && h < copy.forms.length));
});

test('sentences not opening with their subject are left alone; the choice is deterministic', () => {
  const fronted: GoldSentence = { ...sentence, forms: ['Then', 'army', 'shelled', 'the', 'town', '.'], deprel: ['advmod', 'nsubj', 'root', 'det', 'obj', 'punct'], head: [2, 2, -1, 4, 2, 2] };
  assert.equal(withFrontedDate(fronted, seededRandom(1)), null);
  const a = augmentWithFrontedDates([sentence, sentence, sentence], 1, seededRandom(7));
  const b = augmentWithFrontedDates([sentence, sentence, sentence], 1, seededRandom(7));
  assert.equal(a.length, 3);
  assert.deepEqual(a, b);
});
