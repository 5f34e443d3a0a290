#!/usr/bin/env node
// `npm test`: every *.test.ts under src/ and web/tests/ through node's test runner (with tsx).
// Browser tests need Debian's Chromium; without it this says how to install it and fails,
// rather than skipping them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.WATCHFLOOR_CHROMIUM ?? '/usr/bin/chromium';

function collect(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) collect(p, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

const filter = process.argv.slice(2);
let files = [...collect(join(root, 'src')), ...collect(join(root, 'web'))].sort();
if (filter.length) files = files.filter((f) => filter.some((x) => f.includes(x)));
const browser = files.filter((f) => f.includes('.browser.test.ts'));
if (browser.length && !existsSync(CHROMIUM)) {
  process.stderr.write(`Browser tests need Chromium at ${CHROMIUM} and it is not there.\n` +
    'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
    '(or point WATCHFLOOR_CHROMIUM at a Chromium binary).\n');
  process.exit(1);
}
if (!files.length) {
  process.stderr.write('no test files found\n');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { cwd: root, stdio: 'inherit', env: { ...process.env, WATCHFLOOR_CHROMIUM: CHROMIUM } });
process.exit(r.status ?? 1);
