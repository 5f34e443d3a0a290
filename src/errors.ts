// Typed errors: each carries what the user needs to fix the problem, and a stable code
// the CLI and API map to exit codes / HTTP statuses.
export type ErrorCode =
  | 'EMPTY_INPUT' | 'BINARY_INPUT' | 'INVALID_UTF8' | 'TOO_LARGE' | 'UNSUPPORTED_INPUT'
  | 'NOT_FOUND' | 'NETWORK' | 'TIMEOUT' | 'BAD_FEED' | 'BAD_HTML' | 'BAD_DATE'
  | 'BAD_PACK' | 'BAD_GOLD' | 'BAD_REQUEST' | 'STORE' | 'CONFIG';

export class WatchfloorError extends Error {
  readonly code: ErrorCode;
  /** What the input was: a path, a URL, a pack file with its line. */
  readonly subject: string | undefined;
  /** One line telling the user how to fix it, when we know. */
  readonly hint: string | undefined;
  constructor(code: ErrorCode, message: string, opts: { subject?: string; hint?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'WatchfloorError';
    this.code = code;
    this.subject = opts.subject;
    this.hint = opts.hint;
  }
  /** One line, for summaries: "<subject>: <message> (<hint>)". */
  oneLine(): string {
    const head = this.subject ? `${this.subject}: ` : '';
    return `${head}${this.message}${this.hint ? ` (${this.hint})` : ''}`;
  }
}

export function describeError(err: unknown): string {
  if (err instanceof WatchfloorError) return err.oneLine();
  if (err instanceof Error) return err.message;
  return String(err);
}
