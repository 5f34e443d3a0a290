// `watchfloor parse`: the syntax layer on its own. Text in, an indented dependency tree (or the
// ParsedSentence JSON) out; or CoNLL-U out, from raw text (our sentence splitter and tokenizer)
// or from a CoNLL-U file whose tokenisation is kept (the CoNLL 2018 gold-tokenisation setting:
// only UPOS, XPOS, LEMMA, FEATS, HEAD and DEPREL are predicted).
import type { Command } from 'commander';
import { WatchfloorError } from '../../errors.js';
import { sentenceLexicon, splitSentences, type SentenceLexicon } from '../../pipeline/stages/sentences.js';
import { analyzeForms, parseSpan, tagHintsOf } from '../../pipeline/stages/syntax.js';
import { conlluForms, formatFeats, makeSentence, readConllu, setPredicted, writeConllu, type ConlluSentence } from '../../syntax/conllu.js';
import { DEFAULT_MODEL_DIR, loadSyntaxModel } from '../../syntax/model.js';
import { predicateArguments, type Argument } from '../../syntax/arguments.js';
import type { ParsedSentence, SyntaxModel } from '../../syntax/types.js';
import { contextOf } from '../global-options.js';
import { readInputFile } from '../read-input-file.js';

const MAX_BYTES = 200 * 1024 * 1024;
const REBUILD = 'rebuild it with npm run train:syntax -- --treebank ../shared/treebank';

type Options = { json?: boolean; input?: string; model?: string; frames?: boolean };

export function registerParse(program: Command): void {
  program.command('parse')
    .description('tag and dependency-parse text: an indented tree per sentence, --json, or CoNLL-U with --input conllu|text FILE')
    .argument('<text>', 'the text to parse; with --input, a file (- for standard input)')
    .option('--json', 'print { sentences: ParsedSentence[] } instead of trees')
    .option('--input <format>', 'read FILE as "conllu" (keep its tokens, write CoNLL-U) or "text" (split and tokenize, write CoNLL-U)')
    .option('--model <dir>', 'syntax model folder (default: models/syntax/)')
    .option('--frames', 'after each tree, the predicate–argument frames read from it (agents, patients, obliques, negation, governor)')
    .action(async (arg: string, opts: Options, cmd: Command) => {
      const format = opts.input;
      if (format !== undefined && format !== 'conllu' && format !== 'text') {
        throw new WatchfloorError('BAD_REQUEST', `--input must be "conllu" or "text", not "${format}"`);
      }
      if (format === 'conllu' && opts.json) throw new WatchfloorError('BAD_REQUEST', '--json reads text; --input conllu writes CoNLL-U');
      const input = format === undefined ? arg : await readInput(arg);
      if (format === 'conllu') {
        const sentences = readConllu(input);
        const bad = sentences.flatMap((s) => s.lines).find((l) => l.kind !== 'comment' && l.cols.length !== 10 || l.kind === 'word' && !(l.id > 0 && Number.isInteger(l.id)));
        if (bad) {
          const line = bad.kind === 'comment' ? bad.raw : bad.cols.join('\t');
          throw new WatchfloorError('UNSUPPORTED_INPUT', `not CoNLL-U: "${line.slice(0, 60)}" is not a token line (ID and 9 more tab-separated columns)`, { subject: arg });
        }
        const hasWords = sentences.some((s) => s.lines.some((l) => l.kind === 'word'));
        process.stdout.write(hasWords ? parseConllu(openModel(opts.model), sentences) : writeConllu(sentences));
        return;
      }
      const kb = await contextOf(cmd).kb();
      const model = openModel(opts.model);
      const sentences = splitSentences(input, sentenceLexicon(kb));
      // As in the pipeline, the packs' acronyms (IS, SDF) are proper nouns; CoNLL-U input above is
      // parsed by the models alone, so it scores them as they are.
      const hints = tagHintsOf(kb);
      const parsed = sentences.map((s) => parseSpan(model, input, s.start, s.end, hints));
      if (opts.json) process.stdout.write(`${JSON.stringify({ sentences: parsed }, null, 2)}\n`);
      else if (format === 'text') process.stdout.write(toConllu(input, parsed, sentences.map((s) => s.paragraph)));
      else process.stdout.write(parsed.map((s, i) => renderTree(input, s, i + 1) + (opts.frames ? renderFrames(s) : '')).join('\n'));
    });
}

