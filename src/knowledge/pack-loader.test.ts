import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WatchfloorError } from '../errors.js';
import { PREDICATES, loadPacks } from './pack-loader.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const GOOD = path.join(here, 'fixtures', 'packs-good');
const REAL = path.join(here, '..', '..', 'packs');

/** Writes a throw-away packs root: { 'p/pack.yaml': '...', 'p/actors/a.yaml': '...' }. */
async function writePacks(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'wf-pack-test-'));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  return root;
}

const MANIFEST = 'name: p\nversion: 1.0.0\ndescription: test\n';

/** Loads a one-pack root whose actors/a.yaml is `actors`, expecting BAD_PACK; returns the error. */
async function badActors(actors: string, extra: Record<string, string> = {}): Promise<WatchfloorError> {
  const root = await writePacks({ 'p/pack.yaml': MANIFEST, 'p/actors/a.yaml': actors, ...extra });
  try {
    await loadPacks([root], { cache: false });
  } catch (err) {
    await rm(root, { recursive: true, force: true });
    assert.ok(err instanceof WatchfloorError, `expected WatchfloorError, got ${String(err)}`);
    return err;
  }
  await rm(root, { recursive: true, force: true });
  assert.fail('expected the packs to be rejected');
}

function fullText(err: WatchfloorError): string {
  return `${err.subject}: ${err.message}`;
}

test('loads a good pack tree: dependency order, cross-file affiliations, places, relation types', async () => {
  const packs = await loadPacks([GOOD], { cache: false });
  assert.deepEqual(packs.packs, ['core', 'alpha'], 'core first although alpha sorts before it');
  assert.equal(packs.actors.size, 3);
  const red = packs.actors.get('red-front');
  assert.ok(red);
  assert.equal(red.kind, 'armed-group');
  assert.deepEqual(red.aliases, ['RF', 'Jabhat al-Hamra', 'الجبهة الحمراء']);
  assert.deepEqual(red.ambiguous, ['Front']);
  assert.equal(red.start, '2012', 'an unquoted year becomes a string');
  assert.equal(red.end, '2019-06-30');
  assert.deepEqual(red.affiliations, [{ predicate: 'allied_with', object: 'blue-brigade', start: '2014-03' }]);
  assert.deepEqual(packs.actors.get('abu-test')?.affiliations,
    [{ predicate: 'member_of', object: 'red-front', start: '2013', note: 'founding member' }]);
  assert.deepEqual(packs.actors.get('blue-brigade')?.aliases, []);
  assert.deepEqual(packs.places.get('test-camp'),
    { id: 'test-camp', name: 'Test camp', kind: 'camp', aliases: ['Camp Test'], country: 'SY', admin1: 'Homs', lat: 34.5, lon: 38.2, geonames: 12345, wikidata: null });
  assert.deepEqual([...packs.relationTypes.keys()], ['member_of', 'allied_with']);
  assert.deepEqual(packs.relationTypes.get('member_of')?.source_kinds, ['person']);
});

test('lexicons: arrays concatenated in pack order, mappings shallow-merged (later pack wins)', async () => {
  const packs = await loadPacks([GOOD], { cache: false });
  assert.deepEqual(packs.lexicons.get('cues'), ['core-cue-1', 'core-cue-2', 'alpha-cue']);
  assert.deepEqual(packs.lexicons.get('titles'), { minister: 'government-body', general: 'armed-group', emir: 'armed-group' });
});

test('a single pack folder can be passed directly', async () => {
  const packs = await loadPacks([path.join(GOOD, 'core')], { cache: false });
  assert.deepEqual(packs.packs, ['core']);
  assert.equal(packs.actors.size, 0);
});

test('bad enum value names file, line, actor and the allowed values', async () => {
  const err = await badActors('- id: ok\n  name: Ok\n  kind: state\n  aliases: []\n- id: irgc\n  name: IRGC\n  kind: militia-x\n  aliases: []\n');
  assert.equal(err.code, 'BAD_PACK');
  assert.match(err.subject ?? '', /p[/\\]actors[/\\]a\.yaml:7$/);
  assert.match(err.message, /^actor "irgc": kind "militia-x" is not one of state, government-body, /);
});

test('missing required field is reported on the entry line', async () => {
  const err = await badActors('- id: ok\n  name: Ok\n  kind: state\n  aliases: []\n\n- id: nameless\n  kind: state\n  aliases: []\n');
  assert.match(fullText(err), /a\.yaml:6: actor "nameless": missing required field "name"/);
});

test('missing aliases list is an error (use [] for none)', async () => {
  const err = await badActors('- id: x\n  name: X\n  kind: state\n');
  assert.match(fullText(err), /a\.yaml:1: actor "x": missing required field "aliases"/);
});

