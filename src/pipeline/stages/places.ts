// Place mentions: capitalised (or Arabic-script) token runs looked up greedily, longest first,
// in the gazetteer; cue words ("X province", "rural X", "the X camp") refine what is meant.
// Ambiguous names are resolved by the document's context: the countries it is about, the other
// places it names (proximity, "X, Y" containment), then population. A name the gazetteer lacks
// but that the text places inside a known one ("in X, rural Y") is kept at Y's coordinates
// with precision "near". Stated containment ("X in Y", "X area west of Y", "X (Y) region of Z")
// binds: a namesake outside Y is not what the text means. A name that is also an English word or
// a person's name is a place only where the text says so (inside a stated container; "the town of X").
import { linkPlaceDescriptions } from '../../geo/place-coreference.js';
import nlp from 'compromise';
import type { PlaceOut, Span } from '../../analysis/types.js';
import type { GazetteerEntry, GazetteerMatch } from '../../geo/gazetteer-types.js';
import { foldName } from '../../geo/fold-name.js';
import { kmBetween } from '../../geo/distance.js';
import { titleCaseDatelines } from '../../geo/dateline.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { readStringList, readStringMap } from '../../knowledge/lexicon-shapes.js';
import type { Mention, Stage, StageInput } from '../stage.js';
import { phrasePattern } from '../../text/regexp-source.js';

type Token = { start: number; end: number; text: string };
type Cues = {
  stop: Set<string>; admin1: Set<string>; near: Set<string>; feature: string[][]; locative: Set<string>; direction: Set<string>;
  /** Feature, area and site words that may follow a name ("town", "desert", "street"), at the
   *  start of the text between a name and the next. */
  describer: RegExp;
  /** Generic heads of Arabic toponyms ("Tal", "Kafr", "Ain"), folded. */
  head: Set<string>;
  /** Streets, squares, markets: "X street of Y" is a site inside Y. */
  site: Set<string>;
  /** Last words of organisation names ("Telecom", "Association"): no place the gazetteer lacks. */
  organisation: Set<string>;
  /** "X television", "X TV": a broadcaster or paper named after a place is no place. */
  media: Set<string>;
  /** Compass words: "X west of Y" puts X near Y. */
  compass: Set<string>;
  /** "the town of X", "rural X" / "X area", "X town": words that say a name is a place ("in
   *  front of X" does not). */
  settingBefore: RegExp;
  settingAfter: RegExp;
  /** "X near Y", "X on the outskirts of Y": the words between two names that put X by Y. */
  proximity: RegExp;
  /** "in X", "the village of X": words before a name that say it is a place. */
  evidenceBefore: RegExp;
};
type Candidate = {
  start: number; end: number; surface: string;
  entries: GazetteerEntry[]; loose: boolean;
  /** "province" after the name: the governorate is meant. */
  admin1Cue: boolean;
  /** "countryside", "rural": the area around the place. */
  nearCue: boolean;
  /** A lone word that is also an English word ("Kinda", "Kelly"): a place only where the text
   *  puts it inside a place it lies in. */
  weak: boolean;
  /** Index of the candidate this one says it lies in ("X, Y"). */
  container: number | null;
  /** "X, rural Y", "X in Y countryside", "X, Y province": surely inside, not a list. */
  strongContainer: boolean;
  /** The container is only a comma away ("X, Y"): a list reads the same. */
  bareComma: boolean;
  /** Whether a locative word precedes it (for names the gazetteer lacks). */
  locative: boolean;
  /** How it relates to its container: inside it, another name of it ("X (Y)"), a street or
   *  square of it ("X street of Y"). */
  link: 'in' | 'alias' | 'site';
  /** A shorter name matched inside a longer capitalised one ("Bab" of "Bab al Faraj"): the
   *  whole name, kept as unknown when the match lies outside the stated container. */
  whole: { end: number; surface: string; site: boolean } | null;
  /** "Y city", "Y town": the city is meant, not its governorate. */
  cityCue: boolean;
  chosen: GazetteerEntry | null;
  /** Matched by one word or a loose spelling: read as a village only an imported (dense)
   *  gazetteer knows, a place only with evidence (a locative word, a container, a cue, a place
   *  of the same paragraph nearby). */
  dense: boolean;
  /** A locative word before it ("in X", "the village of X") or a setting word after ("X area"). */
  evidence: boolean;
  /** "X near Y", "X, east of Y": how far from its container X may lie, in km. */
  nearKm: number | null;
  /** A dense-gazetteer village followed by a street or square word ("X Roundabout"): a site of
   *  a town, named after the village, is meant. */
  namedAfter: boolean;
  /** The candidates the chosen entry beat, best first. */
  options: GazetteerEntry[];
  /** A name the gazetteer lacks (or whose entries all lie elsewhere) located by its container. */
  loc: { box: GazetteerEntry; wide: boolean } | null;
};

const TOKEN_RE = /[’'‘ʿʾ`]?[\p{L}\p{N}][\p{L}\p{M}\p{N}’'‘ʿʾ`]*(?:-[\p{L}\p{M}\p{N}’'‘ʿʾ`]+)*/gu;
const ARABIC = /[\u0600-\u06FF]/;
/** Lower-case tokens allowed inside a name ("Deir ez-Zor", "Ras al Ain", "Abu Kamal"). */
const CONNECTORS = new Set(['al', 'el', 'ar', 'as', 'ash', 'ad', 'an', 'at', 'az', 'ez', 'es', 'esh', 'ed', 'ul', 'bin', 'ibn', 'bani', 'abu', 'umm', 'um', 'de', 'da', 'di']);
const MAX_TOKENS = 6;

const cueCache = new WeakMap<object, Cues>();

