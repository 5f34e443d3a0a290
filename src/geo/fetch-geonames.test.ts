import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchGeonames } from './fetch-geonames.js';
import { loadImportedRows, readImports } from './imported-gazetteer.js';
import { dumpLine, makeZip } from './zip-test-support.js';

const SY_ZIP = makeZip([
  { name: 'readme.txt', data: 'invented test rows' },
  { name: 'SY.txt', data: [dumpLine({ id: 9_100_001, name: 'Kafr Zuzu', lat: 36.1, lon: 37.1, cc: 'SY' }), dumpLine({ id: 9_100_002, name: 'Tall Qirqir', lat: 36.2, lon: 40.1, cc: 'SY' })].join('\n') },
]);

async function serve(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/dump/SY.zip') { res.writeHead(200, { 'content-type': 'application/zip' }); res.end(SY_ZIP); return; }
    res.writeHead(404); res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dump/` };
}

test('fetch downloads a country archive and imports it, recording the URL as the source', async () => {
  const { server, base } = await serve();
  try {
    const data = mkdtempSync(join(tmpdir(), 'wf-fetch-'));
    const [s] = await fetchGeonames(data, ['sy'], { baseUrl: base });
    assert.equal(s!.rows, 2);
    assert.equal(readImports(data)[0]!.source, `${base}SY.zip`);
    assert.equal(loadImportedRows(data).length, 2);
    await assert.rejects(fetchGeonames(data, ['XQ'], { baseUrl: base }), /no dump at .*XQ\.zip/);
    await assert.rejects(fetchGeonames(data, ['Syria'], { baseUrl: base }), /"SYRIA" is not a country code/);
  } finally {
    server.close();
  }
});

test('offline, fetch fails with one line that says what to do instead', async () => {
  // A port that was just free: nothing listens there.
  const { server, base } = await serve();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const data = mkdtempSync(join(tmpdir(), 'wf-fetch-'));
  await assert.rejects(fetchGeonames(data, ['SY'], { baseUrl: base }), (err: Error & { code?: string; hint?: string }) => {
    assert.equal(err.code, 'NETWORK');
    assert.match(err.message, /^cannot download http:\/\/127\.0\.0\.1:\d+\/dump\/SY\.zip \(ECONNREFUSED\)$/);
    assert.match(err.hint ?? '', /gazetteer import FILE/);
    return true;
  });
  assert.deepEqual(readImports(data), []);
});
