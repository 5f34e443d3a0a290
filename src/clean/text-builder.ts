// Assembles the cleaned text from slices of the raw text, recording where each copied
// stretch came from so cleaned offsets map back to raw offsets.
import type { CleanedDocument } from '../ingest/types.js';
import { SPACE_CLASS } from './text-lines.js';

export type Segment = CleanedDocument['segments'][number];

const WORD = new RegExp(`[^${SPACE_CLASS}]+`, 'gu');

export class TextBuilder {
  private out = '';
  readonly segments: Segment[] = [];
  constructor(private readonly raw: string) {}

  get length(): number { return this.out.length; }
  get text(): string { return this.out; }

  /** Copies raw[rawStart, rawStart+len) verbatim. */
  private copy(rawStart: number, len: number): void {
    if (len <= 0) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.cleanStart + last.length === this.out.length && last.rawStart + last.length === rawStart) {
      last.length += len;
    } else {
      this.segments.push({ cleanStart: this.out.length, rawStart, length: len });
    }
    this.out += this.raw.slice(rawStart, rawStart + len);
  }

  /** Adds text that is not in the raw text (normalised whitespace, paragraph breaks). */
  synth(s: string): void { this.out += s; }

  /** Copies raw[start, end) with each run of whitespace collapsed to one space. */
  appendCollapsed(start: number, end: number): void {
    const slice = this.raw.slice(start, end);
    WORD.lastIndex = 0;
    let prevEnd = -1;
    for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
      if (prevEnd >= 0) {
        const gap = slice.slice(prevEnd, m.index);
        if (gap === ' ') this.copy(start + prevEnd, 1);
        else this.synth(' ');
      }
      this.copy(start + m.index, m[0].length);
      prevEnd = m.index + m[0].length;
    }
  }
}