async function readInput(file: string): Promise<string> {
  const bytes = await readInputFile(file, MAX_BYTES);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The trained model, or one clear line naming the folder and the command that rebuilds it. */
function openModel(dir: string | undefined): SyntaxModel {
  const where = dir ?? DEFAULT_MODEL_DIR;
  try {
    return dir === undefined ? loadSyntaxModel() : loadSyntaxModel(dir);
  } catch (err) {
    if (err instanceof WatchfloorError && err.hint) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new WatchfloorError('CONFIG', `syntax model cannot be loaded: ${message}`, { subject: where, hint: REBUILD, cause: err });
  }
}

/** Split into sentences (the pipeline's splitter) and parse each. */
export function parseText(model: SyntaxModel, text: string, lexicon: SentenceLexicon | ReadonlySet<string>): ParsedSentence[] {
  return splitSentences(text, lexicon).map((s) => parseSpan(model, text, s.start, s.end));
}

/** Predicted columns for every word of CoNLL-U sentences, their tokens, comments and ranges kept. */
export function parseConllu(model: SyntaxModel, sentences: ConlluSentence[]): string {
  for (const s of sentences) {
    const forms = conlluForms(s);
    if (forms.length === 0) continue;
    const a = analyzeForms(model, forms);
    setPredicted(s, { upos: a.upos.map(column), xpos: a.xpos.map(column), lemma: a.lemma.map(column), head: a.head, deprel: a.deprel.map(column), feats: a.feats });
  }
  return writeConllu(sentences);
}

/** A CoNLL-U column value: no tabs or line breaks, never empty. */
function column(value: string): string {
  const v = value.replace(/[\t\r\n]+/g, ' ').trim();
  return v || '_';
}

/** CoNLL-U for sentences parsed from raw text: # newpar, # sent_id, # text, SpaceAfter=No. */
export function toConllu(text: string, sentences: readonly ParsedSentence[], paragraphs: readonly number[] = []): string {
  const blocks = sentences.map((s, i) => {
    const comments: string[] = [];
    if (i === 0 || paragraphs[i] !== paragraphs[i - 1]) comments.push('# newpar');
    comments.push(`# sent_id = ${i + 1}`);
    let surface = '';
    const last = s.tokens.length - 1;
    const rows = s.tokens.map((t, k) => {
      // After the sentence's last word: whether the next sentence follows without a space.
      const noSpace = k < last ? s.tokens[k + 1]!.start === t.end : t.end < text.length && !/\s/.test(text[t.end]!);
      surface += column(t.text) + (noSpace || k === last ? '' : ' ');
      return [String(k + 1), column(t.text), column(t.lemma), column(t.upos), column(t.xpos), formatFeats(t.feats),
        String(t.head < 0 ? 0 : t.head + 1), column(t.deprel), '_', noSpace ? 'SpaceAfter=No' : '_'];
    });
    comments.push(`# text = ${surface}`);
    return makeSentence(comments, rows);
  });
  return writeConllu(blocks.filter((b) => b.lines.some((l) => l.kind === 'word')));
}

/** One sentence as an indented tree: each word under its head, dependents in sentence order. */
export function renderTree(text: string, s: ParsedSentence, n: number): string {
  const kids: number[][] = s.tokens.map(() => []);
  const roots: number[] = [];
  for (const t of s.tokens) (t.head >= 0 && t.head < s.tokens.length ? kids[t.head]! : roots).push(t.id);
  const lines = [`# ${n}: ${text.slice(s.start, s.end).replace(/\s+/g, ' ')}`];
  const seen = new Uint8Array(s.tokens.length);
  const visit = (id: number, depth: number) => {
    if (seen[id]) return;
    seen[id] = 1;
    const t = s.tokens[id]!;
    const feats = formatFeats(t.feats);
    lines.push(`${'  '.repeat(depth + 1)}${id + 1} ${t.text}  ${t.upos}/${t.xpos}  ${t.lemma}  ${t.deprel}→${t.head + 1}${feats === '_' ? '' : `  ${feats}`}`);
    for (const c of kids[id]!) visit(c, depth + 1);
  };
  for (const r of roots) visit(r, 0);
  // Words no root reaches (a malformed tree) are still shown.
  for (const t of s.tokens) if (!seen[t.id]) visit(t.id, 0);
  return `${lines.join('\n')}\n`;
}

/** One line per verb and per noun with arguments of its own: who acts, who undergoes, and how each was found. */
export function renderFrames(s: ParsedSentence): string {
  const lines: string[] = [];
  const arg = (a: Argument) => `${a.token.text} (${a.via})`;
  for (const t of s.tokens) {
    if (t.upos !== 'VERB' && t.upos !== 'NOUN') continue;
    const f = predicateArguments(s, t);
    if (t.upos === 'NOUN' && !f.agents.length && !f.patients.length) continue;
    const parts = [
      f.agents.length ? `agent ${f.agents.map(arg).join(', ')}` : '',
      f.patients.length ? `patient ${f.patients.map(arg).join(', ')}` : '',
      ...f.obliques.map((o) => `${o.case ?? o.relation} ${o.token.text}`),
      f.negated ? 'NEGATED' : '',
      f.governor ? `under ${f.governor.token.text} (${f.governor.relation})` : '',
    ].filter(Boolean);
    lines.push(`  frame ${t.lemma} [${f.kind}, ${f.voice}]: ${parts.join('; ')}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
