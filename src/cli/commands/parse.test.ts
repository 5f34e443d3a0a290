import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConllu } from '../../syntax/conllu.js';
import type { ParsedSentence, SentencePrediction, SyntaxModel } from '../../syntax/types.js';
import { parseConllu, parseText, renderTree, toConllu } from './parse.js';

const CLI = fileURLToPath(new URL('../../../bin/watchfloor.js', import.meta.url));

// Written for this test: a multiword token, comments, SpaceAfter=No.
const CONLLU = [
  '# newdoc id = wf-test',
  '# sent_id = wf-test-1',
  "# text = They didn't strike.",
  '1\tThey\t_\t_\t_\t_\t_\t_\t_\t_',
  "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_",
  '2\tdid\t_\t_\t_\t_\t_\t_\t_\t_',
  "3\tn't\t_\t_\t_\t_\t_\t_\t_\t_",
  '4\tstrike\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No',
  '5\t.\t_\t_\t_\t_\t_\t_\t_\t_',
  '',
  '# sent_id = wf-test-2',
  '# text = Troops withdrew.',
  '1\tTroops\t_\t_\t_\t_\t_\t_\t_\t_',
  '2\twithdrew\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No',
  '3\t.\t_\t_\t_\t_\t_\t_\t_\t_',
  '',
  '',
].join('\n');

/** Every word hangs on the last non-punctuation word; "-ed"/"did" words are verbs. */
const fake: SyntaxModel = {
  analyze(forms: readonly string[]): SentencePrediction {
    const punct = forms.map((f) => /^\p{P}+$/u.test(f));
    let root = forms.length - 1;
    while (root > 0 && punct[root]) root--;
    return {
      upos: forms.map((f, i) => (punct[i] ? 'PUNCT' : /ed$|^did$/.test(f) ? 'VERB' : 'NOUN')),
      xpos: forms.map((f, i) => (punct[i] ? '.' : /ed$|^did$/.test(f) ? 'VBD' : 'NNS')),
      lemma: forms.map((f) => f.toLowerCase()),
      head: forms.map((_, i) => (i === root ? -1 : root)),
      deprel: forms.map((_, i) => (i === root ? 'root' : punct[i] ? 'punct' : 'dep')),
    };
  },
};

/** The columns of a CoNLL-U text's token lines, and its comment lines. */
function shape(conllu: string): { comments: string[]; rows: string[][] } {
  const lines = conllu.split('\n');
  return { comments: lines.filter((l) => l.startsWith('#')), rows: lines.filter((l) => /^\d/.test(l)).map((l) => l.split('\t')) };
}

describe('parse command: formatting', () => {
  it('--input conllu keeps ids, forms, ranges, comments and MISC, and fills the predicted columns', () => {
    const out = parseConllu(fake, readConllu(CONLLU));
    const a = shape(CONLLU), b = shape(out);
    assert.deepEqual(b.comments, a.comments);
    assert.deepEqual(b.rows.map((r) => [r[0], r[1], r[8], r[9]]), a.rows.map((r) => [r[0], r[1], r[8], r[9]]));
    const range = b.rows.find((r) => r[0] === '2-3')!;
    assert.deepEqual(range.slice(2), ['_', '_', '_', '_', '_', '_', '_', '_']);
    const words = b.rows.filter((r) => /^\d+$/.test(r[0]!));
    for (const r of words) {
      assert.equal(r.length, 10);
      assert.notEqual(r[3], '_');
      assert.match(r[6]!, /^\d+$/);
    }
    assert.deepEqual(words.slice(0, 5).map((r) => r[6]), ['4', '4', '4', '0', '4']);
    assert.equal(words.find((r) => r[1] === 'did')![5], 'Mood=Ind|Tense=Past|VerbForm=Fin|Voice=Act');
    assert.equal(words.find((r) => r[1] === 'Troops')![5], 'Number=Plur');
    assert.match(out, /\n\n$/);
  });

  it('raw text becomes CoNLL-U with newpar, sent_id, text and SpaceAfter=No', () => {
    const text = 'Rebels attacked the town.\nIt fell.\n\nTroops withdrew.';
    const parsed = parseText(fake, text, new Set());
    const out = toConllu(text, parsed, [0, 0, 1]);
    const { comments, rows } = shape(out);
    assert.deepEqual(comments, [
      '# newpar', '# sent_id = 1', '# text = Rebels attacked the town.', '# sent_id = 2', '# text = It fell.',
      '# newpar', '# sent_id = 3', '# text = Troops withdrew.',
    ]);
    assert.deepEqual(rows.filter((r) => r[9] === 'SpaceAfter=No').map((r) => r[1]), ['town', 'fell', 'withdrew']);
    // Round trip through the reader: same sentences and words.
    assert.equal(readConllu(out).length, 3);
  });

  it('prints an indented tree, each word under its head', () => {
    const text = 'Rebels attacked the town.';
    const [s] = parseText(fake, text, new Set()) as [ParsedSentence];
    const tree = renderTree(text, s, 1).split('\n');
    assert.equal(tree[0], '# 1: Rebels attacked the town.');
    assert.match(tree[1]!, /^ {2}4 town {2}NOUN\/NNS {2}town {2}root→0 {2}Number=Plur$/);
    assert.match(tree[2]!, /^ {4}1 Rebels {2}NOUN\/NNS {2}rebels {2}dep→4/);
  });
});

