// Fetches one URL with a deadline and a size cap; every failure becomes a one-line WatchfloorError.
import { WatchfloorError } from '../errors.js';
import { DEFAULT_MAX_BYTES, formatBytes } from './read-file.js';

export const DEFAULT_TIMEOUT_MS = 15_000;

export type FetchedUrl = { url: string; finalUrl: string; bytes: Buffer; contentType: string | null };
export type FetchOptions = { timeoutMs?: number; maxBytes?: number; fetchImpl?: typeof fetch };

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return (err as Error).message ?? String(err);
}

export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchedUrl> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const doFetch = opts.fetchImpl ?? fetch;
  const controller = new AbortController();
  let timedOut = false;
  // One deadline for headers and body together: a server that trickles bytes also times out.
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
  const timeoutError = (cause: unknown) => new WatchfloorError('TIMEOUT', `no complete answer within ${timeoutMs} ms`, {
    subject: url, hint: 'try again later or raise the timeout', cause,
  });
  try {
    let res: Response;
    try {
      res = await doFetch(url, {
        signal: controller.signal,
        redirect: 'follow',
        headers: {
          'user-agent': 'Watchfloor/0.1 (+ingest)',
          accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        },
      });
    } catch (err) {
      if (timedOut) throw timeoutError(err);
      throw new WatchfloorError('NETWORK', `cannot reach the server (${networkReason(err)})`, {
        subject: url, hint: 'check the address and the network connection', cause: err,
      });
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new WatchfloorError('NETWORK', `server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, {
        subject: url, hint: res.status === 404 ? 'check the address' : undefined,
      });
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    const tooLarge = (n: number) => new WatchfloorError('TOO_LARGE', `response is ${formatBytes(n)}${Number.isFinite(declared) ? '' : ' or more'}, over the ${formatBytes(maxBytes)} limit`, {
      subject: url, hint: 'raise the size limit if this page is really that large',
    });
    if (Number.isFinite(declared) && declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw tooLarge(declared);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      if (res.body) {
        const reader = res.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > maxBytes) {
            await reader.cancel().catch(() => undefined);
            throw tooLarge(total);
          }
          chunks.push(value);
        }
      }
    } catch (err) {
      if (err instanceof WatchfloorError) throw err;
      if (timedOut) throw timeoutError(err);
      throw new WatchfloorError('NETWORK', `connection broke while reading (${networkReason(err)})`, { subject: url, cause: err });
    }
    return {
      url,
      finalUrl: res.url || url,
      bytes: Buffer.concat(chunks),
      contentType: res.headers.get('content-type'),
    };
  } finally {
    clearTimeout(timer);
  }
}
