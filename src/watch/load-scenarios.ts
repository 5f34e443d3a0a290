// Reads analyst scenarios from a folder of YAML files (I/O edge of scenario-yaml.ts). The
// folder: --scenarios, else $WATCHFLOOR_SCENARIOS, else the project's scenarios/.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../app/app-context.js';
import { WatchfloorError } from '../errors.js';
import { formatProblem, parseScenarioYaml, type ParseOptions, type ScenarioProblem } from './scenario-yaml.js';
import type { ScenarioDef } from './types.js';

export function resolveScenariosDir(flag?: string): string {
  return resolve(flag ?? process.env.WATCHFLOOR_SCENARIOS ?? join(PROJECT_ROOT, 'scenarios'));
}

/** Every *.yaml / *.yml file in the folder (not recursive), sorted; throws CONFIG listing every problem. */
export function loadScenarioFolder(dir: string, opts: ParseOptions = {}): ScenarioDef[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) throw new WatchfloorError('CONFIG', 'is not a folder of scenario YAML files', { subject: dir });
  const problems: ScenarioProblem[] = [];
  const scenarios: ScenarioDef[] = [];
  const where = new Map<string, string>();
  for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort()) {
    const file = join(dir, name);
    const r = parseScenarioYaml(readFileSync(file, 'utf8'), file, opts);
    problems.push(...r.problems);
    for (const s of r.scenarios) {
      const first = where.get(s.id);
      if (first) problems.push({ file, line: 1, field: 'id', message: `scenario id "${s.id}" is also used in ${first}` });
      else { where.set(s.id, file); scenarios.push(s); }
    }
  }
  if (problems.length) {
    throw new WatchfloorError('CONFIG', `invalid scenario files:\n  ${problems.map(formatProblem).join('\n  ')}`, { subject: dir, hint: 'fix the fields named above' });
  }
  return scenarios;
}
