// Parses RSS 2.0, RSS 1.0 (RDF) and Atom into items. An item's full content, when the feed
// carries it, is returned as HTML; otherwise the caller fetches the item's link.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { WatchfloorError } from '../errors.js';
import { toPartialDate } from './partial-date.js';
import type { PartialDate } from './types.js';

export type FeedItem = {
  /** guid / id, else link, else the item's position: stable within the feed. */
  id: string;
  title: string | null;
  link: string | null;
  published: PartialDate | null;
  /** content:encoded (RSS) or <content> (Atom), as HTML. */
  contentHtml: string | null;
  /** description (RSS) or <summary> (Atom): a teaser, used only when there is no link. */
  summaryHtml: string | null;
};

export type ParsedFeed = { kind: 'rss' | 'atom' | 'rdf'; title: string | null; link: string | null; items: FeedItem[] };

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Atom content may be inline XHTML: keep it as markup instead of parsing it into objects.
  stopNodes: ['*.content'],
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

function decodeXmlText(raw: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(raw);
  if (cdata) return cdata[1]!;
  return raw
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

function textOf(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'string' || typeof v === 'number') {
    const s = String(v).trim();
    return s === '' ? null : s;
  }
  if (typeof v === 'object') return textOf((v as Node)['#text']);
  return null;
}

function atomContent(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const node = (Array.isArray(v) ? v[0] : v) as Node | string;
  const raw = typeof node === 'string' ? node : textOf(node['#text']);
  if (!raw) return null;
  const type = typeof node === 'object' ? String(node['@_type'] ?? 'text') : 'text';
  if (type === 'xhtml') return raw; // inline markup, kept raw by stopNodes
  const decoded = decodeXmlText(raw).trim();
  // type="text" is plain text: escape so the HTML extractor keeps it verbatim.
  if (type === 'text') return `<p>${decoded.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`;
  return decoded;
}

function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return textOf(links);
  const withRel = (rel: string) => links.find((l) => typeof l === 'object' && l !== null
    && String((l as Node)['@_rel'] ?? 'alternate') === rel) as Node | undefined;
  const l = withRel('alternate') ?? (links[0] as Node | undefined);
  if (!l) return null;
  return typeof l === 'object' ? textOf(l['@_href']) : textOf(l);
}

function rssItem(item: Node, index: number): FeedItem {
  const link = textOf(item.link);
  const guid = textOf(item.guid);
  return {
    id: guid ?? link ?? `item-${index + 1}`,
    title: textOf(item.title),
    link,
    published: toPartialDate(textOf(item.pubDate) ?? textOf(item['dc:date'])),
    contentHtml: textOf(item['content:encoded']),
    summaryHtml: textOf(item.description),
  };
}

function atomEntry(entry: Node, index: number): FeedItem {
  const link = atomLink(entry.link);
  const content = atomContent(entry.content);
  return {
    id: textOf(entry.id) ?? link ?? `entry-${index + 1}`,
    title: textOf(entry.title),
    link,
    published: toPartialDate(textOf(entry.published) ?? textOf(entry.updated)),
    contentHtml: content,
    summaryHtml: atomContent(entry.summary),
  };
}

function asArray(v: unknown): Node[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is Node => typeof x === 'object' && x !== null);
}

export function parseFeed(xml: string, origin: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new WatchfloorError('BAD_FEED', `feed is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`, {
      subject: origin, hint: 'check the feed address; it should serve RSS or Atom',
    });
  }
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (cause) {
    throw new WatchfloorError('BAD_FEED', 'feed cannot be parsed as XML', { subject: origin, cause });
  }
  const rss = doc.rss as Node | undefined;
  if (rss && typeof rss === 'object') {
    const channel = asArray(rss.channel)[0] ?? {};
    return {
      kind: 'rss', title: textOf(channel.title), link: textOf(channel.link),
      items: asArray(channel.item).map(rssItem),
    };
  }
  const feed = doc.feed as Node | undefined;
  if (feed && typeof feed === 'object') {
    return { kind: 'atom', title: textOf(feed.title), link: atomLink(feed.link), items: asArray(feed.entry).map(atomEntry) };
  }
  const rdf = doc['rdf:RDF'] as Node | undefined;
  if (rdf && typeof rdf === 'object') {
    const channel = asArray(rdf.channel)[0] ?? {};
    return { kind: 'rdf', title: textOf(channel.title), link: textOf(channel.link), items: asArray(rdf.item).map(rssItem) };
  }
  throw new WatchfloorError('BAD_FEED', 'XML is neither RSS nor Atom', {
    subject: origin, hint: 'expected an <rss>, <feed> or <rdf:RDF> root element',
  });
}
