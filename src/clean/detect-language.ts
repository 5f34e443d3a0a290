// Language of a cleaned text as an ISO 639-1 code ('und' when unknown or too short to tell).
import { franc } from 'franc-min';

/** franc's ISO 639-3 codes -> ISO 639-1, for the languages franc-min knows that we meet. */
const ISO3_TO_1: Record<string, string> = {
  eng: 'en', arb: 'ar', ara: 'ar', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', ita: 'it', nld: 'nl',
  rus: 'ru', ukr: 'uk', pol: 'pl', ron: 'ro', tur: 'tr', azj: 'az', pes: 'fa', fas: 'fa', prs: 'fa',
  urd: 'ur', hin: 'hi', ben: 'bn', pan: 'pa', pnb: 'pa', heb: 'he', ckb: 'ku', kmr: 'ku', kur: 'ku',
  pbu: 'ps', pus: 'ps', cmn: 'zh', zho: 'zh', jpn: 'ja', kor: 'ko', ind: 'id', zlm: 'ms', msa: 'ms',
  vie: 'vi', tha: 'th', swh: 'sw', swa: 'sw', hau: 'ha', som: 'so', amh: 'am', ell: 'el', hun: 'hu',
  ces: 'cs', swe: 'sv', dan: 'da', nob: 'no', fin: 'fi', bul: 'bg', srp: 'sr', hrv: 'hr', uzn: 'uz',
  kaz: 'kk', tgl: 'tl', yor: 'yo', ibo: 'ig', zul: 'zu', tam: 'ta', tel: 'te', mar: 'mr', guj: 'gu',
  kan: 'kn', mal: 'ml', sin: 'si', mya: 'my', nep: 'ne', npi: 'ne', aze: 'az', bel: 'be',
};

/** Below this many letters a guess is noise. */
const MIN_LETTERS = 20;

export function detectLanguage(text: string): string {
  // franc's cost grows with the sample; a few thousand characters decide the language.
  const sample = text.slice(0, 3000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  if (looksEnglish(sample)) return 'en';
  const code = franc(sample, { minLength: MIN_LETTERS });
  if (code === 'und') return 'und';
  return ISO3_TO_1[code] ?? code;
}

/** The commonest English function words make up well over a tenth of any English prose: a cheap
 *  answer for the usual case before franc's trigram comparison with every language it knows. */
const ENGLISH_FUNCTION_WORDS = new Set(['the', 'of', 'and', 'to', 'in', 'a', 'is', 'was', 'that', 'for', 'on', 'with', 'by', 'as', 'it', 'its', 'from', 'at', 'has', 'have', 'were', 'are', 'be', 'which', 'this', 'an', 'their', 'after']);

function looksEnglish(sample: string): boolean {
  const words = sample.slice(0, 2000).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 40) return false;
  let hits = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) hits++;
  return hits / words.length > 0.18;
}
