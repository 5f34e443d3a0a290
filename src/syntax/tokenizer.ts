// Word tokenizer for the syntax layer: cuts text into syntactic words the way UD English (EWT,
// GUM) does, so a tagger and parser trained on those treebanks see what they were trained on.
//   - punctuation is split off; runs of . ! ? ("...", "?!") and of dashes ("--") stay whole;
//   - clitics are split: "didn't" → "did" + "n't", "SDF's" → "SDF" + "'s", "they're", "I'll",
//     "we'd", "I'm", curly apostrophes too; "cannot" → "can" + "not", "gonna" → "gon" + "na",
//     and the apostrophe-less web spellings ("dont" → "do" + "nt");
//   - hyphenated words are split ("search-engine" → "search" "-" "engine"), except after a
//     short list of prefixes the treebanks keep attached ("e-mail", "non-state", "re-elected");
//     digit groups joined by hyphens stay one token (phone numbers, "4-12");
//   - numbers with separators ("1,200", "3.5", "10:30", "9/11") are one token; "$" and "%" are split;
//   - abbreviations and initials keep their period ("U.S.", "Gen.", "J."), except at the very end
//     of the range, where the treebanks split the period off as the sentence's final punctuation;
//   - URLs, e-mail addresses, domain names, @handles and #hashtags are one token; emoji sequences
//     are one token; any other symbol is a token of its own.
// One global regex scan; tokens are capped at MAX_TOKEN characters; never throws.
import type { Word } from './types.js';

const MAX_TOKEN = 200;

/** Abbreviations that keep their period inside a sentence (case-sensitive, without the period). */
const ABBREVIATIONS = new Set(
  (
    'Mr Mrs Ms Messrs Mme Dr Prof Rev Hon Fr Sr Jr Esq St Mt Ft Ave Blvd Rd Sq ' +
    'Gen Gens Lt Col Maj Capt Cpt Cmdr Cdr Adm Sgt Cpl Pvt Brig Gov Govs Sen Sens Rep Reps Pres Supt Insp Det Amb ' +
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun ' +
    'Inc Ltd Co Corp Bros Dept Univ Assn Intl Natl Govt Attn ' +
    'Ont Que Alta Sask ' +
    'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo ' +
    'etc vs al approx cf ca esp incl misc est govt dept yrs hrs mins Fig Vol Op pp ed eds viz'
  ).split(' '),
);
/** Abbreviations that keep their period only before a number ("No. 5"). */
const NUMBER_ABBREVIATIONS = new Set(['No', 'no', 'Nos', 'nos', 'Nr', 'Art', 'art', 'Ch', 'ch', 'p', 'pp', 'para']);

/** Prefixes the treebanks keep attached to the word after their hyphen (lower case). */
const HYPHEN_PREFIXES = new Set(
  ('e non anti re pro pre co mid cross post over sub multi ex semi counter neo mini psycho socio inter intra ' +
    'un pseudo ultra bi tri extra trans infra quasi micro macro mega hyper vice').split(' '),
);

/** Contractions written without an apostrophe, split as the treebanks do (lower case → cut points). */
const CONTRACTIONS = new Map<string, number[]>([
  ['cannot', [3]], ['gonna', [3]], ['wanna', [3]], ['gotta', [3]],
  ['dont', [2]], ['wont', [2]], ['cant', [2]], ['aint', [2]], ['didnt', [3]], ['doesnt', [4]], ['isnt', [2]],
  ['wasnt', [3]], ['werent', [4]], ['arent', [3]], ['havent', [4]], ['hasnt', [3]], ['hadnt', [3]],
  ['couldnt', [5]], ['wouldnt', [5]], ['shouldnt', [6]],
  ['im', [1]], ['ive', [1]], ['youre', [3]], ['youll', [3]], ['youve', [3]], ['theyre', [4]], ['thats', [4]],
  ['whats', [4]], ['theres', [5]], ['itll', [2]],
]);

const W = '\\p{L}\\p{M}\\p{N}_\\u00AD\\u200C\\u200D';
const EXT = 'doc|docx|pdf|ppt|pptx|xls|xlsx|txt|rtf|htm|html|jpg|jpeg|gif|png|zip|exe|vcf|csv|mp3|mp4|wav|avi|mov';
const TLD = 'com|org|net|gov|edu|mil|int|info|biz|io|co|uk|us|ca|au|nz|de|fr|dk|nl|es|it|mx|ru|in|ir|iq|sy|tr|il|lb|jo|sa|ae|qa|eg|tv|me|ly|gob';

