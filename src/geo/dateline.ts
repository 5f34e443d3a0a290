// Datelines: "DAMASCUS, March 11 (Reuters) -", "BEIRUT -", "SANAA/ADEN, July 2025 -". The
// capitals say where the report was filed, not that the word is an acronym, and the city there
// is a place, never the government it may stand for elsewhere ("Damascus rejected ...").

/**
 * One or more upper-case place names ("SANAA/ADEN", "DEIR EZ-ZOR") at the start of a paragraph,
 * then, before a dash, only what datelines carry: ", Iraq", ", March 11", "(Reuters)". A
 * paragraph that opens with an acronym ("ISIS, which ...") has running prose there instead.
 */
const DATELINE = /(?:^|\n)[ \t]*(\p{Lu}[\p{Lu}\p{M}'’.-]*(?:[ \t]+\p{Lu}[\p{Lu}\p{M}'’.-]*){0,3}(?:[ \t]*\/[ \t]*\p{Lu}[\p{Lu}\p{M}'’.-]*(?:[ \t]+\p{Lu}[\p{Lu}\p{M}'’.-]*){0,3})*)(?=(?:[ \t]*,[ \t]*[\p{Lu}\d][\p{L}\d.]*(?:[ \t]+[\p{Lu}\d][\p{L}\d.]*){0,2})*(?:[ \t]*\([^()\n]{1,40}\))?[ \t]+[-–—][ \t])/gu;
const NAME = /\p{Lu}[\p{Lu}\p{M}'’.-]*(?:[ \t]+\p{Lu}[\p{Lu}\p{M}'’.-]*)*/gu;

export type DatelineSpan = { start: number; end: number };

/** The place names of the text's datelines, each as its own span. */
export function datelinePlaces(text: string): DatelineSpan[] {
  const out: DatelineSpan[] = [];
  for (const m of text.matchAll(DATELINE)) {
    const group = m[1]!;
    const at = m.index! + m[0].length - group.length;
    // "SDF - ..." opening a paragraph reads like a bare dateline; a city of three letters is rare.
    const bare = /^[ \t]+[-–—]/.test(text.slice(at + group.length));
    if (bare && group.replace(/[^\p{L}]/gu, '').length < 4) continue;
    for (const n of group.matchAll(NAME)) {
      // A lone letter or two ("A -", "US -") is an initial or an acronym, not a filing place.
      if (n[0].replace(/[^\p{L}]/gu, '').length < 3) continue;
      out.push({ start: at + n.index!, end: at + n.index! + n[0].length });
    }
  }
  return out;
}

/**
 * The text with its dateline names in title case ("DAMASCUS" -> "Damascus"), same length and
 * offsets, so name finders read them as names rather than acronyms.
 */
export function titleCaseDatelines(text: string, spans: readonly DatelineSpan[] = datelinePlaces(text)): string {
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    const name = text.slice(s.start, s.end);
    const titled = name.toLowerCase().replace(/(^|[\s/'’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
    // Case mapping may change the length of a few letters; such a name is left as written.
    out += text.slice(at, s.start) + (titled.length === name.length ? titled : name);
    at = s.end;
  }
  return out + text.slice(at);
}
