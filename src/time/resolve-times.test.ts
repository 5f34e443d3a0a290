import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolveTimes } from './resolve-times.js';
import type { TimeOut } from '../analysis/types.js';

/** [start, end, precision] of the time one of whose mentions reads `surface`; null if none. */
function at(times: TimeOut[], surface: string): [string, string, string] | null {
  const t = times.find((x) => x.mentions.some((m) => m.text === surface));
  return t ? [t.when.start, t.when.end, t.when.precision] : null;
}
const surfaces = (times: TimeOut[]) => times.flatMap((t) => t.mentions.map((m) => m.text));

test('mention offsets index the text exactly', () => {
  const text = 'Intro line.\nOn 4 June, the convoy left. In 2019, talks collapsed — “since 2016” said one.';
  const times = resolveTimes(text, '2020-08-10');
  assert.ok(times.length >= 3);
  for (const t of times) for (const m of t.mentions) assert.equal(text.slice(m.start, m.end), m.text);
});

test('day and month without a year: latest such date not after publication', () => {
  const text = 'The envoy spoke on 2 December about the crisis. On 11 January, the border reopened.';
  const month = resolveTimes(text, '2025-01');
  assert.deepEqual(at(month, '2 December'), ['2024-12-02', '2024-12-02', 'day']);
  assert.deepEqual(at(month, '11 January'), ['2025-01-11', '2025-01-11', 'day']);
  const day = resolveTimes(text, '2025-01-05');
  assert.deepEqual(at(day, '11 January'), ['2024-01-11', '2024-01-11', 'day']);
  assert.deepEqual(resolveTimes(text, null), []);
});

test('explicit calendar dates keep day or month precision', () => {
  const text = 'Talks began Dec. 8, 2024, resumed on 2024-12-20 and ended 9 March 2025. Fighting in December 2024 and in May 2025 was light. The dateline read 23-02-2026.';
  const times = resolveTimes(text, '2026-02-23');
  assert.deepEqual(at(times, 'Dec. 8, 2024'), ['2024-12-08', '2024-12-08', 'day']);
  assert.deepEqual(at(times, '2024-12-20'), ['2024-12-20', '2024-12-20', 'day']);
  assert.deepEqual(at(times, '9 March 2025'), ['2025-03-09', '2025-03-09', 'day']);
  assert.deepEqual(at(times, 'December 2024'), ['2024-12-01', '2024-12-31', 'month']);
  assert.deepEqual(at(times, 'May 2025'), ['2025-05-01', '2025-05-31', 'month']);
  assert.deepEqual(at(times, '23-02-2026'), ['2026-02-23', '2026-02-23', 'day']);
});

test('weekday: most recent one at or before a day-precise publication date, else left out', () => {
  const text = 'On Saturday, the group published a recording. Officials replied on Monday.';
  const times = resolveTimes(text, '2026-02-23'); // a Monday
  assert.deepEqual(at(times, 'Saturday'), ['2026-02-21', '2026-02-21', 'day']);
  assert.deepEqual(at(times, 'Monday'), ['2026-02-23', '2026-02-23', 'day']);
  assert.deepEqual(resolveTimes(text, '2026-02'), []);
  const last = resolveTimes('It happened last Monday.', '2026-02-23');
  assert.deepEqual(at(last, 'last Monday'), ['2026-02-16', '2026-02-16', 'day']);
});

test('relative chains resolve against the previous date in the text', () => {
  const text = 'On 3 March, militants stormed a checkpoint. Two days later, the army counterattacked. '
    + 'The next day, a truce was announced. A week later, it collapsed. Three days earlier, envoys had met.';
  const times = resolveTimes(text, '2023-06');
  assert.deepEqual(at(times, '3 March'), ['2023-03-03', '2023-03-03', 'day']);
  assert.deepEqual(at(times, 'Two days later'), ['2023-03-05', '2023-03-05', 'day']);
  assert.deepEqual(at(times, 'The next day'), ['2023-03-06', '2023-03-06', 'day']);
  assert.deepEqual(at(times, 'A week later'), ['2023-03-13', '2023-03-13', 'day']);
  assert.deepEqual(at(times, 'Three days earlier'), ['2023-03-10', '2023-03-10', 'day']);
});

