// Splits raw text into lines with offsets; whitespace includes NBSP and zero-width spaces.
export type TextLine = {
  /** Line number (0-based) in the raw text. */
  index: number;
  /** Offsets of the line's content with surrounding whitespace trimmed. */
  start: number;
  end: number;
  text: string;
};

/** Characters that are layout only. ZWNJ/ZWJ are left alone: they matter in Persian and Arabic. */
export const SPACE_CLASS = '\\s\\u200b\\u2060\\ufeff';
const LEADING = new RegExp(`^[${SPACE_CLASS}]+`, 'u');
const TRAILING = new RegExp(`[${SPACE_CLASS}]+$`, 'u');

export function splitLines(raw: string): TextLine[] {
  const out: TextLine[] = [];
  let pos = 0;
  let index = 0;
  while (pos <= raw.length) {
    let nl = raw.indexOf('\n', pos);
    if (nl === -1) nl = raw.length;
    const line = raw.slice(pos, nl);
    const lead = LEADING.exec(line)?.[0].length ?? 0;
    const trail = lead === line.length ? 0 : (TRAILING.exec(line)?.[0].length ?? 0);
    out.push({ index, start: pos + lead, end: nl - trail, text: line.slice(lead, line.length - trail) });
    index++;
    pos = nl + 1;
  }
  return out;
}
