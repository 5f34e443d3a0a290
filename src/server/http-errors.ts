import type { ErrorCode } from '../errors.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  NOT_FOUND: 404, BAD_REQUEST: 400, EMPTY_INPUT: 422, BINARY_INPUT: 415, INVALID_UTF8: 422, TOO_LARGE: 413,
  UNSUPPORTED_INPUT: 415, BAD_FEED: 422, BAD_HTML: 422, BAD_DATE: 400, NETWORK: 502, TIMEOUT: 504,
};

export function httpStatusOf(code: ErrorCode): number {
  return STATUS[code] ?? 500;
}
