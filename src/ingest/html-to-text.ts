// Main-content extraction from HTML: Readability on a linkedom DOM, the page body when
// Readability finds nothing. Paragraphs come out separated by blank lines; title and
// publication date come from the page's metadata.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { WatchfloorError } from '../errors.js';
import { toPartialDate } from './partial-date.js';
import type { PartialDate } from './types.js';

export type ExtractedHtml = {
  text: string;
  title: string | null;
  published: PartialDate | null;
  /** Which extractor produced the text. */
  via: 'readability' | 'body';
};

type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };
type DomElement = DomNode & {
  getAttribute(name: string): string | null;
  querySelector(sel: string): DomElement | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
  remove(): void;
};

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'CANVAS', 'HEAD', 'BUTTON', 'SELECT']);
/** Shortest Readability result trusted over the body fallback. */
const MIN_ARTICLE_CHARS = 200;
/** Page furniture dropped from the body fallback (Readability drops it itself). */
const BODY_FURNITURE = 'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]';

/** Block-aware text of a DOM subtree: one paragraph per block, whitespace collapsed. */
export function blockText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/[\s\u200b]+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) { current += node.textContent ?? ''; return; }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

function metaContent(doc: DomElement, selectors: string[]): string | null {
  for (const sel of selectors) {
    const v = doc.querySelector(sel)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

function jsonLdDates(doc: DomElement): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) { v.forEach(visit); return; }
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if (typeof o.datePublished === 'string') out.push(o.datePublished);
    if (o['@graph']) visit(o['@graph']);
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try { visit(JSON.parse(scripts[i]!.textContent ?? '')); } catch { /* malformed JSON-LD is common; skip it */ }
  }
  return out;
}

function findPublished(doc: DomElement): PartialDate | null {
  const candidates = [
    metaContent(doc, [
      'meta[property="article:published_time"]', 'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]', 'meta[name="pubdate"]', 'meta[name="publishdate"]',
      'meta[name="date"]', 'meta[name="DC.date.issued"]', 'meta[name="dcterms.created"]',
    ]),
    ...jsonLdDates(doc),
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
  ];
  for (const c of candidates) {
    const d = toPartialDate(c);
    if (d) return d;
  }
  return null;
}

function clean(s: string | null | undefined): string | null {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

export function htmlToText(html: string, origin = 'html'): ExtractedHtml {
  const { document } = parseHTML(html.includes('<html') || html.includes('<HTML') ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  const doc = document as unknown as DomElement;
  // Metadata first: Readability rewrites the document it reads. og:title carries no site suffix,
  // so it goes before Readability's guess and <title>.
  const title0 = clean(metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']));
  const docTitle = clean(doc.querySelector('title')?.textContent);
  const published = findPublished(doc);

  let text = '';
  let via: ExtractedHtml['via'] = 'readability';
  let readTitle: string | null = null;
  try {
    const clone = parseHTML(html).document;
    const article = new Readability(clone as never, { charThreshold: 200 }).parse();
    readTitle = clean(article?.title);
    if (article?.content) {
      const { document: contentDoc } = parseHTML(`<!DOCTYPE html><html><body>${article.content}</body></html>`);
      text = blockText(contentDoc as unknown as DomNode);
    }
  } catch {
    text = ''; // Readability throws on some malformed pages; the body fallback covers them.
  }
  const body = doc.querySelector('body');
  if (body) {
    const furniture = body.querySelectorAll(BODY_FURNITURE);
    for (let i = furniture.length - 1; i >= 0; i--) furniture[i]!.remove();
  }
  const bodyText = body ? blockText(body) : blockText(doc);
  // Below a few sentences Readability's choice is unreliable (it keeps menus, or one fragment
  // of a page whose text is spread over many blocks): the furniture-free body is safer.
  if (text.length < MIN_ARTICLE_CHARS && bodyText.trim() !== '') {
    text = bodyText;
    via = 'body';
  }
  if (text.trim() === '') {
    throw new WatchfloorError('BAD_HTML', 'HTML page has no readable text', { subject: origin });
  }
  return { text, title: title0 ?? readTitle ?? docTitle, published, via };
}
