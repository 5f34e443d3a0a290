// The gold file format of shared/corpus (README.md there), as the scorer reads it.
export type GoldActor = { names: string[]; kind?: string | string[]; seen?: string[] };
export type GoldPlace = { names: string[]; lat: number; lon: number; km: number };
export type GoldEvent = {
  what?: string; types: string[]; date?: string; place?: string; actors?: string[];
  fatalities_min?: number; modality?: string[];
  /** Who carried out the act the first type names; scored on matched events (the `roles` layer). */
  by?: string[];
};
export type GoldRelation = { subject: string; object: string; predicates: string[] };
export type GoldQuote = { speaker: string; contains: string; date?: string };
export type GoldScenario = { anchor: string; mentions?: string[] };
export type GoldAssessment = { anchor: string; likelihood: string[] };
export type GoldStatistic = { anchor: string; what?: string };

export type GoldDocument = {
  /** File name or inline id. */
  id: string;
  text: string;
  published: string | null;
  /** The country the document reports on, where the gold says (ACLED rows do). */
  country?: string;
  never?: string[];
  actors?: GoldActor[];
  places?: GoldPlace[];
  events?: GoldEvent[];
  relations?: GoldRelation[];
  quotes?: GoldQuote[];
  scenarios?: GoldScenario[];
  assessments?: GoldAssessment[];
  statistics?: GoldStatistic[];
};

export type GoldFile = { path: string; name: string; documents: GoldDocument[] };
