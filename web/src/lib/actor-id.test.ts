import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorProfileId, actorHref } from './actor-id.js';

test('pack-linked actors use kb ids, others their normalised name', () => {
  assert.equal(actorProfileId({ kb_id: 'islamic-state', name: 'ISIS' }), 'kb:islamic-state');
  assert.equal(actorProfileId({ kb_id: null, name: '  Farhad   Shami ' }), 'n:farhad shami');
  assert.equal(actorProfileId({ kb_id: null, name: 'The Sa’id-Brigade' }), 'n:said brigade');
  assert.equal(actorProfileId({ kb_id: null, name: 'Taḥrīr al-Shām' }), 'n:tahrir al sham');
  assert.equal(actorHref('n:farhad shami'), '#/actor/n%3Afarhad%20shami');
});
