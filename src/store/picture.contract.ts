// The cross-document picture part of the Store contract (called from store.contract.ts):
// merging analyses across documents, re-analysis, the queries' filters and corrections.
import { withStoreFrom } from './contract-support.js';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WatchfloorError } from '../errors.js';
import { makeDocument, perturbSignature } from './fixtures/document-factory.js';
import { AnalysisBuilder, day } from './fixtures/picture-factory.js';
import type { Store } from './store.js';

const TEXT_A = 'Islamic State fighters attacked an army checkpoint near Palmyra. The Syrian Arab Army said two soldiers died. ISIS later claimed it.';
const TEXT_B = 'Daesh militants struck a checkpoint outside Tadmur, state media reported. The SAA repelled the attack. "We will return," a commander said.';
const TEXT_C = 'Hezbollah supports the Popular Mobilization Forces, officials in Baghdad said. Kataib Hezbollah denied any role in the Iraqi attack.';

/** Two reports of one attack near Palmyra (different names for the actors), and one unrelated document. */
async function seed(store: Store) {
  const a = makeDocument(TEXT_A, { title: 'Checkpoint attack', published: '2025-03-02' });
  const b = makeDocument(TEXT_B, { title: 'Attack repelled', published: '2025-03-03' });
  const c = makeDocument(TEXT_C, { title: 'Baghdad', published: '2024-06-10' });
  const aa = new AnalysisBuilder(a)
    .actor('a1', 'Islamic State', { kb: 'islamic-state', mentions: ['Islamic State', 'ISIS'] })
    .actor('a2', 'Syrian Arab Army', { kind: 'state-force', kb: 'syrian-arab-army' })
    .place('p1', 'Palmyra', 34.5560, 38.2800)
    .event('e1', { date: day('2025-03-01'), place: 'p1', actors: [['a1', 'perpetrator'], ['a2', 'target']], evidence: 'attacked an army checkpoint', fatalities: { min: 2, max: 2 } })
    .relation('r1', 'a1', 'attacks', 'a2', { valid: day('2025-03-01'), evidence: 'Islamic State fighters attacked' })
    .quote('q1', 'a2', 'two soldiers died');
  const ab = new AnalysisBuilder(b)
    .actor('x1', 'Daesh', { kb: 'islamic-state' })
    .actor('x2', 'SAA', { kind: 'state-force', kb: 'syrian-arab-army' })
    .actor('x3', 'Unnamed Commander', { kind: 'person', mentions: ['a commander'] })
    // Same town, another romanisation and coordinates 2 km away.
    .place('q1', 'Tadmur', 34.5700, 38.2900)
    .event('ev', { date: { start: '2025-03-01', end: '2025-03-02', precision: 'range', text: 'over the weekend' }, place: 'q1', actors: [['x1', 'perpetrator'], ['x2', 'target']], evidence: 'struck a checkpoint' })
    .relation('rr', 'x1', 'attacks', 'x2', { valid: day('2025-03-02'), evidence: 'Daesh militants struck' })
    .quote('qq', 'x3', 'We will return', day('2025-03-02'))
    .scenario('s1', 'The SAA repelled the attack', ['x1', 'x2']);
  const ac = new AnalysisBuilder(c)
    .actor('h', 'Hezbollah', { kind: 'militia', kb: 'hezbollah' })
    .actor('pmf', 'Popular Mobilization Forces', { kind: 'militia' })
    .actor('kh', 'Kataib Hezbollah', { kind: 'militia', kb: 'kataib-hezbollah' })
    .place('bg', 'Baghdad', 33.3152, 44.3661)
    .event('m', { type: 'statement', date: day('2024-06-09'), place: 'bg', actors: [['kh', 'speaker']], evidence: 'denied any role' })
    .relation('s', 'h', 'supports', 'pmf', { evidence: 'Hezbollah supports' })
    .relation('t', 'kh', 'member_of', 'pmf', { valid: { start: '2014-06-01', end: '2024-12-31', precision: 'range', text: 'since 2014' }, evidence: 'Kataib Hezbollah' });
  await store.putDocument(a, aa.analysis);
  await store.putDocument(b, ab.analysis);
  await store.putDocument(c, ac.analysis);
  return { a, b, c, aa, ab, ac };
}

