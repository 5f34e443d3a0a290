// Expands input specs (files, folders, URLs, feeds) into RawInputs. Each input succeeds or
// fails on its own: a bad one is reported and the others go on.
import { stat } from 'node:fs/promises';
import { WatchfloorError } from '../errors.js';
import { decodeBytes } from './decode-bytes.js';
import { DEFAULT_TIMEOUT_MS, fetchUrl } from './fetch-url.js';
import { parseFeed, type FeedItem } from './parse-feed.js';
import { toPartialDate } from './partial-date.js';
import { DEFAULT_MAX_BYTES, readFileBytes } from './read-file.js';
import { hintSaysFeed, sniffKind, type FormatHint } from './sniff-format.js';
import type { PartialDate, RawInput } from './types.js';
import { walkFolder } from './walk-folder.js';
import { isManifest, manifestsFor } from './folder-manifest.js';

export type ReadInputsOptions = {
  /** Publication date for every input (CLI flag); a feed item's own date wins over it. */
  published?: string | null;
  /** Source name for every input; defaults to the feed's title or the URL's host. */
  source?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
  /** For tests: a stand-in for global fetch. */
  fetchImpl?: typeof fetch;
};

export type InputResult =
  | { ok: true; input: RawInput }
  | { ok: false; origin: string; error: WatchfloorError };

type Ctx = { published: PartialDate | null; source: string | null; timeoutMs: number; maxBytes: number; fetchImpl?: typeof fetch };
type Loaded = { origin: string; bytes: Buffer; url: string | null; hint: FormatHint };

function asError(err: unknown, origin: string): WatchfloorError {
  if (err instanceof WatchfloorError) return err;
  return new WatchfloorError('UNSUPPORTED_INPUT', (err as Error)?.message ?? String(err), { subject: origin, cause: err });
}

function hostOf(url: string): string | null {
  try { return new URL(url).hostname || null; } catch { return null; }
}

async function loadUrl(url: string, ctx: Ctx): Promise<Loaded> {
  const got = await fetchUrl(url, { timeoutMs: ctx.timeoutMs, maxBytes: ctx.maxBytes, fetchImpl: ctx.fetchImpl });
  return { origin: url, bytes: got.bytes, url: got.finalUrl, hint: { path: new URL(got.finalUrl).pathname, contentType: got.contentType } };
}

/** Yields the inputs held by one loaded blob: itself, or each item when it is a feed. */
async function* expandLoaded(loaded: Loaded, ctx: Ctx): AsyncGenerator<InputResult> {
  let text: string;
  try {
    text = decodeBytes(loaded.bytes, loaded.origin);
  } catch (err) {
    yield { ok: false, origin: loaded.origin, error: asError(err, loaded.origin) };
    return;
  }
  const kind = sniffKind(text, loaded.hint);
  if (kind !== 'feed' && hintSaysFeed(loaded.hint)) {
    const what = /^\s*</.test(text) ? 'XML that is neither RSS nor Atom' : 'not XML';
    yield {
      ok: false, origin: loaded.origin,
      error: new WatchfloorError('BAD_FEED', `expected an RSS or Atom feed, but the content is ${what}`, { subject: loaded.origin }),
    };
    return;
  }
  if (kind === 'feed') {
    yield* expandFeed(loaded, text, ctx);
    return;
  }
  yield {
    ok: true,
    input: {
      origin: loaded.origin, bytes: loaded.bytes, format: kind, url: loaded.url,
      title: null, published: ctx.published, source: ctx.source ?? (loaded.url ? hostOf(loaded.url) : null),
    },
  };
}

