import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { activeAt, coalitionTheatres, parentForces, theatreCoalitions } from './parent-forces.js';
import { coreLexicons, fixtureKnowledgeBase } from '../knowledge/knowledge-base-fixture.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { WatchfloorError } from '../errors.js';

const kb = fixtureKnowledgeBase([
  { id: 'gov', name: 'Government of Ruritania', kind: 'government-body', aliases: [] },
  { id: 'army', name: 'Ruritanian Army', kind: 'state-force', aliases: [], end: '2024-12-08', affiliations: [{ predicate: 'part_of', object: 'gov' }] },
  { id: 'air', name: 'Ruritanian Air Wing', kind: 'state-force', aliases: [], affiliations: [{ predicate: 'part_of', object: 'army' }] },
  { id: 'squadron', name: '3rd Squadron', kind: 'state-force', aliases: [], affiliations: [{ predicate: 'part_of', object: 'air', start: '2018-06' }] },
  { id: 'militia', name: 'Hill Militia', kind: 'militia', aliases: [], affiliations: [{ predicate: 'part_of', object: 'army' }] },
  { id: 'allied', name: 'Allied Brigade', kind: 'state-force', aliases: [], affiliations: [{ predicate: 'allied_with', object: 'army' }] },
]);
const ids = (id: string, date: string | null) => parentForces(kb, id, date).map((a) => a.id);

describe('parent forces', () => {
  it('climbs part_of through state forces only, nearest first', () => {
    assert.deepEqual(ids('squadron', '2020-05-01'), ['air', 'army']);
    assert.deepEqual(ids('army', '2020-05-01'), []);
  });

  it('keeps to the dates of the affiliation and of the parent', () => {
    assert.deepEqual(ids('squadron', '2017-01-01'), []);
    assert.deepEqual(ids('squadron', '2025-02-01'), ['air']);
    assert.deepEqual(ids('squadron', null), ['air', 'army']);
  });

  it('never rolls up a militia or an ally', () => {
    assert.deepEqual(ids('militia', '2020-05-01'), []);
    assert.deepEqual(ids('allied', '2020-05-01'), []);
  });

  it('reads partial dates as whole months and years', () => {
    assert.equal(activeAt({ start: '2018-06' }, '2018-06-01'), true);
    assert.equal(activeAt({ start: '2018-06' }, '2018-05-31'), false);
    assert.equal(activeAt({ end: '2019' }, '2019-12-31'), true);
  });
});

describe('coalition theatres', () => {
  const base = fixtureKnowledgeBase([
    { id: 'league', name: 'Northern League Coalition', kind: 'coalition', aliases: [], start: '2016-03' },
    { id: 'gr-forces', name: 'Graustarkian Armed Forces', kind: 'state-force', aliases: [], country: 'GR' },
    { id: 'gr-navy', name: 'Graustarkian Navy', kind: 'state-force', aliases: [], country: 'GR' },
  ]);
  const withTheatres = (value: unknown): KnowledgeBase => ({ ...base, lexicons: new Map([...coreLexicons(), ['coalition-theatres', value]]) });
  const kb = withTheatres([{ coalition: 'league', countries: ['RU', 'BO'], forces: ['gr-forces'] }]);
  const ids = (id: string, date: string | null, countries: string[]) => theatreCoalitions(kb, id, date, new Set(countries)).map((a) => a.id);

  it('a listed force in the field inside the theatre serves as the coalition', () => {
    assert.deepEqual(ids('gr-forces', '2020-05-01', ['RU']), ['league']);
    assert.deepEqual(ids('gr-forces', null, ['BO', 'XX']), ['league']);
  });

  it('not outside the theatre, before the coalition existed, or for a force not listed', () => {
    assert.deepEqual(ids('gr-forces', '2020-05-01', ['GR']), []);
    assert.deepEqual(ids('gr-forces', '2015-05-01', ['RU']), []);
    assert.deepEqual(ids('gr-navy', '2020-05-01', ['RU']), []);
  });

  it('rejects an entry that names an unknown actor or lacks its countries', () => {
    assert.throws(() => coalitionTheatres(withTheatres([{ coalition: 'league', countries: ['RU'], forces: ['nobody'] }])), WatchfloorError);
    assert.throws(() => coalitionTheatres(withTheatres([{ coalition: 'league', forces: ['gr-forces'] }])), WatchfloorError);
  });
});
