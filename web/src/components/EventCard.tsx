// One cross-document event with its sources and the analyst's corrections (reject, edit).
import { useState } from 'react';
import type { Event, When } from '../api/types.js';
import { corrections, type EditPlace } from '../api/corrections.js';
import { useApp } from '../hooks/app-context.js';
import { actorHref } from '../lib/actor-id.js';
import { formatWhen } from '../lib/dates.js';
import { docHref } from '../lib/router.js';
import { CorrectedBadge, ModalityBadge } from './Badges.js';

export function EventCard({ event, onChanged }: { event: Event; onChanged?: () => void }) {
  const { applyCorrection, isCorrected } = useApp();
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState(event.date?.start ?? '');
  const [precision, setPrecision] = useState<When['precision']>(event.date?.precision ?? 'day');
  const [place, setPlace] = useState(event.place?.name ?? '');
  const [coords, setCoords] = useState(event.place?.lat != null && event.place?.lon != null ? `${event.place.lat}, ${event.place.lon}` : '');
  const corrected = isCorrected(event);

  async function reject() {
    if (await applyCorrection(corrections.rejectEvent(event.id))) onChanged?.();
  }
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const edit: { date?: When; place?: EditPlace } = {};
    if (date && (date !== event.date?.start || precision !== event.date?.precision)) edit.date = whenFrom(date, precision);
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(coords);
    const oldCoords = event.place?.lat != null ? `${event.place.lat}, ${event.place.lon}` : '';
    if (place && (place !== event.place?.name || coords !== oldCoords)) {
      edit.place = { name: place, ...(m ? { lat: Number(m[1]), lon: Number(m[2]) } : {}) };
    }
    if (!edit.date && !edit.place) { setEditing(false); return; }
    if (await applyCorrection(corrections.editEvent(event.id, edit))) { setEditing(false); onChanged?.(); }
  }

  return (
    <article className="card event-card" data-event={event.id}>
      <header>
        <span className={`type-chip type-${event.type}`}>{event.type}</span>
        <span className="muted">{formatWhen(event.date)}</span>
        {event.date && <span className="badge">{event.date.precision}</span>}
        {event.place && <span>· {event.place.name}</span>}
        <ModalityBadge modality={event.modality} />
        <CorrectedBadge show={corrected} />
      </header>
      <p>{event.summary}</p>
      {!!event.actors?.length && (
        <p className="actors-line">
          {event.actors.map((a, i) => (
            <span key={i}><a href={actorHref(a.actor.id)}>{a.actor.name}</a> <span className="muted">({a.role})</span>{i < event.actors.length - 1 ? ', ' : ''}</span>
          ))}
        </p>
      )}
      {event.fatalities && <p className="muted">Fatalities: {event.fatalities.min}{event.fatalities.max && event.fatalities.max !== event.fatalities.min ? `–${event.fatalities.max}` : ''}</p>}
      {!!event.sources?.length && (
        <div className="sources">
          <h4>Sources ({event.sources.length}{event.independent_sources !== undefined && event.independent_sources < event.sources.length ? `, ${event.independent_sources} independent` : ''})</h4>
          <ul>
            {event.sources.map((s, i) => (
              <li key={i}>
                <a href={docHref(s.document, s.evidence?.[0])}>{s.title ?? s.document}</a>
                {s.near_duplicate_of && event.sources.some((o) => o.document === s.near_duplicate_of) && <span className="muted small"> (a copy of another source)</span>}
                {s.evidence?.map((ev, j) => <blockquote key={j}>{ev.text}</blockquote>)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={reject}>Reject event</button>
        <button type="button" onClick={() => setEditing((x) => !x)} aria-expanded={editing}>Edit date/place</button>
      </div>
      {editing && (
        <form className="edit-form" onSubmit={save}>
          <label>Date <input value={date} onChange={(e) => setDate(e.target.value)} placeholder="YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" /></label>
          <label>Precision
            <select value={precision} onChange={(e) => setPrecision(e.target.value as When['precision'])}>
              <option value="day">day</option><option value="month">month</option><option value="year">year</option>
            </select>
          </label>
          <label>Place <input value={place} onChange={(e) => setPlace(e.target.value)} placeholder="place name" /></label>
          <label>Lat, lon <input value={coords} onChange={(e) => setCoords(e.target.value)} placeholder="35.95, 39.01" size={14} /></label>
          <button type="submit">Save correction</button>
        </form>
      )}
    </article>
  );
}

function whenFrom(date: string, precision: When['precision']): When {
  const y = date.slice(0, 4);
  if (precision === 'day' && date.length < 10) precision = date.length >= 7 ? 'month' : 'year';
  if (precision === 'year') return { start: `${y}-01-01`, end: `${y}-12-31`, precision, text: y };
  if (precision === 'month') {
    const ym = date.slice(0, 7);
    const [yy, mm] = ym.split('-').map(Number);
    const last = new Date(Date.UTC(yy!, mm!, 0)).getUTCDate();
    return { start: `${ym}-01`, end: `${ym}-${String(last).padStart(2, '0')}`, precision, text: ym };
  }
  return { start: date, end: date, precision: 'day', text: date };
}