async function* expandFeed(loaded: Loaded, xml: string, ctx: Ctx): AsyncGenerator<InputResult> {
  let items: FeedItem[];
  let feedTitle: string | null;
  try {
    const feed = parseFeed(xml, loaded.origin);
    items = feed.items;
    feedTitle = feed.title;
  } catch (err) {
    yield { ok: false, origin: loaded.origin, error: asError(err, loaded.origin) };
    return;
  }
  if (items.length === 0) {
    yield { ok: false, origin: loaded.origin, error: new WatchfloorError('EMPTY_INPUT', 'feed has no items', { subject: loaded.origin }) };
    return;
  }
  for (const item of items) {
    const origin = `${loaded.origin}#${item.id}`;
    const meta = {
      title: item.title,
      published: item.published ?? ctx.published,
      source: ctx.source ?? feedTitle ?? (item.link ? hostOf(item.link) : null),
    };
    const html = item.contentHtml ?? (item.link ? null : item.summaryHtml);
    if (html) {
      yield { ok: true, input: { origin, bytes: Buffer.from(html, 'utf8'), format: 'html', url: item.link, ...meta } };
      continue;
    }
    if (!item.link) {
      yield { ok: false, origin, error: new WatchfloorError('EMPTY_INPUT', 'feed item has neither content nor a link', { subject: origin }) };
      continue;
    }
    try {
      const page = await loadUrl(item.link, ctx);
      const pageText = decodeBytes(page.bytes, item.link);
      const kind = sniffKind(pageText, page.hint);
      yield {
        ok: true,
        input: { origin, bytes: page.bytes, format: kind === 'html' ? 'html' : 'text', url: page.url, ...meta },
      };
    } catch (err) {
      yield { ok: false, origin, error: asError(err, item.link) };
    }
  }
}

/**
 * Inputs held by bytes that arrived some other way (an upload): sniffed like a file of that
 * name, a feed expanded into its items.
 */
export async function* readBlob(blob: { origin: string; bytes: Buffer; contentType?: string | null }, opts: ReadInputsOptions = {}): AsyncGenerator<InputResult> {
  const ctx: Ctx = {
    published: opts.published ? toPartialDate(opts.published) : null,
    source: opts.source ?? null,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    fetchImpl: opts.fetchImpl,
  };
  if (blob.bytes.length > ctx.maxBytes) {
    yield { ok: false, origin: blob.origin, error: new WatchfloorError('TOO_LARGE', `upload is over the ${Math.round(ctx.maxBytes / 1048576)} MB limit`, { subject: blob.origin }) };
    return;
  }
  if (blob.bytes.length === 0) {
    yield { ok: false, origin: blob.origin, error: new WatchfloorError('EMPTY_INPUT', 'upload is empty', { subject: blob.origin }) };
    return;
  }
  yield* expandLoaded({ origin: blob.origin, bytes: blob.bytes, url: null, hint: { path: blob.origin, contentType: blob.contentType ?? null } }, ctx);
}

export async function* readInputs(specs: string[], opts: ReadInputsOptions = {}): AsyncGenerator<InputResult> {
  const published = opts.published ? toPartialDate(opts.published) : null;
  if (opts.published && !published) {
    throw new WatchfloorError('BAD_DATE', `"${opts.published}" is not a date`, { hint: 'use YYYY, YYYY-MM or YYYY-MM-DD' });
  }
  const ctx: Ctx = {
    published,
    source: opts.source ?? null,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    fetchImpl: opts.fetchImpl,
  };
  for (const spec of specs) {
    if (/^https?:\/\//i.test(spec)) {
      try {
        yield* expandLoaded(await loadUrl(spec, ctx), ctx);
      } catch (err) {
        yield { ok: false, origin: spec, error: asError(err, spec) };
      }
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
      yield {
        ok: false, origin: spec,
        error: new WatchfloorError('UNSUPPORTED_INPUT', 'only http and https addresses can be fetched', { subject: spec }),
      };
      continue;
    }
    let files: string[];
    try {
      const st = await stat(spec).catch((err: NodeJS.ErrnoException) => {
        throw err.code === 'ENOENT' || err.code === 'ENOTDIR'
          ? new WatchfloorError('NOT_FOUND', 'no such file or folder', { subject: spec, cause: err })
          : err;
      });
      files = st.isDirectory() ? (await walkFolder(spec)).filter((f) => !isManifest(f)) : [spec];
    } catch (err) {
      yield { ok: false, origin: spec, error: asError(err, spec) };
      continue;
    }
    const { metadata, errors } = await manifestsFor(files);
    for (const error of errors) yield { ok: false, origin: error.subject ?? spec, error };
    for (const path of files) {
      try {
        const bytes = await readFileBytes(path, ctx.maxBytes);
        const meta = metadata.get(path);
        for await (const item of expandLoaded({ origin: path, bytes, url: meta?.url ?? null, hint: { path } }, ctx)) {
          // Manifest metadata fills what the command line did not give.
          yield item.ok && meta
            ? { ok: true, input: { ...item.input, title: item.input.title ?? meta.title ?? null, published: ctx.published ?? meta.published ?? null, source: ctx.source ?? meta.source ?? item.input.source } }
            : item;
        }
      } catch (err) {
        yield { ok: false, origin: path, error: asError(err, path) };
      }
    }
  }
}