describe('watchfloor parse (the binary)', () => {
  let dir: string;
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, [CLI, '--data', join(dir, 'data'), 'parse', ...args], { encoding: 'utf8', ...(input === undefined ? {} : { input }) });
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'wf-parse-'));
    writeFileSync(join(dir, 'in.conllu'), CONLLU);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a missing file, a missing model and a bad --input in one line each', () => {
    const missing = run(['--input', 'conllu', join(dir, 'nope.conllu')]);
    assert.equal(missing.status, 1);
    assert.equal(missing.stderr.trim().split('\n').length, 1);
    assert.match(missing.stderr, /nope\.conllu: no such file/);
    const noModel = run(['--model', join(dir, 'no-model'), 'Rebels attacked.']);
    assert.equal(noModel.status, 1);
    assert.equal(noModel.stderr.trim().split('\n').length, 1);
    assert.match(noModel.stderr, /no-model/);
    assert.match(noModel.stderr, /npm run train:syntax/);
    writeFileSync(join(dir, 'prose.txt'), 'Not a treebank.\nJust prose.\n');
    const prose = run(['--input', 'conllu', join(dir, 'prose.txt')]);
    assert.equal(prose.status, 1);
    assert.match(prose.stderr, /prose\.txt: not CoNLL-U: "Not a treebank\." is not a token line/);
    const bad = run(['--input', 'xml', 'x']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--input must be "conllu" or "text"/);
  });

  it('parses a sentence with the trained model: the verb is the root, with its subject and object', () => {
    const r = run(['--json', 'IS fighters attacked the town.']);
    assert.equal(r.status, 0, r.stderr);
    const { sentences } = JSON.parse(r.stdout) as { sentences: ParsedSentence[] };
    assert.equal(sentences.length, 1);
    const t = sentences[0]!.tokens;
    const word = (form: string) => t.find((x) => x.text === form)!;
    assert.equal(word('attacked').deprel, 'root');
    assert.equal(word('attacked').head, -1);
    assert.equal(word('fighters').deprel, 'nsubj');
    assert.equal(word('fighters').head, word('attacked').id);
    assert.equal(word('town').deprel, 'obj');
    assert.equal(word('town').head, word('attacked').id);
    const tree = run(['IS fighters attacked the town.']);
    assert.equal(tree.status, 0, tree.stderr);
    assert.match(tree.stdout, /^ {2}\d+ attacked .*root→0/m);
    assert.match(tree.stdout, /^ {4}\d+ fighters .*nsubj→/m);
  });

  it('--frames prints who acts and who undergoes, with the path each came from', () => {
    const r = run(['--frames', 'Five SDF fighters were killed by IS in an attack. The coalition did not strike the camp, officials said.']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /frame kill \[verb, passive\]: agent IS \(by-phrase\); patient fighters \(nsubj:pass\); in attack/);
    assert.match(r.stdout, /frame strike \[verb, active\]: agent coalition \(nsubj\); patient camp \(obj\); NEGATED; under said \(ccomp\)/);
  });

  it('--input conllu (from stdin) keeps ids, forms and comments with the trained model', () => {
    const r = run(['--input', 'conllu', '-'], CONLLU);
    assert.equal(r.status, 0, r.stderr);
    const a = shape(CONLLU), b = shape(r.stdout);
    assert.deepEqual(b.comments, a.comments);
    assert.deepEqual(b.rows.map((x) => [x[0], x[1]]), a.rows.map((x) => [x[0], x[1]]));
    assert.ok(b.rows.filter((x) => /^\d+$/.test(x[0]!)).every((x) => x[3] !== '_' && /^\d+$/.test(x[6]!)));
    const fromFile = run(['--input', 'conllu', join(dir, 'in.conllu')]);
    assert.equal(fromFile.stdout, r.stdout);
  });
});