function cuesOf(kb: KnowledgeBase): Cues {
  let c = cueCache.get(kb);
  if (c) return c;
  const map = readStringMap(kb.lexicons, 'place-cues');
  const lower = (xs: string[] | undefined) => new Set((xs ?? []).map((x) => x.toLowerCase()));
  const alt = (xs: string[]) => xs.map((w) => phrasePattern(w.toLowerCase()))
    .sort((a, b) => b.length - a.length).join('|');
  const direction = lower(map.direction);
  // No setting words: a pattern that never matches.
  const setting = map.setting?.length ? alt(map.setting) : '(?!)';
  c = {
    stop: new Set(readStringList(kb.lexicons, 'place-stopwords').map(foldName)),
    admin1: lower(map.admin1), near: lower(map.near), locative: lower(map.locative), direction,
    feature: (map.feature ?? []).map((f) => f.toLowerCase().split(/\s+/)).sort((a, b) => b.length - a.length),
    head: new Set((map.head ?? []).map(foldName)),
    describer: new RegExp(`^\\s+(${alt([...(map.feature ?? []), ...(map.near ?? []), ...(map.site ?? []), ...(map.extent ?? []), 'locality', 'neighbourhood'])})\\b`, 'iu'),
    site: lower(map.site), organisation: lower(map.organisation), media: lower(map.media),
    // The direction words that are points of the compass, not "rural", "the", "of".
    compass: new Set([...direction].filter((w) => /^(?:north|south|east|west)/.test(w) && !/ern$/.test(w))),
    settingBefore: new RegExp(`\\b(?:${setting})(?:\\s+of)?(?:\\s+the)?\\s+$`, 'iu'),
    settingAfter: new RegExp(`^\\s+(?:${setting})\\b`, 'iu'),
    proximity: new RegExp(`^\\s*,?\\s+(?:${map.proximity?.length ? alt(map.proximity) : '(?!)'})\\s+(?:the\\s+)?(?:(?:town|city|village)\\s+of\\s+)?$`, 'iu'),
    // Not \\b: it knows only ASCII letters, and the evidence words may be Arabic ("قرية X").
    evidenceBefore: new RegExp(`(?<![\\p{L}\\p{N}])(?:${map.evidence?.length ? alt(map.evidence) : '(?!)'})\\s+(?:the\\s+)?$`, 'iu'),
  };
  cueCache.set(kb, c);
  return c;
}

/** English words (compromise's lexicon) other than place names: "Other", "Mobile", "May". */
const COMMON_WORDS: ReadonlySet<string> = (() => {
  const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  const out = new Set<string>();
  for (const [word, tags] of Object.entries(lexicon)) {
    const list = Array.isArray(tags) ? tags : [tags];
    if (!list.some((t) => /^(?:City|Country|Region|Place|Town|ProperNoun)$/.test(t))) out.add(word);
  }
  return out;
})();

/** A lone word is taken as a place only when it is not also an English word or an acronym,
 *  unless curated data (country, governorate, pack place) names it. An English word (or a
 *  first name) is 'weak': a place only where the text puts it inside one (resolve()). */
function plausibleSingleWord(word: string, entries: GazetteerEntry[]): boolean | 'weak' {
  const curated = entries.filter((e) => e.source !== 'geonames');
  // "X" (the network), "Al" alone: too short to be evidence of a place.
  if (word.replace(/[^\p{L}]/gu, '').length < 3 && !curated.some((e) => plain(e.name) === plain(word))) return false;
  if (/^\p{Lu}{2,}$/u.test(word)) return curated.length > 0;
  const lower = word.toLowerCase();
  // Plurals ("Units", "Forces") are English words when their singular is.
  if (!COMMON_WORDS.has(lower) && !(lower.endsWith('s') && COMMON_WORDS.has(lower.slice(0, -1)))) return true;
  // "Such" folds like the village "Susah": an English word counts only when curated data
  // (a country, a governorate, a pack place) bears exactly that name.
  return curated.some((e) => plain(e.name) === plain(word) || e.kind === 'country') || 'weak';
}

