// A compact strip of dated items (events, affiliations) on one time axis.
import { whenInterval, isoDay } from '../lib/dates.js';
import { useWidth } from '../hooks/useWidth.js';
import type { When } from '../api/types.js';

export type StripItem = { id: string; when: When | null; label: string; colour?: string; onClick?: () => void };

export function MiniTimeline({ items, height = 56 }: { items: StripItem[]; height?: number }) {
  const [ref, W] = useWidth<HTMLDivElement>(600);
  return <div ref={ref} className="mini-timeline-wrap"><Strip items={items} height={height} W={W} /></div>;
}

function Strip({ items, height, W }: { items: StripItem[]; height: number; W: number }) {
  const dated = items.map((i) => ({ ...i, iv: whenInterval(i.when) })).filter((i): i is StripItem & { iv: [number, number] } => !!i.iv);
  if (!dated.length) return <p className="muted small">No dated items.</p>;
  const min = Math.min(...dated.map((d) => d.iv[0]));
  const max = Math.max(...dated.map((d) => d.iv[1]));
  const span = Math.max(max - min, 86_400_000 * 30);
  const x = (t: number) => 8 + ((t - min) / span) * (W - 16);
  const lanes: number[] = [];
  const placed = dated.sort((a, b) => a.iv[0] - b.iv[0]).map((d) => {
    const x0 = x(d.iv[0]); const x1 = Math.max(x(d.iv[1]), x0 + 4);
    let lane = lanes.findIndex((end) => end < x0 - 2);
    if (lane < 0) { lane = lanes.length; lanes.push(x1); } else lanes[lane] = x1;
    return { ...d, x0, x1, lane };
  });
  const laneH = Math.min(10, (height - 16) / Math.max(1, lanes.length));
  return (
    <svg className="mini-timeline" viewBox={`0 0 ${W} ${height}`} role="img" aria-label="Timeline of dated items" width={W} height={height}>
      <line x1={8} x2={W - 8} y1={height - 12} y2={height - 12} className="axis" />
      <text x={8} y={height - 1} className="tick">{isoDay(min)}</text>
      <text x={W - 8} y={height - 1} className="tick" textAnchor="end">{isoDay(min + span - 1)}</text>
      {placed.map((p) => (
        <rect key={p.id} x={p.x0} width={p.x1 - p.x0} y={2 + p.lane * laneH} height={laneH - 2} rx={2}
          fill={p.colour ?? '#5d6d7e'} className={p.onClick ? 'clickable' : ''} onClick={p.onClick}>
          <title>{p.label}</title>
        </rect>
      ))}
    </svg>
  );
}
