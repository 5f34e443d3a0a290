import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleLemma } from './lemmatizer.js';

test('a stem that lost its silent e gets it back; one that never had one does not', () => {
  for (const [form, lemma] of [['escalated', 'escalate'], ['captured', 'capture'], ['moved', 'move'], ['fired', 'fire'], ['released', 'release'],
    ['exploded', 'explode'], ['evacuated', 'evacuate'], ['changed', 'change'], ['hanged', 'hang'], ['visited', 'visit'], ['targeted', 'target'],
    ['attacked', 'attack'], ['stopped', 'stop'], ['treated', 'treat'], ['opened', 'open']] as const) {
    assert.equal(ruleLemma(form, 'VBD'), lemma, form);
  }
});
