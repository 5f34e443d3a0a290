// Events as bars over the time they may have happened in (a year-precision event spans its
// year), one band per event type. Clicking a bar opens the event with its sources.
import { useMemo, useState } from 'react';
import { api } from '../api/client.js';
import type { Event, TimelineEvent } from '../api/types.js';
import { useApi } from '../hooks/useApi.js';
import { useApp } from '../hooks/app-context.js';
import { Empty, Resource } from '../components/StateViews.js';
import { EventCard } from '../components/EventCard.js';
import { formatWhen, isoDay, whenInterval } from '../lib/dates.js';
import { EVENT_TYPES } from '../lib/event-types.js';
import { useWidth } from '../hooks/useWidth.js';

const TYPE_COLOURS = ['#c0392b', '#d35400', '#8e44ad', '#2c5aa0', '#16a085', '#7f8c8d', '#b7950b', '#1f618d', '#a93226', '#27ae60'];

export function TimelineView() {
  const { dataVersion } = useApp();
  const [type, setType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const tl = useApi(() => api.timeline({ type: type || undefined, from: from || undefined, to: to || undefined }), [type, from, to, dataVersion]);
  return (
    <section className="view timeline-view">
      <header className="view-head">
        <h1>Timeline</h1>
        <label>From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <label>Type <select value={type} onChange={(e) => setType(e.target.value)}><option value="">all types</option>{EVENT_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}</select></label>
      </header>
      <PrecisionLegend />
      <Resource state={tl} what="the timeline">
        {(d) => d.events.length === 0 ? <Empty>No events{type || from || to ? ' match these filters' : ' yet'}.</Empty> : <Chart events={d.events} />}
      </Resource>
    </section>
  );
}

function PrecisionLegend() {
  return (
    <div className="legend">
      <span className="legend-item"><svg width="40" height="10" aria-hidden><rect width="40" height="10" className="bar-year" /></svg> year known: the bar covers the whole year</span>
      <span className="legend-item"><svg width="24" height="10" aria-hidden><rect width="24" height="10" className="bar-month" /></svg> month known: the bar covers the month</span>
      <span className="legend-item"><svg width="8" height="10" aria-hidden><rect width="6" height="10" className="bar-day" /></svg> day known: a short bar</span>
      <span className="legend-item"><svg width="30" height="10" aria-hidden><rect width="30" height="10" className="bar-range" /></svg> a stated range</span>
    </div>
  );
}

function Chart({ events }: { events: TimelineEvent[] }) {
  const { showDetail } = useApp();
  const [ref, W] = useWidth<HTMLDivElement>(1000);
  const LEFT = 150; const ROW = 16;
  const layout = useMemo(() => {
    const dated = events.map((e) => ({ e, iv: whenInterval(e.date) })).filter((x): x is { e: TimelineEvent; iv: [number, number] } => !!x.iv);
    const undated = events.length - dated.length;
    if (!dated.length) return null;
    const min = Math.min(...dated.map((d) => d.iv[0]));
    const max = Math.max(...dated.map((d) => d.iv[1]));
    const span = Math.max(max - min, 86_400_000 * 20);
    const x = (t: number) => LEFT + ((t - min) / span) * (W - LEFT - 10);
    const types = [...new Set(dated.map((d) => d.e.type))].sort();
    let y = 24;
    const groups = types.map((t, ti) => {
      const lanes: number[] = [];
      const bars = dated.filter((d) => d.e.type === t).sort((a, b) => a.iv[0] - b.iv[0]).map((d) => {
        const x0 = x(d.iv[0]); const x1 = Math.max(x(d.iv[1]), x0 + 5);
        let lane = lanes.findIndex((end) => end < x0 - 1);
        if (lane < 0) { lane = lanes.length; lanes.push(x1); } else lanes[lane] = x1;
        return { ...d, x0, x1, lane };
      });
      const g = { type: t, y, height: Math.max(1, lanes.length) * ROW + 8, colour: TYPE_COLOURS[ti % TYPE_COLOURS.length]!, bars };
      y += g.height;
      return g;
    });
    return { groups, height: y + 6, ticks: ticks(min, min + span).map((k) => ({ ...k, x: x(k.t) })), undated };
  }, [events, W]);

  if (!layout) return <Empty>None of the {events.length} events has a usable date.</Empty>;
  const open = (id: string, e: TimelineEvent) => showDetail('Event', <EventDetail id={id} fallback={e} />);
  return (
    <div className="chart-wrap" ref={ref}>
      <svg className="timeline" viewBox={`0 0 ${W} ${layout.height}`} width={W} height={layout.height} role="list" aria-label="Events over time">
        {layout.ticks.map((k) => (
          <g key={k.t}><line x1={k.x} x2={k.x} y1={16} y2={layout.height} className="gridline" /><text x={k.x + 2} y={12} className="tick">{k.label}</text></g>
        ))}
        {layout.groups.map((g) => (
          <g key={g.type}>
            <rect x={0} y={g.y} width={W} height={g.height} className="band" />
            <text x={6} y={g.y + 14} className="band-label">{g.type} ({g.bars.length})</text>
            {g.bars.map((b) => (
              <rect key={b.e.id} role="listitem" tabIndex={0} aria-label={`${b.e.type} ${formatWhen(b.e.date)}: ${b.e.summary}`}
                x={b.x0} width={b.x1 - b.x0} y={g.y + 4 + b.lane * ROW} height={ROW - 3} rx={2}
                className={`bar bar-${b.e.date?.precision ?? 'day'}`} style={{ fill: g.colour }} data-event={b.e.id}
                onClick={() => open(b.e.id, b.e)} onKeyDown={(ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); open(b.e.id, b.e); } }}>
                <title>{`${formatWhen(b.e.date)} (${b.e.date?.precision}) — ${b.e.summary}`}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
      {layout.undated > 0 && <p className="muted small">{layout.undated} undated event(s) are not drawn.</p>}
    </div>
  );
}

function ticks(min: number, max: number): { t: number; label: string }[] {
  const years = (max - min) / (365.25 * 86_400_000);
  const out: { t: number; label: string }[] = [];
  const d = new Date(min);
  if (years > 2) {
    const step = years > 30 ? 10 : years > 12 ? 5 : years > 5 ? 2 : 1;
    for (let y = Math.ceil(d.getUTCFullYear() / step) * step; Date.UTC(y, 0, 1) <= max; y += step) if (Date.UTC(y, 0, 1) >= min) out.push({ t: Date.UTC(y, 0, 1), label: String(y) });
  } else {
    const step = years > 1 ? 3 : 1;
    for (let y = d.getUTCFullYear(), m = d.getUTCMonth(); Date.UTC(y, m, 1) <= max; m += step) {
      const t = Date.UTC(y, m, 1);
      if (t >= min) out.push({ t, label: isoDay(t).slice(0, 7) });
    }
  }
  return out;
}

/** Loads the full event (sources, actors) for the panel; shows the timeline summary meanwhile. */
function EventDetail({ id, fallback }: { id: string; fallback: TimelineEvent }) {
  const { dataVersion } = useApp();
  const ev = useApi(() => findEvent(id, fallback), [id, dataVersion]);
  return (
    <Resource state={ev} what="the event">
      {(e) => e ? <EventCard event={e} onChanged={ev.reload} /> : (
        <div className="card"><p><strong>{fallback.type}</strong> {formatWhen(fallback.date)}</p><p>{fallback.summary}</p><p className="muted small">The event's sources could not be loaded.</p></div>
      )}
    </Resource>
  );
}

async function findEvent(id: string, e: TimelineEvent): Promise<Event | null> {
  const from = e.date?.start; const to = e.date?.end;
  const r = await api.events({ type: e.type, from, to, limit: 500 });
  return r.items.find((x) => x.id === id) ?? null;
}
