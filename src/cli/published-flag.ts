import { WatchfloorError } from '../errors.js';
import { isValidCalendarDate } from '../ingest/partial-date.js';

/** Validates a --published flag: "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a real month and day. */
export function parsePublishedFlag(value: string | undefined): string | null {
  if (value === undefined) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  const valid = m && isValidCalendarDate(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  if (!valid) throw new WatchfloorError('BAD_REQUEST', `--published "${value}" is not a date`, { hint: 'use YYYY, YYYY-MM or YYYY-MM-DD' });
  return value;
}
