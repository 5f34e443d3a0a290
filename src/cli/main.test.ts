import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../bin/watchfloor.js', import.meta.url));

describe('watchfloor command line', () => {
  let dir: string;
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, '--data', join(dir, 'data'), ...args], { encoding: 'utf8' });
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'wf-cli-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'raid.txt'), 'Raid on a smuggling ring in Deir ez-Zor\n\nShare Tweet Email\n\nOn 12 April 2025, the Syrian authorities arrested five members of an ISIS cell in Deir ez-Zor, the interior ministry said. The cell had smuggled weapons across the desert for months.');
    writeFileSync(join(dir, 'in', 'empty.txt'), '');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('ingest reports each failure, exits 1 when some input failed, and lands the rest', () => {
    const r = run('ingest', join(dir, 'in'), '--published', '2025-04-13', '--workers', '0');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /1 ingested, 0 duplicate, 1 failed/);
    assert.match(r.stdout, /FAILED .*empty\.txt/);
    const again = run('ingest', join(dir, 'in', 'raid.txt'), '--workers', '0');
    assert.equal(again.status, 0);
    assert.match(again.stdout, /0 ingested, 1 duplicate, 0 failed/);
  });

  it('docs, show and search find the document; show lists what cleaning removed', () => {
    const docs = run('docs', '--json');
    const [doc] = JSON.parse(docs.stdout) as { id: string; published: string }[];
    assert.equal(doc!.published, '2025-04-13');
    const show = run('show', doc!.id);
    assert.match(show.stdout, /\[page-chrome\] "Share Tweet Email"/);
    assert.match(show.stdout, /actors: .*Islamic State/);
    const search = run('search', 'smuggling');
    assert.match(search.stdout, /\[smuggling\]/);
    const missing = run('show', 'doc_missing');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no document doc_missing/);
  });

  it('rejects a malformed --published with exit code 2', () => {
    const r = run('ingest', join(dir, 'in'), '--published', 'last week');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not a date/);
  });
});
