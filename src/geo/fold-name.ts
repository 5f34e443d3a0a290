// Transliteration-tolerant folding of place names. Arabic names reach English text through
// many romanisations (Dayr az Zawr / Deir ez-Zor, Ra's al 'Ayn / Ras al-Ain); folding maps the
// common variants to one key so a lookup does not depend on the romanisation used.
//
// Two levels: foldName() keeps vowels in a canonical form (few false matches), skeletonName()
// keeps only consonants (more recall, more collisions; used as a fallback).

/** Arabic article forms, dropped as separate tokens ("ar Raqqah", "Deir ez Zor"). */
const ARTICLES = new Set(['al', 'ar', 'as', 'ash', 'ad', 'an', 'at', 'az', 'el', 'ul', 'ez', 'es', 'esh', 'ed', 'er', 'en', 'et', 'adh', 'ath', 'az', 'l']);

/** Whole-token variants that letter rules cannot unify, keyed by their folded form. */
const TOKEN_SYNONYMS: Record<string, string> = {
  til: 'tal',        // Tell, Tel (after e→i) = Tal, Tall
  tul: 'tal',
  jibil: 'jabal', jibal: 'jabal', jabl: 'jabal', jbil: 'jabal',
  kfar: 'kafr', kafar: 'kafr', kifr: 'kafr', kufr: 'kafr', kfr: 'kafr',
  hirbit: 'hirbat', hirbi: 'hirbat', hirba: 'hirbat', hirbt: 'hirbat',
  mazra: 'mazraa',
  umm: 'um',
  bir: 'bir', biir: 'bir',
  ibn: 'bin',
  sayida: 'sayida', saida: 'sayida', sayda: 'sayida', sida: 'sayida', sit: 'sayida', sitt: 'sayida',
  zaynab: 'zinab', zainab: 'zinab', zinab: 'zinab', zaynb: 'zinab',
};

/**
 * English qualifiers before a name and the Arabic ones GeoNames writes after it ("Eastern
 * Ghariyeh" is Ghariyah ash Sharqiyah, "Big Sukariyeh" is Sukkariyah Kabirah): the English word
 * is folded as its Arabic counterpart, moved to the end.
 */
const QUALIFIERS: Record<string, string> = {
  eastern: 'sharqiyah', western: 'gharbiyah', northern: 'shamaliyah', southern: 'janubiyah',
  big: 'kabirah', great: 'kabirah', greater: 'kabirah', upper: 'fawqani',
  small: 'saghirah', little: 'saghirah', lesser: 'saghirah', lower: 'tahtani',
};

const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ARABIC_LETTER = /[\u0600-\u06FF]/;

