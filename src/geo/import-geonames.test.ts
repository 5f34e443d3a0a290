import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importGazetteer, importSource } from './import-geonames.js';
import { loadImportedRows, readImports } from './imported-gazetteer.js';
import { dumpLine, makeZip } from './zip-test-support.js';

// Invented places, written for these tests.
const ZZ = [
  dumpLine({ id: 9_000_001, name: 'Kafr Zuzu', alt: ['Kfar Zouzou', 'كفر زوزو', 'Kafr Zūzū'], lat: 36.1, lon: 37.1, cc: 'SY', admin1: '09' }),
  dumpLine({ id: 9_000_002, name: 'Tall Qirqir', lat: 36.2, lon: 40.1, cc: 'SY', admin1: '01', population: 1200 }),
  dumpLine({ id: 9_000_003, name: 'Zuzu District', lat: 36.0, lon: 37.0, fclass: 'A', fcode: 'ADM2', cc: 'SY', admin1: '09' }),
  dumpLine({ id: 9_000_004, name: 'Jabal Qirqir', lat: 36.3, lon: 40.2, fclass: 'T', fcode: 'MT', cc: 'SY' }),
  dumpLine({ id: 9_000_005, name: 'Qaryat Zuzu', lat: 33.1, lon: 44.1, cc: 'IQ' }),
];

function fresh(): { dir: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wf-gaz-'));
  return { dir, data: join(dir, 'data') };
}

test('imports a dump, keeps places and divisions by default, and records source, date and counts', async () => {
  const { dir, data } = fresh();
  writeFileSync(join(dir, 'SY.txt'), `${ZZ.join('\n')}\n`);
  const s = await importSource(data, join(dir, 'SY.txt'), { now: () => new Date('2026-01-02T03:04:05Z') });
  assert.equal(s.key, 'SY');
  assert.equal(s.rows, 4, 'P and A rows of every country; the mountain (T) is outside the default classes');
  assert.equal(s.filtered, 1);
  assert.deepEqual(s.by_country, { SY: { village: 2, admin2: 1 }, IQ: { village: 1 } });
  const [rec] = readImports(data);
  assert.equal(rec!.imported_at, '2026-01-02T03:04:05.000Z');
  assert.equal(rec!.source, join(dir, 'SY.txt'));
  const zuzu = loadImportedRows(data).find((r) => r.id === 9_000_001)!;
  assert.deepEqual(zuzu.names, ['Kafr Zuzu', 'Kfar Zouzou', 'كفر زوزو'], 'a spelling that differs only by diacritics is kept once');
});

test('--countries and --feature-classes filter; re-importing a source replaces it', async () => {
  const { dir, data } = fresh();
  writeFileSync(join(dir, 'SY.txt'), ZZ.join('\n'));
  await importSource(data, join(dir, 'SY.txt'));
  const again = await importSource(data, join(dir, 'SY.txt'), { countries: ['sy'], featureClasses: ['P', 'T'] });
  assert.equal(again.rows, 3);
  assert.equal(readImports(data).length, 1, 'one record per source');
  assert.deepEqual(loadImportedRows(data).map((r) => r.id).sort(), [9_000_001, 9_000_002, 9_000_004]);
});

test('broken rows are skipped and counted: column count, bytes that are not UTF-8, coordinates out of range', async () => {
  const { dir, data } = fresh();
  const lines = [
    ZZ[0]!,
    'just\ttwo',
    dumpLine({ id: 9_000_010, name: 'Far Away', lat: 95, lon: 37, cc: 'SY' }),
    dumpLine({ id: 9_000_011, name: 'Nowhere', lat: '', lon: 37, cc: 'SY' }),
  ];
  const latin1 = Buffer.from(`${dumpLine({ id: 9_000_012, name: 'Caf\u00e9', lat: 36, lon: 37, cc: 'SY' })}\n`, 'latin1');
  writeFileSync(join(dir, 'SY.txt'), Buffer.concat([Buffer.from(`${lines.join('\n')}\n`), latin1]));
  const s = await importSource(data, join(dir, 'SY.txt'));
  assert.equal(s.rows, 1);
  assert.deepEqual(s.skipped, { 'wrong column count': 1, 'coordinates out of range': 2, 'not UTF-8': 1 });
});

test('a file that is not a dump, or a truncated zip, fails and leaves the previous gazetteer in place', async () => {
  const { dir, data } = fresh();
  writeFileSync(join(dir, 'SY.txt'), ZZ.join('\n'));
  await importSource(data, join(dir, 'SY.txt'));
  const before = readFileSync(join(data, 'gazetteer', 'imports.json'), 'utf8');
  mkdirSync(join(dir, 'bad'));
  writeFileSync(join(dir, 'bad', 'SY.txt'), Array.from({ length: 30 }, (_, k) => `name\tlat\tlon\t${k}`).join('\n'));
  const zip = makeZip([{ name: 'SY.txt', data: ZZ.join('\n').repeat(50) }]);
  writeFileSync(join(dir, 'bad', 'IQ.zip'), zip.subarray(0, zip.length - 30));
  const { imported, failed } = await importGazetteer(data, [join(dir, 'bad')]);
  assert.equal(imported.length, 0);
  assert.equal(failed.length, 2);
  assert.match(String(failed.find((f) => f.path.endsWith('SY.txt'))!.error), /not a GeoNames dump: line 20 has 4 tab-separated columns, expected 19/);
  assert.match(String(failed.find((f) => f.path.endsWith('IQ.zip'))!.error), /not a readable zip archive/);
  assert.equal(readFileSync(join(data, 'gazetteer', 'imports.json'), 'utf8'), before);
  assert.deepEqual(readdirSync(join(data, 'gazetteer')).filter((f) => f.endsWith('.tmp')), [], 'no half-written file is left');
  assert.equal(loadImportedRows(data).length, 4);
});

test('a folder import reads XX.zip archives and cities files, and skips other files', async () => {
  const { dir, data } = fresh();
  mkdirSync(join(dir, 'dumps'));
  writeFileSync(join(dir, 'dumps', 'SY.zip'), makeZip([{ name: 'readme.txt', data: 'about' }, { name: 'SY.txt', data: ZZ.slice(0, 2).join('\n') }]));
  writeFileSync(join(dir, 'dumps', 'cities500.txt'), ZZ[4]!);
  writeFileSync(join(dir, 'dumps', 'notes.txt'), 'not a dump');
  const { imported, failed } = await importGazetteer(data, [join(dir, 'dumps')]);
  assert.deepEqual(failed, []);
  assert.deepEqual(imported.map((s) => [s.key, s.rows]), [['SY', 2], ['cities500', 1]]);
});
