// The picture routes through app.inject() against a real store in a temp folder, with
// hand-built analyses (no extraction stages) and a fixture knowledge pack.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppContext } from '../../app/app-context.js';
import { fixtureKnowledgeBase } from '../../knowledge/knowledge-base-fixture.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { makeDocument } from '../../store/fixtures/document-factory.js';
import { AnalysisBuilder, day } from '../../store/fixtures/picture-factory.js';
import { createServer } from '../create-server.js';

class TestContext extends AppContext {
  override kb(): Promise<KnowledgeBase> {
    return Promise.resolve(fixtureKnowledgeBase([
      {
        id: 'islamic-state', name: 'Islamic State', kind: 'armed-group', aliases: ['ISIS'], description: 'Jihadist group.',
        affiliations: [{ predicate: 'hostile_to', object: 'syrian-arab-army', start: '2013' }],
      },
      { id: 'syrian-arab-army', name: 'Syrian Arab Army', kind: 'state-force', aliases: ['SAA'] },
    ]));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'watchfloor-routes-'));
const ctx = new TestContext({ dataDir: dir });
let app: FastifyInstance;
let eventId = '';

before(async () => {
  const store = await ctx.store();
  const a = makeDocument('Islamic State fighters attacked a checkpoint near Palmyra, the Syrian Arab Army said.', { title: 'A', published: '2025-03-02' });
  const b = makeDocument('ISIS struck a checkpoint outside Tadmur; the SAA said "we repelled them".', { title: 'B', published: '2025-03-03' });
  const build = (doc: typeof a, is: string, saa: string, place: string, lat: number) => new AnalysisBuilder(doc)
    .actor('x', is, { kb: 'islamic-state' }).actor('y', saa, { kind: 'state-force', kb: 'syrian-arab-army' })
    .place('p', place, lat, 38.28)
    .event('e', { date: day('2025-03-01'), place: 'p', actors: [['x', 'perpetrator'], ['y', 'target']] })
    .relation('r', 'x', 'attacks', 'y', { valid: day('2025-03-01') });
  await store.putDocument(a, build(a, 'Islamic State', 'Syrian Arab Army', 'Palmyra', 34.556).analysis);
  await store.putDocument(b, build(b, 'ISIS', 'SAA', 'Tadmur', 34.57).quote('q', 'y', 'we repelled them').analysis);
  app = await createServer({ ctx, webDir: join(dir, 'no-web') });
});
after(async () => {
  await app.close();
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
async function get(url: string): Promise<{ status: number; body: any }> {
  const r = await app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.json() };
}

describe('picture routes', () => {
  it('GET /api/actors pages actors merged across documents', async () => {
    const r = await get('/api/actors?limit=1');
    assert.equal(r.status, 200);
    assert.equal(r.body.total, 2);
    assert.equal(r.body.limit, 1);
    assert.equal(r.body.offset, 0);
    assert.equal(r.body.items.length, 1);
    assert.equal(r.body.items[0].documents, 2);
    assert.deepEqual((await get('/api/actors?kind=state-force')).body.items.map((x: { id: string }) => x.id), ['kb:syrian-arab-army']);
    assert.equal((await get('/api/actors?limit=0')).status, 400);
  });

  it('GET /api/actors/:id adds the pack description and affiliations with object names', async () => {
    const r = await get('/api/actors/kb:islamic-state');
    assert.equal(r.status, 200);
    assert.equal(r.body.description, 'Jihadist group.');
    assert.deepEqual(r.body.affiliations, [{ predicate: 'hostile_to', object: { id: 'kb:syrian-arab-army', name: 'Syrian Arab Army' }, start: '2013', end: null }]);
    assert.equal(r.body.events.length, 1);
    assert.equal(r.body.relations.length, 1);
    assert.equal(r.body.documents.length, 2);
    const miss = await get('/api/actors/kb:nobody');
    assert.equal(miss.status, 404);
    assert.equal(miss.body.error, 'NOT_FOUND');
  });

  it('GET /api/events returns one merged event with two sources and validates filters', async () => {
    const r = await get('/api/events?actor=kb:islamic-state&type=attack&from=2025-01-01&to=2025-12-31&bbox=38,34,39,35');
    assert.equal(r.status, 200);
    assert.equal(r.body.total, 1);
    assert.equal(r.body.items[0].sources.length, 2);
    assert.equal(r.body.items[0].actors[0].actor.name, 'Islamic State');
    eventId = r.body.items[0].id;
    assert.equal((await get('/api/events?bbox=40,34,41,35')).body.total, 0);
    for (const bad of ['from=March', 'bbox=1,2,3', 'bbox=10,0,5,1', 'limit=9999', 'type=Attack!']) {
      const e = await get(`/api/events?${bad}`);
      assert.equal(e.status, 400, bad);
      assert.equal(e.body.error, 'BAD_REQUEST');
    }
  });

  it('GET /api/relations, /api/network, /api/timeline, /api/places.geojson, /api/quotes, /api/scenarios', async () => {
    const rel = await get('/api/relations?actor=kb:syrian-arab-army&predicate=attacks');
    assert.equal(rel.body.items[0].evidence.length, 2);
    assert.equal(rel.body.items[0].subject.id, 'kb:islamic-state');
    const net = await get('/api/network?actors=kb:islamic-state,kb:syrian-arab-army&asOf=2025-03-01');
    assert.equal(net.body.edges.length, 1);
    assert.equal(net.body.nodes.length, 2);
    assert.equal((await get('/api/network?asOf=2024-01-01')).body.edges.length, 0);
    const tl = await get('/api/timeline?bucket=day&from=2025-02-28&to=2025-03-02');
    assert.deepEqual(tl.body.buckets.map((b: { start: string; count: number }) => [b.start, b.count]), [['2025-02-28', 0], ['2025-03-01', 1], ['2025-03-02', 0]]);
    assert.equal((await get('/api/timeline?bucket=week')).status, 400);
    const geo = await app.inject({ method: 'GET', url: '/api/places.geojson?bbox=38,34,39,35' });
    assert.match(String(geo.headers['content-type']), /geo\+json/);
    assert.equal(geo.json().features[0].properties.events, 1);
    const quotes = await get('/api/quotes?actor=kb:syrian-arab-army');
    assert.equal(quotes.body.items[0].speaker.name, 'Syrian Arab Army');
    assert.equal((await get('/api/scenarios')).body.total, 0);
  });

  it('POST/GET/DELETE /api/corrections', async () => {
    const post = await app.inject({ method: 'POST', url: '/api/corrections', payload: { kind: 'reject-event', target: eventId, note: 'duplicate report' } });
    assert.equal(post.statusCode, 201);
    const id = post.json().id;
    assert.equal((await get('/api/events')).body.total, 0);
    assert.deepEqual((await get('/api/corrections')).body.items.map((c: { id: string }) => c.id), [id]);
    const del = await app.inject({ method: 'DELETE', url: `/api/corrections/${id}` });
    assert.equal(del.statusCode, 200);
    assert.ok(del.json().reverted_at);
    assert.equal((await get('/api/events')).body.total, 1);
    const bad = await app.inject({ method: 'POST', url: '/api/corrections', payload: { kind: 'explode', target: 'x' } });
    assert.equal(bad.statusCode, 400);
    const missing = await app.inject({ method: 'POST', url: '/api/corrections', payload: { kind: 'reject-event', target: 'ev:none' } });
    assert.equal(missing.statusCode, 404);
    assert.equal((await app.inject({ method: 'DELETE', url: '/api/corrections/c-none' })).statusCode, 404);
  });

  it('describes the picture routes in /api/openapi.json', async () => {
    const spec = (await get('/api/openapi.json')).body;
    for (const p of ['/api/actors', '/api/actors/{id}', '/api/events', '/api/relations', '/api/network', '/api/timeline',
      '/api/places.geojson', '/api/quotes', '/api/scenarios', '/api/corrections', '/api/corrections/{id}']) assert.ok(spec.paths[p], p);
  });
});
