import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { CleanedDocument, RawInput } from '../ingest/types.js';
import { cleanDocument } from './clean-document.js';
import { cleanToRawOffset, cleanToRawSpan } from './clean-offsets.js';
import { loadCleaningLexicon, parseCleaningLexicon } from './cleaning-lexicon.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const input = (text: string, extra: Partial<RawInput> = {}): RawInput => ({
  origin: 'test', bytes: Buffer.from(text, 'utf8'), format: 'text', url: null, ...extra,
});
const clean = (text: string, meta: { title?: string | null; published?: string | null } = {}) =>
  cleanDocument(input(text), text, meta, { ingestedAt: '2025-01-01T00:00:00.000Z' });
const reasons = (doc: CleanedDocument) => doc.removed.map((r) => `${r.reason}: ${r.text}`);

/** Every removed span points at its text in rawText, and every segment copies rawText exactly. */
function assertOffsetsConsistent(doc: CleanedDocument): void {
  for (const r of doc.removed) assert.equal(doc.rawText.slice(r.start, r.end), r.text);
  for (const s of doc.segments) {
    assert.equal(doc.text.slice(s.cleanStart, s.cleanStart + s.length), doc.rawText.slice(s.rawStart, s.rawStart + s.length));
  }
}

describe('cleanDocument: page chrome', () => {
  const doc = clean(fixture('chrome-page.txt'));
  it('removes UI lines, breadcrumbs and the cookie notice, recording each', () => {
    for (const line of ['Home > News > Region', 'Share  Tweet  Email  Print', 'A A', 'Advertisement', 'Read more',
      'Subscribe to our newsletter', 'Follow us on Facebook']) {
      assert.ok(doc.removed.some((r) => r.text === line && r.reason === 'page-chrome'), `not removed: ${line}`);
      assert.ok(!doc.text.includes(line), `still in text: ${line}`);
    }
    assert.ok(doc.removed.some((r) => r.reason === 'page-chrome' && r.text.startsWith('We use cookies')));
  });
  it('keeps the article and its paragraph breaks', () => {
    const paragraphs = doc.text.split('\n\n');
    assert.equal(paragraphs[0], 'Local council reopens river crossing after months of closure');
    assert.equal(paragraphs.length, 4);
    assert.ok(paragraphs[3]!.startsWith('Traders who had been forced'));
    assert.equal(doc.title, 'Local council reopens river crossing after months of closure');
    assert.equal(doc.language, 'en');
    assertOffsetsConsistent(doc);
  });
});

describe('cleanDocument: repeated headline and date line', () => {
  const doc = clean(fixture('repeated-headline.txt'));
  it('keeps the headline once and removes its repeats', () => {
    assert.equal(doc.title, 'Water talks stall as upstream dam fills faster than planned');
    assert.equal(doc.text.split('Water talks stall').length - 1, 1);
    assert.equal(doc.removed.filter((r) => r.reason === 'repeated-headline').length, 2);
  });
  it('reads the date line into published and removes it', () => {
    assert.equal(doc.published, '2025-03-12');
    assert.equal(doc.publishedFrom, 'date-line');
    assert.deepEqual(doc.removed.filter((r) => r.reason === 'date-line').map((r) => r.text), ['Published: 12 March 2025']);
    assert.ok(!doc.text.includes('Published'));
  });
  it('lets a metadata date win, unless the date line refines it within the same month', () => {
    const text = fixture('repeated-headline.txt');
    assert.deepEqual([clean(text, { published: '2025-02-01' }).published, clean(text, { published: '2025-02-01' }).publishedFrom], ['2025-02-01', 'metadata']);
    assert.deepEqual([clean(text, { published: '2025-03' }).published, clean(text, { published: '2025-03' }).publishedFrom], ['2025-03-12', 'date-line']);
    assert.deepEqual([clean(text, { published: '2025-04' }).published, clean(text, { published: '2025-04' }).publishedFrom], ['2025-04', 'metadata']);
  });
  it('uses a metadata title with a site suffix to find the headline', () => {
    const d = clean(fixture('repeated-headline.txt'), { title: 'Water talks stall as upstream dam fills faster than planned | Example News' });
    assert.equal(d.title, 'Water talks stall as upstream dam fills faster than planned | Example News');
    assert.equal(d.text.split('Water talks stall').length - 1, 1);
  });
  it('rejects a metadata date that is not a date', () => {
    assert.throws(() => clean('Some text here.', { published: 'last week' }), { code: 'BAD_DATE' });
  });
});

