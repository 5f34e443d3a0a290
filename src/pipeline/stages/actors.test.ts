import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { coreLexicons, fixtureKnowledgeBase } from '../../knowledge/knowledge-base-fixture.js';
import type { PackActor } from '../../knowledge/pack-types.js';
import { splitSentences } from './sentences.js';
import { extractActors } from './actors.js';
import type { TimeOut } from '../../analysis/types.js';

const actors: PackActor[] = [
  { id: 'islamic-state', name: 'Islamic State', kind: 'armed-group', aliases: ['IS', 'ISIS', 'ISIL', 'Daesh', 'داعش'] },
  { id: 'gov-old', name: 'Old Government of Ruritania', kind: 'government-body', aliases: ['Ruritanian government', 'the old regime', 'Ruritanian regime'], ambiguous: ['Strelsau'], end: '2024-12-08' },
  { id: 'gov-new', name: 'Transitional Government of Ruritania', kind: 'government-body', aliases: ['Ruritanian government', 'Ruritanian authorities'], ambiguous: ['Strelsau'], start: '2024-12-08' },
  { id: 'rudolf', name: 'Rudolf Rassendyll', kind: 'person', aliases: ['Rassendyll'] },
  { id: 'protesters', name: 'Protesters', kind: 'population', aliases: ['protesters', 'demonstrators'] },
];
const kb = fixtureKnowledgeBase(actors);

function run(text: string, published: string | null, times: TimeOut[] = []) {
  return extractActors(text, published, splitSentences(text, new Set()), times, kb);
}

