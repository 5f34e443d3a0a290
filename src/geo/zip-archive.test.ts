import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listZipEntries, openZipEntry } from './zip-archive.js';
import { makeZip } from './zip-test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'wf-zip-'));

async function readAll(path: string, name: string): Promise<string> {
  const entry = (await listZipEntries(path)).find((e) => e.name === name)!;
  const chunks: Buffer[] = [];
  for await (const c of await openZipEntry(path, entry)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

test('lists and streams deflated and stored entries', async () => {
  const path = join(dir, 'ok.zip');
  const big = 'line of text\n'.repeat(20_000);
  writeFileSync(path, makeZip([{ name: 'readme.txt', data: 'hello', store: true }, { name: 'XX.txt', data: big }]));
  const entries = await listZipEntries(path);
  assert.deepEqual(entries.map((e) => e.name), ['readme.txt', 'XX.txt']);
  assert.equal(await readAll(path, 'readme.txt'), 'hello');
  assert.equal(await readAll(path, 'XX.txt'), big);
});

test('a truncated archive fails with an error that says so', async () => {
  const whole = makeZip([{ name: 'XX.txt', data: 'abc\n'.repeat(5000) }]);
  const path = join(dir, 'cut.zip');
  writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)));
  await assert.rejects(listZipEntries(path), /not a readable zip archive: no end-of-archive record/);
  writeFileSync(join(dir, 'not.zip'), 'plain text, no archive');
  await assert.rejects(listZipEntries(join(dir, 'not.zip')), /not a readable zip archive/);
});

test('a damaged entry fails at its end instead of yielding a shortened file', async () => {
  const whole = makeZip([{ name: 'XX.txt', data: 'abcdefgh\n'.repeat(100), store: true }]);
  whole[40] = whole[40]! ^ 0xff; // a byte of the stored data
  const path = join(dir, 'bad.zip');
  writeFileSync(path, whole);
  await assert.rejects(readAll(path, 'XX.txt'), /entry XX\.txt is damaged/);
});
