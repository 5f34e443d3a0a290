import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppContext } from '../../app/app-context.js';
import { importSource } from '../../geo/import-geonames.js';
import { dumpLine } from '../../geo/zip-test-support.js';
import { createServer } from '../create-server.js';

describe('POST /api/analyze', () => {
  let dir: string;
  let ctx: AppContext;
  let app: FastifyInstance;
  let address: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wf-api-gaz-'));
    // An invented village, imported into the server's data folder before it starts.
    writeFileSync(join(dir, 'SY.txt'), dumpLine({ id: 9_400_001, name: 'Tall Zuzubayn', lat: 36.7, lon: 40.4, cc: 'SY', admin1: '01' }));
    await importSource(join(dir, 'data'), join(dir, 'SY.txt'));
    ctx = new AppContext({ dataDir: join(dir, 'data') });
    app = await createServer({ ctx, webDir: join(dir, 'no-web') });
    address = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await app.close();
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('geocodes with the gazetteer imported into the data folder it serves', async () => {
    const res = await fetch(`${address}/api/analyze`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'On 2 May 2025, drones struck the village of Tall Zuzubayn in rural Hasakah.', published: '2025-05-03' }),
    });
    assert.equal(res.status, 200);
    const analysis = await res.json() as { places: { geonames_id: number | null; precision: string }[] };
    assert.ok(analysis.places.some((p) => p.geonames_id === 9_400_001 && p.precision === 'exact'), JSON.stringify(analysis.places));
  });
});
