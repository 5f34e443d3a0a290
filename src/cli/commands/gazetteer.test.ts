import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dumpLine } from '../../geo/zip-test-support.js';

const CLI = fileURLToPath(new URL('../../../bin/watchfloor.js', import.meta.url));

// An invented village the bundled gazetteer cannot know.
const VILLAGE = dumpLine({ id: 9_200_001, name: 'Kafr Zuzubiyah', alt: ['Kfar Zouzoubiyeh'], lat: 36.31, lon: 37.02, cc: 'SY', admin1: '09' });
const TEXT = 'On 3 May 2025, regime forces shelled the village of Kfar Zouzoubiyeh in the western countryside of Aleppo, killing two civilians.';

describe('watchfloor gazetteer', () => {
  let dir: string;
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [CLI, '--data', join(dir, 'data'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'wf-gaz-cli-'));
    mkdirSync(join(dir, 'dumps'));
    writeFileSync(join(dir, 'dumps', 'SY.txt'), `${VILLAGE}\nbroken\trow\n`);
    writeFileSync(join(dir, 'report.txt'), TEXT);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('analyze geocodes with the gazetteer imported into the --data folder, and only there', () => {
    const bare = run(['analyze', join(dir, 'report.txt'), '--json']);
    assert.equal(bare.status, 0, bare.stderr);
    assert.ok(!(JSON.parse(bare.stdout) as { places: { geonames_id: number | null }[] }).places.some((p) => p.geonames_id === 9_200_001));
    const imp = run(['gazetteer', 'import', join(dir, 'dumps')]);
    assert.equal(imp.status, 0, imp.stderr);
    assert.match(imp.stdout, /SY: 1 places kept \(SY 1\), 0 outside the filters, skipped 1 wrong column count/);
    const a = run(['analyze', join(dir, 'report.txt'), '--json']);
    const place = (JSON.parse(a.stdout) as { places: { name: string; geonames_id: number | null; lat: number; precision: string }[] }).places.find((p) => p.geonames_id === 9_200_001);
    assert.equal(place?.name, 'Kafr Zuzubiyah');
    assert.equal(place?.precision, 'exact');
  });

  it('stats says what is loaded per import, country and kind', () => {
    const s = run(['gazetteer', 'stats']);
    assert.equal(s.status, 0, s.stderr);
    assert.match(s.stdout, /1 places from 1 import/);
    assert.match(s.stdout, /SY\s+0\s+0\s+1\s+0\s+0\s+0/);
  });

  it('ingest through the worker pool uses the imported gazetteer too', () => {
    const r = run(['ingest', join(dir, 'report.txt'), '--published', '2025-05-04', '--workers', '1']);
    assert.equal(r.status, 0, r.stderr);
    const docs = JSON.parse(run(['docs', '--json']).stdout) as { id: string }[];
    assert.match(run(['show', docs[0]!.id]).stdout, /places: .*Kafr Zuzubiyah/);
  });

  it('fetch offline fails with one line', async () => {
    // A loopback port that was just free: nothing listens there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const r = run(['gazetteer', 'fetch', 'SY'], { WATCHFLOOR_GEONAMES_URL: `http://127.0.0.1:${port}/` });
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^watchfloor: cannot download http:\/\/127\.0\.0\.1:\d+\/SY\.zip \(ECONNREFUSED\)/);
  });
});
