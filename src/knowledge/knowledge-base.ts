// Everything the annotation stages know about the world, loaded once at start from the packs
// folder(s) and the bundled gazetteer. Stages receive it read-only.
import type { Predicate } from '../analysis/types.js';
import type { PackActor, PackPlace, PackRelationType } from './pack-types.js';
import type { Gazetteer } from '../geo/gazetteer-types.js';
import { loadPacks } from './pack-loader.js';
import { loadGazetteer, type ExtraPlace } from '../geo/gazetteer.js';
import { loadImportedRows } from '../geo/imported-gazetteer.js';

export type KnowledgeBase = {
  /** Names of the packs loaded, in load order. */
  packs: string[];
  actors: ReadonlyMap<string, PackActor>;
  places: ReadonlyMap<string, PackPlace>;
  relationTypes: ReadonlyMap<Predicate, PackRelationType>;
  /**
   * Lexicons by name (file basename under packs/<pack>/lexicon/). Arrays from several packs are
   * concatenated, mappings merged. Each stage validates the shape of the lexicons it reads.
   */
  lexicons: ReadonlyMap<string, unknown>;
  gazetteer: Gazetteer;
};

export type LoadedPacks = Omit<KnowledgeBase, 'gazetteer'>;

export type KnowledgeBaseOptions = {
  /** A data folder whose imported gazetteer (`watchfloor gazetteer import`) is used on top of the bundled one. */
  dataDir?: string | null;
};

export async function loadKnowledgeBase(packDirs: string[], extraPlaces: readonly ExtraPlace[] = [], opts: KnowledgeBaseOptions = {}): Promise<KnowledgeBase> {
  const packs = await loadPacks(packDirs);
  const imported = opts.dataDir ? loadImportedRows(opts.dataDir) : [];
  const gazetteer = await loadGazetteer([...packs.places.values()], extraPlaces, imported);
  return { ...packs, gazetteer };
}