test('bad dates: impossible day, wrong format, end before start', async () => {
  const err = await badActors([
    '- id: a', '  name: A', '  kind: state', '  aliases: []', '  start: "2024-02-30"',
    '- id: b', '  name: B', '  kind: state', '  aliases: []', '  end: "12/2020"',
    '- id: c', '  name: C', '  kind: state', '  aliases: []', '  start: "2020-05"', '  end: "2019"',
  ].join('\n') + '\n');
  const text = fullText(err);
  assert.match(text, /a\.yaml:5: actor "a": start "2024-02-30" is not a date/);
  assert.match(text, /a\.yaml:10: actor "b": end "12\/2020" is not a date/);
  assert.match(text, /a\.yaml:16: actor "c": end 2019 is before start 2020-05/);
});

test('affiliation problems: unknown id, unknown predicate, bad date — each on its own line', async () => {
  const err = await badActors([
    '- id: a', '  name: A', '  kind: armed-group', '  aliases: []', '  affiliations:',
    '    - {predicate: member_of, object: nobody}',
    '    - {predicate: likes, object: b}',
    '    - {predicate: supports, object: b, start: "20xx"}',
    '- id: b', '  name: B', '  kind: armed-group', '  aliases: []',
  ].join('\n') + '\n');
  const text = fullText(err);
  assert.match(text, /a\.yaml:7: actor "a": affiliation: predicate "likes" is not one of cooperates_with/);
  assert.match(text, /a\.yaml:8: actor "a": affiliation: start "20xx" is not a date/);
  assert.match(text, /a\.yaml:6: actor "a": affiliation refers to unknown actor id "nobody"/);
});

test('duplicate alias on one actor (case-insensitive, also across aliases/ambiguous)', async () => {
  const err = await badActors('- id: a\n  name: A\n  kind: state\n  aliases: [Alpha, Beta,\n    alpha]\n  ambiguous: [beta]\n');
  const text = fullText(err);
  assert.match(text, /a\.yaml:5: actor "a": alias "alpha" is listed twice/);
  assert.match(text, /a\.yaml:6: actor "a": alias "beta" is listed twice \(also in aliases\)/);
});

test('duplicate id across files points at the first definition', async () => {
  const err = await badActors('- {id: dup, name: One, kind: state, aliases: []}\n', {
    'p/actors/b.yaml': '# second file\n- {id: other, name: Other, kind: state, aliases: []}\n- {id: dup, name: Two, kind: state, aliases: []}\n',
  });
  assert.match(fullText(err), /b\.yaml:3: actor "dup": duplicate id \(first defined at .*a\.yaml:1\)/);
});

test('unknown field (typo) and non-kebab id are rejected', async () => {
  const err = await badActors('- id: Bad_Id\n  name: X\n  kind: state\n  aliases: []\n- id: ok\n  name: Ok\n  kind: state\n  aliasses: [Oops]\n  aliases: []\n');
  const text = fullText(err);
  assert.match(text, /a\.yaml:1: actor "Bad_Id": id must be kebab-case/);
  assert.match(text, /a\.yaml:8: actor "ok": unknown field "aliasses"/);
});

test('wikidata and country formats are checked', async () => {
  const err = await badActors('- id: a\n  name: A\n  kind: state\n  aliases: []\n  country: Syria\n  wikidata: "123"\n');
  const text = fullText(err);
  assert.match(text, /a\.yaml:5: actor "a": country "Syria" must be an ISO 3166-1 alpha-2 code/);
  assert.match(text, /a\.yaml:6: actor "a": wikidata "123" must be a Wikidata id/);
});

test('places: kind, lat/lon range, missing country', async () => {
  const err = await badActors('[]\n', {
    'p/places/x.yaml': [
      '- {id: far, name: Far, kind: town, aliases: [], country: SY, lat: 95, lon: 36}',
      '- {id: odd, name: Odd, kind: hamlet, aliases: [], country: SY, lat: 35, lon: 200}',
      '- {id: nowhere, name: Nowhere, kind: town, aliases: [], lat: 35, lon: 36}',
    ].join('\n') + '\n',
  });
  const text = fullText(err);
  assert.match(text, /x\.yaml:1: place "far": lat 95 must be a number between -90 and 90/);
  assert.match(text, /x\.yaml:2: place "odd": kind "hamlet" is not one of continent, /);
  assert.match(text, /x\.yaml:2: place "odd": lon 200 must be a number between -180 and 180/);
  assert.match(text, /x\.yaml:3: place "nowhere": country is required/);
});

test('relation types: unknown predicate and non-boolean directed', async () => {
  const err = await badActors('[]\n', {
    'p/relation-types.yaml': '- {predicate: knows, label: knows, inverse_label: known by, directed: true}\n- {predicate: funds, label: funds, inverse_label: funded by, directed: yes}\n',
  });
  const text = fullText(err);
  assert.match(text, /relation-types\.yaml:1: relation type "knows": predicate "knows" is not one of/);
  assert.match(text, /relation-types\.yaml:2: relation type "funds": directed must be true or false/);
});

