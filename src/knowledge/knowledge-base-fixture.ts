// A small in-memory knowledge base for tests: the real core lexicons plus the actors a test
// supplies, and a gazetteer that knows nothing. Tests never depend on the full packs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { KnowledgeBase } from './knowledge-base.js';
import type { PackActor, PackPlace } from './pack-types.js';
import type { Gazetteer } from '../geo/gazetteer-types.js';

const CORE_LEXICONS = fileURLToPath(new URL('../../packs/core/lexicon/', import.meta.url));

export const emptyGazetteer: Gazetteer = { lookup: () => [], hasPrefix: () => false, size: 0 };

export function coreLexicons(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const f of readdirSync(CORE_LEXICONS)) {
    if (f.endsWith('.yaml')) out.set(f.replace(/\.yaml$/, ''), parse(readFileSync(join(CORE_LEXICONS, f), 'utf8')));
  }
  return out;
}

export function fixtureKnowledgeBase(actors: PackActor[], opts: { places?: PackPlace[]; gazetteer?: Gazetteer } = {}): KnowledgeBase {
  return {
    packs: ['fixture'],
    actors: new Map(actors.map((a) => [a.id, a])),
    places: new Map((opts.places ?? []).map((p) => [p.id, p])),
    relationTypes: new Map(),
    lexicons: coreLexicons(),
    gazetteer: opts.gazetteer ?? emptyGazetteer,
  };
}
