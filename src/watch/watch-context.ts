// Opens what the watch needs from the app: the scenarios (analyst YAML plus those found in
// stored documents, with proposed indicators) and the SQLite watch store. Shared by the CLI
// commands and the API routes.
import type { AppContext } from '../app/app-context.js';
import { loadScenarioFolder, resolveScenariosDir } from './load-scenarios.js';
import { proposalLexicon } from './proposal-lexicon.js';
import { scenariosFromAnalysis } from './scenario-from-analysis.js';
import type { ScenarioDef, WatchStore } from './types.js';

export type WatchContext = { scenarios: ScenarioDef[]; store: WatchStore; close(): void };

export async function openWatchStore(ctx: AppContext): Promise<WatchStore> {
  return (await ctx.store()).watch();
}

export async function openWatch(ctx: AppContext, scenariosDir?: string, opts: { documents?: boolean } = {}): Promise<WatchContext> {
  const kb = await ctx.kb();
  const yaml = loadScenarioFolder(resolveScenariosDir(scenariosDir), { knownActors: new Set(kb.actors.keys()) });
  const store = await openWatchStore(ctx);
  const fromDocs: ScenarioDef[] = [];
  if (opts.documents !== false) {
    const lex = proposalLexicon(kb);
    for (const a of await store.scenarioDocuments()) fromDocs.push(...scenariosFromAnalysis(a, lex).map((p) => p.scenario));
  }
  const ids = new Set(yaml.map((s) => s.id));
  return { scenarios: [...yaml, ...fromDocs.filter((s) => !ids.has(s.id))], store, close: () => store.close() };
}
