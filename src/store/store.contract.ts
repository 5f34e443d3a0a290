// The contract every Store backend passes. A backend's test calls runStoreContract with a
// factory that returns a fresh, empty, migrated store for each test, and (optionally) a way
// to reopen the most recently made one after close() to check persistence.
import { withStoreFrom } from './contract-support.js';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WatchfloorError } from '../errors.js';
import {
  makeAnalysis, makeDocument, perturbSignature, signatureFromSeed,
} from './fixtures/document-factory.js';
import type { Store } from './store.js';
import { runPictureContract } from './picture.contract.js';

const ODD_QUERIES = [
  '"', '""', "'", "''", '"unclosed phrase', 'phrase"', 'al-Sharaa', "Sharaa's", "O'Brien",
  '-prison', 'prison -break', 'NOT', 'AND', 'OR', 'a AND', 'OR b', 'NOT NOT', 'NEAR(a b, 3)',
  'NEAR(', '(', ')', '()', '{a b}', 'title:prison', 'text:x', 'a:b:c', '^prison', '*', '**',
  'pris*', '*pris', '+', '-', '--', '&&', '||', '\\', '\u0000', '\t\n', 'الشرع', 'دا-عش',
  '😀', 'x'.repeat(5000), '" OR 1=1 --', "'; DROP TABLE documents; --", '[prison]', '%_',
];

