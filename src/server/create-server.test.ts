import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppContext } from '../app/app-context.js';
import { createServer } from './create-server.js';

const ARTICLE = 'Gunmen attack a checkpoint near Raqqa\n\nOn 3 March 2024, ISIS gunmen attacked a checkpoint near Raqqa, killing two guards, local sources said. ' +
  'The group claimed the attack through its Amaq agency the next day.';

describe('HTTP API on a real store', () => {
  let dir: string;
  let ctx: AppContext;
  let app: FastifyInstance;
  let address: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wf-api-'));
    ctx = new AppContext({ dataDir: dir });
    app = await createServer({ ctx, webDir: join(dir, 'no-web') });
    address = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await app.close();
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingests, lists, shows and searches documents over loopback', async () => {
    const post = await fetch(`${address}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: ARTICLE, published: '2024-03-05', source: 'test desk' }) });
    assert.equal(post.status, 201);
    const created = await post.json() as { id: string; status: string };
    assert.equal(created.status, 'inserted');
    const dup = await fetch(`${address}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: ARTICLE }) });
    assert.equal(dup.status, 200);
    assert.equal((await dup.json() as { status: string }).status, 'duplicate');

    const list = await (await fetch(`${address}/api/documents?limit=10`)).json() as { items: { id: string }[]; total: number };
    assert.equal(list.total, 1);
    const doc = await (await fetch(`${address}/api/documents/${created.id}`)).json() as { text: string; analysis: { actors: { name: string }[]; places: { name: string }[] } };
    assert.ok(doc.analysis.actors.some((a) => a.name === 'Islamic State'));
    assert.ok(doc.text.includes('checkpoint near Raqqa'));

    const search = await (await fetch(`${address}/api/search?q=${encodeURIComponent('checkpoint')}`)).json() as { items: { id: string; snippet: string }[] };
    assert.equal(search.items[0]?.id, created.id);
    assert.match(search.items[0]!.snippet, /<mark>checkpoint<\/mark>/i);

    const health = await (await fetch(`${address}/api/health`)).json() as { ok: boolean; documents: number };
    assert.deepEqual([health.ok, health.documents], [true, 1]);
  });

  it('answers bad requests with a clear 4xx, and analyses without storing', async () => {
    const missing = await fetch(`${address}/api/documents/doc_nothere`);
    assert.equal(missing.status, 404);
    assert.equal((await missing.json() as { error: string }).error, 'NOT_FOUND');
    const bad = await fetch(`${address}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x', published: 'yesterday' }) });
    assert.equal(bad.status, 400);
    const noQuery = await fetch(`${address}/api/search`);
    assert.equal(noQuery.status, 400);
    const analysis = await (await fetch(`${address}/api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: ARTICLE, published: '2024-03-05' }) })).json() as { schema_version: number; times: { when: { start: string } }[] };
    assert.equal(analysis.schema_version, 1);
    assert.ok(analysis.times.some((t) => t.when.start === '2024-03-03'));
    const spec = await (await fetch(`${address}/api/openapi.json`)).json() as { paths: Record<string, unknown> };
    assert.ok(spec.paths['/api/documents'] && spec.paths['/api/search']);
  });

  it('ingests uploaded files one by one, reporting the bad ones, and fetches a URL', async () => {
    const form = new FormData();
    form.append('file', new Blob(['Convoy attacked near Mosul\n\nOn 2 May 2024, gunmen attacked a fuel convoy near Mosul, police said. Two drivers were wounded in the attack.']), 'convoy.txt');
    form.append('file', new Blob([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 2)])]), 'scan.pdf');
    const up = await fetch(`${address}/api/documents/upload?published=2024-05-03`, { method: 'POST', body: form });
    assert.equal(up.status, 201);
    const summary = await up.json() as { ingested: number; failed: number; outcomes: { origin: string; status: string; reason?: string }[] };
    assert.equal(summary.ingested, 1);
    assert.equal(summary.failed, 1);
    assert.match(summary.outcomes.find((o) => o.origin === 'scan.pdf')!.reason!, /PDF|binary/i);

    const { createServer: createHttp } = await import('node:http');
    const page = createHttp((_req, res) => { res.setHeader('content-type', 'text/html'); res.end('<html><head><title>Raid near Hasakah</title></head><body><article><p>On 4 May 2024, the SDF raided a house near Hasakah and arrested three men suspected of links to ISIS, the group said in a statement on its website.</p></article></body></html>'); });
    await new Promise<void>((r) => page.listen(0, '127.0.0.1', () => r()));
    const port = (page.address() as { port: number }).port;
    try {
      const res = await fetch(`${address}/api/documents/from-url`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `http://127.0.0.1:${port}/raid` }) });
      const got = await res.json() as { ingested: number; outcomes: { id?: string }[] };
      assert.equal(got.ingested, 1);
      const doc = await (await fetch(`${address}/api/documents/${got.outcomes[0]!.id}`)).json() as { title: string; url: string };
      assert.equal(doc.title, 'Raid near Hasakah');
      assert.match(doc.url, /127\.0\.0\.1/);
    } finally {
      page.close();
    }
    const notHttp = await fetch(`${address}/api/documents/from-url`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: 'file:///etc/passwd' }) });
    assert.equal(notHttp.status, 400);
  });
});
