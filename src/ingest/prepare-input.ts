// The whole clean step for one RawInput: decode, extract HTML's main content, clean.
import { decodeBytes } from './decode-bytes.js';
import { htmlToText } from './html-to-text.js';
import type { CleanedDocument, RawInput } from './types.js';
import { cleanDocument, type CleanOptions } from '../clean/clean-document.js';

/** Metadata supplied with the input (feed item, CLI flags) wins over what the page says. */
export function prepareInput(input: RawInput, opts: CleanOptions = {}): CleanedDocument {
  const decoded = decodeBytes(input.bytes, input.origin);
  if (input.format === 'html') {
    const page = htmlToText(decoded, input.origin);
    return cleanDocument(input, page.text, {
      title: input.title ?? page.title,
      published: input.published ?? page.published,
    }, opts);
  }
  return cleanDocument(input, decoded, { title: input.title ?? null, published: input.published ?? null }, opts);
}