// Alternatives, in priority order; the capture group says which matched.
const TOKEN_RE = new RegExp(
  [
    // 1 URL (trailing punctuation is trimmed in code)
    `((?:https?|ftp)://[^\\s<>"“”]{1,300}|www\\.[^\\s<>"“”]{1,300}|mailto:[^\\s<>"“”]{1,300})`,
    // 2 e-mail, also the bare "Name@ENRON" of mail headers
    `([\\p{L}\\p{N}_.+%'-]{1,64}@[\\p{L}\\p{N}-]{1,63}(?:\\.[\\p{L}\\p{N}-]{1,63}){0,8})`,
    // 3 domain name, optional path
    `((?:[\\p{L}\\p{N}-]{1,63}\\.){1,8}(?:${TLD})(?![\\p{L}\\p{N}])(?:/[^\\s<>"“”]{0,300})?)`,
    // file name with a common extension ("report.pdf"), and "b/c", "w/o"
    `((?:[\\p{L}\\p{N}_-]{1,100}|(?<![\\p{L}\\p{N}]))\\.(?:${EXT})(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])(?:[bB]/[cC]|[wW]/[oO])(?![\\p{L}\\p{N}]))`,
    // 4 @handle or #hashtag
    `([@#][\\p{L}_][\\p{L}\\p{N}_]{0,100})`,
    // 5 number with separators ("1,200", "3.5", "10:30", "9/11", "713-853-3989"), an ordinal or
    // decade suffix ("20th", "1990s"); other letters after it are a word of their own ("5 pm", "9 mm")
    `(\\d+(?:,\\d{3}(?!\\d)|[.:/-]\\d+)*(?:(?:st|nd|rd|th|s|ST|ND|RD|TH|S)(?![\\p{L}\\p{N}]))?)`,
    // 6 dotted abbreviation of single letters ("U.S.", "e.g.", "p.m", "U.S.A."), "Ph.D."
    `(\\p{L}(?:\\.\\p{L}){1,12}\\.?(?![\\p{L}\\p{N}])|Ph\\.D\\.?)`,
    // 7 leading-apostrophe forms: clitics after a number or abbreviation, "'90s", "'em", "'n'"
    `(['’](?:[sS]|[rR][eE]|[vV][eE]|[lL][lL]|[dD]|[mM]|\\d\\d[sS]?|em|n|til|cause)(?![\\p{L}\\p{N}]))`,
    // 8 word: letters, marks, digits, with internal hyphens, apostrophes, and & between capitals
    `([\\p{L}\\p{N}_][${W}]*(?:(?:[-'’]|(?<=\\p{L})&(?=\\p{L}))[${W}]+)*)`,
    // 9 punctuation runs and emoticons
    `([.!?…]+|-{2,}|''|\`\`|\\*{2,}|\\+{2,}|\\^{2,}|={2,}|<{2,}|>{2,}|~{2,}|_{2,}|[:;=][-o^']?[()\\[\\]DPpO3/\\\\|*](?![\\p{L}\\p{N}]))`,
    // 10 emoji sequence or flag
    `(\\p{Extended_Pictographic}(?:\\p{Emoji_Modifier}|\\uFE0F|\\u20E3)*(?:\\u200D\\p{Extended_Pictographic}(?:\\p{Emoji_Modifier}|\\uFE0F)*)*|\\p{Regional_Indicator}{2})`,
    // 11 any other visible character (a lone surrogate included)
    `([^\\s\\p{Cc}\\p{Cf}\\p{Z}])`,
  ].join('|'),
  'gu',
);

