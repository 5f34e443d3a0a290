import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFatalities } from './fatalities.js';
import { testKb } from './test-kb.js';

const kb = testKb();
const read = (text: string, skip: { start: number; end: number }[] = []) => findFatalities(kb, text, 0, text.length, skip);

test('single counts, qualifiers, ranges and vague counts', () => {
  assert.deepEqual(read('The raid killed two border guards.'), { min: 2, max: 2 });
  assert.deepEqual(read('At least 14 people were killed in the blast.'), { min: 14, max: null });
  assert.deepEqual(read('Between 20 and 25 villagers were killed.'), { min: 20, max: 25 });
  assert.deepEqual(read('The shelling killed between 20 and 25 villagers.'), { min: 20, max: 25 });
  assert.deepEqual(read('Dozens of fighters died in the assault.'), { min: 12, max: null });
  assert.deepEqual(read('The blast caused no casualties.'), { min: 0, max: 0 });
  assert.equal(read('The convoy left the village at noon.'), null);
});

test('"N and M" is a range only after "between"', () => {
  // Not the range 5..3: five dead, three wounded.
  assert.deepEqual(read('A bomb that killed 5 and 3 others were wounded.'), { min: 5, max: 5 });
});

test('victims listed after one killing verb add up', () => {
  assert.deepEqual(read('The ambush killed 4 soldiers and 2 civilians.'), { min: 6, max: 6 });
  assert.deepEqual(read('Gunmen killed 3 guards, 2 drivers and 1 cook at the depot.'), { min: 6, max: 6 });
  assert.deepEqual(read('The fighting led to the killing of 1 member of the Hill Brigade and 2 members of the River Guard and the injuring of 6 others.'), { min: 3, max: 3 });
});

test('a listed count of the wounded or of time is not added', () => {
  assert.deepEqual(read('The ambush killed 4 soldiers and 2 civilians were wounded.'), { min: 4, max: 4 });
  assert.deepEqual(read('Gunmen killed 2 farmers and 5 hours later the army arrived.'), { min: 2, max: 2 });
  assert.deepEqual(read('Gunmen wounding 4 guards and 2 civilians were killed.'), { min: 2, max: 2 });
});

test('victims listed before one death word add up, "left ... dead" included', () => {
  assert.deepEqual(read('Three soldiers and two police officers were killed near the dam.'), { min: 5, max: 5 });
  assert.deepEqual(read('A mine blew up and gunfire followed, which left 3 tribal fighters and 1 policeman dead.'), { min: 4, max: 4 });
  // "left" with no dead-noun after the list is no death report.
  assert.equal(read('The column left 3 trucks and 2 tanks behind.'), null);
});

test('a bracketed aside inside a count is skipped', () => {
  assert.deepEqual(read('The raid left 4 guards (one of them a senior officer) dead and 2 others hurt.'), { min: 4, max: 4 });
  assert.deepEqual(read('Two herders from Tel Sino (Jabal Abyad) village were reportedly killed.'), { min: 2, max: 2 });
});

test('separate death reports joined by "and" add up, restatements and parts do not', () => {
  assert.deepEqual(read('At the outpost 5 guards were killed by gunfire and 2 were killed by mines, and 3 others were injured.'), { min: 7, max: 7 });
  assert.deepEqual(read('At least 12 people were killed, including 5 children killed in their homes.'), { min: 12, max: null });
  assert.deepEqual(read('Troops killed 3 militants and the group said it killed 10 soldiers.'), { min: 10, max: 10 });
  assert.deepEqual(read('The strike killed 7 people, and the death toll rose to 30.'), { min: 30, max: 30 });
});

test('date numbers and coder notes are never counts', () => {
  const text = 'On 7 May 2020, forces killed 2 gunmen.';
  assert.deepEqual(read(text, [{ start: 3, end: 13 }]), { min: 2, max: 2 });
  assert.equal(read('Casualties were reported; fatalities coded as 10.'), null);
});