export function runStoreContract(
  name: string,
  makeStore: () => Promise<Store>,
  reopenLast?: () => Promise<Store>,
): void {
  runPictureContract(name, makeStore);
  describe(`Store contract: ${name}`, () => {
    const withStore = withStoreFrom(makeStore);

    it('watch(): snapshot, warnings feed and acknowledgement persist', () => withStore(async (store) => {
      const watch = store.watch();
      try {
        assert.equal(await watch.loadSnapshot(), null);
        const warning = {
          id: 'w:0123456789abcdef', scenario: 'sc', scenario_title: 'A scenario', indicator: 'i1', indicator_label: 'An indicator',
          from: 'quiet' as const, to: 'triggered' as const, day: '2025-01-05', raised_at: '2025-01-06T00:00:00.000Z',
          count: 3, baseline: 0, ratio: null, moved_by: ['ev:1'], evidence: ['ev:1'], documents: ['doc_1'],
        };
        await watch.saveSnapshot({ cursor: 7, json: '{"v":1}' }, [warning]);
        assert.deepEqual(await watch.loadSnapshot(), { cursor: 7, json: '{"v":1}' });
        const [listed] = await watch.listWarnings({ since: 0 });
        assert.equal(listed?.id, warning.id);
        assert.equal(listed?.acked_at, null);
        const acked = await watch.ackWarning(warning.id, 'analyst');
        assert.equal(acked.acked_by, 'analyst');
        assert.equal((await watch.listWarnings({ since: 0, unacked: true })).length, 0);
        assert.deepEqual(await watch.documentsAfter(0, 10), []);
      } finally {
        watch.close();
      }
    }));

    it('migrate() is idempotent and a new store is empty', () => withStore(async (store) => {
      await store.migrate();
      await store.migrate();
      assert.equal(await store.countDocuments(), 0);
      assert.deepEqual(await store.listDocuments(), []);
      assert.deepEqual(await store.search('anything'), []);
    }));

    it('stores a document with its analysis and reads it back', () => withStore(async (store) => {
      const doc = makeDocument('Gunmen attacked a checkpoint near Palmyra on Tuesday.', {
        title: 'Checkpoint attack', published: '2025-01-11', publishedFrom: 'date-line',
        source: 'Example Wire', url: 'https://example.org/a', language: 'en',
        rawText: 'MENU Gunmen attacked a checkpoint near Palmyra on Tuesday.',
        removed: [{ start: 0, end: 5, text: 'MENU ', reason: 'navigation' }],
        segments: [{ cleanStart: 0, rawStart: 5, length: 53 }],
      });
      const analysis = makeAnalysis(doc, 'first');
      assert.deepEqual(await store.putDocument(doc, analysis), { status: 'inserted', id: doc.id, nearDuplicateOf: null });
      const got = await store.getDocument(doc.id);
      assert.ok(got);
      assert.equal(got.id, doc.id);
      assert.equal(got.title, 'Checkpoint attack');
      assert.equal(got.published, '2025-01-11');
      assert.equal(got.source, 'Example Wire');
      assert.equal(got.url, 'https://example.org/a');
      assert.equal(got.language, 'en');
      assert.equal(got.origin, doc.origin);
      assert.equal(got.ingestedAt, doc.ingestedAt);
      assert.equal(got.chars, doc.text.length);
      assert.equal(got.nearDuplicateOf, null);
      assert.equal(got.text, doc.text);
      assert.equal(got.rawText, doc.rawText);
      assert.deepEqual(got.removed, doc.removed);
      assert.equal(got.bytesHash, doc.bytesHash);
      assert.equal(got.textHash, doc.textHash);
      assert.deepEqual(got.analysis, analysis);
      assert.equal(await store.getDocument('no-such-id'), null);
      assert.equal(await store.hasBytesHash(doc.bytesHash), doc.id);
      assert.equal(await store.hasBytesHash('0'.repeat(64)), null);
      assert.equal(await store.countDocuments(), 1);
    }));

    it('stores a document without analysis; analysis is null', () => withStore(async (store) => {
      const doc = makeDocument('A statement was issued by the ministry.');
      await store.putDocument(doc, null);
      assert.equal((await store.getDocument(doc.id))?.analysis, null);
    }));

    it('does not store an exact duplicate twice and returns the existing id', () => withStore(async (store) => {
      const text = 'The council met in Deir ez-Zor to discuss the withdrawal.';
      const first = makeDocument(text, { origin: 'a.html' });
      await store.putDocument(first, null);
      // Same cleaned text from different bytes and even a different id: still a duplicate.
      const again = makeDocument(text, { origin: 'b.html', bytesHash: 'f'.repeat(64), id: 'other-id' });
      assert.deepEqual(await store.putDocument(again, makeAnalysis(again, 'x')), { status: 'duplicate', id: first.id });
      assert.equal(await store.countDocuments(), 1);
      assert.equal(await store.getDocument('other-id'), null);
      assert.equal((await store.getDocument(first.id))?.analysis, null);
    }));

    it('links near-duplicates (estimated Jaccard >= 0.8) to their original', () => withStore(async (store) => {
      const base = signatureFromSeed('story');
      const original = makeDocument('Original report about the convoy.', { fingerprint: base });
      // 6 of 64 positions differ: 0.906.
      const close = makeDocument('Lightly edited report about the convoy.', {
        fingerprint: perturbSignature(base, [1, 2, 3, 5, 6, 7], 'close'),
      });
      // One position changed in each of the first 12 bands: 52/64 = 0.8125, shares 4 bands.
      const edge = makeDocument('Rewritten report about the convoy.', {
        fingerprint: perturbSignature(base, [0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44], 'edge'),
      });
      // One more: 51/64 = 0.797 against the original, below the threshold against all others.
      const below = makeDocument('Heavily rewritten report about the convoy.', {
        fingerprint: perturbSignature(base, [0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48], 'below'),
      });
      const unrelated = makeDocument('Something else entirely.');
      assert.deepEqual(await store.putDocument(original, null), { status: 'inserted', id: original.id, nearDuplicateOf: null });
      assert.deepEqual(await store.putDocument(close, null), { status: 'inserted', id: close.id, nearDuplicateOf: original.id });
      assert.deepEqual(await store.putDocument(edge, null), { status: 'inserted', id: edge.id, nearDuplicateOf: original.id });
      assert.deepEqual(await store.putDocument(below, null), { status: 'inserted', id: below.id, nearDuplicateOf: null });
      assert.deepEqual(await store.putDocument(unrelated, null), { status: 'inserted', id: unrelated.id, nearDuplicateOf: null });
      assert.equal(await store.countDocuments(), 5);
      assert.equal((await store.getDocument(close.id))?.nearDuplicateOf, original.id);
      const listed = new Map((await store.listDocuments()).map((d) => [d.id, d.nearDuplicateOf]));
      assert.equal(listed.get(edge.id), original.id);
      assert.equal(listed.get(below.id), null);
    }));

    it('a near-duplicate of a near-duplicate links to the first original', () => withStore(async (store) => {
      const base = signatureFromSeed('chain');
      const a = makeDocument('chain a', { fingerprint: base });
      const bSig = perturbSignature(base, [0, 4, 8, 12, 16, 20, 24, 28, 32, 36], 'b');
      const b = makeDocument('chain b', { fingerprint: bSig });
      // c is close to b (0.95) but only 0.78 to a: linked through b to a.
      const c = makeDocument('chain c', { fingerprint: perturbSignature(bSig, [48, 52, 56, 60], 'c') });
      await store.putDocument(a, null);
      assert.equal((await store.putDocument(b, null) as { nearDuplicateOf: string | null }).nearDuplicateOf, a.id);
      assert.equal((await store.putDocument(c, null) as { nearDuplicateOf: string | null }).nearDuplicateOf, a.id);
    }));

    it('lists newest ingested first with paging, and counts', () => withStore(async (store) => {
      const docs = [1, 2, 3, 4, 5].map((i) => makeDocument(`Listing document number ${i}.`, {
        ingestedAt: `2025-02-0${i}T00:00:00.000Z`,
      }));
      // Inserted out of order: listing follows ingestedAt, not insertion.
      for (const d of [docs[2]!, docs[0]!, docs[4]!, docs[1]!, docs[3]!]) await store.putDocument(d, null);
      assert.equal(await store.countDocuments(), 5);
      assert.deepEqual((await store.listDocuments()).map((d) => d.id), [5, 4, 3, 2, 1].map((i) => docs[i - 1]!.id));
      assert.deepEqual((await store.listDocuments({ limit: 2, offset: 1 })).map((d) => d.id), [docs[3]!.id, docs[2]!.id]);
      assert.deepEqual(await store.listDocuments({ offset: 10 }), []);
      // Same ingestion time: the later insert is newer.
      const tieA = makeDocument('tie a', { ingestedAt: '2025-03-01T00:00:00.000Z' });
      const tieB = makeDocument('tie b', { ingestedAt: '2025-03-01T00:00:00.000Z' });
      await store.putDocument(tieA, null);
      await store.putDocument(tieB, null);
      assert.deepEqual((await store.listDocuments({ limit: 2 })).map((d) => d.id), [tieB.id, tieA.id]);
    }));

    it('ranks a title match with repeated body mentions above a single mention', () => withStore(async (store) => {
      const once = makeDocument(
        'Officials discussed reconstruction, electricity and water supply in several districts. '
        + 'One official briefly mentioned a prison in passing before moving on to the budget, '
        + 'roads, schools, hospitals and the return of displaced families to their villages.',
        { title: 'Reconstruction talks' });
      const strong = makeDocument(
        'The prison held thousands of detainees. Guards at the prison reported an attack on the '
        + 'prison gate at dawn.', { title: 'Prison attack in Hasakah' });
      const none = makeDocument('Nothing relevant here about farming.', { title: 'Harvest' });
      for (const d of [once, none, strong]) await store.putDocument(d, null);
      const hits = await store.search('prison');
      assert.deepEqual(hits.map((h) => h.id), [strong.id, once.id]);
      assert.ok(hits[0]!.rank > hits[1]!.rank, 'rank: higher is better');
      assert.equal(hits[0]!.title, 'Prison attack in Hasakah');
      assert.deepEqual((await store.search('prison', { limit: 1, offset: 1 })).map((h) => h.id), [once.id]);
      assert.deepEqual((await store.search('prison', { limit: 1 })).map((h) => h.id), [strong.id]);
      // Terms are ANDed.
      assert.deepEqual((await store.search('prison budget')).map((h) => h.id), [once.id]);
    }));

    it('highlights matches in snippets with default and custom markers', () => withStore(async (store) => {
      const doc = makeDocument('Residents said a drone strike hit a car on the highway near the border crossing.',
        { title: 'Strike near the border' });
      await store.putDocument(doc, null);
      const [hit] = await store.search('highway');
      assert.ok(hit);
      assert.match(hit.snippet, /\[highway\]/);
      const [custom] = await store.search('highway', { mark: ['<mark>', '</mark>'] });
      assert.match(custom!.snippet, /<mark>highway<\/mark>/);
      assert.doesNotMatch(custom!.snippet, /\[highway\]/);
    }));

    it('matches hyphenated names, apostrophes and quoted phrases', () => withStore(async (store) => {
      const a = makeDocument("President al-Sharaa's government met delegates in Deir ez-Zor.", { title: 'Talks' });
      const b = makeDocument('Delegates from Deir and from Zor met al officials; Sharaa was absent.', { title: 'Other' });
      await store.putDocument(a, null);
      await store.putDocument(b, null);
      assert.deepEqual((await store.search('al-Sharaa')).map((h) => h.id), [a.id]);
      assert.deepEqual((await store.search("al-Sharaa's")).map((h) => h.id), [a.id]);
      assert.deepEqual((await store.search('"Deir ez-Zor"')).map((h) => h.id), [a.id]);
      assert.deepEqual((await store.search('"met delegates" talks')).map((h) => h.id), [a.id]);
      assert.deepEqual(new Set((await store.search('Deir Zor')).map((h) => h.id)), new Set([a.id, b.id]));
      assert.deepEqual((await store.search('deleg*')).length, 2);
    }));

    it('never throws on odd queries', () => withStore(async (store) => {
      const doc = makeDocument('A prison break was reported; the prison-break plot was foiled.', { title: 'Prison' });
      await store.putDocument(doc, null);
      for (const q of ODD_QUERIES) {
        const hits = await store.search(q);
        assert.ok(Array.isArray(hits), `query ${JSON.stringify(q)}`);
      }
      assert.deepEqual((await store.search('-prison')).map((h) => h.id), [doc.id], 'a hyphen is not NOT');
      assert.deepEqual((await store.search('title:prison')).map((h) => h.id), [], 'no column filters: "title prison" is not in the text');
      assert.deepEqual(await store.search(''), []);
      assert.deepEqual(await store.search('   '), []);
    }));

    it('putAnalysis replaces the stored analysis', () => withStore(async (store) => {
      const doc = makeDocument('Re-analysis target text.');
      await store.putDocument(doc, makeAnalysis(doc, 'v1'));
      const v2 = makeAnalysis(doc, 'v2');
      await store.putAnalysis(doc.id, v2);
      assert.deepEqual((await store.getDocument(doc.id))?.analysis, v2);
      const bare = makeDocument('Stored without analysis first.');
      await store.putDocument(bare, null);
      await store.putAnalysis(bare.id, makeAnalysis(bare, 'late'));
      assert.equal((await store.getDocument(bare.id))?.analysis?.actors[0]?.id, 'a-late');
      await assert.rejects(store.putAnalysis('missing', v2),
        (err: unknown) => err instanceof WatchfloorError && err.code === 'NOT_FOUND');
    }));

    it('keeps an analysis whose text differs from the document text as given', () => withStore(async (store) => {
      const doc = makeDocument('Stored text.');
      const analysis = makeAnalysis(doc, 'odd');
      analysis.document.text = 'Another text entirely.';
      await store.putDocument(doc, analysis);
      assert.equal((await store.getDocument(doc.id))?.analysis?.document.text, 'Another text entirely.');
    }));

    it('persists across close and reopen', { skip: reopenLast === undefined }, async () => {
      const store = await makeStore();
      const doc = makeDocument('Persistence check: the garrison withdrew overnight.', { title: 'Garrison withdrawal' });
      const analysis = makeAnalysis(doc, 'persist');
      await store.putDocument(doc, analysis);
      await store.close();
      const reopened = await reopenLast!();
      try {
        await reopened.migrate();
        assert.equal(await reopened.countDocuments(), 1);
        assert.deepEqual((await reopened.getDocument(doc.id))?.analysis, analysis);
        assert.deepEqual((await reopened.search('garrison')).map((h) => h.id), [doc.id]);
        assert.deepEqual(await reopened.putDocument(doc, null), { status: 'duplicate', id: doc.id });
      } finally {
        await reopened.close();
      }
    });
  });
}
