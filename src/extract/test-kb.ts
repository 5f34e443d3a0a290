// A KnowledgeBase for unit tests: the real packs/core lexicons, no actors or places unless given,
// and a gazetteer that knows nothing. Stages under test read only what they need from it.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { PackActor } from '../knowledge/pack-types.js';
import type { Gazetteer } from '../geo/gazetteer-types.js';

const LEXICON_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../packs/core/lexicon');

let lexicons: Map<string, unknown> | undefined;

function coreLexicons(): Map<string, unknown> {
  if (!lexicons) {
    lexicons = new Map();
    for (const file of readdirSync(LEXICON_DIR).filter((f) => f.endsWith('.yaml')).sort()) {
      lexicons.set(basename(file, '.yaml'), parse(readFileSync(join(LEXICON_DIR, file), 'utf8')));
    }
  }
  return lexicons;
}

const emptyGazetteer: Gazetteer = { lookup: () => [], hasPrefix: () => false, size: 0 };

/** A fresh KnowledgeBase object (fresh, so per-kb caches start empty) over the core lexicons. */
export function testKb(opts: { actors?: PackActor[]; lexicons?: Record<string, unknown> } = {}): KnowledgeBase {
  const lex = new Map(coreLexicons());
  for (const [k, v] of Object.entries(opts.lexicons ?? {})) lex.set(k, v);
  return {
    packs: ['core'],
    actors: new Map((opts.actors ?? []).map((a) => [a.id, a])),
    places: new Map(),
    relationTypes: new Map(),
    lexicons: lex,
    gazetteer: emptyGazetteer,
  };
}