describe('cleanDocument: date line formats', () => {
  const cases: [string, string][] = [
    ['Region 23-02-2026 | 11:02', '2026-02-23'],
    ['Updated 2024-12-08 14:00 GMT', '2024-12-08'],
    ['Posted on Monday, March 3, 2025 at 9:15 am', '2025-03-03'],
    ['Published 05/11/2024', '2024-11-05'],
    ['Last updated: January 2025', '2025-01'],
  ];
  for (const [line, date] of cases) {
    it(line, () => {
      const d = clean(`A headline about something\n${line}\n\nThe body of the story says what happened in a full sentence.`);
      assert.equal(d.published, date);
      assert.ok(!d.text.includes(line));
    });
  }
  it('does not take a sentence that mentions a date for a date line', () => {
    const body = 'On 12 March 2025 the committee met again to review the draft agreement.';
    const d = clean(`Title line here\n\n${body}`);
    assert.equal(d.published, null);
    assert.equal(d.publishedFrom, 'none');
    assert.ok(d.text.includes(body));
  });
});

describe('cleanDocument: captions and credits', () => {
  const doc = clean(fixture('duplicated-captions.txt'));
  it('keeps twice-printed captions out of the body', () => {
    assert.ok(!doc.text.includes('Workers load sacks'));
    assert.ok(!doc.text.includes('A boy leads goats'));
    const r = reasons(doc);
    assert.ok(r.includes('photo-caption: Workers load sacks of grain onto a truck outside a village mill. (Reuters)'));
    assert.ok(r.includes('duplicate-caption: Workers load sacks of grain onto a truck outside a village mill. (Reuters)'));
    assert.ok(r.includes('photo-credit: Photo: Jane Example'));
  });
  it('strips an agency credit from the end of a body paragraph', () => {
    assert.ok(doc.text.includes('for herders across the district and beyond.\n\n'));
    assert.ok(!doc.text.includes('(AFP)'));
    assert.ok(reasons(doc).includes('agency-credit: (AFP)'));
    assertOffsetsConsistent(doc);
  });
  it('keeps one copy of a heading printed twice', () => {
    const d = clean('Main title of the piece\n\nFirst paragraph of the article is here.\n\nBackground\nBackground\n\nSecond paragraph is here too.');
    assert.equal(d.text.split('Background').length - 1, 1);
    assert.deepEqual(reasons(d), ['repeated-line: Background']);
  });
  it('removes a pull quote that repeats a nearby sentence', () => {
    const quote = 'None of the parties has shown any interest in a lasting deal';
    const d = clean(`Talks again\n\nThe mediators met twice last week. ${quote}, one diplomat said, adding that the talks would continue.\n${quote}\n\nMore meetings are planned.`);
    assert.deepEqual(reasons(d), [`pull-quote: ${quote}`]);
  });
});

