// Reads the pipeline's order (config/pipeline.yaml) and loads each stage module by name, so a
// new stage is a new file in src/pipeline/stages/ plus one line of configuration.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { WatchfloorError } from '../errors.js';
import type { Stage } from './stage.js';

const STAGE_NAME = /^[a-z][a-z0-9-]*$/;
export const DEFAULT_PIPELINE_CONFIG = fileURLToPath(new URL('../../config/pipeline.yaml', import.meta.url));

export async function readPipelineConfig(path = DEFAULT_PIPELINE_CONFIG): Promise<string[]> {
  let doc: unknown;
  try {
    doc = parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new WatchfloorError('CONFIG', `cannot read pipeline configuration: ${(err as Error).message}`, { subject: path });
  }
  const stages = (doc as { stages?: unknown } | null)?.stages;
  if (!Array.isArray(stages) || !stages.every((s) => typeof s === 'string' && STAGE_NAME.test(s))) {
    throw new WatchfloorError('CONFIG', '`stages` must be a list of stage names (lower-case, dashes)', { subject: path });
  }
  return stages as string[];
}

export async function loadStages(names: string[]): Promise<Stage[]> {
  const stages: Stage[] = [];
  for (const name of names) {
    let mod: { default?: Stage };
    try {
      mod = (await import(`./stages/${name}.js`)) as { default?: Stage };
    } catch (err) {
      throw new WatchfloorError('CONFIG', `pipeline stage "${name}" cannot be loaded: ${(err as Error).message}`, {
        hint: `add src/pipeline/stages/${name}.ts exporting a Stage as default, or remove it from config/pipeline.yaml`,
      });
    }
    const stage = mod.default;
    if (!stage || typeof stage.run !== 'function' || stage.name !== name) {
      throw new WatchfloorError('CONFIG', `pipeline stage "${name}" must default-export a Stage named "${name}"`);
    }
    stages.push(stage);
  }
  return stages;
}