const PHONE_RE = /^(?:\d+-\d+-\d+(?:-\d+)*|\d{3}-\d{4})$/;
const URL_TRAIL_RE = /[.,;:!?'"’”)\]}>]+$/;
const CLITIC_RE = /^(.+?)(n['’]t|N['’]T|['’](?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M))$/;
const DIGITS_RE = /^\d+$/;

/** Cut text[start, end) into syntactic words; offsets index into `text`. */
export function tokenizeWords(text: string, start = 0, end = text.length): Word[] {
  const out: Word[] = [];
  if (typeof text !== 'string') return out;
  start = Math.max(0, Math.min(text.length, Math.floor(start) || 0));
  end = Math.max(start, Math.min(text.length, Math.floor(end) || 0));
  if (end <= start) return out;
  const s = start === 0 && end === text.length ? text : text.slice(start, end);
  const re = TOKEN_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const a = m.index;
    let b = a + m[0].length;
    if (m[1] !== undefined) {
      // URL: give back trailing punctuation (but keep a ")" closing a "(" inside the URL).
      const trail = URL_TRAIL_RE.exec(m[0]);
      if (trail) {
        let cut = trail[0].length;
        if (trail[0].startsWith(')') && m[0].slice(0, -cut).includes('(')) cut -= 1;
        if (cut > 0 && b - cut > a + 4) { b -= cut; re.lastIndex = b; }
      }
      emit(s, a, b, start, out);
    } else if (m[6] !== undefined) {
      number(s, a, b, start, out);
    } else if (m[7] !== undefined) {
      emitWithPeriod(s, a, b, start, out);
    } else if (m[9] !== undefined) {
      word(s, a, b, start, re, out);
    } else {
      emit(s, a, b, start, out);
    }
  }
  return out;
}

/** A number: digit groups joined by hyphens stay whole only when they look like a phone number or a date ("853-5620", "11-20-2000"); ranges and scores are split ("1946 - 1954", "5 - 3"). */
function number(s: string, a: number, b: number, off: number, out: Word[]): void {
  const n = s.slice(a, b);
  if (n.indexOf('-') < 0) { emit(s, a, b, off, out); return; }
  const core = /^[\d:/.,-]+/.exec(n)![0];
  if (PHONE_RE.test(core)) { emit(s, a, b, off, out); return; }
  let p = a;
  for (let i = a; i < b; i++) {
    if (s.charCodeAt(i) === 45) { emit(s, p, i, off, out); emit(s, i, i + 1, off, out); p = i + 1; }
  }
  emit(s, p, b, off, out);
}

/** A token ending with its abbreviation period: at the end of the range the period is a token of its own. */
function emitWithPeriod(s: string, a: number, b: number, off: number, out: Word[]): void {
  if (b - a > 1 && s.charCodeAt(b - 1) === 46 /* . */ && atRangeEnd(s, b)) {
    emit(s, a, b - 1, off, out);
    emit(s, b - 1, b, off, out);
  } else emit(s, a, b, off, out);
}

function atRangeEnd(s: string, b: number): boolean {
  for (let i = b; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 160) return false;
  }
  return true;
}

/** A word match: abbreviation period, hyphen splitting, clitics. */
function word(s: string, a: number, b: number, off: number, re: RegExp, out: Word[]): void {
  const w = s.slice(a, b);
  // Abbreviation or initial keeping its period ("Gen.", "J."), unless it ends the range.
  if (s.charCodeAt(b) === 46 && s.charCodeAt(b + 1) !== 46 && !atRangeEnd(s, b + 1)) {
    if (isAbbreviation(w, s, b + 1)) {
      emit(s, a, b + 1, off, out);
      re.lastIndex = b + 1;
      return;
    }
  }
  if (w.indexOf('-') < 0) { pieceWithClitics(s, a, b, off, out); return; }
  // Hyphens: split unless the part before is a prefix the treebanks keep, or both sides are digits.
  let pieceStart = a;
  let i = a;
  while (i < b) {
    const h = s.indexOf('-', i);
    if (h < 0 || h >= b) break;
    const left = s.slice(pieceStart, h);
    const nextH = s.indexOf('-', h + 1);
    const right = s.slice(h + 1, nextH < 0 || nextH > b ? b : nextH);
    const keep = (pieceStart === a && HYPHEN_PREFIXES.has(left.toLowerCase())) || (DIGITS_RE.test(left) && DIGITS_RE.test(right));
    if (!keep) {
      pieceWithClitics(s, pieceStart, h, off, out);
      emit(s, h, h + 1, off, out);
      pieceStart = h + 1;
    }
    i = h + 1;
  }
  pieceWithClitics(s, pieceStart, b, off, out);
}

function isAbbreviation(w: string, s: string, after: number): boolean {
  if (w.length === 1) return true; // initials "J.", list items "b."
  if (ABBREVIATIONS.has(w)) return true;
  if (NUMBER_ABBREVIATIONS.has(w)) {
    let i = after;
    while (s.charCodeAt(i) === 32) i++;
    const c = s.charCodeAt(i);
    return c >= 48 && c <= 57;
  }
  return false;
}

function pieceWithClitics(s: string, a: number, b: number, off: number, out: Word[]): void {
  if (b <= a) return;
  const len = b - a;
  if (len <= 8) {
    const cut = CONTRACTIONS.get(s.slice(a, b).toLowerCase());
    if (cut) {
      let p = a;
      for (const c of cut) { emit(s, p, a + c, off, out); p = a + c; }
      emit(s, p, b, off, out);
      return;
    }
  }
  const w = s.slice(a, b);
  if (w.indexOf("'") < 0 && w.indexOf('’') < 0) { emit(s, a, b, off, out); return; }
  const m = CLITIC_RE.exec(w);
  if (m) {
    const stem = m[1]!;
    // "O'Neill's" → "O'Neill" + "'s": the stem keeps any inner apostrophe.
    emit(s, a, a + stem.length, off, out);
    emit(s, a + stem.length, b, off, out);
  } else emit(s, a, b, off, out);
}

function emit(s: string, a: number, b: number, off: number, out: Word[]): void {
  while (b - a > MAX_TOKEN) {
    let cut = a + MAX_TOKEN;
    const c = s.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--; // do not split a surrogate pair
    out.push({ start: a + off, end: cut + off, text: s.slice(a, cut) });
    a = cut;
  }
  if (b > a) out.push({ start: a + off, end: b + off, text: s.slice(a, b) });
}