describe('actors stage', () => {
  it('merges every alias of one actor and keeps the surface forms seen', () => {
    const { actors: out } = run('The Islamic State (IS) attacked a village. ISIS later claimed it. Daesh is weaker now.', '2025-01');
    const is = out.filter((a) => a.kb_id === 'islamic-state');
    assert.equal(is.length, 1);
    assert.deepEqual(is[0]!.aliases, ['Islamic State', 'IS', 'ISIS', 'Daesh']);
    assert.equal(is[0]!.mentions.length, 4);
  });

  it('matches acronyms only in capitals', () => {
    const { actors: out } = run('This is what it is. The group is small.', '2025-01');
    assert.equal(out.length, 0);
  });

  it('offsets point at the text', () => {
    const text = 'Yesterday ISIS’s fighters and Daesh supporters met.';
    const { actors: out } = run(text, '2025-01');
    for (const m of out[0]!.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    assert.deepEqual(out[0]!.mentions.map((m) => m.text), ['ISIS', 'Daesh']);
  });

  it('chooses between time-bounded actors by the date of the sentence', () => {
    const before = run('The Ruritanian government imposed a curfew.', '2023-05-01');
    assert.equal(before.actors[0]!.kb_id, 'gov-old');
    const after = run('The Ruritanian government imposed a curfew.', '2025-02-01');
    assert.equal(after.actors[0]!.kb_id, 'gov-new');
  });

  it('links a capital used as its government only where the government is named and not after a locative preposition', () => {
    const { actors: out } = run('The Ruritanian authorities spoke. Strelsau launched raids on cells. Protests took place in Strelsau.', '2025-02-01');
    const gov = out.find((a) => a.kb_id === 'gov-new')!;
    assert.deepEqual(gov.mentions.map((m) => m.text), ['Ruritanian authorities', 'Strelsau']);
    const alone = run('Protests took place in Strelsau. Strelsau is quiet.', '2025-02-01');
    assert.equal(alone.actors.length, 0);
  });

  it('resolves "the group" to the last armed group and a surname to the full name', () => {
    const text = 'ISIS spokesman Abu Yahya al-Qassimi spoke on Friday. The group threatened the government. Al-Qassimi also praised fighters. Rudolf Rassendyll answered. Rassendyll said more.';
    const { actors: out } = run(text, '2025-02-01');
    const is = out.find((a) => a.kb_id === 'islamic-state')!;
    assert.ok(is.mentions.some((m) => m.text === 'The group'));
    assert.ok(!is.aliases.includes('The group'), 'descriptions are not aliases');
    const qassimi = out.find((a) => a.name === 'Abu Yahya al-Qassimi')!;
    assert.equal(qassimi.kb_id, null);
    assert.equal(qassimi.kind, 'person');
    assert.deepEqual(qassimi.mentions.map((m) => m.text), ['Abu Yahya al-Qassimi', 'Al-Qassimi']);
    const rudolf = out.find((a) => a.kb_id === 'rudolf')!;
    assert.equal(rudolf.mentions.length, 2);
  });

  it('finds actors the pack lacks by title, given name and organisation head noun', () => {
    const text = 'Foreign Minister Jan Kowalski met Mohammed Al-Rashidi. The Northern Valley Front denied it.';
    const { actors: out } = run(text, '2025-02-01');
    const names = out.map((a) => `${a.name}/${a.kind}`);
    assert.ok(names.includes('Jan Kowalski/person'), names.join(', '));
    assert.ok(names.includes('Mohammed Al-Rashidi/person'), names.join(', '));
    assert.ok(names.includes('Northern Valley Front/armed-group'), names.join(', '));
  });

  it('matches lower-case pack aliases in prose and Arabic script', () => {
    const { actors: out } = run('Hundreds of demonstrators gathered. وقال داعش إنه نفذ الهجوم.', '2025-02-01');
    assert.ok(out.some((a) => a.kb_id === 'protesters'));
    assert.ok(out.some((a) => a.kb_id === 'islamic-state'));
  });
});

describe('alias statements', () => {
  it('merges "X, also known as Y" into one actor', () => {
    const text = 'Police arrested Mohammed Al-Rashidi, also known as Abu Karam, in the city. Abu Karam had fled in 2019.';
    const { actors: out } = run(text, '2025-02-01');
    const persons = out.filter((a) => a.kind === 'person');
    assert.equal(persons.length, 1, persons.map((p) => p.name).join(', '));
    assert.deepEqual(persons[0]!.aliases, ['Mohammed Al-Rashidi', 'Abu Karam']);
    assert.equal(persons[0]!.mentions.length, 3);
  });
});

describe('state forces from a demonym', () => {
  it('reads "Ruritanian and Graustarkian patrols" as both states\' forces, but not "Ruritanian-backed"', () => {
    const kb2 = fixtureKnowledgeBase([
      { id: 'ru-army', name: 'Ruritanian Army', kind: 'state-force', aliases: [] },
      { id: 'gr-army', name: 'Graustarkian Army', kind: 'state-force', aliases: [] },
    ]);
    kb2.lexicons = new Map([...kb2.lexicons, ['state-forces', { Ruritanian: ['ru-army'], Graustarkian: ['gr-army'] }]]);
    const text = 'A joint Ruritanian and Graustarkian patrol crossed. Ruritanian-backed factions waited. Ruritanian officials spoke.';
    const out = extractActors(text, '2025-01-01', splitSentences(text, new Set()), [], kb2).actors;
    assert.deepEqual(out.map((a) => [a.kb_id, a.mentions.length]), [['ru-army', 1], ['gr-army', 1]]);
  });
});

describe('ambiguous aliases and the country focus', () => {
  it('links "the Ministry of Defense" to the ministry of the country the document is about', () => {
    const kb3 = fixtureKnowledgeBase([
      { id: 'ru-gov', name: 'Government of Ruritania', kind: 'government-body', country: 'RU', aliases: ['Ruritanian government'] },
      { id: 'ru-mod', name: 'Ministry of Defense (Ruritania)', kind: 'government-body', country: 'RU', aliases: ['Ruritanian Ministry of Defense'], ambiguous: ['Ministry of Defense'] },
      { id: 'gr-mod', name: 'Ministry of Defense (Graustark)', kind: 'government-body', country: 'GR', aliases: ['Graustarkian Ministry of Defense'], ambiguous: ['Ministry of Defense'] },
    ]);
    const text = 'The Ruritanian government named a new cabinet. The Ruritanian government also said the Ministry of Defense would absorb the militias.';
    const out = extractActors(text, '2025-01-01', splitSentences(text, new Set()), [], kb3).actors;
    assert.deepEqual(out.map((a) => a.kb_id), ['ru-gov', 'ru-mod']);
    const unfocused = 'A statement said the Ministry of Defense would answer.';
    assert.equal(extractActors(unfocused, '2025-01-01', splitSentences(unfocused, new Set()), [], kb3).actors.length, 0);
  });
});

describe('a common noun for a state force ("police") and the document\'s country', () => {
  const kbP = fixtureKnowledgeBase([
    { id: 'ru-gov', name: 'Government of Ruritania', kind: 'government-body', country: 'RU', aliases: ['Ruritanian government'] },
    { id: 'ru-police', name: 'Ruritanian Police', kind: 'state-force', country: 'RU', aliases: ['Ruritanian police'], ambiguous: ['police'] },
    { id: 'gr-police', name: 'Graustarkian Police', kind: 'state-force', country: 'GR', aliases: ['Graustarkian police'], ambiguous: ['police'] },
  ]);
  const linked = (text: string, countries: string[]) =>
    extractActors(text, '2021-05-01', splitSentences(text, new Set()), [], kbP, () => new Set(countries)).actors.map((a) => a.kb_id);

  it('links the police of the one country the places name', () => {
    const text = 'A roadside bomb went off in a market, leaving two police officers hurt.';
    assert.deepEqual(linked(text, ['RU']), ['ru-police']);
    assert.deepEqual(linked(text, ['GR']), ['gr-police']);
  });

  it('links nothing when the places name two countries, or none', () => {
    const text = 'A roadside bomb went off in a market, leaving two police officers hurt.';
    assert.deepEqual(linked(text, ['RU', 'GR']), []);
    assert.deepEqual(linked(text, []), []);
  });

  it('takes the country from the actors named when they agree, without asking the places', () => {
    const text = 'The Ruritanian government met. The Ruritanian government said the police made arrests.';
    let asked = false;
    const out = extractActors(text, '2021-05-01', splitSentences(text, new Set()), [], kbP, () => { asked = true; return new Set(['GR']); }).actors;
    assert.deepEqual(out.map((a) => a.kb_id), ['ru-gov', 'ru-police']);
    assert.equal(asked, false);
  });

  it('leaves police that a word before it assigns to someone else', () => {
    assert.deepEqual(linked('Patrols of the military police were seen near the bridge.', ['RU']), []);
    assert.deepEqual(linked('Kurdish police closed the road.', ['RU']), []);
  });
});

describe('a unit of a state force implies its parent force', () => {
  const kbU = fixtureKnowledgeBase([
    { id: 'ru-army', name: 'Ruritanian Army', kind: 'state-force', country: 'RU', aliases: [] },
    { id: 'ru-gov', name: 'Government of Ruritania', kind: 'government-body', country: 'RU', aliases: [] },
    { id: 'ninth-corps', name: '9th Corps', kind: 'state-force', country: 'RU', aliases: ['Ninth Corps'], start: '2015',
      affiliations: [{ predicate: 'part_of', object: 'ru-army', start: '2016', end: '2022' }] },
  ]);
  const ids = (text: string, published: string) => extractActors(text, published, splitSentences(text, new Set()), [], kbU).actors;

  it('adds the army, with no mention of its own, when the unit is named in a report of fighting', () => {
    const out = ids('Unknown gunmen opened fire on a convoy of the 9th Corps near the river.', '2020-05-07');
    assert.deepEqual(out.map((a) => [a.kb_id, a.mentions.length]), [['ninth-corps', 1], ['ru-army', 0]]);
  });

  it('adds nothing outside the dates of the affiliation or where the unit does not act', () => {
    assert.deepEqual(ids('Unknown gunmen opened fire on a convoy of the 9th Corps near the river.', '2023-05-07').map((a) => a.kb_id), ['ninth-corps']);
    assert.deepEqual(ids('The 9th Corps held a graduation ceremony for new officers.', '2020-05-07').map((a) => a.kb_id), ['ninth-corps']);
  });
});

describe('a force serving in a coalition inside its theatre implies the coalition', () => {
  const kbC = {
    ...fixtureKnowledgeBase([
      { id: 'league', name: 'Northern League Coalition', kind: 'coalition', aliases: ['Northern League'], start: '2016-03' },
      { id: 'gr-forces', name: 'Graustarkian Armed Forces', kind: 'state-force', country: 'GR', aliases: ['Graustarkian troops'] },
    ]),
    lexicons: new Map([...coreLexicons(), ['coalition-theatres', [{ coalition: 'league', countries: ['RU'], forces: ['gr-forces'] }]]]),
  };
  const ids = (text: string, published: string, countries: string[]) =>
    extractActors(text, published, splitSentences(text, new Set()), [], kbC, () => new Set(countries)).actors.map((a) => [a.kb_id, a.mentions.length]);

  it('adds the coalition, with no mention, when the force moves in the field where the document\'s places lie', () => {
    const text = 'Graustarkian troops brought reinforcements to their base near the river.';
    assert.deepEqual(ids(text, '2020-05-04', ['RU']), [['gr-forces', 1], ['league', 0]]);
  });

  it('adds nothing outside the theatre or before the coalition existed', () => {
    const text = 'Graustarkian troops brought reinforcements to their base near the river.';
    assert.deepEqual(ids(text, '2020-05-04', ['GR']), [['gr-forces', 1]]);
    assert.deepEqual(ids(text, '2015-05-04', ['RU']), [['gr-forces', 1]]);
  });
});

describe('words that make a name something else', () => {
  const kbW = fixtureKnowledgeBase([
    { id: 'civilians', name: 'Civilians', kind: 'population', aliases: ['civilians', 'civilian'] },
    { id: 'hilltop-party', name: 'Hilltop Party', kind: 'political-party', aliases: ['Hilltop', 'Hilltop Party'] },
  ]);
  const ids = (text: string) => extractActors(text, '2021-05-01', splitSentences(text, new Set()), [], kbW).actors.map((a) => a.kb_id);

  it('a population\'s name before a noun for armed men describes those men', () => {
    assert.deepEqual(ids('Gunmen fired on a civilian police patrol near the bank.'), []);
    assert.deepEqual(ids('Gunmen fired on a civilian near the bank.'), ['civilians']);
  });

  it('a name followed by a capitalised site word names the site', () => {
    assert.deepEqual(ids('Troops raided the area around Hilltop Hospital in the town.'), []);
    assert.deepEqual(ids('Troops raided the offices of Hilltop in the town.'), ['hilltop-party']);
  });
});

describe('possessive pronouns before a meeting or a statement', () => {
  const kbM = fixtureKnowledgeBase([
    { id: 'rudolf', name: 'Rudolf Rassendyll', kind: 'person', aliases: ['Rassendyll'] },
    { id: 'flavia', name: 'Flavia Elphberg', kind: 'person', aliases: [] },
  ]);
  const pronouns = (text: string) => {
    const out = extractActors(text, '2021-05-01', splitSentences(text, new Set()), [], kbM).actors;
    return out.flatMap((a) => a.mentions.filter((m) => /^h/.test(m.text)).map((m) => [a.kb_id, m.text]));
  };

  it('"his meeting" is the last person named, in the sentence or the one before; not kept as an alias', () => {
    const text = 'Rudolf Rassendyll took office in March. A weekly paper mocked his May 2021 meeting with Flavia Elphberg.';
    assert.deepEqual(pronouns(text), [['rudolf', 'his']]);
    const out = extractActors(text, '2021-05-01', splitSentences(text, new Set()), [], kbM).actors;
    assert.ok(!out.find((a) => a.kb_id === 'rudolf')!.aliases.includes('his'));
  });

  it('not before other nouns, nor when the person was named further back', () => {
    assert.deepEqual(pronouns('Rudolf Rassendyll took office. Police confirmed his arrest on Monday.'), []);
    assert.deepEqual(pronouns('Rudolf Rassendyll took office. Nothing changed for weeks. The press mocked his meeting with officials.'), []);
  });
});
