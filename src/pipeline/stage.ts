// The annotation pipeline's contract (spaCy-style): each stage is registered by name, receives
// the document and the layers produced before it, and returns the layers it adds. Stages are
// pure: no I/O, no clock, no randomness. The order is configuration (config/pipeline.yaml).
import type { ActorKind, Analysis, DocumentInfo, Span } from '../analysis/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { ParsedSentence } from '../syntax/types.js';

export type Sentence = { start: number; end: number; text: string; paragraph: number };

/** A surface mention before linking. */
export type Mention = Span & {
  type: 'actor' | 'person' | 'place' | 'date' | 'number';
  /** Pack id when the surface form matched the pack directly. */
  kbId?: string;
  /** For unknown actors: the kind guessed from the pattern that found it. */
  kind?: ActorKind;
  /** 'pack' | 'pattern' | 'coref' — how it was found. */
  via: 'pack' | 'pattern' | 'coref';
  sentence: number;
};

/** The contract's layers, plus the internal ones (sentences, mentions) stages share. */
export type Layers = Pick<Analysis, ContractLayer> & {
  sentences: Sentence[];
  /** One parsed sentence (words, tags, lemmas, dependency tree) per entry of `sentences`, same order. */
  syntax: ParsedSentence[];
  mentions: Mention[];
};
export type ContractLayer = 'actors' | 'places' | 'times' | 'events' | 'relations' | 'quotes' | 'scenarios' | 'assessments' | 'statistics';

export type StageInput = {
  document: DocumentInfo;
  layers: Readonly<Partial<Layers>>;
  kb: KnowledgeBase;
};

export type Stage = {
  name: string;
  /** Layers this stage needs; the driver checks them against the configured order. */
  requires: (keyof Layers)[];
  run(input: StageInput): Partial<Layers>;
  /** Loads what the stage needs before the first document (a model file), so a missing or
   *  corrupt file stops the command at start-up with its own error, not every document after. */
  prepare?(kb: KnowledgeBase): void;
};
