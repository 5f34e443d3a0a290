// The annotation pipeline's contract (spaCy-style): each stage is registered by name, receives
// the document and the layers produced before it, and returns the layers it adds. Stages are
// pure: no I/O, no clock, no randomness. The order is configuration (config/pipeline.yaml).
import type {
  ActorOut, AssessmentOut, DocumentInfo, EventOut, PlaceOut, QuoteOut, RelationOut,
  ScenarioOut, StatisticOut, TimeOut, Span, ActorKind,
} from '../analysis/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';

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

export type Layers = {
  sentences: Sentence[];
  mentions: Mention[];
  actors: ActorOut[];
  places: PlaceOut[];
  times: TimeOut[];
  events: EventOut[];
  relations: RelationOut[];
  quotes: QuoteOut[];
  scenarios: ScenarioOut[];
  assessments: AssessmentOut[];
  statistics: StatisticOut[];
};

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
};