test('periods counted from publication do not break a chain', () => {
  const text = 'The minister spoke on 9 May. A tribunal opens next month. A week later, a list of suspects appeared.';
  const times = resolveTimes(text, '2024-06-20');
  assert.deepEqual(at(times, 'next month'), ['2024-07-01', '2024-07-31', 'month']);
  assert.deepEqual(at(times, 'A week later'), ['2024-05-16', '2024-05-16', 'day']);
});

test('month ranges and "since" with a month', () => {
  const text = 'Convoys were halted twice since mid-March. Researchers counted 40 statements from January to April.';
  const times = resolveTimes(text, '2024-05-02');
  assert.deepEqual(at(times, 'since mid-March'), ['2024-03-01', '2024-05-02', 'range']);
  assert.deepEqual(at(times, 'January to April'), ['2024-01-01', '2024-04-30', 'range']);
});

test('a relative chain with no day-precise anchor is left out', () => {
  const times = resolveTimes('Two days later, the talks stalled. In 2016, X happened. The next day, Y.', '2020-01-01');
  assert.equal(at(times, 'Two days later'), null);
  assert.equal(at(times, 'The next day'), null);
  assert.deepEqual(at(times, '2016'), ['2016-01-01', '2016-12-31', 'year']);
});

test('periods relative to the publication date', () => {
  const text = 'Last year, raids doubled; this year they fell. Last month and next month differ. '
    + 'Last week, a convoy was hit. In recent months, cells regrouped over the past few years.';
  const times = resolveTimes(text, '2025-03-12'); // a Wednesday
  assert.deepEqual(at(times, 'Last year'), ['2024-01-01', '2024-12-31', 'year']);
  assert.deepEqual(at(times, 'this year'), ['2025-01-01', '2025-12-31', 'year']);
  assert.deepEqual(at(times, 'Last month'), ['2025-02-01', '2025-02-28', 'month']);
  assert.deepEqual(at(times, 'next month'), ['2025-04-01', '2025-04-30', 'month']);
  assert.deepEqual(at(times, 'Last week'), ['2025-03-03', '2025-03-09', 'range']);
  const recent = at(times, 'recent months')!;
  assert.equal(recent[2], 'range');
  assert.ok(recent[0] >= '2024-09-01' && recent[0] <= '2024-12-31' && recent[1] === '2025-03-12');
  const years = at(times, 'the past few years')!;
  assert.equal(years[2], 'range');
  assert.ok(years[0] < '2023-01-01' && years[1] === '2025-03-12');
});

test('month-precision publication: no day-level guesses', () => {
  const text = 'Yesterday, a mortar fell. Last week, a convoy was hit. Last month, talks resumed.';
  const times = resolveTimes(text, '2025-01');
  assert.equal(at(times, 'Yesterday'), null);
  assert.equal(at(times, 'Last week'), null);
  assert.deepEqual(at(times, 'Last month'), ['2024-12-01', '2024-12-31', 'month']);
});

test('yesterday, today and tonight with a day-precise publication date', () => {
  const times = resolveTimes('Yesterday the mayor resigned; today and tonight curfews apply.', '2024-03-01');
  assert.deepEqual(at(times, 'Yesterday'), ['2024-02-29', '2024-02-29', 'day']);
  assert.deepEqual(at(times, 'today'), ['2024-03-01', '2024-03-01', 'day']);
  assert.deepEqual(at(times, 'tonight'), ['2024-03-01', '2024-03-01', 'day']);
});

