// Where things live and how they are opened, shared by the CLI and the server. Loading is lazy:
// `watchfloor docs` never loads the knowledge packs.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import { loadPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type AppOptions = { dataDir?: string; packsDir?: string };

export function resolveDataDir(flag?: string): string {
  return resolve(flag ?? process.env.WATCHFLOOR_DATA ?? './data');
}

export function resolvePacksDir(flag?: string): string {
  return resolve(flag ?? process.env.WATCHFLOOR_PACKS ?? resolve(PROJECT_ROOT, 'packs'));
}

export class AppContext {
  readonly dataDir: string;
  readonly packsDir: string;
  #kb: Promise<KnowledgeBase> | null = null;
  #pipeline: Promise<Pipeline> | null = null;
  #store: Promise<Store> | null = null;

  constructor(opts: AppOptions = {}) {
    this.dataDir = resolveDataDir(opts.dataDir);
    this.packsDir = resolvePacksDir(opts.packsDir);
  }

  kb(): Promise<KnowledgeBase> {
    return (this.#kb ??= loadKnowledgeBase([this.packsDir], [], { dataDir: this.dataDir }));
  }

  pipeline(): Promise<Pipeline> {
    return (this.#pipeline ??= this.kb().then((kb) => loadPipeline(kb)));
  }

  store(): Promise<Store> {
    return (this.#store ??= openStore({ dataDir: this.dataDir }));
  }

  async close(): Promise<void> {
    if (this.#store) await (await this.#store).close();
  }
}
