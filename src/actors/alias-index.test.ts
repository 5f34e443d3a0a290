import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aliasIndex, caseModeOf } from './alias-index.js';
import { findPackMentions } from './find-pack-mentions.js';
import { fixtureKnowledgeBase } from '../knowledge/knowledge-base-fixture.js';
import { tokenize } from '../text/tokenize.js';

describe('alias casing', () => {
  it('reads short all-capital and mixed-case acronyms as written only', () => {
    assert.equal(caseModeOf('SDF'), 'exact');
    assert.equal(caseModeOf('JaS'), 'exact');
    assert.equal(caseModeOf('Levant Front'), 'capitalised');
    assert.equal(caseModeOf('al-Sham'), 'capitalised');
    assert.equal(caseModeOf('rebels'), 'any');
  });

  it('matches a mixed-case acronym only in its own casing, never a month or another acronym', () => {
    const kb = fixtureKnowledgeBase([
      { id: 'front', name: 'Valley Front', kind: 'armed-group', aliases: ['VaF'] },
    ]);
    const found = (text: string) => findPackMentions(text, tokenize(text), aliasIndex(kb)).map((h) => text.slice(h.start, h.end));
    assert.deepEqual(found('Fighters of VaF clashed with a rival group.'), ['VaF']);
    assert.deepEqual(found('The VAF airbase and the Vaf river were quiet.'), []);
  });
});
