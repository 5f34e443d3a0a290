import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureKnowledgeBase } from '../../knowledge/knowledge-base-fixture.js';
import { sentenceLexicon, splitSentences } from './sentences.js';
import { extractActors } from './actors.js';
import { extractQuotes } from './quotes.js';
import { resolveTimes } from '../../time/resolve-times.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { loadSyntaxModel } from '../../syntax/model.js';
import { parseSpan, tagHintsOf } from './syntax.js';

const model = loadSyntaxModel();

/** Every layer the quotes stage reads, from the real stages and the trained parser. */
function analyse(text: string, published: string, kb: KnowledgeBase) {
  const sentences = splitSentences(text, sentenceLexicon(kb));
  const syntax = sentences.map((s) => parseSpan(model, text, s.start, s.end, tagHintsOf(kb)));
  const times = resolveTimes(text, published, sentences);
  const { actors } = extractActors(text, published, sentences, times, kb);
  const byId = new Map(actors.map((a) => [a.id, a.name]));
  return extractQuotes({ text, sentences, syntax, actors, times, kb }).map((q) => ({ ...q, speakerName: q.speaker ? byId.get(q.speaker) ?? null : null }));
}

const kb = fixtureKnowledgeBase([
  { id: 'islamic-state', name: 'Islamic State', kind: 'armed-group', aliases: ['IS', 'ISIS'] },
  { id: 'lena', name: 'Lena Varga', kind: 'person', aliases: [] },
  { id: 'omar', name: 'Omar Haddad', kind: 'person', aliases: [] },
]);

