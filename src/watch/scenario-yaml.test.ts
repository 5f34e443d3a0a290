import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatProblem, parseScenarioYaml, scenarioToYaml } from './scenario-yaml.js';

const GOOD = `id: lb
title: IS attack in Lebanon
region: {countries: [lb]}
indicators:
  - id: attacks
    kind: event-count
    types: [attack, bombing]
    actors_any: [islamic-state]
    window_days: 30
    threshold: {min_count: 1}
`;

test('a valid scenario parses, and round-trips through the proposer YAML', () => {
  const r = parseScenarioYaml(GOOD, 'lb.yaml', { knownActors: new Set(['islamic-state']) });
  assert.deepEqual(r.problems, []);
  assert.equal(r.scenarios[0]!.region!.countries![0], 'LB');
  assert.deepEqual(r.scenarios[0]!.indicators[0], { id: 'attacks', kind: 'event-count', types: ['attack', 'bombing'], actors_any: ['islamic-state'], window_days: 30, threshold: { min_count: 1 } });
  const again = parseScenarioYaml(scenarioToYaml(r.scenarios[0]!), 'x.yaml');
  assert.deepEqual(again.scenarios[0]!.indicators, r.scenarios[0]!.indicators);
});

test('errors name the file, the line and the field', () => {
  const bad = `id: lb
title: IS attack in Lebanon
indicators:
  - id: attacks
    kind: event-count
    types: [attack, bombng]
    actors_any: [islamic-stat]
    window_days: -3
    threshold: {min_count: 1}
  - id: ratio
    kind: event-count
    window_days: 30
    threshold: {ratio_to_baseline: 2}
    region: {bbox: [40, 30, 35, 37]}
  - id: rel
    kind: relation-reported
    predicates: [likes]
    windw_days: 3
    threshold: {}
  - kind: sometimes
`;
  const r = parseScenarioYaml(bad, 'scenarios/lb.yaml', { knownActors: new Set(['islamic-state']) });
  const lines = r.problems.map(formatProblem);
  assert.deepEqual(r.scenarios, []);
  for (const expected of [
    'scenarios/lb.yaml:6: indicators[0].types[1]: unknown value "bombng"',
    'scenarios/lb.yaml:7: indicators[0].actors_any[0]: unknown actor id "islamic-stat"',
    'scenarios/lb.yaml:8: indicators[0].window_days: must be a positive integer',
    'scenarios/lb.yaml:13: indicators[1].threshold.ratio_to_baseline: needs window_days and baseline_days',
    'scenarios/lb.yaml:14: indicators[1].region.bbox: must be [west, south, east, north]',
    'scenarios/lb.yaml:17: indicators[2].predicates[0]: unknown value "likes"',
    'scenarios/lb.yaml:18: indicators[2].windw_days: unknown field',
    'scenarios/lb.yaml:19: indicators[2].threshold: needs min_count or ratio_to_baseline',
    'scenarios/lb.yaml:20: indicators[3].kind: unknown kind "sometimes"',
  ]) assert.ok(lines.some((l) => l.startsWith(expected)), `missing: ${expected}\n got:\n${lines.join('\n')}`);
});

test('broken YAML syntax is reported with its line', () => {
  const r = parseScenarioYaml('id: x\ntitle: [unclosed\n', 'x.yaml');
  assert.equal(r.scenarios.length, 0);
  assert.equal(r.problems[0]!.file, 'x.yaml');
  assert.ok(r.problems[0]!.line >= 2);
});

test('the bundled example scenarios are valid', () => {
  const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length >= 2);
  for (const f of files) assert.deepEqual(parseScenarioYaml(readFileSync(dir + f, 'utf8'), f).problems, []);
});
