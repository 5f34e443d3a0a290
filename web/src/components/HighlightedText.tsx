// The reader's text with every annotation layer drawn from flat segments (lib/segments.ts).
// Segments covered by an actor link to that actor's profile.
import { useEffect, useMemo, useRef } from 'react';
import { buildSegments, type Mark } from '../lib/segments.js';

export type LayerKey = 'event' | 'quote' | 'actor' | 'place' | 'time';
export const LAYERS: { key: LayerKey; label: string }[] = [
  { key: 'actor', label: 'Actors' }, { key: 'place', label: 'Places' }, { key: 'time', label: 'Dates' },
  { key: 'event', label: 'Event evidence' }, { key: 'quote', label: 'Quotes' },
];

export type TextMark = Mark & { layer: LayerKey; label: string; href?: string };
export type Focus = { start: number; end: number; nonce: number };

export function HighlightedText({ text, marks, layers, focus }: {
  text: string; marks: TextMark[]; layers: Set<LayerKey>; focus: Focus | null;
}) {
  const shown = useMemo(() => marks.filter((m) => layers.has(m.layer)), [marks, layers]);
  const segments = useMemo(() => buildSegments(text, shown), [text, shown]);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focus || !root.current) return;
    const els = [...root.current.querySelectorAll<HTMLElement>('[data-s]')].filter((el) => {
      const s = Number(el.dataset.s); const e = Number(el.dataset.e);
      return s < focus.end && e > focus.start;
    });
    if (!els.length) return;
    els[0]!.scrollIntoView({ block: 'center', behavior: 'smooth' });
    for (const el of els) {
      el.classList.remove('flash');
      void el.offsetWidth; // restart the animation when the same span is picked twice
      el.classList.add('flash');
    }
  }, [focus]);

  return (
    <div className="doc-text" ref={root}>
      {segments.map((seg) => {
        const ls = new Set(seg.marks.map((m) => m.layer));
        const cls = ['seg', ...[...ls].map((l) => `hl-${l}`)].join(' ');
        const title = seg.marks.map((m) => (m as TextMark).label).join('\n') || undefined;
        const actor = seg.marks.find((m) => m.layer === 'actor') as TextMark | undefined;
        if (actor?.href) {
          return <a key={seg.start} className={cls} data-s={seg.start} data-e={seg.end} href={actor.href} title={title}>{seg.text}</a>;
        }
        return <span key={seg.start} className={seg.marks.length ? cls : 'seg'} data-s={seg.start} data-e={seg.end} title={title}>{seg.text}</span>;
      })}
    </div>
  );
}
