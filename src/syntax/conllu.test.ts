import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { conlluWords, documentsFromConllu, parseFeats, formatFeats, readConllu, sentenceText, setPredicted, writeConllu } from './conllu.js';

// Hand-written: two documents, a multiword token, an empty node, an extra comment.
const SAMPLE = [
  '# newdoc id = doc-a',
  '# sent_id = doc-a-1',
  '# text = The convoy didn\'t stop.',
  '# note = kept verbatim',
  '1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\t_',
  '2\tconvoy\tconvoy\tNOUN\tNN\tNumber=Sing\t5\tnsubj\t_\t_',
  '3-4\tdidn\'t\t_\t_\t_\t_\t_\t_\t_\t_',
  '3\tdid\tdo\tAUX\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t5\taux\t_\t_',
  '4\tn\'t\tnot\tPART\tRB\tPolarity=Neg\t5\tadvmod\t_\t_',
  '5\tstop\tstop\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No',
  '6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_',
  '',
  '# sent_id = doc-a-2',
  '# text = Gen. Amal left, then returned.',
  '1\tGen.\tGen.\tPROPN\tNNP\tNumber=Sing\t2\tcompound\t_\t_',
  '2\tAmal\tAmal\tPROPN\tNNP\tNumber=Sing\t3\tnsubj\t_\t_',
  '3\tleft\tleave\tVERB\tVBD\tTense=Past\t0\troot\t_\tSpaceAfter=No',
  '4\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_',
  '5\tthen\tthen\tADV\tRB\t_\t6\tadvmod\t_\t_',
  '5.1\treturned\treturn\tVERB\tVBD\t_\t_\t_\t3:conj\t_',
  '6\treturned\treturn\tVERB\tVBD\tTense=Past\t3\tconj\t_\tSpaceAfter=No',
  '7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_',
  '',
  '# newdoc id = doc-b',
  '# sent_id = doc-b-1',
  '# text = Raqqa’s mayor spoke.',
  '1-2\tRaqqa’s\t_\t_\t_\t_\t_\t_\t_\t_',
  '1\tRaqqa\tRaqqa\tPROPN\tNNP\tNumber=Sing\t3\tnmod:poss\t_\t_',
  '2\t’s\t\'s\tPART\tPOS\t_\t1\tcase\t_\t_',
  '3\tmayor\tmayor\tNOUN\tNN\tNumber=Sing\t4\tnsubj\t_\t_',
  '4\tspoke\tspeak\tVERB\tVBD\tTense=Past\t0\troot\t_\tSpaceAfter=No',
  '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
  '',
  '',
].join('\n');

describe('CoNLL-U', () => {
  it('round-trips byte for byte', () => {
    const sents = readConllu(SAMPLE);
    assert.equal(sents.length, 3);
    assert.equal(writeConllu(sents), SAMPLE);
    const noFinal = SAMPLE.replace(/\n+$/, '');
    assert.equal(writeConllu(readConllu(noFinal)), noFinal);
    const crlf = SAMPLE.replace(/\n/g, '\r\n');
    assert.equal(writeConllu(readConllu(crlf)), crlf);
    assert.equal(writeConllu(readConllu('')), '');
  });

  it('gives the syntactic words, skipping ranges and empty nodes', () => {
    const [a, b] = readConllu(SAMPLE);
    assert.deepEqual(conlluWords(a!).map((w) => w.form), ['The', 'convoy', 'did', "n't", 'stop', '.']);
    const w = conlluWords(b!);
    assert.deepEqual(w.map((x) => x.form), ['Gen.', 'Amal', 'left', ',', 'then', 'returned', '.']);
    assert.deepEqual([w[2]!.lemma, w[2]!.upos, w[2]!.xpos, w[2]!.head, w[2]!.deprel, w[2]!.misc], ['leave', 'VERB', 'VBD', 0, 'root', 'SpaceAfter=No']);
    assert.equal(sentenceText(b!), 'Gen. Amal left, then returned.');
    assert.deepEqual(parseFeats('Mood=Ind|Tense=Past'), { Mood: 'Ind', Tense: 'Past' });
    assert.equal(formatFeats({ VerbForm: 'Fin', Mood: 'Ind' }), 'Mood=Ind|VerbForm=Fin');
  });

  it('sets predicted columns on the words only', () => {
    const sents = readConllu(SAMPLE);
    const c = sents[2]!;
    assert.equal(setPredicted(c, { upos: ['X'] }), false);
    assert.ok(setPredicted(c, {
      upos: ['PROPN', 'PART', 'NOUN', 'VERB', 'PUNCT'], xpos: ['NNP', 'POS', 'NN', 'VBD', '.'], lemma: ['Raqqa', "'s", 'mayor', 'speak', '.'],
      head: [2, 0, 3, -1, 3], deprel: ['nmod:poss', 'case', 'nsubj', 'root', 'punct'], feats: [{ Number: 'Sing' }, '', 'Number=Sing', { Tense: 'Past' }, {}],
    }));
    assert.equal(writeConllu(sents), SAMPLE);
    setPredicted(c, { deprel: ['dep', 'dep', 'dep', 'root', 'punct'] });
    assert.notEqual(writeConllu(sents), SAMPLE);
    assert.equal(conlluWords(c)[0]!.deprel, 'dep');
    assert.equal(writeConllu(sents).split('\n').filter((l) => l.startsWith('1-2\t')).length, 1);
  });

  it('rebuilds documents with sentence and word offsets', () => {
    const docs = documentsFromConllu(readConllu(SAMPLE));
    assert.deepEqual(docs.map((d) => d.id), ['doc-a', 'doc-b']);
    const [a, b] = docs;
    assert.equal(a!.text, "The convoy didn't stop. Gen. Amal left, then returned.");
    assert.deepEqual(a!.sentences.map((s) => a!.text.slice(s.start, s.end)), ["The convoy didn't stop.", 'Gen. Amal left, then returned.']);
    assert.deepEqual(a!.sentences[0]!.words.map((w) => a!.text.slice(w.start, w.end)), ['The', 'convoy', 'did', "n't", 'stop', '.']);
    assert.deepEqual(a!.sentences[1]!.words.map((w) => a!.text.slice(w.start, w.end)), ['Gen.', 'Amal', 'left', ',', 'then', 'returned', '.']);
    assert.deepEqual(b!.sentences[0]!.words.map((w) => b!.text.slice(w.start, w.end)), ['Raqqa', '’s', 'mayor', 'spoke', '.']);
    assert.ok(docs.every((d) => d.sentences.every((s) => s.mismatches === 0)));
  });

  it('starts paragraphs at # newpar and survives a text that does not match its tokens', () => {
    const text = [
      '# newdoc id = d', '# newpar', '# text = One.', '1\tOne\tone\tNUM\tCD\t_\t0\troot\t_\tSpaceAfter=No', '2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_', '',
      '# newpar', '# text = Tw o!', '1\tTwo\ttwo\tNUM\tCD\t_\t0\troot\t_\tSpaceAfter=No', '2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\t_', '', '',
    ].join('\n');
    const [d] = documentsFromConllu(readConllu(text));
    assert.equal(d!.text, 'One.\n\nTw o!');
    const s = d!.sentences[1]!;
    assert.equal(s.words.length, 2);
    assert.ok(s.mismatches > 0);
    assert.equal(d!.text.slice(s.words[1]!.start, s.words[1]!.end), '!');
  });
});