function quotes(text: string, published: string) {
  return analyse(text, published, kb);
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

describe('quotes stage: attribution after the quotation', () => {
  const kb2 = fixtureKnowledgeBase([
    { id: 'lion-front', name: 'Lion Front', kind: 'armed-group', aliases: [] },
    { id: 'lena', name: 'Lena Varga', kind: 'person', aliases: [] },
    { id: 'omar', name: 'Omar Haddad', kind: 'person', aliases: [] },
    { id: 'karim', name: 'Karim Saleh', kind: 'person', aliases: [] },
  ]);
  function run(text: string, published = '2025-03-10') {
    return analyse(text, published, kb2);
  }

  it('"…," X said / said X / Title X said: the speaker named after the quotation, not the one before', () => {
    const text = [
      'Omar Haddad spoke first. “We will hold every village in the valley,” Haddad said.',
      '“The valley will be ours again before the winter,” Lena Varga said.',
      '“Nobody will leave the camps until the roads are safe,” said Karim Saleh, an aid official.',
      '“The attacks on the convoys must stop at once,” Lion Front commander Omar Haddad said in a statement.',
    ].join('\n\n');
    const out = run(text);
    assert.deepEqual(out.map((q) => q.speakerName), ['Omar Haddad', 'Lena Varga', 'Karim Saleh', 'Omar Haddad']);
    assert.equal(out[3]!.venue, 'statement');
  });

  it('a name inside the quotation is never its speaker; the platform after it is the venue', () => {
    const out = run('Lena Varga spoke on Monday. “Omar Haddad will answer for the siege of the town,” the Lion Front said on Telegram.');
    assert.equal(out[0]!.speakerName, 'Lion Front');
    assert.equal(out[0]!.venue, 'Telegram');
  });

  it('an unnamed speaker ("one diplomat said") stays unknown, and so does the quotation that goes on', () => {
    const out = run('“The border will reopen next month,” Lena Varga said. “Nobody trusts those promises any more,” one diplomat said. “They have heard them every year.”');
    assert.deepEqual(out.map((q) => q.speakerName), ['Lena Varga', null, null]);
  });

  it('a quotation over two sentences takes the attribution that follows its end; "he added" goes on with the speaker', () => {
    const text = 'On 3 March, the talks collapsed. “We tried for a year. Today the door is closed,” Karim Saleh said. “There is nothing left to discuss with them,” he added.';
    const out = run(text);
    assert.equal(out[0]!.text, 'We tried for a year. Today the door is closed,');
    assert.equal(out[0]!.speakerName, 'Karim Saleh');
    assert.ok(out[0]!.evidence[0]!.text.startsWith('“We tried') && out[0]!.evidence[0]!.text.endsWith('said.'));
    // "Today" inside the quotation is the speaker's, not the date it was said.
    assert.equal(out[0]!.date?.start, '2025-03-03');
    assert.equal(out[1]!.speakerName, 'Karim Saleh');
  });

  it('the date nearest the speech verb wins, and a background year earlier in the paragraph is no date', () => {
    const out = run('During last year’s siege, Lena Varga warned on 2 December that “the city cannot hold out through another winter.”\n\nThe Lion Front split from its allies in 2019. Omar Haddad said the front “will never return to the old alliance.”', '2025-01-20');
    assert.equal(out[0]!.date?.start, '2024-12-02');
    assert.equal(out[1]!.speakerName, 'Omar Haddad');
    assert.equal(out[1]!.date, null);
  });
});

describe('quotes stage: speaker from the attribution structure', () => {
  const kb3 = fixtureKnowledgeBase([
    { id: 'lion-front', name: 'Lion Front', kind: 'armed-group', aliases: [] },
    { id: 'lena', name: 'Lena Varga', kind: 'person', aliases: [] },
    { id: 'omar', name: 'Omar Haddad', kind: 'person', aliases: [] },
    { id: 'karim', name: 'Karim Saleh', kind: 'person', aliases: [] },
    { id: 'cooper', name: 'Brad Cooper', kind: 'person', aliases: [] },
    { id: 'centcom', name: 'U.S. Central Command', kind: 'state-force', aliases: ['CENTCOM'] },
    { id: 'moi', name: 'Syrian Interior Ministry', kind: 'government-body', aliases: [] },
    { id: 'houthis', name: 'Houthis', kind: 'armed-group', aliases: ['Houthi'] },
    { id: 'syria', name: 'Syria', kind: 'state', aliases: [] },
    { id: 'valley-news', name: 'Valley News Agency', kind: 'media', aliases: [] },
  ]);
  const run = (text: string) => analyse(text, '2025-03-10', kb3);
  const speakers = (text: string) => run(text).map((q) => q.speakerName);

  it('inverted order with a rank: the person, not the rank nor the command he heads', () => {
    assert.deepEqual(speakers('“The patrols will go on until the sea lanes are safe,” said Adm. Brad Cooper, the head of U.S. Central Command.'), ['Brad Cooper']);
    assert.deepEqual(speakers('“Our ships will stay in the area for as long as it takes,” Adm. Brad Cooper said on Friday.'), ['Brad Cooper']);
    // Where the parse hangs the speech verb off the quotation wrongly, the verb in the narration after it still attributes it.
    assert.deepEqual(speakers('“Our forces took the hill,” the Lion Front media office head, Omar Haddad, wrote on Twitter on Saturday.'), ['Omar Haddad']);
  });

  it('"the statement said/read" is the group that issued it; "the ministry said" the ministry named before', () => {
    assert.deepEqual(speakers('The Lion Front issued a statement on Sunday. “Our fighters left the hill to spare the villagers,” the statement said.'), ['Lion Front']);
    assert.deepEqual(speakers('The Lion Front put out a long statement on Sunday. The statement read: “Our fighters left the hill to spare the villagers.”'), ['Lion Front']);
    assert.deepEqual(speakers('The Syrian Interior Ministry set up new checkpoints on Monday. “Every car entering the city will be searched,” the ministry said.'), ['Syrian Interior Ministry']);
    assert.deepEqual(speakers('A Houthi official, speaking on condition of anonymity, said “the talks have collapsed for good.”'), ['Houthis']);
    assert.deepEqual(speakers('According to the Lion Front, “the convoy was never stopped at the checkpoint.”'), ['Lion Front']);
    // The outlet that carried an earlier statement is not who issues this one.
    assert.deepEqual(speakers('In a statement carried by Valley News Agency, the Lion Front said its fighters held the ridge. “The ridge is still in our hands tonight,” the statement added.'), ['Lion Front']);
    assert.deepEqual(speakers('Valley News Agency reported clashes. On Monday the Lion Front issued a statement saying “the ridge is still in our hands tonight”.'), ['Lion Front']);
    assert.deepEqual(speakers('The statement, signed by the Lion Front, said “all options remain open for now”.'), ['Lion Front']);
  });

  it('"he said" / "he added" and quote paragraphs go on with the speaker across sentences and paragraphs', () => {
    const out = run([
      'Karim Saleh spoke to reporters in the town on Friday. “We counted forty destroyed houses,” he said.',
      '“Most families have nowhere to go. The winter will be hard,” he added.',
      '“We have asked for tents three times and heard nothing back.”',
    ].join('\n\n'));
    assert.deepEqual(out.map((q) => q.speakerName), ['Karim Saleh', 'Karim Saleh', 'Karim Saleh']);
    assert.equal(out[1]!.text, 'Most families have nowhere to go. The winter will be hard,');
    // A quotation over two paragraphs: the first, left open, is attributed where the quotation ends.
    const long = run('The talks ended on Monday.\n\n“We came with open hands and we leave with nothing.\n\n“The other side never wanted a deal,” Lena Varga said.');
    assert.deepEqual(long.map((q) => q.speakerName), ['Lena Varga', 'Lena Varga']);
    // Lion Front fighters ... "they said": the group.
    assert.deepEqual(speakers('Lion Front fighters entered the village at dawn. “We will stay until the road is open,” they said.'), ['Lion Front']);
  });

  it('partial quotations inside reported speech: the subject of the speech verb; short stray quotes are dropped', () => {
    const called = run('Lena Varga called the delay “deliberate procrastination” on Tuesday.');
    assert.deepEqual(called.map((q) => [q.text, q.speakerName]), [['deliberate procrastination', 'Lena Varga']]);
    assert.deepEqual(speakers('Omar Haddad told reporters the army was ready to “open every road” into the valley.'), ['Omar Haddad']);
    assert.deepEqual(speakers('Omar Haddad said the talks had failed. “There is nothing left to discuss,” he said, adding that the front would “respond in kind”.'), ['Omar Haddad', 'Omar Haddad']);
    // A participle names for the clause's subject: "a Houthi official ..., calling them “…”".
    assert.deepEqual(run('A Houthi official confirmed the raids, calling them “cowardly aggression.”').map((q) => [q.text, q.speakerName]), [['cowardly aggression.', 'Houthis']]);
    // Two words that no naming verb introduces are no quotation.
    assert.deepEqual(run('Omar Haddad said his men seized “two tanks” near the bridge.'), []);
  });

  it('a quotation without attribution gets no invented speaker', () => {
    assert.deepEqual(speakers('Omar Haddad visited the town in May.\n\nThe town has a long history.\n\nIts old market burned in 1920.\n\n“The market was rebuilt twice in the last century and burned each time.”'), [null]);
    // "According to media reports" names nobody, and the speaker of the quotation before does not carry over.
    assert.deepEqual(speakers('“We hold the bridge,” Lena Varga said.\n\nAccording to media reports, “the bridge changed hands twice during the night.”'), ['Lena Varga', null]);
    // An analyst is no spokesman: the country his speciality names is not the speaker ("a Houthi official" is).
    assert.deepEqual(speakers('“The border will stay closed all winter,” said a researcher on northern Syria.'), [null]);
    // An unnamed official "told reporters"; "he said" is that official, not the person named a paragraph before.
    assert.deepEqual(speakers('Lena Varga toured the camp in May.\n\nA security official told reporters the road was cut. “We cannot reach the camp before Friday,” he said.'), [null]);
    // A name in quotation marks is no speech.
    assert.deepEqual(run('Omar Haddad opened what he called a “Unity Conference” in the town.'), []);
  });

  it('single quotation marks are quotations; apostrophes are not', () => {
    const out = run("Omar Haddad said the clans' elders met on Monday. 'Our forces are doing what they can to protect the villages,' he told the television channel.");
    assert.deepEqual(out.map((q) => [q.text, q.speakerName]), [['Our forces are doing what they can to protect the villages,', 'Omar Haddad']]);
  });
});
