import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tokenizeWords } from './tokenizer.js';

const words = (text: string) => tokenizeWords(text).map((w) => w.text);

function checkOffsets(text: string, start = 0, end = text.length): void {
  for (const w of tokenizeWords(text, start, end)) {
    assert.equal(text.slice(w.start, w.end), w.text);
    assert.ok(w.start >= start && w.end <= end && w.end > w.start);
  }
}

describe('tokenizeWords', () => {
  it('keeps abbreviation periods inside the sentence and splits the final one', () => {
    assert.deepEqual(words('"We are ready," said Adm. Brad Cooper, head of U.S. Central Command.'), [
      '"', 'We', 'are', 'ready', ',', '"', 'said', 'Adm.', 'Brad', 'Cooper', ',', 'head', 'of', 'U.S.', 'Central', 'Command', '.',
    ]);
    assert.deepEqual(words('Lt. Col. Smith met Sgt. J. Ortiz and Dr. Amal on Jan. 5, e.g. at noon.'), [
      'Lt.', 'Col.', 'Smith', 'met', 'Sgt.', 'J.', 'Ortiz', 'and', 'Dr.', 'Amal', 'on', 'Jan.', '5', ',', 'e.g.', 'at', 'noon', '.',
    ]);
    assert.deepEqual(words('The drones were made in the U.S.'), ['The', 'drones', 'were', 'made', 'in', 'the', 'U.S', '.']);
    assert.deepEqual(words('Rifles, mortars, etc. were seized; see No. 4.'), ['Rifles', ',', 'mortars', ',', 'etc.', 'were', 'seized', ';', 'see', 'No.', '4', '.']);
  });

  it('splits clitics, straight and curly', () => {
    assert.deepEqual(words("The SDF's fighters didn't leave."), ['The', 'SDF', "'s", 'fighters', 'did', "n't", 'leave', '.']);
    assert.deepEqual(words('They’re sure we’ll win, I’m told; he’d say it won’t last.'), [
      'They', '’re', 'sure', 'we', '’ll', 'win', ',', 'I', '’m', 'told', ';', 'he', '’d', 'say', 'it', 'wo', 'n’t', 'last', '.',
    ]);
    assert.deepEqual(words("You've seen O'Neill's report? It can't be."), ['You', "'ve", 'seen', "O'Neill", "'s", 'report', '?', 'It', 'ca', "n't", 'be', '.']);
    assert.deepEqual(words('We cannot stay, we gonna leave, dont wait'), ['We', 'can', 'not', 'stay', ',', 'we', 'gon', 'na', 'leave', ',', 'do', 'nt', 'wait']);
    assert.deepEqual(words("the fighters' families"), ['the', 'fighters', "'", 'families']);
  });

  it('splits hyphenated words except after prefixes, and keeps numbers whole', () => {
    assert.deepEqual(words('a well-armed, pro-government e-mail campaign'), ['a', 'well', '-', 'armed', ',', 'pro-government', 'e-mail', 'campaign']);
    assert.deepEqual(words('al-Assad re-elected 1,200 troops, 3.5 percent at 10:30'), ['al', '-', 'Assad', 're-elected', '1,200', 'troops', ',', '3.5', 'percent', 'at', '10:30']);
    assert.deepEqual(words('$5 and 40% of 1990s units; the 20th day, 5pm'), ['$', '5', 'and', '40', '%', 'of', '1990s', 'units', ';', 'the', '20th', 'day', ',', '5', 'pm']);
    assert.deepEqual(words('call 713-853-3989 for the 2014-2017 data'), ['call', '713-853-3989', 'for', 'the', '2014', '-', '2017', 'data']);
  });

  it('cuts dashes, ellipses and quotes apart', () => {
    assert.deepEqual(words('Mosul — a city of 1.5 million -- fell... then “calm” returned–briefly.'), [
      'Mosul', '—', 'a', 'city', 'of', '1.5', 'million', '--', 'fell', '...', 'then', '“', 'calm', '”', 'returned', '–', 'briefly', '.',
    ]);
    assert.deepEqual(words('BAGHDAD (Reuters) - Why?! Nobody knows…'), ['BAGHDAD', '(', 'Reuters', ')', '-', 'Why', '?!', 'Nobody', 'knows', '…']);
  });

  it('keeps URLs, e-mails, handles, hashtags and emoji whole', () => {
    assert.deepEqual(words('See https://example.org/a?b=1, write to desk@example.com or @NewsDesk #Raqqa 🇸🇾 👍🏽!'), [
      'See', 'https://example.org/a?b=1', ',', 'write', 'to', 'desk@example.com', 'or', '@NewsDesk', '#Raqqa', '🇸🇾', '👍🏽', '!',
    ]);
    assert.deepEqual(words('Details on example.com. Thanks :)'), ['Details', 'on', 'example.com', '.', 'Thanks', ':)']);
  });

  it('treats Arabic-script names as words', () => {
    assert.deepEqual(words('Commander Mazloum Abdi (مظلوم عبدي) said: "No."'), ['Commander', 'Mazloum', 'Abdi', '(', 'مظلوم', 'عبدي', ')', 'said', ':', '"', 'No', '.', '"']);
  });

  it('gives offsets into the whole text for a range', () => {
    const text = 'First one. The SDF’s men didn’t go. Last.';
    const start = text.indexOf('The');
    const end = text.indexOf('Last') - 1;
    const ws = tokenizeWords(text, start, end);
    assert.deepEqual(ws.map((w) => w.text), ['The', 'SDF', '’s', 'men', 'did', 'n’t', 'go', '.']);
    checkOffsets(text, start, end);
    assert.deepEqual(tokenizeWords(text, 5, 5), []);
    assert.deepEqual(tokenizeWords(text, 30, 10), []);
  });

  // Bounded, not timed: the test runner's timeout catches a hang; speed is the bench's business.
  it('is robust to hostile input', { timeout: 60_000 }, () => {
    const noSpaces = 'ab-cd.'.repeat(400_000) + 'x@y'.repeat(200_000);
    const ws = tokenizeWords(noSpaces);
    assert.ok(ws.every((w) => w.text.length <= 200));
    const letters = 'a'.repeat(1_000_000);
    const long = tokenizeWords(letters);
    assert.equal(long.length, 5000);
    const weird = 'x\u0000y\u0007 \ud800 lone \udc00 tail\u200b\uFEFF end \u{1F600}\ud83d';
    checkOffsets(weird);
    assert.ok(tokenizeWords(weird).some((w) => w.text === '\ud800'));
  });
});
