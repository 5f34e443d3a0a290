// The driver: runs the configured stages in order over one document. It knows nothing about
// any particular stage.
import { emptyAnalysis, type Analysis, type DocumentInfo } from '../analysis/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { ContractLayer, Layers, Stage } from './stage.js';

const CONTRACT_LAYERS: ContractLayer[] = ['actors', 'places', 'times', 'events', 'relations', 'quotes', 'scenarios', 'assessments', 'statistics'];
import { WatchfloorError } from '../errors.js';
import { loadStages, readPipelineConfig } from './pipeline-config.js';

export type Pipeline = {
  stages: readonly Stage[];
  kb: KnowledgeBase;
  /** Full layers, including internal ones (sentences, mentions) the contract does not expose. */
  annotate(document: DocumentInfo): Partial<Layers>;
  analyze(document: DocumentInfo): Analysis;
};

export function createPipeline(stages: Stage[], kb: KnowledgeBase): Pipeline {
  for (const stage of stages) stage.prepare?.(kb);
  const annotate = (document: DocumentInfo): Partial<Layers> => {
    let layers: Partial<Layers> = {};
    for (const stage of stages) {
      const missing = stage.requires.find((layer) => layer !== 'mentions' && layers[layer] === undefined);
      if (missing) {
        throw new WatchfloorError('CONFIG', `stage "${stage.name}" requires layer "${missing}", which no earlier stage produced`, {
          hint: 'reorder config/pipeline.yaml',
        });
      }
      const out = stage.run({ document, layers, kb });
      // `mentions` accumulate across stages; every other layer belongs to one stage.
      const mentions = out.mentions ? [...(layers.mentions ?? []), ...out.mentions] : layers.mentions;
      layers = { ...layers, ...out, ...(mentions ? { mentions } : {}) };
    }
    return layers;
  };
  return {
    stages, kb, annotate,
    analyze(document) {
      const layers = annotate(document);
      const analysis = emptyAnalysis(document);
      for (const layer of CONTRACT_LAYERS) (analysis[layer] as unknown[]) = layers[layer] ?? [];
      return analysis;
    },
  };
}

export async function loadPipeline(kb: KnowledgeBase, configPath?: string): Promise<Pipeline> {
  return createPipeline(await loadStages(await readPipelineConfig(configPath)), kb);
}
