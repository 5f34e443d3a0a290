// Decides what a blob of bytes is: binary (rejected), HTML, an RSS/Atom feed or plain text.
// Content wins over the extension or the Content-Type, which are only tie-breakers.
import { extname } from 'node:path';

/** Leading bytes of binary formats people drop into folders by mistake. */
const MAGIC: { kind: string; bytes: number[]; at?: number }[] = [
  { kind: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { kind: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'ZIP (or Office document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'ZIP', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'gzip', bytes: [0x1f, 0x8b] },
  { kind: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21] },
  { kind: '7-Zip', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { kind: 'Mach-O executable', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { kind: 'Mach-O executable', bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { kind: 'OLE (old Office document)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { kind: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
  { kind: 'WebAssembly', bytes: [0x00, 0x61, 0x73, 0x6d] },
  { kind: 'MP4/QuickTime', bytes: [0x66, 0x74, 0x79, 0x70], at: 4 },
  { kind: 'RIFF media (WebP/WAV/AVI)', bytes: [0x52, 0x49, 0x46, 0x46] },
  { kind: 'Ogg media', bytes: [0x4f, 0x67, 0x67, 0x53] },
  { kind: 'WOFF font', bytes: [0x77, 0x4f, 0x46, 0x46] },
];

/** Name of the binary format the bytes start with, or null. */
export function binaryMagic(bytes: Uint8Array): string | null {
  for (const m of MAGIC) {
    const at = m.at ?? 0;
    if (bytes.length >= at + m.bytes.length && m.bytes.every((b, i) => bytes[at + i] === b)) return m.kind;
  }
  // "MZ" alone also starts ordinary words; a Windows executable also has NULs right after.
  if (bytes.length > 64 && bytes[0] === 0x4d && bytes[1] === 0x5a && bytes.subarray(2, 64).includes(0)) {
    return 'Windows executable';
  }
  return null;
}

/** Share of NUL and non-whitespace control bytes in the first 8 KiB. */
export function controlByteRatio(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) bad++;
  }
  return bad / n;
}

export type ContentKind = 'text' | 'html' | 'feed';
export type FormatHint = { path?: string | null; contentType?: string | null };

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const FEED_EXT = new Set(['.rss', '.atom', '.xml']);

/** Skips an XML declaration, comments, doctype and processing instructions at the start. */
function firstElementName(text: string): string | null {
  const m = /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z][\w:.-]*)/i.exec(text.slice(0, 4096));
  return m ? m[1]!.toLowerCase() : null;
}

export function looksLikeFeed(text: string): boolean {
  const root = firstElementName(text);
  return root === 'rss' || root === 'feed' || root === 'rdf:rdf';
}

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<!DOCTYPE\s+html/i.test(head)) return true;
  const root = firstElementName(head);
  if (root === 'html' || root === 'head' || root === 'body') return true;
  return /<(?:html|head|body)[\s>]/i.test(head) && /<\/(?:p|div|body|html|title)>/i.test(text.slice(0, 65536));
}

/** The extension or Content-Type says this should be a feed (so a non-feed is BAD_FEED). */
export function hintSaysFeed(hint: FormatHint): boolean {
  if (hint.contentType && /\b(?:rss|atom)\+xml\b/i.test(hint.contentType)) return true;
  if (hint.path && FEED_EXT.has(extname(hint.path).toLowerCase())) return true;
  return false;
}

export function sniffKind(text: string, hint: FormatHint): ContentKind {
  if (looksLikeFeed(text)) return 'feed';
  if (looksLikeHtml(text)) return 'html';
  if (hint.contentType && /\b(?:text\/html|application\/xhtml\+xml)\b/i.test(hint.contentType)) return 'html';
  if (hint.path && HTML_EXT.has(extname(hint.path).toLowerCase())) return 'html';
  return 'text';
}
