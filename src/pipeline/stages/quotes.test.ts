import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureKnowledgeBase } from '../../knowledge/knowledge-base-fixture.js';
import { splitSentences } from './sentences.js';
import { extractActors } from './actors.js';
import { extractQuotes } from './quotes.js';
import { resolveTimes } from '../../time/resolve-times.js';

const kb = fixtureKnowledgeBase([
  { id: 'islamic-state', name: 'Islamic State', kind: 'armed-group', aliases: ['IS', 'ISIS'] },
  { id: 'lena', name: 'Lena Varga', kind: 'person', aliases: [] },
  { id: 'omar', name: 'Omar Haddad', kind: 'person', aliases: [] },
]);

function quotes(text: string, published: string) {
  const sentences = splitSentences(text, new Set());
  const times = resolveTimes(text, published, sentences);
  const { actors } = extractActors(text, published, sentences, times, kb);
  const byId = new Map(actors.map((a) => [a.id, a.name]));
  return extractQuotes(text, sentences, actors, times, kb).map((q) => ({ ...q, speakerName: q.speaker ? byId.get(q.speaker) : null }));
}

describe('quotes stage', () => {
  it('attributes a quote to the person who said it, with date and venue', () => {
    const text = 'Minister Lena Varga said in a televised address on 3 March that the border “will stay closed until the attacks stop.”';
    const [q] = quotes(text, '2025-03-10');
    assert.equal(q!.speakerName, 'Lena Varga');
    assert.equal(q!.text, 'will stay closed until the attacks stop.');
    assert.equal(q!.date?.start, '2025-03-03');
    assert.equal(q!.venue, 'televised address');
    assert.equal(text.slice(q!.evidence[1]!.start, q!.evidence[1]!.end), q!.text);
  });

  it('follows the speech context: "the speech" and later quotes keep the speaker and date', () => {
    const text = [
      'On Saturday, ISIS released an audio recording of its spokesman Omar Haddad.',
      'The speech declared “a new phase of war against the government,” and later, Haddad urged fighters to defect.',
      'The speech also warned Lena Varga that “her fate will match that of her predecessors.”',
    ].join('\n\n');
    const out = quotes(text, '2025-03-10');
    assert.equal(out.length, 2);
    assert.deepEqual(out.map((q) => q.speakerName), ['Omar Haddad', 'Omar Haddad']);
    assert.equal(out[0]!.date?.start, '2025-03-08');
    assert.equal(out[1]!.date?.start, '2025-03-08');
    assert.equal(out[0]!.venue, 'audio recording');
  });

  it('takes the platform as venue and skips scare quotes and titles', () => {
    const text = 'Omar Haddad wrote on the social media platform X, “We will answer every attack on our people.” He called it “terror” again. The film “The Long Night Of The Desert Wind” aired.';
    const out = quotes(text, '2025-03-10');
    assert.equal(out.length, 1);
    assert.equal(out[0]!.venue, 'X');
    assert.equal(out[0]!.speakerName, 'Omar Haddad');
  });
});