function foldArabicToken(t: string): string {
  let s = t.replace(ARABIC_DIACRITICS, '')
    .replace(/[أإآٱ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و').replace(/ئ/g, 'ي').replace(/ء/g, '')
    .replace(/ک/g, 'ك').replace(/ی/g, 'ي');
  // Clitic + article ("بالرقة", "والحسكة") and the bare article.
  s = s.replace(/^[وبفلك]?ال(?=..)/, '');
  return s;
}

// The same words are folded again and again (every capitalised token of every document is
// looked up): remember recent folds, bounded.
const latinFolds = new Map<string, string>();
const LATIN_FOLDS_MAX = 50_000;

function foldLatinToken(t: string): string {
  const hit = latinFolds.get(t);
  if (hit !== undefined) return hit;
  if (latinFolds.size >= LATIN_FOLDS_MAX) latinFolds.clear();
  const folded = foldLatinTokenUncached(t);
  latinFolds.set(t, folded);
  return folded;
}

function foldLatinTokenUncached(t: string): string {
  let s = t;
  s = s.replace(/qu(?=[aeio])/g, 'k');
  s = s.replace(/ou/g, 'u').replace(/oo/g, 'u').replace(/ee/g, 'i');
  s = s.replace(/dj/g, 'j').replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/ch/g, 'sh')
    .replace(/dh/g, 'z').replace(/th/g, 'z').replace(/zh/g, 'z').replace(/gh/g, 'g').replace(/kh/g, 'h')
    .replace(/q/g, 'k').replace(/x/g, 'ks');
  s = s.replace(/(.)\1+/g, '$1');
  // "-ah", "-eh", "-a", "-e" endings (Raqqah/Raqqa, Hasakeh/Hasakah).
  if (s.length > 3) s = s.replace(/(?:ah|eh|a|e|h)$/, '');
  s = s.replace(/e/g, 'i').replace(/o/g, 'u');
  // y as a vowel/diphthong (Dayr/Deir/Dair): not at the start of a token.
  s = s.charAt(0) + s.slice(1).replace(/y/g, 'i');
  s = s.replace(/ai/g, 'i').replace(/(.)\1+/g, '$1');
  s = s.replace(/uw(?=[aiu])/g, 'w');
  if (s.length > 3) s = s.replace(/(?:ah|ih|a|h)$/, '');
  return TOKEN_SYNONYMS[s] ?? s;
}

/** Tokens of a folded name, article tokens removed (unless the name is only an article). */
export function foldTokens(surface: string): string[] {
  const base = surface
    .normalize('NFKD').replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'‘`´ʿʾʻʼ′]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (!base) return [];
  const raw = base.split(' ');
  const out: string[] = [];
  // "Eastern Ghariyeh": the qualifier goes last, as the Arabic name has it.
  const qualifier = raw.length > 1 ? QUALIFIERS[raw[0]!] : undefined;
  if (qualifier) raw.push(raw.shift()!);
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i]!;
    if (ARABIC_LETTER.test(t)) { t = foldArabicToken(t); if (t) out.push(t); continue; }
    if (ARTICLES.has(t) && raw.length > 1) continue;
    if (t === 'the' && i === 0 && raw.length > 1) continue;
    // Glued article ("Alraqqa", "Elbuhmeid"): only with a long remainder, to spare "Alton".
    const glued = /^(?:al|el)([bcdfghjklmnpqrstvwxz]\w{4,})$/.exec(t);
    if (glued && !/^al[lmnp]/.test(t)) t = glued[1]!;
    t = foldLatinToken(i === raw.length - 1 && qualifier ? qualifier : t);
    if (t) out.push(t);
  }
  return out;
}

/**
 * Names that exercise every folding rule. Their folds, hashed, say which rules built a stored
 * key: an imported gazetteer keeps its names' keys (to load fast) and folds again when this
 * fingerprint differs from the one it was built with.
 */
const PROBES = [
  'Dayr az Zawr', 'Deir ez-Zor', 'Tall Tamr', 'Tel Tamer', "'Ayn 'Isa", 'Ein Issa', 'Ash Shaddādah', 'Shadadah', 'Dhiban', 'Thiban',
  'Rumaylan', 'Rmelan', 'Buṣrá ash Shām', 'Busra Esh-Sham', 'Quamishli', 'Alraqqa', 'Elbuhmeid', 'Alton', 'Kfar Zita', 'Khirbet Ghazaleh',
  'Jebel Zawiya', 'Sitt Zaynab', 'Umm Batinah', 'Ibn Hani', 'Mazraat Beit Jinn', 'Eastern Ghariyeh', 'Big Sukariyeh', 'Little Zab', 'Djerablous',
  'Phoenicia', 'Chouf', 'Xerxes', 'Quseir', 'Dair Hafir', 'Huwayjah', 'Hawija', 'Sayyida Zainab', 'The Hague', 'Al', 'الرقة', 'بالرقة', 'دير الزور', 'ريف إدلب',
];

let fingerprint: string | null = null;

/** A short hash of the folds of PROBES: changes when a folding rule that they exercise changes. */
export function foldFingerprint(): string {
  if (fingerprint) return fingerprint;
  let h = 0x811c9dc5;
  for (const ch of PROBES.map(foldName).join('|')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (fingerprint = h.toString(16).padStart(8, '0'));
}

/** The folded key of a name: "Dayr az Zawr" and "Deir ez-Zor" give the same key. */
export function foldName(surface: string): string {
  return foldTokens(surface).join(' ');
}

/** Consonant skeleton of a folded key: a looser key for names the fold does not unify. */
export function skeletonName(surface: string): string {
  return foldTokens(surface)
    .map((t) => (ARABIC_LETTER.test(t) ? t : (t.charAt(0) + t.slice(1).replace(/[aeiouyw]/g, '')).replace(/g/g, 'k')).replace(/(.)\1+/g, '$1'))
    .filter((t) => t.length > 0)
    .join(' ');
}
