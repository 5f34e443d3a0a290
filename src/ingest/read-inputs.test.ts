import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readInputs, type InputResult, type ReadInputsOptions } from './read-inputs.js';
import { prepareInput } from './prepare-input.js';

const fx = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function collect(specs: string[], opts: ReadInputsOptions = {}): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const r of readInputs(specs, opts)) out.push(r);
  return out;
}
function okInputs(rs: InputResult[]) {
  return rs.map((r) => { assert.ok(r.ok, r.ok ? '' : r.error.oneLine()); return r.input; });
}
function errorCodes(rs: InputResult[]) {
  return rs.map((r) => (r.ok ? 'ok' : r.error.code));
}

describe('readInputs: files and folders', () => {
  it('reads a text file', async () => {
    const [input] = okInputs(await collect([fx('article.txt')], { published: '2025-02', source: 'Desk' }));
    assert.equal(input!.format, 'text');
    assert.equal(input!.origin, fx('article.txt'));
    assert.equal(input!.published, '2025-02');
    assert.equal(input!.source, 'Desk');
    assert.deepEqual(input!.bytes, readFileSync(fx('article.txt')));
  });
  it('reads an HTML file and extracts its article', async () => {
    const [input] = okInputs(await collect([fx('article.html')]));
    assert.equal(input!.format, 'html');
    const doc = prepareInput(input!, { ingestedAt: 'x' });
    assert.equal(doc.title, 'Clinic opens in market district');
    assert.equal(doc.published, '2025-06-14');
    assert.ok(doc.text.includes('A new health clinic opened'));
    assert.ok(!doc.text.includes('Most read') && !doc.text.includes('window.tracking') && !doc.text.includes('All rights reserved'));
    assert.ok(!doc.text.includes('Patients wait outside'), 'the photo caption stays out of the body');
    assert.equal(doc.text.split('\n\n').length >= 3, true);
  });
  it('walks a folder recursively in sorted order, skipping hidden files', async () => {
    const inputs = okInputs(await collect([fx('folder')]));
    assert.deepEqual(inputs.map((i) => i.origin), [join(fx('folder'), 'a-note.txt'), join(fx('folder'), 'sub', 'b-page.html')]);
    assert.deepEqual(inputs.map((i) => i.format), ['text', 'html']);
  });
  it('reports a missing path and goes on with the next spec', async () => {
    const rs = await collect([fx('nope.txt'), fx('article.txt')]);
    assert.deepEqual(errorCodes(rs), ['NOT_FOUND', 'ok']);
  });
  it('rejects an unusable --published value up front', async () => {
    await assert.rejects(collect([fx('article.txt')], { published: 'yesterday' }), { code: 'BAD_DATE' });
  });
});

describe('readInputs: feeds', () => {
  it('reads an RSS 2.0 feed with full content into one input per item', async () => {
    const inputs = okInputs(await collect([fx('feed-rss.xml')]));
    assert.equal(inputs.length, 2);
    assert.deepEqual(inputs.map((i) => i.origin), [`${fx('feed-rss.xml')}#wire-101`, `${fx('feed-rss.xml')}#wire-102`]);
    assert.equal(inputs[0]!.title, 'Power restored to eastern suburbs');
    assert.equal(inputs[0]!.published, '2025-03-04', 'the date as written, not shifted to UTC');
    assert.equal(inputs[0]!.url, 'https://wire.example/power-restored');
    assert.equal(inputs[0]!.source, 'Example Wire');
    assert.equal(inputs[1]!.title, 'Ferry service suspended & rescheduled');
    const doc = prepareInput(inputs[0]!, { ingestedAt: 'x' });
    assert.equal(doc.text, 'Electricity returned to the eastern suburbs late on Tuesday after engineers replaced a burnt-out transformer at the main substation.\n\nThe utility said supply would remain rationed for another week.');
  });
  it('reads an Atom feed with html and xhtml content', async () => {
    const inputs = okInputs(await collect([fx('feed-atom.xml')]));
    assert.deepEqual(inputs.map((i) => [i.title, i.published, i.url]), [
      ['Library reopens after renovation', '2025-05-01', 'https://desk.example/library'],
      ['Museum extends opening hours', '2025-05-02', 'https://desk.example/museum'],
    ]);
    const texts = inputs.map((i) => prepareInput(i, { ingestedAt: 'x' }).text);
    assert.ok(texts[0]!.includes("a children's wing"));
    assert.equal(texts[1], 'The national museum will stay open until nine in the evening on Fridays.');
  });
});

