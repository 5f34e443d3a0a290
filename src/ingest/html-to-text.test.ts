import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlToText } from './html-to-text.js';

describe('htmlToText', () => {
  it('falls back to the body text when Readability finds no article', () => {
    const r = htmlToText('<html><head><title>Short note</title></head><body><nav>Menu Home</nav><div>One short line.</div><div>Another line.</div></body></html>');
    assert.equal(r.via, 'body');
    assert.equal(r.text, 'One short line.\n\nAnother line.');
    assert.equal(r.title, 'Short note');
  });
  it('reads datePublished from JSON-LD, including inside @graph', () => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'NewsArticle', datePublished: '2024-11-30T21:00:00Z' }] });
    const r = htmlToText(`<html><head><script type="application/ld+json">${ld}</script></head><body><p>Text of the page.</p></body></html>`);
    assert.equal(r.published, '2024-11-30');
  });
  it('reads a <time datetime> when there is no meta tag', () => {
    const r = htmlToText('<html><body><time datetime="2023-07-09">9 July</time><p>Body words.</p></body></html>');
    assert.equal(r.published, '2023-07-09');
  });
  it('separates block elements with blank lines and drops scripts and styles', () => {
    const r = htmlToText('<body><h2>Heading</h2><p>First <b>bold</b>\n   para.</p><script>var x=1</script><style>p{}</style><ul><li>item one</li><li>item two</li></ul></body>');
    assert.equal(r.text, 'Heading\n\nFirst bold para.\n\nitem one\n\nitem two');
  });
  it('refuses a page with no text', () => {
    assert.throws(() => htmlToText('<html><body><script>1</script></body></html>', 'page.html'), { code: 'BAD_HTML' });
  });
  it('handles Arabic pages', () => {
    const r = htmlToText('<html dir="rtl"><head><meta property="og:title" content="عنوان الخبر"></head><body><p>افتتحت البلدية اليوم حديقة عامة جديدة قرب النهر.</p></body></html>');
    assert.equal(r.title, 'عنوان الخبر');
    assert.equal(r.text, 'افتتحت البلدية اليوم حديقة عامة جديدة قرب النهر.');
  });
});
