import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppContext } from './app-context.js';
import { ingestDocuments } from './ingest-documents.js';
import { createAnnotationPool } from './annotation-pool.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'bin/watchfloor.js');

function report(i: number): string {
  const towns = ['Raqqa', 'Mosul', 'Deir ez-Zor', 'Kirkuk', 'Idlib', 'Hasakah'];
  return `Checkpoint report number ${i}\n\nOn 3 March 2024, gunmen attacked a checkpoint near ${towns[i % towns.length]} in the evening, local sources said. ` +
    `The attack number ${i} left ${i % 7} people wounded and damaged ${i * 3 + 1} vehicles parked along the road.\n\n` +
    `Residents said patrol ${i} had been posted there for ${i % 11 + 2} weeks before the incident, and that the road reopened the next morning.`;
}

describe('ingest', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'wf-ingest-'));
    const input = join(dir, 'input');
    mkdirSync(join(input, 'nested'), { recursive: true });
    writeFileSync(join(input, 'a.txt'), report(1));
    writeFileSync(join(input, 'nested', 'b.txt'), report(2));
    writeFileSync(join(input, 'empty.txt'), '');
    writeFileSync(join(input, 'scan.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 1)]));
    writeFileSync(join(input, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lands the good files of a folder and reports each bad one with a reason', async () => {
    const ctx = new AppContext({ dataDir: join(dir, 'data-main') });
    const summary = await ingestDocuments([join(dir, 'input')], await ctx.pipeline(), await ctx.store());
    assert.equal(summary.ingested, 2);
    assert.equal(summary.failed, 3);
    const reasons = summary.outcomes.filter((o) => o.status === 'failed').map((o) => (o.status === 'failed' ? o.reason : ''));
    assert.ok(reasons.some((r) => /empty/i.test(r)), reasons.join('\n'));
    assert.ok(reasons.some((r) => /PDF|binary/i.test(r)), reasons.join('\n'));
    assert.ok(reasons.some((r) => /UTF-8/i.test(r)), reasons.join('\n'));
    const again = await ingestDocuments([join(dir, 'input', 'a.txt')], await ctx.pipeline(), await ctx.store());
    assert.equal(again.duplicate, 1);
    await ctx.close();
  });

  it('gives the same analyses through the worker pool as on the main thread', async () => {
    const main = new AppContext({ dataDir: join(dir, 'data-a') });
    const pooled = new AppContext({ dataDir: join(dir, 'data-b') });
    const pool = createAnnotationPool({ packsDir: pooled.packsDir, dataDir: pooled.dataDir, size: 1 });
    try {
      await ingestDocuments([join(dir, 'input')], await main.pipeline(), await main.store());
      const s = await ingestDocuments([join(dir, 'input')], await pooled.pipeline(), await pooled.store(), { pool });
      assert.equal(s.ingested, 2);
      for (const d of await (await main.store()).listDocuments()) {
        const a = await (await main.store()).getDocument(d.id);
        const b = await (await pooled.store()).getDocument(d.id);
        assert.deepEqual(b?.analysis, a?.analysis);
      }
    } finally {
      await pool.close();
      await main.close();
      await pooled.close();
    }
  });

  it('survives kill -9 mid-ingest: what was committed stays, a re-run finishes without duplicates', async () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    const N = 150;
    for (let i = 0; i < N; i++) writeFileSync(join(many, `r${String(i).padStart(3, '0')}.txt`), report(i + 10));
    const data = join(dir, 'data-kill');
    const child = spawn(process.execPath, [CLI, '--data', data, 'ingest', many, '--workers', '0', '--json'], { stdio: 'ignore' });
    const ctx = new AppContext({ dataDir: data });
    // Kill it once some documents are in, well before the end.
    const deadline = Date.now() + 60_000;
    for (;;) {
      await new Promise((r) => setTimeout(r, 150));
      const n = await (await ctx.store()).countDocuments().catch(() => 0);
      if (n >= 10 || Date.now() > deadline) break;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const before = await (await ctx.store()).countDocuments();
    assert.ok(before > 0 && before < N, `killed with ${before} documents in`);
    await ctx.close();
    const rerun = spawn(process.execPath, [CLI, '--data', data, 'ingest', many, '--workers', '0'], { stdio: 'ignore' });
    const code = await new Promise((r) => rerun.once('exit', r));
    assert.equal(code, 0);
    const after = new AppContext({ dataDir: data });
    assert.equal(await (await after.store()).countDocuments(), N);
    await after.close();
  });
});