test('years, ranges, parts of years and decades', () => {
  const text = 'In 2016, the front moved. The militia has held the town since 2011. The split of 2008–2009 '
    + 'and the truce of 2010-2012 mattered, as did fighting between 2003 and 2007 and from 2017 to 2019. '
    + 'Raids rose in late 2022, early 2023 and mid-2021, echoing the 1990s. In 2014 and 2015 it grew.';
  const times = resolveTimes(text, '2024-05');
  assert.deepEqual(at(times, '2016'), ['2016-01-01', '2016-12-31', 'year']);
  assert.deepEqual(at(times, 'since 2011'), ['2011-01-01', '2024-05-31', 'range']);
  assert.deepEqual(at(times, '2008–2009'), ['2008-01-01', '2009-12-31', 'range']);
  assert.deepEqual(at(times, '2010-2012'), ['2010-01-01', '2012-12-31', 'range']);
  assert.deepEqual(at(times, 'between 2003 and 2007'), ['2003-01-01', '2007-12-31', 'range']);
  assert.deepEqual(at(times, 'from 2017 to 2019'), ['2017-01-01', '2019-12-31', 'range']);
  assert.deepEqual(at(times, 'late 2022'), ['2022-09-01', '2022-12-31', 'range']);
  assert.deepEqual(at(times, 'early 2023'), ['2023-01-01', '2023-04-30', 'range']);
  assert.deepEqual(at(times, 'mid-2021'), ['2021-05-01', '2021-08-31', 'range']);
  assert.deepEqual(at(times, '1990s'), ['1990-01-01', '1999-12-31', 'range']);
  assert.deepEqual(at(times, '2015'), ['2015-01-01', '2015-12-31', 'year']);
});

test('the same resolved date mentioned several times is one time with several mentions', () => {
  const text = 'In 2019, the first cell formed. Last year, and again in 2024, it struck; by 2019 it was known.';
  const times = resolveTimes(text, '2025-02');
  const y2019 = times.filter((t) => t.when.start === '2019-01-01' && t.when.precision === 'year');
  assert.equal(y2019.length, 1);
  assert.equal(y2019[0]!.mentions.length, 2);
  const y2024 = times.find((t) => t.when.start === '2024-01-01')!;
  assert.deepEqual(y2024.mentions.map((m) => m.text), ['Last year', '2024']);
  assert.equal(new Set(times.map((t) => t.id)).size, times.length);
});

test('no false positives from counts, codes, verbs and abbreviations', () => {
  const text = 'About 200 people fled and 2 security personnel were hurt. Resolution 2254 was cited. '
    + 'Fighters may break into the prison. Crowds march to the square. They meet on Sat at noon. '
    + 'A force of 2000 fighters massed. The bill cost $2015 and 2019% growth. Call 2017 2018 now. '
    + 'Supporters of the March 8 alliance gathered. The Sunday Times said crowds pray every Friday '
    + 'and after Friday prayers.';
  const times = resolveTimes(text, '2025-06-14');
  assert.deepEqual(surfaces(times), []);
});

test('uses sentence bounds for sentence-initial years when given', () => {
  const text = 'Background. 2014, the worst year, began badly.';
  const times = resolveTimes(text, '2020', [{ start: 0, end: 11 }, { start: 12, end: text.length }]);
  assert.deepEqual(at(times, '2014'), ['2014-01-01', '2014-12-31', 'year']);
});

test('runs fast on a 6 KB article', () => {
  const text = readFileSync(new URL('./fixtures/article-6kb.txt', import.meta.url), 'utf8');
  assert.ok(text.length > 5500);
  const first = resolveTimes(text, '2024-11-18');
  assert.ok(first.length >= 10);
  const n = 200;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) resolveTimes(text, '2024-11-18');
  const perSecond = n / ((performance.now() - t0) / 1000);
  // Generous floor (the target is well over 500/s): catches chrono being run on whole texts.
  assert.ok(perSecond > 150, `${perSecond.toFixed(0)} docs/s`);
});
