import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datelinePlaces, titleCaseDatelines } from './dateline.js';

const names = (text: string) => datelinePlaces(text).map((s) => text.slice(s.start, s.end));

test('datelines: the filing cities at the start of a paragraph, before a date, an agency or a dash', () => {
  assert.deepEqual(names('Headline here\n\nZENDA, May 2 (Wire) - Talks began.'), ['ZENDA']);
  assert.deepEqual(names('STRELSAU/ZENDA, June 2026 - Envoys met.'), ['STRELSAU', 'ZENDA']);
  assert.deepEqual(names('NEW ZENDA, Ruritania, May 2 (Wire) - Talks began.'), ['NEW ZENDA']);
  assert.deepEqual(names('UNITED NATIONS (Wire) — Talks began.'), ['UNITED NATIONS']);
  assert.deepEqual(names('STRELSAU - Talks began.'), ['STRELSAU']);
});

test('no dateline in running prose, mid-sentence capitals or a short acronym', () => {
  assert.deepEqual(names('ISIS, which claimed the attack - and more - said so.'), []);
  assert.deepEqual(names('SDF - the Kurdish-led force - said so.'), []);
  assert.deepEqual(names('Talks in STRELSAU - the capital - began.'), []);
});

test('title case keeps offsets and leaves the rest of the text as it is', () => {
  const text = 'X\nSTRELSAU/NEW ZENDA, May 2 (AP) - The SDF said.';
  const out = titleCaseDatelines(text);
  assert.equal(out, 'X\nStrelsau/New Zenda, May 2 (AP) - The SDF said.');
  assert.equal(out.length, text.length);
});
