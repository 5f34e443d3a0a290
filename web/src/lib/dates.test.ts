import { test } from 'node:test';
import assert from 'node:assert/strict';
import { whenInterval, isoDay, formatWhen } from './dates.js';

test('year, month and day precision cover their whole period', () => {
  const y = whenInterval({ start: '2024-01-01', end: '2024-12-31', precision: 'year', text: '2024' })!;
  assert.equal(isoDay(y[0]), '2024-01-01');
  assert.equal(isoDay(y[1]), '2025-01-01');
  const m = whenInterval({ start: '2024-02', end: '2024-02', precision: 'month', text: 'February' })!;
  assert.equal(isoDay(m[1]), '2024-03-01');
  const d = whenInterval({ start: '2024-02-10', end: '2024-02-10', precision: 'day', text: '10 Feb' })!;
  assert.equal(d[1] - d[0], 86_400_000);
  assert.equal(whenInterval(null), null);
  assert.equal(formatWhen({ start: '2024-01-01', end: '2024-12-31', precision: 'year', text: '' }), '2024');
});