/** Lower case without accents or apostrophes, for exact-spelling comparisons. */
function plain(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’'‘`ʿʾ]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** At the start of a sentence or line, where capitalisation says nothing about a name. */
function sentenceInitial(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && /[\s"“”‘’'([«»*#-]/.test(text[k]!)) {
    if (text[k] === '\n') return true;
    k--;
  }
  return k < 0 || /[.!?:;•|]/.test(text[k]!);
}

function isCapitalised(t: string): boolean {
  // Fast paths for plain ASCII words, the bulk of any English text.
  const c = t.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 97 && c <= 122 && !t.includes('-')) return false;
  const s = t.replace(/^[’'‘ʿʾ`]/, '');
  if (ARABIC.test(s)) return true;
  if (/^\p{Lu}/u.test(s)) return true;
  // "al-Bukamal", "ar-Raqqa": a lower-case article glued to a capitalised name.
  return /^(?:al|el|ar|as|ash|ad|an|at|az|ez|es|esh|ed|er|en|et|ul)-\p{Lu}/u.test(s);
}

const km = kmBetween;

/** Matched by one word or only loosely: weak evidence where the reading is a village of an imported (dense) gazetteer. */
function isDenseName(surface: string, m: GazetteerMatch): boolean {
  return m.loose || !foldName(surface).includes(' ');
}

/** The reading is a small place that only an imported (dense) gazetteer knows. */
function denseVillage(e: GazetteerEntry | null): boolean {
  return !!e && !!e.imported && e.source === 'geonames' && e.population < 10_000;
}

/** How far "X near Y" may put X from Y; "X, 10 km east of Y" a little more than it says. */
const NEAR_KM = 25;
const BEARING_KM = 60;

function matchOf(kb: KnowledgeBase, surface: string): GazetteerMatch {
  if (kb.gazetteer.match) return kb.gazetteer.match(surface);
  return { entries: kb.gazetteer.lookup(surface), loose: false };
}

/** Only whitespace (no line break, no punctuation) between two tokens of one name. */
function joined(text: string, a: Token, b: Token): boolean {
  return /^[ \t\u00a0]{1,2}$/.test(text.slice(a.end, b.start));
}

function wordsAfter(tokens: Token[], j: number, n: number, text: string): string[] {
  const out: string[] = [];
  for (let k = j + 1; k < tokens.length && out.length < n; k++) {
    if (!joined(text, tokens[k - 1]!, tokens[k]!)) break;
    out.push(tokens[k]!.text.toLowerCase());
  }
  return out;
}

/** A word that says what kind of place a name is ("province", "countryside", "camp", "street"). */
function isCueWord(w: string, cues: Cues): boolean {
  return cues.admin1.has(w) || cues.near.has(w) || cues.direction.has(w) || cues.site.has(w) || cues.feature.some((f) => f[0] === w);
}

function findCandidates(text: string, tokens: Token[], blocked: Span[], kb: KnowledgeBase, cues: Cues): Candidate[] {
  const out: Candidate[] = [];
  // A possessive ends the name: "Iraq's parliament" is a body of the place Iraq, which it names.
  const isBlocked = (s: number, e: number) => !/^['’]s\s/u.test(text.slice(e, e + 3))
    && blocked.some((b) => b.start < e && s < b.end && (b.start < s || b.end > e));
  // A name the gazetteer lacks is no place where it is an actor's or a person's name ("JaS in
  // Afrin", "the PMF at X").
  const isNamed = (t: Token) => blocked.some((b) => b.start < t.end && t.start < b.end);
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (!isCapitalised(first.text)) continue;
    // "Al Bab", "As Samawah": a capitalised article starts a name only when a name follows.
    if (CONNECTORS.has(first.text.toLowerCase())
      && !(i + 1 < tokens.length && joined(text, first, tokens[i + 1]!) && isCapitalised(tokens[i + 1]!.text))) continue;
    // The run of tokens that can form one name.
    let last = i;
    while (last + 1 < tokens.length && last - i + 1 < MAX_TOKENS && joined(text, tokens[last]!, tokens[last + 1]!)) {
      const nt = tokens[last + 1]!.text;
      if (!isCapitalised(nt) && !CONNECTORS.has(nt.toLowerCase())) break;
      last++;
    }
    let found: Candidate | null = null;
    for (let j = last; j >= i && !found; j--) {
      if (CONNECTORS.has(tokens[j]!.text.toLowerCase())) continue;
      // "Tal Ahmar", "Kafr Nouran": a generic head ("hill", "village") followed by a name is
      // one name; "Tal" alone is not what the text names.
      if (j === i && last > i && cues.head.has(foldName(first.text)) && !CONNECTORS.has(tokens[i + 1]!.text.toLowerCase())) continue;
      const start = first.start;
      const after = wordsAfter(tokens, j, 2, text);
      // A feature word after the name may complete it ("Al-Hol camp", "Conoco gas field").
      const tries: { end: number; extra: number }[] = [];
      for (const f of cues.feature) {
        if (f.every((w, k) => after[k] === w)) tries.push({ end: tokens[j + f.length]!.end, extra: f.length });
      }
      tries.push({ end: tokens[j]!.end, extra: 0 });
      for (const t of tries) {
        const surface = text.slice(start, t.end);
        if (t.extra === 0 && j === i && cues.stop.has(foldName(surface))) continue;
        if (isBlocked(start, t.end)) continue;
        const m = matchOf(kb, surface);
        // A feature word only completes names the curated data holds ("Al-Hol camp").
        if (t.extra > 0) m.entries = m.entries.filter((e) => e.source !== 'geonames');
        if (m.entries.length === 0) continue;
        const plausible = j === i && t.extra === 0 ? plausibleSingleWord(first.text, m.entries) : true;
        // An English word that begins a longer name ("Tall al Ahmar") is no name by itself.
        if (!plausible || (plausible === 'weak' && last > i)) continue;
        // A loose spelling match on one sentence-initial word ("Conversely") is no evidence, nor
        // is an English word whose capital only says it starts the sentence.
        if ((m.loose || plausible === 'weak') && j === i && sentenceInitial(text, start)) continue;
        const next = after[t.extra] ?? '';
        if (cues.media.has(next)) break;
        const prev = i > 0 && joined(text, tokens[i - 1]!, first) ? tokens[i - 1]!.text.toLowerCase() : '';
        found = {
          start, end: t.end, surface, entries: m.entries, loose: m.loose,
          admin1Cue: t.extra === 0 && cues.admin1.has(next),
          nearCue: cues.near.has(next) || cues.near.has(prev),
          weak: plausible === 'weak', container: null, strongContainer: false, bareComma: false, locative: cues.locative.has(prev),
          link: 'in', whole: null, cityCue: next === 'city' || next === 'town', chosen: null, loc: null,
          // "X Roundabout", "X Street": a site named after a village is not the village.
          dense: isDenseName(surface, m), nearKm: null, options: [], namedAfter: isDenseName(surface, m) && cues.site.has(next) && !cues.settingAfter.test(` ${next}`),
          evidence: cues.evidenceBefore.test(text.slice(Math.max(0, start - 40), start)) || cues.settingAfter.test(text.slice(t.end, t.end + 30)),
        };
        i = j + t.extra;
        break;
      }
    }
    if (found) {
      // "Bab al Faraj", "Hammam al Turkman": a known name followed, in one capitalised run, by
      // more name (not a cue word such as "Province"). The run is one name; the match is kept
      // only where the text's container allows it (resolve()).
      let ln = i;
      while (ln < last && !isNamed(tokens[ln + 1]!)) ln++;
      while (ln > i && CONNECTORS.has(tokens[ln]!.text.toLowerCase())) ln--;
      // (Not in Arabic script, where the words after a name are no more "capitalised" than any.)
      if (tokens[ln]!.end > found.end && !ARABIC.test(first.text) && !found.entries.some((e) => e.kind === 'country' || e.kind === 'admin1')) {
        // "X Association", "X Telecom": the run names a body, not a place.
        if (cues.organisation.has(tokens[ln]!.text.toLowerCase())) { i = ln; continue; }
        let k = i + 1;
        while (k <= ln && tokens[k]!.end <= found.end) k++;
        while (k < ln && CONNECTORS.has(tokens[k]!.text.toLowerCase())) k++;
        if (!isCueWord(tokens[k]!.text.toLowerCase(), cues)) {
          // "Damascus International Airport": a run ending in a feature word is a site of the place.
          found.whole = { end: tokens[ln]!.end, surface: text.slice(found.start, tokens[ln]!.end), site: isCueWord(tokens[ln]!.text.toLowerCase(), cues) };
          i = ln;
        }
      }
      out.push(found);
      continue;
    }
    // Arabic script has no capitals: every word may begin a name, so an unmatched run is no
    // unknown name, and the next word is tried.
    if (ARABIC.test(first.text)) continue;
    // "In Gaza, ...", "After Khan Younis ...": an English word opening a sentence is capitalised
    // for that reason only; the name may begin after it.
    if (last > i && sentenceInitial(text, first.start) && COMMON_WORDS.has(first.text.toLowerCase())) continue;
    // Not in the gazetteer: keep as an unknown candidate when a locative word precedes it.
    if (isNamed(first)) continue;
    const prev = i > 0 ? tokens[i - 1]!.text.toLowerCase() : '';
    const prev2 = i > 1 ? `${tokens[i - 2]!.text.toLowerCase()} ${prev}` : '';
    let j = i;
    while (j < last && !isNamed(tokens[j + 1]!)) j++;
    while (j > i && CONNECTORS.has(tokens[j]!.text.toLowerCase())) j--;
    const surface = text.slice(first.start, tokens[j]!.end);
    // A lone cue word ("Valley", "Market") names no place; "X Association" names a body.
    if (!cues.stop.has(foldName(surface)) && !cues.organisation.has(tokens[j]!.text.toLowerCase())
      && !isBlocked(first.start, tokens[j]!.end) && !/^[\p{Lu}\p{N}-]{2,}$/u.test(surface)
      && !(j === i && (COMMON_WORDS.has(first.text.toLowerCase()) || sentenceInitial(text, first.start) || isCueWord(first.text.toLowerCase(), cues)))) {
      out.push({ start: first.start, end: tokens[j]!.end, surface, entries: [], loose: false, admin1Cue: false, nearCue: false, weak: false, container: null,
        strongContainer: false, bareComma: false, locative: cues.locative.has(prev) || cues.locative.has(prev2),
        link: 'in', whole: null, cityCue: false, chosen: null, loc: null, dense: false, evidence: false, nearKm: null, options: [], namedAfter: false });
    }
    i = j;
  }
  return out;
}

/**
 * Governorate cues that stand apart from the name: before it ("the southern province of X") or
 * after a list ("X, Y and Z provinces").
 */
function spreadAdmin1Cues(text: string, cands: Candidate[], cues: Cues): void {
  const words = [...cues.admin1].join('|');
  const before = new RegExp(`\\b(?:${words})s?\\s+of\\s+(?:the\\s+)?$`, 'iu');
  const pluralAfter = new RegExp(`^\\s+(?:${[...cues.admin1].map((w) => `${w}s`).join('|')})\\b`, 'iu');
  for (let c = 0; c < cands.length; c++) {
    const cur = cands[c]!;
    if (!cur.entries.length) continue;
    if (before.test(text.slice(Math.max(0, cur.start - 40), cur.start))) cur.admin1Cue = true;
    if (!pluralAfter.test(text.slice(cur.end, cur.end + 20))) continue;
    cur.admin1Cue = true;
    for (let k = c - 1; k >= 0 && /^\s*(?:,|,?\s+and|,?\s+or)\s+$/u.test(text.slice(cands[k]!.end, cands[k + 1]!.start)); k--) cands[k]!.admin1Cue = true;
  }
}

/** "X and its countryside", "X and the surrounding villages", "X and its surroundings" (before "in Y"). */
const AND_ITS = /^\s+and\s+(?:its\s+\p{L}+|(?:the\s+)?(?:surrounding|nearby|neighbou?ring|adjacent)\s+\p{L}+|(?:the\s+)?(?:surroundings|environs|vicinity|outskirts))(?=\s+in\b)/iu;

/** "X, Y", "X, rural Y", "X in Y countryside", "X area west of Y", "X (Y) region of Z",
 *  "X street of Y city": Y contains X (or X lies just by Y, or is another name of Y). */
function linkContainers(text: string, cands: Candidate[], cues: Cues): void {
  for (let c = 0; c + 1 < cands.length; c++) {
    const cur = cands[c]!;
    const next = cands[c + 1]!;
    const end = cur.whole?.end ?? cur.end;
    let between = text.slice(end, next.start);
    // "X near Y", "X on the outskirts of Y": X lies by Y.
    if (cues.proximity.test(between)) {
      cur.container = c + 1;
      cur.strongContainer = true;
      cur.nearKm = NEAR_KM;
      continue;
    }
    // "Zap (Amadiya)": the parenthesis gives another name of the same place.
    if (/^\s*\(\s*$/.test(between) && /^\s*\)/.test(text.slice(next.end, next.end + 3))) {
      cur.container = c + 1;
      cur.link = 'alias';
      cur.strongContainer = true;
      continue;
    }
    // "(Amadiya) region of Dahuk": the closing parenthesis of an alternative name.
    if (/\(\s*$/.test(text.slice(Math.max(0, cur.start - 3), cur.start))) between = between.replace(/^\s*\)/, '');
    // Words that describe X, not Y: "X town in Y", "X desert in Y", "X and its countryside in Y",
    // "X and surrounding areas in Y".
    between = between.replace(AND_ITS, '');
    const d = cues.describer.exec(between);
    let site = false;
    if (d) {
      between = between.slice(d[0].length);
      site = cues.site.has(d[1]!.toLowerCase());
    }
    // "X area (local name) in Y": a remark in parentheses says nothing about containment.
    if (between.includes('(')) between = between.replace(/\s*\([^()]{0,40}\)/gu, '');
    let comma = false;
    let words: string[];
    let loose = false;
    const m = /^(?:\s*(,)|\s+in)\s+((?:[\p{L}-]+\s+){0,5})$/u.exec(between) ?? /^\s*(,)\s*()$/u.exec(between);
    if (m) {
      comma = m[1] === ',';
      words = m[2]!.trim() ? m[2]!.trim().toLowerCase().split(/\s+/).filter((w) => w !== 'in' && w !== 'the') : [];
      if (!words.every((w) => cues.direction.has(w))) continue;
    } else {
      // "X area west of Y", "X, 10 km north of Y": X lies by Y. "X region of Y", "X street of Y":
      // only after a describer, as "of" alone joins far more than places ("the governor of Y").
      const o = /^\s*,?\s+(?:\d+(?:\.\d+)?\s*(?:km|kilometers|kilometres|miles)\s+)?((?:[\p{L}-]+\s+){0,3})of\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$/iu.exec(between);
      if (!o) continue;
      words = o[1]!.trim() ? o[1]!.trim().toLowerCase().split(/\s+/) : [];
      if (!words.every((w) => cues.direction.has(w))) continue;
      const compass = words.some((w) => cues.compass.has(w));
      if (!d && !compass) continue;
      // "X region of Y", "X district of Y": the area may straddle Y's border, so a known X
      // outside Y is not rejected (a street or a compass bearing is exact).
      loose = !compass && !site && !cues.near.has(d![1]!.toLowerCase());
      if (compass) {
        const stated = /(\d+(?:\.\d+)?)\s*(km|kilomet|mile)/iu.exec(between);
        cur.nearKm = stated ? Number(stated[1]) * (stated[2]!.toLowerCase() === 'mile' ? 1.61 : 1) + 20 : BEARING_KM;
      }
    }
    cur.container = c + 1;
    cur.bareComma = comma && words.length === 0;
    if (site) cur.link = 'site';
    // A list ("A, B and C") also has commas: only direction words, "in", or a governorate
    // after the comma make the containment certain.
    cur.strongContainer = !loose && (!comma || words.length > 0 || next.nearCue || next.admin1Cue
      || next.entries.some((e) => e.kind === 'admin1' || e.kind === 'region'));
  }
  // "between A and B in the countryside of C", "A, B and C in D": the list shares C's container.
  for (let c = cands.length - 2; c >= 0; c--) {
    const next = cands[c + 1]!;
    if (cands[c]!.container !== null || next.container === null || !next.strongContainer || next.link === 'alias') continue;
    if (!/^\s*\)?(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?$/iu.test(text.slice(cands[c]!.whole?.end ?? cands[c]!.end, next.start))) continue;
    cands[c]!.container = next.container;
    cands[c]!.strongContainer = true;
    cands[c]!.nearKm = next.nearKm;
  }
}

/** Whether a candidate entry lies inside the place the text says contains it. */
function insideBox(e: GazetteerEntry, box: GazetteerEntry): boolean {
  if (box.kind === 'continent') return true;
  if (box.kind === 'country') return e.country === box.country;
  if (e.country && box.country && e.country !== box.country) return false;
  if (box.kind === 'admin1') return e.admin1 ? e.admin1 === box.admin1 : km(e, box) <= 250;
  if (box.kind === 'region') return box.country === null || km(e, box) <= 400;
  // A town named as container often stands for its governorate ("X, Hasakah", "rural Idlib").
  if (e.admin1 && box.admin1) return e.admin1 === box.admin1 || km(e, box) <= 30;
  return km(e, box) <= 100;
}

/** How far another name of a place, or a street of it, may lie from it. */
const SAME_PLACE_KM = 15;

function resolve(text: string, cands: Candidate[], kb: KnowledgeBase, actorCountries: string[]): void {
  // Countries and governorates the document is about: named countries and governorates, pack
  // places, actors' countries. A village's name alone is too often shared with villages
  // elsewhere to count.
  const focus = new Map<string, number>();
  const admin1Focus = new Set<string>();
  const bump = (cc: string | null, w: number) => { if (cc) focus.set(cc, (focus.get(cc) ?? 0) + w); };
  for (const c of cands) {
    if (c.loose || c.weak) continue;
    const strong = c.entries.filter((e) => e.source !== 'geonames');
    const countries = new Set(strong.map((e) => e.country).filter((x): x is string => !!x));
    for (const cc of countries) bump(cc, (strong.some((e) => e.kind === 'country') ? 2 : 1) / countries.size);
    const admins = new Set(strong.filter((e) => e.kind !== 'country' && e.admin1).map((e) => e.admin1!));
    if (admins.size === 1) admin1Focus.add([...admins][0]!);
  }
  for (const cc of actorCountries) bump(cc, 1);
  const actorVotes = new Map<string, number>();
  for (const cc of actorCountries) actorVotes.set(cc, (actorVotes.get(cc) ?? 0) + 1);
  // The packs' countries: what this deployment reports on, the prior for small places.
  const prior = new Set([...kb.places.values()].map((p) => p.country));
  const total = [...focus.values()].reduce((a, b) => a + b, 0) || 1;
  const home = (e: GazetteerEntry) => e.country !== null && (focus.has(e.country) || prior.has(e.country));
  // Unambiguous places in the document's countries: what other names are read near.
  const para = paragraphsOf(text, cands);
  const anchorCands = cands.filter((c) => !c.loose && !c.weak && c.entries.length === 1 && !['country', 'continent', 'region'].includes(c.entries[0]!.kind)
    && (c.entries[0]!.source !== 'geonames' || home(c.entries[0]!)));
  const anchors = anchorCands.map((c) => c.entries[0]!);
  const anchorPara = anchorCands.map((c) => para.get(c)!);
  // Governorates each paragraph names ("in Daraa Governorate ..."): its villages are read inside them.
  const paraAdmin1 = new Map<number, Set<string>>();
  for (const c of cands) {
    if (c.loose || c.weak) continue;
    const gov = c.entries.filter((e) => e.kind === 'admin1' && e.admin1);
    if (gov.length !== 1 || !(c.admin1Cue || c.nearCue || c.entries.every((e) => e.kind === 'admin1' || e.source === 'geonames'))) continue;
    const set = paraAdmin1.get(para.get(c)!) ?? new Set<string>();
    set.add(gov[0]!.admin1!);
    paraAdmin1.set(para.get(c)!, set);
  }

  const score = (c: Candidate, e: GazetteerEntry): number => {
    // Population separates cities; for villages (tens to thousands) it says little, and the
    // document's countries and governorates must outweigh it.
    let s = Math.log10(e.population + 10) * 0.5;
    if (e.source === 'pack') s += 3;
    if (e.source === 'admin1') s = c.admin1Cue ? 8 : 2;
    if (e.source === 'country') s += 4;
    if (e.source === 'region') s += 2;
    if (c.admin1Cue && e.source !== 'admin1') s -= 2;
    if (e.country) s += 4 * ((focus.get(e.country) ?? 0) / total) + (prior.has(e.country) ? (focus.size ? 1 : 2) : 0);
    if (e.admin1 && admin1Focus.has(e.admin1) && e.kind !== 'admin1') s += 1.5;
    let best = Infinity;
    let bestHere = Infinity;
    const here = para.get(c);
    anchors.forEach((a, k) => {
      if (a === e) return;
      const d = km(a, e);
      best = Math.min(best, d);
      if (anchorPara[k] === here) bestHere = Math.min(bestHere, d);
    });
    if (best < 50) s += 2; else if (best < 150) s += 1;
    // Places named in the same paragraph lie together more often than places of the document.
    if (bestHere < 50) s += 1; else if (bestHere < 150) s += 0.5;
    if (e.admin1 && e.kind !== 'admin1' && paraAdmin1.get(here!)?.has(e.admin1)) s += 3;
    // Among namesakes, the place that bears the name beats one that only lists it among its
    // alternate names (often a former or neighbouring village's).
    if (e.source === 'geonames' && foldName(e.name) === foldName(c.surface)) s += 0.5;
    return s;
  };

  // The countries of the document's sure places (one vote per name: a country, governorate or
  // pack place, or a village of the packs' countries with no namesake abroad): a village matched
  // in a country none of the other places is in needs its exact name and a size.
  const votes = new Map<string, number>();
  const ownVote = (c: Candidate): string | null => {
    if (c.loose || c.weak || !c.entries.length) return null;
    const curated = c.entries.filter((e) => e.source !== 'geonames' && e.kind !== 'continent');
    const pool = curated.length ? curated : c.entries;
    const cc = pool[0]!.country;
    if (!cc || !pool.every((e) => e.country === cc)) return null;
    return curated.length || prior.has(cc) ? cc : null;
  };
  for (const c of cands) {
    const cc = ownVote(c);
    if (cc) votes.set(cc, (votes.get(cc) ?? 0) + 1);
  }
  const topVotes = Math.max(0, ...votes.values());

  // Containers first (they are later in the text): resolve right to left.
  for (let k = cands.length - 1; k >= 0; k--) {
    const c = cands[k]!;
    let options = c.entries;
    const cont = c.container === null ? null : cands[c.container]!;
    const box = cont ? cont.chosen ?? cont.loc?.box ?? null : null;
    const written = plain(c.surface);
    // "X near Y", "X, east of Y": a namesake of X far from Y is not what the text means.
    if (box && options.length && c.nearKm !== null && !['admin1', 'country', 'region', 'continent'].includes(box.kind)) {
      options = options.filter((e) => km(e, box) <= c.nearKm!);
    }
    if (box && options.length && c.link !== 'in') {
      // Another name of Y ("X (Y)"), a street or square of Y: the same place, within Y's limits.
      options = options.filter((e) => (box.kind === 'admin1' || box.kind === 'country' || box.kind === 'region' || box.kind === 'continent'
        ? insideBox(e, box) : km(e, box) <= SAME_PLACE_KM));
    } else if (box && options.length) {
      // "X in Idleb": a city that shares its name with its governorate stands for the
      // governorate (unless the text says "Idleb city"), so X may lie anywhere in it.
      const gov = cont?.chosen && !cont.cityCue && box.kind !== 'admin1'
        ? cont.entries.find((e) => e.kind === 'admin1' && e.admin1 === box.admin1 && e.country === box.country) : undefined;
      const inside = options.filter((e) => insideBox(e, box) || (gov !== undefined && insideBox(e, gov)));
      // Surely inside Y but no candidate is: the name is one the gazetteer lacks. A name that
      // is a country, governorate, pack place or city is no unknown village: the "containment"
      // was a list ("Deir ez-Zor, Raqqa, and the Badia").
      const wellKnown = c.bareComma && options.some((e) => e.source !== 'geonames' || e.population >= 100_000);
      if (inside.length) options = inside;
      else if (c.strongContainer && !wellKnown) options = [];
    }
    // An English word or first name ("Kinda", "Kelly") is a place only inside the place the
    // text puts it in ("shelled Kinda in Idleb"), never by itself.
    if (c.weak && !(box && c.link === 'in' && !c.bareComma)) options = [];
    // "Qara Tepe", "Sulayman Bak": a known name that begins a longer one names another place,
    // unless a stated container vouches for it or the run names a site of it ("X Airport").
    if (c.whole && !c.whole.site && !box) options = [];
    // A loose spelling match must lie where the document is: its named countries when it names
    // any ("Sharwain near Diyala" is no village in Aleppo), else the packs' countries.
    if (c.loose) {
      options = options.filter((e) => e.country !== null && (focus.size ? focus.has(e.country) : prior.has(e.country))
        && e.kind !== 'admin1' && e.kind !== 'country');
      // A country the text names once in passing ("talks with Jordan") is no evidence for a
      // village spelled only roughly like one there: the sure places must be mostly there.
      if (topVotes > 1 && !box) options = options.filter((e) => (votes.get(e.country!) ?? 0) * 2 >= topVotes);
    }
    // A place far from everything the document is about is a spelling collision ("Al-Naba" /
    // Nabha, India) unless it is a large city written with its own spelling.
    const spelled = (e: GazetteerEntry) => plain(e.name) === written || plain(e.name.split(',')[0]!) === written;
    options = options.filter((e) => e.source !== 'geonames' || home(e) || anchors.some((a) => km(a, e) < 1000)
      || e.population >= 1_000_000 || (e.population >= 100_000 && spelled(e)));
    // Without a stated container, a village in a country none of the other places is in is most
    // often a namesake of one the gazetteer lacks.
    if (!box && votes.size) {
      const own = ownVote(c);
      const elsewhere = (cc: string) => (votes.get(cc) ?? 0) - (cc === own ? 1 : 0) > 0;
      if ([...votes.keys()].some(elsewhere)) {
        // A name that is also a governorate or pack place vouches for its own country.
        const self = c.entries.some((e) => e.source !== 'geonames' && e.country === own) ? own : null;
        // A town of some size in the country of actors the text names twice or more ("Hezbollah
        // fired at Kiryat Shmona" beside "Israeli troops", "the Israeli army") is not a namesake.
        options = options.filter((e) => e.source !== 'geonames' || !e.country || e.country === self || elsewhere(e.country)
          || (e.population >= 10_000 && (spelled(e) || (actorVotes.get(e.country) ?? 0) >= 2)));
      }
    }
    if (options.length === 0) {
      c.chosen = null;
      // A name the text puts inside a place (or after "in", "near") is located by that place;
      // when the match was part of a longer name, the whole name is the unknown one. "X in
      // Idleb": a city that shares its name with its governorate stands for the governorate, and
      // X may lie anywhere in it — say so (unless the text says "Idleb city").
      // (Not an English word itself: "Such in Y" names no village; a plural such as "Debs" may.)
      if (box && cont && !(c.weak && COMMON_WORDS.has(c.surface.toLowerCase())) && box.kind !== 'country' && box.kind !== 'continent' && (c.locative || c.strongContainer)) {
        const wide = cont.chosen
          ? box.kind === 'admin1' || (!cont.cityCue && cont.entries.some((e) => e.kind === 'admin1' && e.admin1 === box.admin1 && e.country === box.country))
          : cont.loc!.wide;
        c.loc = { box, wide };
        if (c.whole) { c.end = c.whole.end; c.surface = c.whole.surface; }
      }
      continue;
    }
    c.options = [...options].sort((a, b) => score(c, b) - score(c, a));
    c.chosen = c.options[0]!;
  }
  preferNearby(cands, para, paraAdmin1, score);
}

/** The paragraph (line) each candidate stands in. */
function paragraphsOf(text: string, cands: Candidate[]): Map<Candidate, number> {
  const out = new Map<Candidate, number>();
  let n = 0;
  let nl = text.indexOf('\n');
  for (const c of cands) {
    while (nl >= 0 && nl < c.start) { n++; nl = text.indexOf('\n', nl + 1); }
    out.set(c, n);
  }
  return out;
}

/** Kinds that locate a point: what a village's namesakes are compared against. */
const POINT_KINDS = new Set(['city', 'town', 'village', 'district', 'site', 'camp', 'base', 'border', 'admin2', 'other']);

/** How much nearer the paragraph's other places a namesake lies: the text names places together that lie together. */
function proximityBonus(d: number): number {
  return d < 15 ? 4 : d < 40 ? 3 : d < 100 ? 1.5 : d < 250 ? 0.5 : 0;
}

/** How far from the paragraph's other places a dense-gazetteer village named without evidence may lie. */
const VOUCHING_KM = 40;

/**
 * Second pass, once every name has a first reading: among namesakes prefer the one nearest the
 * other places of the same paragraph; a name matched only through the dense gazetteer's
 * villages (one word, or a loose spelling) with no locative word, container or cue is kept only
 * when such a place lies close by.
 */
function preferNearby(cands: Candidate[], para: Map<Candidate, number>, paraAdmin1: Map<number, Set<string>>,
  score: (c: Candidate, e: GazetteerEntry) => number): void {
  // A loose spelling is vouched for only by a container or a place nearby, never by a preposition.
  const vouched = (c: Candidate) => !c.dense || !denseVillage(c.chosen) || (c.container !== null && !c.bareComma)
    || (!c.loose && (c.evidence || c.nearCue || c.admin1Cue || c.cityCue || (!!c.chosen?.admin1 && !!paraAdmin1.get(para.get(c)!)?.has(c.chosen.admin1))));
  const peersOf = (k: number, all = false) => cands.filter((o, j) => j !== k && para.get(o) === para.get(cands[k]!) && o.chosen && (all || vouched(o))
    && POINT_KINDS.has(o.chosen.kind) && plain(o.surface) !== plain(cands[k]!.surface)).map((o) => o.chosen!);
  const nearest = (e: GazetteerEntry, peers: GazetteerEntry[]) => Math.min(Infinity, ...peers.map((p) => km(p, e)));
  cands.forEach((c, k) => {
    if (!c.chosen) return;
    const peers = peersOf(k);
    if (c.options.length > 1 && peers.length && c.chosen.source === 'geonames') {
      c.options = [...c.options].map((e) => ({ e, s: score(c, e) + proximityBonus(nearest(e, peers)) })).sort((a, b) => b.s - a.s).map((x) => x.e);
      c.chosen = c.options[0]!;
    }
  });
  // Two such villages close together vouch for each other ("Zarzurah and Qirqiriyah"), at half the distance.
  // A village read from one word or a loose spelling, outside every governorate its paragraph
  // names, is a namesake of one the gazetteer lacks ("Al-Khaldiyah ... in Ar-Raqqa").
  const outsideStated = (c: Candidate) => {
    const govs = paraAdmin1.get(para.get(c)!);
    return c.dense && c.container === null && !!govs?.size && denseVillage(c.chosen) && !(c.chosen!.admin1 && govs.has(c.chosen!.admin1));
  };
  const dropped = cands.map((c, k) => !!c.chosen && ((c.namedAfter && denseVillage(c.chosen)) || outsideStated(c)
    || (!vouched(c) && nearest(c.chosen, peersOf(k)) > VOUCHING_KM && nearest(c.chosen, peersOf(k, true)) > VOUCHING_KM / 2)));
  // Without evidence the village reading goes; a reading that needs none (a pack region, a town) remains.
  cands.forEach((c, k) => {
    if (!dropped[k]) return;
    c.options = c.namedAfter ? [] : c.options.filter((e) => !denseVillage(e));
    c.chosen = c.options[0] ?? null;
  });
}

/** The other readings of a name: the ranked options first, then what the text ruled out. */
function beatenBy(c: Candidate): GazetteerEntry[] {
  const rest = c.options.filter((e) => e !== c.chosen);
  return [...rest, ...c.entries.filter((e) => e !== c.chosen && !rest.includes(e))];
}

function precisionOf(e: GazetteerEntry, near: boolean): NonNullable<PlaceOut['precision']> {
  if (e.kind === 'country') return 'country';
  if (e.kind === 'admin1') return 'admin1';
  if (e.kind === 'region' || e.kind === 'continent') return 'region';
  return near ? 'near' : 'exact';
}

export function findPlaces(input: StageInput): { places: PlaceOut[]; mentions: Mention[] } {
  const { document, layers, kb } = input;
  // Dateline names ("BEIRUT -") are read as the names they are, not as acronyms; offsets are
  // unchanged and spans are cut from the document's own text.
  const text = titleCaseDatelines(document.text);
  const cues = cuesOf(kb);
  // A possessive is not part of the name: "Syria's Daraa province" names Syria, then Daraa.
  const tokens: Token[] = [...text.matchAll(TOKEN_RE)].map((m) => {
    const word = /^.{2,}['’]s$/u.test(m[0]) ? m[0].slice(0, -2) : m[0];
    return { start: m.index!, end: m.index! + word.length, text: word };
  });
  const others = (layers.mentions ?? []).filter((m) => m.type === 'actor' || m.type === 'person');
  // Person names and actor names that contain a place name ("Deir ez-Zor Military Council").
  // A state is also a country: "Syria" stays a place as well as an actor.
  const blocked: Span[] = others.filter((m) => m.kind !== 'state');
  const actorCountries = others.flatMap((m) => (m.kbId ? [kb.actors.get(m.kbId)?.country ?? null] : [])).filter((c): c is string => !!c);
  const personSpans = others.filter((m) => m.type === 'person');

  // A known place name read as a person's ("Abu X") is the place where the text says so: "the
  // town of X", "the outskirts of X", "rural X", "X area".
  const placeAfterAll = (c: Candidate) => c.entries.length > 0 && !c.loose
    && personSpans.some((p) => p.start === c.start && p.end === c.end)
    && (cues.settingBefore.test(text.slice(Math.max(0, c.start - 40), c.start)) || cues.settingAfter.test(text.slice(c.end, c.end + 30)));
  const cands = findCandidates(text, tokens, blocked, kb, cues)
    .filter((c) => !personSpans.some((p) => p.start <= c.start && c.end <= p.end) || placeAfterAll(c));
  spreadAdmin1Cues(text, cands, cues);
  linkContainers(text, cands, cues);
  resolve(text, cands, kb, actorCountries);

  const sentences = layers.sentences ?? [];
  const sentenceOf = (pos: number) => Math.max(0, sentences.findIndex((s) => s.start <= pos && pos < s.end));
  const byKey = new Map<string, PlaceOut>();
  const mentions: Mention[] = [];
  const keyed = cands.map((c): { key: string; place: PlaceOut } | null => {
    if (c.chosen) {
      const e = c.chosen;
      return { key: e.id, place: {
        id: '', name: e.name, kind: e.kind, country: e.country, admin1: e.admin1, lat: e.lat, lon: e.lon,
        geonames_id: e.geonames_id, mentions: [], precision: precisionOf(e, c.nearCue),
        ...(c.entries.length > 1 ? { beaten: beatenBy(c).slice(0, 5).map((o) => ({
          name: o.name, kind: o.kind, country: o.country, admin1: o.admin1, lat: o.lat, lon: o.lon, geonames_id: o.geonames_id,
        })) } : {}),
      } };
    }
    // Unknown name: only when the text puts it inside a resolved place.
    if (!c.loc) return null;
    const { box, wide } = c.loc;
    return { key: `near:${foldName(c.surface)}:${box.id}`, place: {
      id: '', name: c.surface.replace(/^(?:the)\s+/i, ''), kind: 'village', country: box.country, admin1: box.admin1,
      lat: box.lat, lon: box.lon, geonames_id: null, mentions: [], precision: wide ? 'admin1' : 'near',
    } };
  });
  // "X (Y)" where only Y is known: X is Y's other name, one place.
  for (let k = cands.length - 1; k >= 0; k--) {
    const c = cands[k]!;
    if (!c.chosen && c.link === 'alias' && keyed[k] && keyed[c.container!]) keyed[k] = keyed[c.container!]!;
  }
  for (const [k, c] of cands.entries()) {
    const kp = keyed[k];
    if (!kp) continue;
    const { key, place } = kp;
    const existing = byKey.get(key);
    const span: Span = { start: c.start, end: c.end, text: document.text.slice(c.start, c.end) };
    if (existing) existing.mentions.push(span);
    else { place.mentions.push(span); byKey.set(key, place); }
    const packId = c.chosen?.source === 'pack' ? c.chosen.id.slice('pack:'.length) : undefined;
    mentions.push({ ...span, type: 'place', via: packId ? 'pack' : 'pattern', ...(packId ? { kbId: packId } : {}), sentence: sentenceOf(c.start) });
  }
  const places = [...byKey.values()];
  places.forEach((p, k) => { p.id = `pl${k + 1}`; });
  // "the camp", "the base" after the place was named: more mentions of it.
  for (const span of linkPlaceDescriptions(document.text, places, kb)) mentions.push({ ...span, type: 'place', via: 'coref', sentence: sentenceOf(span.start) });
  return { places, mentions };
}

const stage: Stage = {
  name: 'places',
  requires: ['sentences'],
  run(input) {
    const { places, mentions } = findPlaces(input);
    // The driver appends these to the mentions of earlier stages.
    return { places, mentions };
  },
};
export default stage;
