import { WatchfloorError } from '../errors.js';

/** Validates a --published flag: "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a real month and day. */
export function parsePublishedFlag(value: string | undefined): string | null {
  if (value === undefined) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  const month = m?.[2] ? Number(m[2]) : 1;
  const day = m?.[3] ? Number(m[3]) : 1;
  const valid = m && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  if (!valid) throw new WatchfloorError('BAD_REQUEST', `--published "${value}" is not a date`, { hint: 'use YYYY, YYYY-MM or YYYY-MM-DD' });
  return value;
}
