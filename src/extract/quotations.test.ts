import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotations } from './quotations.js';

const texts = (s: string) => findQuotations(s).map((q) => q.text);

describe('findQuotations', () => {
  it('pairs curly and straight double quotation marks within a paragraph', () => {
    assert.deepEqual(texts('He said “we will stay” and then "we will go" later.'), ['we will stay', 'we will go']);
    assert.deepEqual(texts('An opening “ with no end\n\nand a new paragraph.'), []);
  });

  it('single quotation marks, not apostrophes or plural possessives', () => {
    assert.deepEqual(texts("The army's units and the clans' elders met. 'Nobody was hurt,' he said."), ['Nobody was hurt,']);
    assert.deepEqual(texts("It had struck 'several tanks' in the area as a 'warning' to the town."), ['several tanks', 'warning']);
    assert.deepEqual(texts('She called it ‘a shameful act’ on Monday.'), ['a shameful act']);
    // Inside a double-quoted stretch a single mark is part of that quotation.
    assert.deepEqual(texts('“They told us \'leave now\' and we left,” she said.'), ["They told us 'leave now' and we left,"]);
    // British style: double marks inside single ones.
    assert.deepEqual(texts('\'They shouted "leave now" at us,\' she said.'), ['They shouted "leave now" at us,']);
  });

  it('a quotation over paragraphs: every paragraph but the last is open', () => {
    const qs = findQuotations('“We came with open hands.\n\n“We leave with nothing,” she said.');
    assert.deepEqual(qs.map((q) => [q.text, q.open === true]), [['We came with open hands.', true], ['We leave with nothing,', false]]);
  });
});