export function runPictureContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract (picture): ${name}`, () => {
    const withStore = withStoreFrom(makeStore);

    it('merges one actor across documents by pack id, accumulating aliases and mentions', () => withStore(async (store) => {
      const { a, b } = await seed(store);
      const p = store.picture();
      const is = await p.actorProfile('kb:islamic-state');
      assert.ok(is);
      assert.equal(is.name, 'Islamic State');
      assert.deepEqual(new Set(is.aliases), new Set(['Islamic State', 'ISIS', 'Daesh']));
      assert.equal(is.document_count, 2);
      assert.equal(is.mentions, 3);
      assert.deepEqual(new Set(is.documents.map((d) => d.id)), new Set([a.id, b.id]));
      const all = await p.listActors();
      assert.equal(all.total, 6);
      assert.equal(all.items[0]!.id, 'kb:islamic-state', 'ordered by mentions');
      assert.equal(all.items.filter((x) => x.id === 'kb:syrian-arab-army').length, 1);
      assert.ok(all.items.some((x) => x.id === 'n:popular mobilization forces'), 'no pack id: id by normalised name');
      assert.equal(await p.actorProfile('kb:nobody'), null);
    }));

    it('filters actors by text (name or alias), kind and page', () => withStore(async (store) => {
      await seed(store);
      const p = store.picture();
      assert.deepEqual((await p.listActors({ q: 'daesh' })).items.map((x) => x.id), ['kb:islamic-state']);
      assert.deepEqual((await p.listActors({ q: 'hezbollah' })).items.map((x) => x.id).sort(), ['kb:hezbollah', 'kb:kataib-hezbollah']);
      assert.deepEqual((await p.listActors({ kind: 'state-force' })).items.map((x) => x.id), ['kb:syrian-arab-army']);
      const page = await p.listActors({ limit: 2, offset: 1 });
      assert.equal(page.items.length, 2);
      assert.equal(page.total, 6);
      assert.deepEqual((await p.listActors({ q: 'no such group' })).items, []);
    }));

    it('merges the same event from two documents into one event with two sources', () => withStore(async (store) => {
      const { a, b } = await seed(store);
      const p = store.picture();
      const attacks = await p.listEvents({ type: 'attack' });
      assert.equal(attacks.total, 1);
      const e = attacks.items[0]!;
      assert.deepEqual(e.sources.map((s) => s.document).sort(), [a.id, b.id].sort());
      assert.equal(e.place?.name, 'Palmyra');
      assert.deepEqual(e.fatalities, { min: 2, max: 2 });
      assert.deepEqual(e.actors.map((x) => `${x.actor.id}/${x.role}`).sort(), ['kb:islamic-state/perpetrator', 'kb:syrian-arab-army/target']);
      assert.equal(e.sources[0]!.evidence[0]!.text, 'attacked an army checkpoint');
      assert.equal((await p.listEvents()).total, 2);
      assert.equal(e.independent_sources, 2);
      assert.ok(e.sources.every((s) => s.near_duplicate_of === null));
    }));

    it('counts a near-duplicate copy of a source as a source but not as an independent one', () => withStore(async (store) => {
      const { a, b } = await seed(store);
      // A syndicated copy of A: another text, a MinHash signature 60/64 alike.
      const copy = makeDocument(`${TEXT_A} (Agency copy.)`, { title: 'Checkpoint attack (copy)', published: '2025-03-02', fingerprint: perturbSignature(a.fingerprint, [0, 1, 2, 3]) });
      const put = await store.putDocument(copy, new AnalysisBuilder(copy)
        .actor('i', 'ISIS', { kb: 'islamic-state' }).actor('s', 'Syrian Arab Army', { kind: 'state-force', kb: 'syrian-arab-army' })
        .place('p', 'Palmyra', 34.5560, 38.2800)
        .event('e', { date: day('2025-03-01'), place: 'p', actors: [['i', 'perpetrator'], ['s', 'target']], evidence: 'attacked an army checkpoint' }).analysis);
      assert.equal(put.status, 'inserted');
      const e = (await store.picture().listEvents({ type: 'attack' })).items[0]!;
      assert.deepEqual(e.sources.map((s) => s.document).sort(), [a.id, b.id, copy.id].sort());
      assert.equal(e.sources.find((s) => s.document === copy.id)?.near_duplicate_of, a.id);
      assert.equal(e.independent_sources, 2);
    }));

    it('watch().records(ids) reads just the cited records, as the full scan describes them', () => withStore(async (store) => {
      await seed(store);
      const watch = store.watch();
      try {
        const all = await watch.allRecords();
        const event = all.events.find((e) => e.type === 'attack')!;
        const relation = all.relations[0]!;
        const some = await watch.records([event.id, relation.id, 'no-such-record']);
        assert.deepEqual(some.events.map((e) => e.id), [event.id]);
        assert.deepEqual(some.relations.map((r) => r.id), [relation.id]);
        assert.deepEqual({ ...some.events[0]!, day: null, place: null }, { ...event, day: null, place: null });
        assert.deepEqual(some.relations[0]!.text, relation.text);
        assert.deepEqual(some.events[0]!.documents.length, 2);
      } finally {
        watch.close();
      }
    }));

    it('does not merge events of another type, far away, a month apart or without a shared actor', () => withStore(async (store) => {
      const base = (text: string) => makeDocument(text, { published: '2025-03-05' });
      const docs = ['x one. ', 'x two. ', 'x three. ', 'x four. ', 'x five. '].map(base);
      const build = (i: number, f: (b: AnalysisBuilder) => AnalysisBuilder) =>
        f(new AnalysisBuilder(docs[i]!).actor('g', 'Group', { kb: 'g' }).actor('h', 'Other', { kb: 'h' }).place('p', 'Town', 35, 40)).analysis;
      await store.putDocument(docs[0]!, build(0, (x) => x.event('e', { date: day('2025-03-01'), place: 'p', actors: [['g', 'perpetrator']] })));
      await store.putDocument(docs[1]!, build(1, (x) => x.event('e', { type: 'bombing', date: day('2025-03-01'), place: 'p', actors: [['g', 'perpetrator']] })));
      await store.putDocument(docs[2]!, build(2, (x) => x.place('far', 'Far Town', 35.5, 40).event('e', { date: day('2025-03-01'), place: 'far', actors: [['g', 'perpetrator']] })));
      await store.putDocument(docs[3]!, build(3, (x) => x.event('e', { date: day('2025-04-15'), place: 'p', actors: [['g', 'perpetrator']] })));
      await store.putDocument(docs[4]!, build(4, (x) => x.event('e', { date: day('2025-03-01'), place: 'p', actors: [['h', 'perpetrator']] })));
      assert.equal((await store.picture().listEvents()).total, 5);
      assert.ok((await store.picture().listEvents()).items.every((e) => e.sources.length === 1));
    }));

    it('accumulates relation evidence across documents, earliest start to latest end', () => withStore(async (store) => {
      const { a, b } = await seed(store);
      const rels = await store.picture().listRelations({ predicate: 'attacks' });
      assert.equal(rels.total, 1);
      const r = rels.items[0]!;
      assert.equal(r.subject.id, 'kb:islamic-state');
      assert.equal(r.object.id, 'kb:syrian-arab-army');
      assert.equal(r.documents, 2);
      assert.deepEqual(new Set(r.evidence.map((e) => e.document)), new Set([a.id, b.id]));
      assert.equal(r.valid?.start, '2025-03-01');
      assert.equal(r.valid?.end, '2025-03-02');
      assert.equal(r.first_seen, '2025-03-02');
    }));

    it('re-analysis replaces a document\'s contribution without duplicates', () => withStore(async (store) => {
      const { a, b, aa, ab } = await seed(store);
      const p = store.picture();
      await store.putAnalysis(b.id, ab.analysis);
      await store.putAnalysis(b.id, ab.analysis);
      const is = await p.actorProfile('kb:islamic-state');
      assert.equal(is?.mentions, 3);
      assert.equal(is?.document_count, 2);
      const [e] = (await p.listEvents({ type: 'attack' })).items;
      assert.equal(e?.sources.length, 2);
      assert.equal((await p.listRelations({ predicate: 'attacks' })).items[0]?.evidence.length, 2);
      assert.equal((await p.quotes()).total, 2);
      // Re-analysis that drops the event and the commander: sources and orphans go.
      const lean = structuredClone(ab.analysis);
      lean.events = [];
      lean.actors = lean.actors.filter((x) => x.id !== 'x3');
      lean.quotes = [];
      await store.putAnalysis(b.id, lean);
      const [only] = (await p.listEvents({ type: 'attack' })).items;
      assert.deepEqual(only?.sources.map((s) => s.document), [a.id]);
      assert.equal(await p.actorProfile('n:unnamed commander'), null);
      // An alias only the old analysis gave goes; one another document gives stays.
      const renamed = structuredClone(lean);
      renamed.actors.find((x) => x.id === 'x1')!.aliases = ['Daesh', 'Tanzim al-Dawla'];
      await store.putAnalysis(b.id, renamed);
      assert.ok((await p.actorProfile('kb:islamic-state'))?.aliases.includes('Tanzim al-Dawla'));
      await store.putAnalysis(b.id, lean);
      const aliases = (await p.actorProfile('kb:islamic-state'))?.aliases ?? [];
      assert.ok(!aliases.includes('Tanzim al-Dawla'), aliases.join(', '));
      assert.ok(aliases.includes('ISIS') && aliases.includes('Daesh'), aliases.join(', '));
      // And the other document's removal of everything drops the event entirely.
      const empty = structuredClone(aa.analysis);
      empty.events = [];
      await store.putAnalysis(a.id, empty);
      assert.equal((await p.listEvents({ type: 'attack' })).total, 0);
    }));

    it('filters events by actor, type, dates, bounding box and modality', () => withStore(async (store) => {
      await seed(store);
      const p = store.picture();
      assert.equal((await p.listEvents({ actor: 'kb:kataib-hezbollah' })).total, 1);
      assert.equal((await p.listEvents({ actor: 'kb:islamic-state' })).items[0]?.type, 'attack');
      assert.equal((await p.listEvents({ type: 'statement' })).total, 1);
      assert.equal((await p.listEvents({ from: '2025-01-01' })).total, 1);
      assert.equal((await p.listEvents({ to: '2024-12-31' })).total, 1);
      assert.equal((await p.listEvents({ from: '2025-03-02', to: '2025-03-02' })).total, 0, 'the merged event keeps the first report\'s day');
      assert.equal((await p.listEvents({ bbox: [38, 34, 39, 35] })).total, 1);
      assert.equal((await p.listEvents({ bbox: [44, 33, 45, 34] })).items[0]?.type, 'statement');
      assert.equal((await p.listEvents({ modality: 'claimed' })).total, 0);
      assert.equal((await p.listEvents({ modality: 'reported' })).total, 2);
      assert.equal((await p.listEvents({ limit: 1 })).items.length, 1);
    }));

    it('filters relations and builds the network as of a date', () => withStore(async (store) => {
      await seed(store);
      const p = store.picture();
      assert.equal((await p.listRelations({ actor: 'n:popular mobilization forces' })).total, 2);
      assert.equal((await p.listRelations({ modality: 'claimed' })).total, 0);
      const all = await p.network();
      assert.equal(all.edges.length, 3);
      assert.equal(all.nodes.length, 5);
      // 2020: only the member_of relation (2014-2024); "supports" has no validity and was first seen 2024-06-10.
      const y2020 = await p.network({ asOf: '2020-01-01' });
      assert.deepEqual(y2020.edges.map((e) => e.predicate), ['member_of']);
      const y2024 = await p.network({ asOf: '2024-07-01' });
      assert.deepEqual(y2024.edges.map((e) => e.predicate).sort(), ['member_of', 'supports']);
      const mar2025 = await p.network({ asOf: '2025-03-01', actors: ['kb:islamic-state'] });
      assert.deepEqual(mar2025.edges.map((e) => e.predicate), ['attacks']);
      assert.deepEqual(new Set(mar2025.nodes.map((n) => n.id)), new Set(['kb:islamic-state', 'kb:syrian-arab-army']));
      assert.equal((await p.network({ predicate: 'supports' })).edges.length, 1);
      // member_of ended 2024; "supports" (no validity) counts from 2024-06-10, open-ended.
      assert.deepEqual((await p.network({ from: '2025-01-01', to: '2025-12-31' })).edges.map((e) => e.predicate).sort(), ['attacks', 'supports']);
      assert.deepEqual((await p.network({ to: '2014-12-31' })).edges.map((e) => e.predicate), ['member_of']);
    }));

    it('builds a timeline with buckets and a places layer with counts', () => withStore(async (store) => {
      await seed(store);
      const p = store.picture();
      const t = await p.timeline({ bucket: 'month' });
      assert.equal(t.events.length, 2);
      assert.equal(t.buckets[0]?.start, '2024-06-01');
      assert.equal(t.buckets.at(-1)?.end, '2025-03-31');
      assert.equal(t.buckets.length, 10);
      assert.equal(t.buckets.reduce((n, b) => n + b.count, 0), 2);
      assert.deepEqual(t.buckets.at(-1)?.byType, { attack: 1 });
      const y = await p.timeline({ actor: 'kb:islamic-state', bucket: 'year' });
      assert.deepEqual(y.buckets.map((b) => [b.start, b.count]), [['2025-01-01', 1]]);
      const geo = await p.places();
      assert.equal(geo.type, 'FeatureCollection');
      assert.equal(geo.features.length, 2);
      const palmyra = geo.features.find((f) => f.properties.name === 'Palmyra');
      assert.deepEqual(palmyra?.geometry.coordinates, [38.28, 34.556]);
      assert.equal(palmyra?.properties.events, 1);
      assert.deepEqual((await p.places({ bbox: [44, 33, 45, 34] })).features.map((f) => f.properties.name), ['Baghdad']);
      assert.equal((await p.places({ type: 'bombing' })).features.length, 0);
    }));

    it('lists quotes by speaker and scenarios with merged actors', () => withStore(async (store) => {
      const { b } = await seed(store);
      const p = store.picture();
      const q = await p.quotes({ actor: 'kb:syrian-arab-army' });
      assert.deepEqual(q.items.map((x) => x.text), ['two soldiers died']);
      assert.equal(q.items[0]?.speaker?.name, 'Syrian Arab Army');
      const s = await p.scenarios();
      assert.equal(s.total, 1);
      assert.equal(s.items[0]?.document, b.id);
      assert.deepEqual(s.items[0]?.actors.map((x) => x.id), ['kb:islamic-state', 'kb:syrian-arab-army']);
    }));

    it('applies corrections, keeps them through re-analysis and undoes them', () => withStore(async (store) => {
      const { b, ab } = await seed(store);
      const p = store.picture();
      const eventId = (await p.listEvents({ type: 'attack' })).items[0]!.id;
      const fix = await p.addCorrection({ kind: 'fix-place', target: eventId, payload: { place: { name: 'Palmyra airbase', lat: 34.5574, lon: 38.3166 } }, note: 'wrong site' });
      assert.equal(fix.kind, 'fix-place');
      let e = (await p.listEvents({ type: 'attack' })).items[0]!;
      assert.equal(e.place?.name, 'Palmyra airbase');
      assert.deepEqual(e.corrections, [fix.id]);
      const reject = await p.addCorrection({ kind: 'reject-event', target: eventId });
      assert.equal((await p.listEvents({ type: 'attack' })).total, 0);
      // Re-analysis of one of the sources keeps both corrections.
      await store.putAnalysis(b.id, ab.analysis);
      assert.equal((await p.listEvents({ type: 'attack' })).total, 0);
      await p.undoCorrection(reject.id);
      e = (await p.listEvents({ type: 'attack' })).items[0]!;
      assert.equal(e.place?.name, 'Palmyra airbase');
      await p.undoCorrection(fix.id);
      assert.equal((await p.listEvents({ type: 'attack' })).items[0]?.place?.name, 'Palmyra');
      assert.equal((await p.listCorrections()).length, 0);
      assert.equal((await p.listCorrections({ includeReverted: true })).length, 2);

      const date = await p.addCorrection({ kind: 'fix-date', target: eventId, payload: { date: { start: '2025-02-27' } } });
      assert.equal((await p.listEvents({ type: 'attack' })).items[0]?.date?.start, '2025-02-27');
      await p.undoCorrection(date.id);

      const relId = (await p.listRelations({ predicate: 'supports' })).items[0]!.id;
      await p.addCorrection({ kind: 'reject-relation', target: relId });
      assert.equal((await p.listRelations({ predicate: 'supports' })).total, 0);
      assert.equal((await p.network({ predicate: 'supports' })).edges.length, 0);
    }));

    it('merges two actors by correction and splits an alias into its own actor', () => withStore(async (store) => {
      const { c, ac } = await seed(store);
      const p = store.picture();
      const m = await p.addCorrection({ kind: 'merge-actors', target: 'kb:hezbollah', payload: { other: 'kb:kataib-hezbollah' } });
      const prof = await p.actorProfile('kb:kataib-hezbollah');
      assert.equal(prof?.id, 'kb:hezbollah');
      assert.equal(prof?.redirected_from, 'kb:kataib-hezbollah');
      assert.deepEqual(prof?.merged, ['kb:kataib-hezbollah']);
      assert.equal((await p.listEvents({ actor: 'kb:hezbollah' })).total, 1);
      assert.equal((await p.listEvents({ type: 'statement' })).items[0]?.actors[0]?.actor.id, 'kb:hezbollah');
      assert.ok(!(await p.listActors()).items.some((x) => x.id === 'kb:kataib-hezbollah'));
      await store.putAnalysis(c.id, ac.analysis);
      assert.equal((await p.actorProfile('kb:kataib-hezbollah'))?.id, 'kb:hezbollah', 'survives re-analysis');
      await p.undoCorrection(m.id);
      assert.equal((await p.actorProfile('kb:kataib-hezbollah'))?.id, 'kb:kataib-hezbollah');

      const split = await p.addCorrection({ kind: 'split-alias', target: 'kb:islamic-state', payload: { alias: 'Daesh' } });
      const daesh = await p.actorProfile('n:daesh');
      assert.equal(daesh?.name, 'Daesh');
      assert.equal(daesh?.document_count, 1);
      assert.equal((await p.actorProfile('kb:islamic-state'))?.document_count, 1);
      assert.ok(!(await p.actorProfile('kb:islamic-state'))?.aliases.includes('Daesh'));
      await p.undoCorrection(split.id);
      assert.equal(await p.actorProfile('n:daesh'), null);
      assert.equal((await p.actorProfile('kb:islamic-state'))?.document_count, 2);
    }));

    it('rejects bad corrections with BAD_REQUEST or NOT_FOUND', () => withStore(async (store) => {
      await seed(store);
      const p = store.picture();
      const code = (c: string) => (err: unknown) => err instanceof WatchfloorError && err.code === c;
      await assert.rejects(p.addCorrection({ kind: 'reject-event', target: 'ev:none' }), code('NOT_FOUND'));
      await assert.rejects(p.addCorrection({ kind: 'merge-actors', target: 'kb:hezbollah', payload: {} }), code('BAD_REQUEST'));
      await assert.rejects(p.addCorrection({ kind: 'merge-actors', target: 'kb:hezbollah', payload: { other: 'kb:nobody' } }), code('NOT_FOUND'));
      const id = (await p.listEvents()).items[0]!.id;
      await assert.rejects(p.addCorrection({ kind: 'fix-date', target: id, payload: { date: { start: 'March' } } }), code('BAD_REQUEST'));
      await assert.rejects(p.addCorrection({ kind: 'fix-place', target: id, payload: { place: { name: 'X', lat: 95, lon: 0 } } }), code('BAD_REQUEST'));
      await assert.rejects(p.addCorrection({ kind: 'nonsense' as 'fix-date', target: id }), code('BAD_REQUEST'));
      await assert.rejects(p.undoCorrection('c-none'), code('NOT_FOUND'));
    }));
  });
}
