// Loading the trained tagger and parser (models/syntax/en-ud.model.gz, written by
// `npm run train:syntax`) and running them over a sentence of word forms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WatchfloorError } from '../errors.js';
import { lemmatize } from './lemmatizer.js';
import { decodeModel, ModelFormatError, type ModelHeader, type SavedModel } from './model-file.js';
import { parse, type ParserModel } from './parser.js';
import { coarseTags, tagForms, type TaggerModel } from './tagger.js';
import type { SentencePrediction, SyntaxModel } from './types.js';
import { wordValues } from './word-features.js';

export const DEFAULT_MODEL_DIR = fileURLToPath(new URL('../../models/syntax/', import.meta.url));
export const MODEL_FILE = 'en-ud.model.gz';
const REBUILD = 'rebuild it with: npm run train:syntax -- --treebank ../shared/treebank';

export type LoadedSyntaxModel = SyntaxModel & { header: ModelHeader; tagger: TaggerModel; parser: ParserModel };

export function syntaxModelFrom(header: ModelHeader, tagger: TaggerModel, parser: ParserModel): LoadedSyntaxModel {
  const upos = header.tagClasses.map((c) => c.split('|')[0]!);
  const xpos = header.tagClasses.map((c) => c.split('|')[1]!);
  const lemmas = new Map(header.lemmas);
  const coarse = coarseTags(header.tagClasses);
  const classIndex = new Map(header.tagClasses.map((c, i) => [c, i]));
  return {
    header, tagger, parser,
    analyze(forms: readonly string[], hints?: readonly (string | null)[]): SentencePrediction {
      const n = forms.length;
      if (n === 0) return { upos: [], xpos: [], lemma: [], head: [], deprel: [] };
      const values = wordValues(forms);
      let forced: Int32Array | undefined;
      if (hints?.some((h) => h !== null)) forced = Int32Array.from(forms, (_, i) => classIndex.get(hints[i] ?? '') ?? -1);
      const tags = tagForms(tagger, forms, values, forced);
      const { head, label } = parse(parser, { words: values.norm, tags, coarse: tags.map((t) => coarse[t]!) });
      const out: SentencePrediction = { upos: new Array(n), xpos: new Array(n), lemma: new Array(n), head: new Array(n), deprel: new Array(n) };
      for (let i = 0; i < n; i++) {
        const t = tags[i]!;
        out.upos[i] = upos[t]!;
        out.xpos[i] = xpos[t]!;
        out.lemma[i] = lemmatize(lemmas, forms[i]!, xpos[t]!);
        out.head[i] = head[i]!;
        out.deprel[i] = parser.labels[label[i]!] ?? 'dep';
      }
      return out;
    },
  };
}

/** The tagger and parser of a decoded model file. */
export function syntaxModelFromFile({ header, models }: SavedModel): LoadedSyntaxModel {
  const get = (name: string) => {
    const m = models.get(name);
    if (!m) throw new ModelFormatError(`the file has no ${name} model`);
    return m;
  };
  return syntaxModelFrom(
    header,
    { classes: header.tagClasses, tagdict: new Map(header.tagdict), ambiguity: new Map(header.ambiguity), weights: get('tagger') },
    { labels: header.labels, moves: get('moves'), labeler: get('labeler') },
  );
}

/** Loads the model; a missing or corrupt file is a CONFIG error naming it and the command that rebuilds it. */
export function loadSyntaxModel(dir: string = DEFAULT_MODEL_DIR): LoadedSyntaxModel {
  const file = join(dir, MODEL_FILE);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new WatchfloorError('CONFIG', 'syntax model file is missing', { subject: file, hint: REBUILD });
  }
  try {
    return syntaxModelFromFile(decodeModel(bytes));
  } catch (err) {
    throw new WatchfloorError('CONFIG', `syntax model file is corrupt: ${(err as Error).message}`, { subject: file, hint: REBUILD, cause: err });
  }
}
