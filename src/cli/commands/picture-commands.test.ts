// `watchfloor actors / events / relations` against a real store in a temp folder.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../store/open-store.js';
import { makeDocument } from '../../store/fixtures/document-factory.js';
import { AnalysisBuilder, day } from '../../store/fixtures/picture-factory.js';
import { nearToBbox } from './events.js';

const BIN = fileURLToPath(new URL('../../../bin/watchfloor.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'watchfloor-cli-picture-'));

function run(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, '--data', dir, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

before(async () => {
  const store = await openStore({ dataDir: dir });
  for (const [text, name, place, lat] of [['Islamic State attacked Palmyra.', 'Islamic State', 'Palmyra', 34.556], ['Daesh hit Tadmur.', 'Daesh', 'Tadmur', 34.57]] as const) {
    const doc = makeDocument(text, { title: name, published: '2025-03-02' });
    await store.putDocument(doc, new AnalysisBuilder(doc)
      .actor('x', name, { kb: 'islamic-state' }).actor('y', 'Syrian Arab Army', { kind: 'state-force', kb: 'saa', mentions: [] })
      .place('p', place, lat, 38.28)
      .event('e', { date: day('2025-03-01'), place: 'p', actors: [['x', 'perpetrator'], ['y', 'target']] })
      .relation('r', 'x', 'attacks', 'y').analysis);
  }
  await store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('picture commands', () => {
  it('actors lists the merged actor once with both names', () => {
    const r = run('actors', '--q', 'daesh');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /2 docs\s+Islamic State \[armed-group\]\s+kb:islamic-state/);
    assert.match(r.out, /aka Daesh/);
    assert.equal(JSON.parse(run('actors', '--json').out).total, 2);
  });

  it('events filters by place and prints both sources', () => {
    const r = run('events', '--near', '34.56,38.28,10', '--actor', 'kb:islamic-state');
    assert.equal(r.code, 0, r.err);
    assert.equal((r.out.match(/source: /g) ?? []).length, 2);
    assert.match(r.out, /1 of 1 events/);
    assert.match(run('events', '--near', '36,40').out, /0 of 0 events/);
    assert.equal(run('events', '--near', 'here').code, 2);
    assert.equal(run('events', '--from', 'March').code, 2);
  });

  it('relations resolves a name and prints the merged relation', () => {
    const r = run('relations', 'Daesh');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Islamic State —attacks→ Syrian Arab Army .* 2 doc\(s\)/);
    assert.equal(run('relations', 'nobody at all').code, 1);
  });

  it('nearToBbox builds a box around the point', () => {
    const [w, s, e, n] = nearToBbox('34,38,111');
    assert.ok(Math.abs(s - 33) < 1e-9 && Math.abs(n - 35) < 1e-9);
    assert.ok(w < 37 && e > 39);
  });
});