describe('readInputs: bad inputs', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'wf-ingest-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, data: string | Buffer) => { const p = join(dir, name); writeFileSync(p, data); return p; };

  const cases: [string, string | Buffer, string][] = [
    ['empty.txt', '', 'EMPTY_INPUT'],
    ['blank.txt', ' \n\n\t \n', 'EMPTY_INPUT'],
    ['report.pdf.txt', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x41)]), 'BINARY_INPUT'],
    ['image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'BINARY_INPUT'],
    ['photo.txt', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), 'BINARY_INPUT'],
    ['archive.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), 'BINARY_INPUT'],
    ['program', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]), 'BINARY_INPUT'],
    ['nuls.txt', Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0 : 0x61))), 'BINARY_INPUT'],
    ['latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]), 'INVALID_UTF8'],
    ['feed.rss', 'this is plain prose, not a feed', 'BAD_FEED'],
    ['broken.xml', '<?xml version="1.0"?><rss><channel><item><title>x</item></channel></rss>', 'BAD_FEED'],
  ];
  for (const [name, data, code] of cases) {
    it(`${name} -> ${code}, as one line naming the file`, async () => {
      const rs = await collect([write(name, data)]);
      assert.equal(rs.length, 1);
      const r = rs[0]!;
      assert.ok(!r.ok);
      assert.equal(r.error.code, code);
      assert.ok(r.error.oneLine().startsWith(join(dir, name)), r.error.oneLine());
      assert.ok(!r.error.oneLine().includes('\n'));
    });
  }
  it('sniffs HTML saved with a .txt extension', async () => {
    const p = write('saved-page.txt', '<!DOCTYPE html><html><body><p>Saved page body.</p></body></html>');
    assert.deepEqual(okInputs(await collect([p])).map((i) => i.format), ['html']);
  });
  it('strips a UTF-8 BOM', async () => {
    const p = write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Headline\n\nBody text.')]));
    const [input] = okInputs(await collect([p]));
    assert.equal(prepareInput(input!, { ingestedAt: 'x' }).text, 'Headline\n\nBody text.');
  });
  it('refuses a file over the size limit without reading it', async () => {
    const p = write('big.txt', 'word '.repeat(1000));
    const rs = await collect([p], { maxBytes: 1024 });
    assert.deepEqual(errorCodes(rs), ['TOO_LARGE']);
    assert.match((rs[0] as { error: Error }).error.message, /over the 1 KB limit/);
  });
  it('keeps going after bad files in a folder', async () => {
    const sub = join(dir, 'mixed');
    rmSync(sub, { recursive: true, force: true });
    (await import('node:fs')).mkdirSync(sub);
    writeFileSync(join(sub, '1.txt'), 'Good one.');
    writeFileSync(join(sub, '2.txt'), '');
    writeFileSync(join(sub, '3.txt'), 'Another good one.');
    assert.deepEqual(errorCodes(await collect([sub])), ['ok', 'EMPTY_INPUT', 'ok']);
  });
});

