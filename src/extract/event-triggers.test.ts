import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventTriggers, objectWindowEnd } from './event-triggers.js';
import { testKb } from './test-kb.js';

const kb = testKb();

/** The trigger found on `word` in text: its group and type, or null when the word is no trigger. */
function at(text: string, word: string): { group: string; type: string; subtype: string | null } | null {
  const start = text.indexOf(word);
  assert.ok(start >= 0, `"${word}" not in test text`);
  const m = eventTriggers(kb).matchAll(text).find((x) => x.start === start);
  return m ? { group: m.value.group, type: m.value.type, subtype: m.value.subtype } : null;
}

test('a seizure of goods is looting, a seizure of a town stays a territorial change', () => {
  assert.deepEqual(at('Masked men seized two fuel tankers on the desert highway.', 'seized'), { group: 'looting-seizure', type: 'other', subtype: 'looting' });
  assert.deepEqual(at('The militia confiscated the olive harvest of three villages.', 'confiscated'), { group: 'looting-seizure', type: 'other', subtype: 'looting' });
  assert.equal(at('Rebels seized the hilltop town after a week of fighting.', 'seized')?.type, 'territorial-change');
  // "land" alone is territory, not property.
  assert.equal(at('The group seized large swathes of land in the east.', 'seized')?.type, 'territorial-change');
});

test('the object must stand in the same clause, a bracketed aside aside', () => {
  assert.equal(at('Rebels seized the bridge, then burned the trucks parked nearby.', 'seized')?.type, 'territorial-change');
  assert.equal(at('Rebels seized the depot where the trucks were parked.', 'seized')?.type, 'territorial-change');
  assert.equal(at('Gunfire left four guards (among them a young recruit) dead.', 'left')?.group, 'casualty-outcome');
});

test('levies and royalties imposed on residents are looting; a curfew is a security measure', () => {
  assert.deepEqual(at('The brigade imposed heavy levies on shopkeepers in the market.', 'imposed'), { group: 'looting-levy', type: 'other', subtype: 'looting' });
  assert.equal(at('The faction imposed new royalties on the olive farmers.', 'imposed')?.group, 'looting-levy');
  assert.deepEqual(at('The governor imposed a night curfew on the district.', 'imposed'), { group: 'curfew', type: 'deployment', subtype: null });
  // "imposed" alone is no event; the sanctions word is.
  assert.equal(at('The council imposed sanctions on the militia.', 'imposed'), null);
  assert.equal(at('The council imposed sanctions on the militia.', 'sanctions')?.type, 'sanction');
});

test('an outcome named without a violent verb: "left N dead" is a (generic) attack', () => {
  const hit = eventTriggers(kb).matchAll('A night operation left five militants dead.').find((m) => m.text === 'left');
  assert.equal(hit?.value.type, 'attack');
  assert.equal(hit?.value.generic, true);
  assert.equal(hit?.value.armedTargetType, 'armed-clash');
  assert.equal(at('The convoy left the city at dawn.', 'left'), null);
});

test('workers demanding wages protest; a demand for an apology is no protest', () => {
  assert.equal(at('Hospital nurses stood outside the ministry demanding their unpaid salaries.', 'demanding')?.type, 'protest');
  assert.equal(at('Teachers demanded jobs for graduates.', 'demanded')?.type, 'protest');
  assert.equal(at('The minister demanded an apology from the envoy.', 'demanded'), null);
});

test('closing entrances, roads or crossings is a deployment; "close to the border" is not', () => {
  assert.deepEqual(at('Army units closed all of the town\'s entrances until further notice.', 'closed'), { group: 'closure', type: 'deployment', subtype: null });
  assert.equal(at('Police shut the main road to the airport.', 'shut')?.group, 'closure');
  assert.equal(at('The rebels hold positions close to the border.', 'close'), null);
  assert.equal(at('The shop closed early.', 'closed'), null);
  // needs_actor: a closure nobody is named as doing is not an event.
  assert.equal(eventTriggers(kb).matchAll('Guards sealed the crossing.').find((m) => m.text === 'sealed')?.value.needsActor, true);
});

test('a group leaving its alliance or dissolving is a political change', () => {
  assert.equal(at('The brigade ended its affiliation with the northern operations room.', 'ended its affiliation with')?.type, 'political');
  assert.equal(at('A faction split from the coalition last spring.', 'split from')?.type, 'political');
  assert.equal(at('Parliament approved a new government on Thursday.', 'approved a new government')?.type, 'political');
});

test('the object window ends at punctuation, a clause word or after a few words', () => {
  const t = 'seized the depot, trucks';
  assert.equal(t.slice(0, objectWindowEnd(t, 6, t.length)), 'seized the depot');
  const u = 'seized the depot which held trucks';
  assert.equal(u.slice(0, objectWindowEnd(u, 6, u.length)), 'seized the depot');
  const v = 'left one two three four five six seven eight nine dead';
  assert.equal(v.slice(0, objectWindowEnd(v, 4, v.length)), 'left one two three four five six seven eight');
});

test('a group with an empty objects list is a pack error', () => {
  const bad = testKb({ lexicons: { 'event-triggers': { odd: { type: 'other', verbs: ['grab'], objects: [] } } } });
  assert.throws(() => eventTriggers(bad), /objects must not be empty/);
});

test('a word listed with and without objects falls back to its plain reading', () => {
  const own = testKb({ lexicons: { 'event-triggers': {
    plain: { type: 'territorial-change', verbs: ['grab'] },
    goods: { type: 'other', subtype: 'looting', verbs: ['grab'], objects: ['sheep'] },
  } } });
  const read = (text: string) => eventTriggers(own).matchAll(text).map((m) => m.value.group);
  assert.deepEqual(read('They grabbed forty sheep.'), ['goods']);
  assert.deepEqual(read('They grabbed the ridge.'), ['plain']);
});

test('a vow threatens only with force in view; an urging recruits only to join or fight', () => {
  const kb = testKb();
  const typeOf = (text: string, word: string) => eventTriggers(kb).matchAll(text).find((m) => m.text.toLowerCase().startsWith(word))?.value.type;
  assert.equal(typeOf('The group vowed to retaliate for the strike.', 'vow'), 'threat');
  assert.equal(typeOf('The government vowed to protect the minority.', 'vow'), 'statement');
  assert.equal(typeOf('The spokesman urged soldiers to defect and join the group.', 'urged'), 'recruitment-appeal');
  assert.equal(typeOf('The president urged all sides to respect the ceasefire.', 'urged'), 'statement');
});
