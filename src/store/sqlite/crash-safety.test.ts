// kill -9 a writer mid-stream: the database must stay consistent, keep every commit the
// writer reported, and accept the remaining inserts without duplicating anything.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../open-store.js';
import type { SqliteStore } from './sqlite-store.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const writer = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'watchfloor-crash-'));
after(() => rmSync(root, { recursive: true, force: true }));

type Run = { lines: string[]; signal: NodeJS.Signals | null; code: number | null; stderr: string };

/** Runs the writer; kills it with SIGKILL once `killAfter` commits were reported (if given). */
function runWriter(dataDir: string, count: number, killAfter?: number): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir, String(count)], {
      cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let pending = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts);
      if (killAfter !== undefined && lines.length >= killAfter && child.exitCode === null) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ lines, code, signal, stderr }));
  });
}

describe('crash safety', () => {
  it('survives kill -9 mid-insert and resumes without duplicates', { timeout: 120_000 }, async () => {
    const dataDir = join(root, 'data');
    const crashed = await runWriter(dataDir, 100_000, 40);
    assert.equal(crashed.signal, 'SIGKILL', `writer should have been killed: ${crashed.stderr}`);
    const committed = crashed.lines.filter((l) => l.startsWith('inserted ')).map((l) => l.slice('inserted '.length));
    assert.ok(committed.length >= 40, `reported commits: ${committed.length}`);

    const store = await openStore({ dataDir }) as SqliteStore;
    try {
      assert.deepEqual(await store.integrityCheck(), ['ok']);
      for (const id of committed) assert.ok(await store.getDocument(id), `committed document ${id} survives`);
      const survived = await store.countDocuments();
      // At most the one transaction in flight may have committed without being reported.
      assert.ok(survived === committed.length || survived === committed.length + 1, `survived ${survived}`);
    } finally {
      await store.close();
    }

    const total = committed.length + 25;
    const resumed = await runWriter(dataDir, total);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(resumed.lines.at(-1), 'done');
    const statuses = new Map(resumed.lines.slice(0, -1).map((l) => {
      const [status, id] = l.split(' ');
      return [id!, status!];
    }));
    assert.equal(statuses.size, total);
    for (const id of committed) assert.equal(statuses.get(id), 'duplicate', id);

    const reopened = await openStore({ dataDir }) as SqliteStore;
    try {
      assert.equal(await reopened.countDocuments(), total);
      assert.deepEqual(await reopened.integrityCheck(), ['ok']);
      assert.equal((await reopened.search('"Crash test"', { limit: 1000 })).length, total);
    } finally {
      await reopened.close();
    }
  });
});