describe('cleanDocument: whitespace, language, ids', () => {
  it('collapses spaces and blank runs but keeps paragraph breaks, and joins hard-wrapped lines', () => {
    const d = clean(fixture('hard-wrapped.txt'));
    assert.equal(d.text, 'Report on road repairs\n\nThe ministry said the repairs on the coastal road would take another three weeks, because the contractor had to wait for asphalt deliveries.\n\nOfficials did not give a cost estimate.');
  });
  it('treats no-break spaces as whitespace', () => {
    const d = clean('Title of a story\n\u00a0\n\nBody\u00a0\u00a0text   with  gaps.');
    assert.equal(d.text, 'Title of a story\n\nBody text with gaps.');
  });
  it('processes Arabic text and detects its language', () => {
    const d = clean(fixture('arabic.txt'));
    assert.equal(d.language, 'ar');
    assert.equal(d.title, 'افتتاح سوق جديد في وسط المدينة');
    assert.deepEqual(reasons(d), ['page-chrome: شارك']);
    assertOffsetsConsistent(d);
  });
  it("returns 'und' for text too short to tell", () => {
    assert.equal(clean('Hi there.').language, 'und');
  });
  it('derives ids from the cleaned text: same text, same id; bytesHash from the bytes', () => {
    const a = clean('Headline\n\nSome body text.');
    const b = cleanDocument(input('HEADLINE\n\n\nSome   body text.  \nShare'), 'HEADLINE\n\n\nSome   body text.  \nShare', {}, { ingestedAt: 'x' });
    assert.equal(a.textHash, b.textHash);
    assert.equal(a.id, `doc_${a.textHash.slice(0, 16)}`);
    assert.notEqual(a.bytesHash, b.bytesHash);
    assert.match(a.bytesHash, /^[0-9a-f]{64}$/);
    assert.equal(a.fingerprint.length, 64);
  });
  it('refuses a page that is nothing but chrome', () => {
    assert.throws(() => clean('Share\nPrint\nRead more'), { code: 'EMPTY_INPUT' });
  });
});

describe('cleanToRawOffset', () => {
  const tail = 'and this second paragraph is long enough to be body text rather than a photo caption, since it runs on for well over thirty words in one sentence without stopping at all';
  const raw = `Title here\nShare Print\n\nFirst   word and\u00a0more.\n\n\n\nSecond paragraph ${tail} (AFP)`;
  const doc = clean(raw);
  it('maps copied characters exactly', () => {
    assert.equal(doc.text, `Title here\n\nFirst word and more.\n\nSecond paragraph ${tail}`);
    for (const word of ['Title', 'First', 'word', 'more.', 'Second', 'paragraph']) {
      const i = doc.text.indexOf(word);
      const r = cleanToRawOffset(doc, i);
      assert.equal(raw.slice(r, r + word.length), word, word);
    }
  });
  it('maps inserted whitespace to the end of the preceding copied stretch, and the end to the end', () => {
    const gap = doc.text.indexOf(' word');
    assert.equal(cleanToRawOffset(doc, gap), raw.indexOf('First') + 'First'.length);
    assert.equal(cleanToRawOffset(doc, doc.text.length), raw.indexOf(' (AFP)'));
    assert.throws(() => cleanToRawOffset(doc, doc.text.length + 1), RangeError);
  });
  it('maps a span', () => {
    const s = doc.text.indexOf('word and more');
    const span = cleanToRawSpan(doc, s, s + 'word and more'.length);
    assert.equal(raw.slice(span.start, span.end), 'word and\u00a0more');
  });
});

describe('cleaning lexicon', () => {
  it('loads the core pack', () => {
    const lex = loadCleaningLexicon();
    assert.ok(lex.uiWords.has('smaller') && lex.uiWords.has('bigger'));
    assert.equal(lex.months.get('march'), 3);
  });
  it('is injectable: a custom vocabulary changes what counts as chrome', () => {
    const lex = parseCleaningLexicon({ ui_words: ['zap'], months: {} });
    const d = cleanDocument(input('x'), 'Headline words\nZap zap\nShare\n\nBody sentence here.', {}, { lexicon: lex, ingestedAt: 'x' });
    assert.deepEqual(reasons(d), ['page-chrome: Zap zap']);
    assert.ok(d.text.includes('Share'));
  });
  it('reports a malformed pack as BAD_PACK', () => {
    assert.throws(() => parseCleaningLexicon({ ui_words: 'share' }), { code: 'BAD_PACK' });
    assert.throws(() => parseCleaningLexicon({ line_patterns: ['('] }), { code: 'BAD_PACK' });
  });
});