test('YAML syntax errors carry the line', async () => {
  const err = await badActors('- id: a\n  name: A\n  kind: state\n  aliases: [unclosed\n- id: b\n');
  assert.match(fullText(err), /a\.yaml:\d+: YAML syntax: /);
  assert.equal(err.code, 'BAD_PACK');
});

test('a file that is not a list is rejected', async () => {
  const err = await badActors('id: a\nname: A\n');
  assert.match(fullText(err), /a\.yaml:1: expected a YAML list of actor entries/);
});

test('lexicons of different shapes across packs cannot be merged', async () => {
  const root = await writePacks({
    'a/pack.yaml': 'name: a\n', 'a/lexicon/words.yaml': '- one\n',
    'b/pack.yaml': 'name: b\ndepends: [a]\n', 'b/lexicon/words.yaml': 'one: 1\n',
  });
  await assert.rejects(loadPacks([root], { cache: false }), (err: unknown) =>
    err instanceof WatchfloorError && /lexicon "words" is a mapping here but a list in .*a[/\\]lexicon[/\\]words\.yaml/.test(err.message));
  await rm(root, { recursive: true, force: true });
});

test('pack manifests: missing dependency, cycle, name must match folder, no packs at all', async () => {
  const missing = await writePacks({ 'p/pack.yaml': 'name: p\ndepends: [core]\n' });
  await assert.rejects(loadPacks([missing], { cache: false }), /depends on "core", which is not among the loaded packs/);
  const cycle = await writePacks({ 'a/pack.yaml': 'name: a\ndepends: [b]\n', 'b/pack.yaml': 'name: b\ndepends: [a]\n' });
  await assert.rejects(loadPacks([cycle], { cache: false }), /dependency cycle: a -> b -> a/);
  const misnamed = await writePacks({ 'p/pack.yaml': 'name: q\n' });
  await assert.rejects(loadPacks([misnamed], { cache: false }), /name "q" must equal the folder name "p"/);
  const empty = await writePacks({ 'README.md': 'nothing here\n' });
  await assert.rejects(loadPacks([empty], { cache: false }), (e: unknown) => e instanceof WatchfloorError && e.code === 'BAD_PACK');
  await assert.rejects(loadPacks([path.join(empty, 'absent')], { cache: false }), (e: unknown) => e instanceof WatchfloorError && e.code === 'NOT_FOUND');
  for (const r of [missing, cycle, misnamed, empty]) await rm(r, { recursive: true, force: true });
});

test('every problem is listed, not only the first', async () => {
  const err = await badActors('- {id: a, name: A, kind: nope, aliases: []}\n- {id: b, name: B, kind: nada, aliases: []}\n');
  assert.match(err.message, /kind "nope"/);
  assert.match(err.message, /a\.yaml:2: actor "b": kind "nada"/);
  assert.match(err.hint ?? '', /^2 problem\(s\)/);
});

test('cache: a reload returns the same content, and editing a file is seen', async () => {
  const root = await writePacks({ 'p/pack.yaml': MANIFEST, 'p/actors/a.yaml': '- {id: a, name: A, kind: state, aliases: [First]}\n' });
  const first = await loadPacks([root]);
  const second = await loadPacks([root]);
  assert.deepEqual([...second.actors], [...first.actors]);
  assert.deepEqual(second.packs, first.packs);
  await writeFile(path.join(root, 'p/actors/a.yaml'), '- {id: a, name: A, kind: state, aliases: [Second]}\n');
  const third = await loadPacks([root]);
  assert.deepEqual(third.actors.get('a')?.aliases, ['Second']);
  await writeFile(path.join(root, 'p/actors/a.yaml'), '- {id: a, name: A, kind: bogus, aliases: []}\n');
  await assert.rejects(loadPacks([root]), /kind "bogus"/);
  await rm(root, { recursive: true, force: true });
});

test('the real packs/ folder validates, is broad, and loads fast', async () => {
  const cold = await loadPacks([REAL], { cache: false });
  assert.deepEqual(cold.packs.slice(0, 1), ['core']);
  assert.ok(cold.packs.includes('syria-iraq'));
  assert.ok(cold.actors.size >= 300, `expected >= 300 actors, got ${cold.actors.size}`);
  assert.deepEqual([...cold.relationTypes.keys()].sort(), [...PREDICATES].sort(), 'all 20 contract predicates are described');
  for (const id of ['islamic-state', 'hayat-tahrir-al-sham', 'syrian-democratic-forces', 'syrian-transitional-government', 'syrian-government-assad', 'united-states']) {
    assert.ok(cold.actors.has(id), `missing core actor ${id}`);
  }
  await loadPacks([REAL]); // fills the cache
  const t0 = performance.now();
  const warm = await loadPacks([REAL]);
  const ms = performance.now() - t0;
  assert.equal(warm.actors.size, cold.actors.size);
  assert.ok(ms < 300, `cached load took ${ms.toFixed(0)} ms`);
});
