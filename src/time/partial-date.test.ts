import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays, addMonths, daysInMonth, formatPartialDate, parseDateString, parsePartialDate,
  spanContains, spansOverlap, compareSpans, weekdayOf, monthNumber,
} from './partial-date.js';

test('parsePartialDate reads year, month and day forms with inclusive ends', () => {
  assert.deepEqual(parsePartialDate('2025'), { start: '2025-01-01', end: '2025-12-31', precision: 'year' });
  assert.deepEqual(parsePartialDate('2025-01'), { start: '2025-01-01', end: '2025-01-31', precision: 'month' });
  assert.deepEqual(parsePartialDate('2024-02'), { start: '2024-02-01', end: '2024-02-29', precision: 'month' });
  assert.deepEqual(parsePartialDate('2023-02'), { start: '2023-02-01', end: '2023-02-28', precision: 'month' });
  assert.deepEqual(parsePartialDate('2026-02-23'), { start: '2026-02-23', end: '2026-02-23', precision: 'day' });
  assert.equal(parsePartialDate('2025-13'), null);
  assert.equal(parsePartialDate('2025-02-30'), null);
  assert.equal(parsePartialDate('yesterday'), null);
  assert.equal(parsePartialDate(null), null);
});

test('days in month follow the Gregorian leap rules', () => {
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(1900, 2), 28);
  assert.equal(daysInMonth(2000, 2), 29);
  assert.equal(daysInMonth(2025, 4), 30);
  assert.equal(daysInMonth(2025, 12), 31);
});

test('formatPartialDate round-trips and writes ranges as intervals', () => {
  for (const s of ['2019', '2019-07', '2019-07-04']) assert.equal(formatPartialDate(parsePartialDate(s)!), s);
  assert.equal(formatPartialDate({ start: '2013-01-01', end: '2014-12-31', precision: 'range' }), '2013-01-01/2014-12-31');
});

test('date arithmetic crosses month and year ends', () => {
  assert.equal(addDays('2024-12-30', 3), '2025-01-02');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
  assert.equal(addMonths('2025-01-15', -6), '2024-07-15');
  assert.equal(weekdayOf('2026-02-21'), 6); // a Saturday
});

test('overlap, containment and ordering of spans', () => {
  const y2024 = parsePartialDate('2024')!;
  const dec = parsePartialDate('2024-12')!;
  const jan = parsePartialDate('2025-01')!;
  assert.ok(spansOverlap(y2024, dec));
  assert.ok(!spansOverlap(dec, jan));
  assert.ok(spanContains(y2024, dec));
  assert.ok(!spanContains(dec, y2024));
  assert.equal(compareSpans(dec, jan), -1);
  assert.equal(compareSpans(y2024, dec), -1);
});

test('parseDateString reads date-line forms', () => {
  const day = (s: string) => parseDateString(s)?.start;
  assert.equal(day('23-02-2026'), '2026-02-23');
  assert.equal(day('23/02/2026'), '2026-02-23');
  assert.equal(day('02/23/2026'), '2026-02-23'); // only month-first is valid
  assert.equal(day('2025-01-11'), '2025-01-11');
  assert.equal(day('11 January 2025'), '2025-01-11');
  assert.equal(day('January 11, 2025'), '2025-01-11');
  assert.equal(day('Dec. 8, 2024'), '2024-12-08');
  assert.equal(day('3rd of March 2021'), '2021-03-03');
  assert.deepEqual(parseDateString('March 2021'), { start: '2021-03-01', end: '2021-03-31', precision: 'month' });
  assert.equal(parseDateString('31 February 2025'), null);
  assert.equal(parseDateString('Smaller Bigger'), null);
  assert.equal(monthNumber('Sept.'), 9);
});