describe('readInputs: URLs', () => {
  let server: Server;
  let base: string;
  const pages: Record<string, { type: string; body: string; status?: number }> = {
    '/article': { type: 'text/html; charset=utf-8', body: readFileSync(fx('article.html'), 'utf8') },
    '/plain': { type: 'text/plain', body: 'Plain words served over HTTP.' },
    '/missing': { type: 'text/plain', body: 'gone', status: 404 },
    '/feed': { type: 'application/rss+xml', body: '' },
    '/story': { type: 'text/html', body: '<html><body><p>A story the feed only links to, about a new tram line opening downtown.</p></body></html>' },
    '/hang': { type: '', body: '' },
  };
  before(async () => {
    server = createServer((req, res) => {
      const page = pages[req.url ?? ''];
      if (req.url === '/hang') return; // never answers
      if (!page) { res.writeHead(404).end(); return; }
      res.writeHead(page.status ?? 200, { 'content-type': page.type }).end(page.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    pages['/feed']!.body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Linked</title><item><title>Tram line opens</title><link>${base}/story</link><pubDate>Mon, 10 Mar 2025 08:00:00 GMT</pubDate></item><item><title>Dead link</title><link>${base}/missing</link></item></channel></rss>`;
  });
  after(() => { server.closeAllConnections(); server.close(); });

  it('fetches an HTML page', async () => {
    const [input] = okInputs(await collect([`${base}/article`]));
    assert.equal(input!.format, 'html');
    assert.equal(input!.url, `${base}/article`);
    assert.equal(input!.source, '127.0.0.1');
    assert.equal(prepareInput(input!, { ingestedAt: 'x' }).title, 'Clinic opens in market district');
  });
  it('fetches plain text', async () => {
    const [input] = okInputs(await collect([`${base}/plain`]));
    assert.equal(input!.format, 'text');
    assert.equal(input!.bytes.toString(), 'Plain words served over HTTP.');
  });
  it('turns a non-2xx answer into NETWORK', async () => {
    const rs = await collect([`${base}/missing`]);
    assert.deepEqual(errorCodes(rs), ['NETWORK']);
    assert.match((rs[0] as { error: Error }).error.message, /HTTP 404/);
  });
  it('fetches the linked page of a feed item without content, and reports a dead link on its own', async () => {
    const rs = await collect([`${base}/feed`]);
    assert.deepEqual(errorCodes(rs), ['ok', 'NETWORK']);
    const input = (rs[0] as { input: import('./types.js').RawInput }).input;
    assert.equal(input.title, 'Tram line opens');
    assert.equal(input.published, '2025-03-10');
    assert.equal(input.format, 'html');
    assert.match(prepareInput(input, { ingestedAt: 'x' }).text, /new tram line/);
  });
  it('times out on a server that never answers', async () => {
    const t0 = Date.now();
    const rs = await collect([`${base}/hang`], { timeoutMs: 300 });
    assert.deepEqual(errorCodes(rs), ['TIMEOUT']);
    assert.ok(Date.now() - t0 < 3000);
  });
  it('reports an unreachable address as NETWORK', async () => {
    // Port 9 (discard) on loopback: nothing listens there in a test environment.
    const rs = await collect(['http://127.0.0.1:9/x'], { timeoutMs: 2000 });
    assert.deepEqual(errorCodes(rs), ['NETWORK']);
    assert.match((rs[0] as { error: Error }).error.message, /cannot reach/);
  });
  it('refuses a response over the size limit', async () => {
    assert.deepEqual(errorCodes(await collect([`${base}/article`], { maxBytes: 100 })), ['TOO_LARGE']);
  });
  it('refuses other URL schemes', async () => {
    assert.deepEqual(errorCodes(await collect(['ftp://example.org/file.txt'])), ['UNSUPPORTED_INPUT']);
  });
});

describe('folder manifest', () => {
  it('takes title, date and source from index.yaml and never ingests the manifest itself', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'wf-manifest-'));
    await writeFile(join(dir, 'a.txt'), 'A short report about a convoy that crossed the river at dawn.');
    await writeFile(join(dir, 'b.txt'), 'Another report, without an entry in the manifest, about a checkpoint.');
    await writeFile(join(dir, 'index.yaml'), '- file: a.txt\n  title: "Convoy crosses"\n  published: "2024-05-02"\n  source: Desk\n');
    const got = [];
    for await (const r of readInputs([dir])) got.push(r);
    assert.equal(got.length, 2);
    const a = got.find((r) => r.ok && r.input.origin.endsWith('a.txt'));
    assert.ok(a && a.ok);
    assert.equal(a.input.title, 'Convoy crosses');
    assert.equal(a.input.published, '2024-05-02');
    assert.equal(a.input.source, 'Desk');
    const b = got.find((r) => r.ok && r.input.origin.endsWith('b.txt'));
    assert.ok(b && b.ok && b.input.published === null);
  });

  it('reports a broken manifest and still reads the files', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'wf-manifest-'));
    await writeFile(join(dir, 'a.txt'), 'A short report about a convoy that crossed the river at dawn.');
    await writeFile(join(dir, 'index.yaml'), '- file: a.txt\n  published: "not a date"\n');
    const got = [];
    for await (const r of readInputs([dir])) got.push(r);
    assert.equal(got.filter((r) => !r.ok).length, 1);
    assert.equal(got.filter((r) => r.ok).length, 1);
  });
});
