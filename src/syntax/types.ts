// The syntax layer's shapes: what the `syntax` stage gives every sentence and what later stages
// read through the helpers in tree.ts. Offsets are JavaScript string indices into the cleaned
// document text, like every other span of the analysis.

/** A syntactic word as the tokenizer cuts it ("don't" gives "do" + "n't"). */
export type Word = { start: number; end: number; text: string };

/** Morphological features that matter downstream, UD names and values (Voice=Pass, Tense=Past, Number=Plur, Polarity=Neg, VerbForm=Part, ...). */
export type Feats = Readonly<Record<string, string>>;

export type SyntaxToken = Word & {
  /** 0-based position in its sentence. */
  id: number;
  /** Universal part of speech (UD v2). */
  upos: string;
  /** Penn Treebank tag. */
  xpos: string;
  lemma: string;
  feats: Feats;
  /** Position of the head in the same sentence; -1 for the root. */
  head: number;
  /** UD v2 relation, with subtype where the treebanks use one (nsubj:pass, obl:agent, acl:relcl, ...). */
  deprel: string;
};

export type ParsedSentence = { start: number; end: number; tokens: SyntaxToken[] };

/** What the trained models predict for one sentence of word forms (parallel arrays). */
export type SentencePrediction = {
  upos: string[];
  xpos: string[];
  lemma: string[];
  /** -1 for the root. */
  head: number[];
  deprel: string[];
};

export interface SyntaxModel {
  /**
   * Tag, lemmatise and parse one sentence given its word forms. Never throws on odd input.
   * `hints` may fix the tag ("UPOS|XPOS") of some words, from what the knowledge pack knows.
   */
  analyze(forms: readonly string[], hints?: readonly (string | null)[]): SentencePrediction;
}
