// An actor across all documents: identity, affiliations over time, events, relations, quotes,
// documents — and the corrections an analyst can make to it (merge, split alias).
import { useState } from 'react';
import { api } from '../api/client.js';
import type { ActorProfile, ActorSummary } from '../api/types.js';
import { corrections } from '../api/corrections.js';
import { useApi } from '../hooks/useApi.js';
import { useApp } from '../hooks/app-context.js';
import { Empty, Resource } from '../components/StateViews.js';
import { CorrectedBadge, KindBadge, PredicateLabel } from '../components/Badges.js';
import { EventCard } from '../components/EventCard.js';
import { RelationCard } from '../components/RelationCard.js';
import { MiniTimeline } from '../components/MiniTimeline.js';
import { actorHref } from '../lib/actor-id.js';
import { formatWhen } from '../lib/dates.js';
import { docHref, navigate } from '../lib/router.js';
import { familyOf, FAMILY_COLOUR } from '../lib/predicates.js';

export function ActorProfileView({ id }: { id: string }) {
  const { dataVersion } = useApp();
  const profile = useApi(() => api.actor(id), [id, dataVersion]);
  return <section className="view"><Resource state={profile} what="the actor">{(p) => <Profile p={p} reload={profile.reload} />}</Resource></section>;
}

function Profile({ p, reload }: { p: ActorProfile; reload: () => void }) {
  const { applyCorrection, isCorrected, showDetail } = useApp();
  const corrected = isCorrected(p) || (p.merged?.length ?? 0) > 0;
  const aliases = (p.aliases ?? []).filter((a) => a !== p.name);

  async function split(alias: string) {
    if (await applyCorrection(corrections.splitAlias(p.id, alias))) reload();
  }

  return (
    <div className="profile">
      <header className="view-head">
        <h1>{p.name}</h1>
        <KindBadge kind={p.kind} />
        <CorrectedBadge show={corrected} />
        {p.kb_id && <span className="muted small">pack id {p.kb_id}</span>}
      </header>
      {p.redirected_from && <div className="state">{p.redirected_from} was merged into this actor by a correction.</div>}
      {p.description && <p className="description">{p.description}</p>}
      {!!p.merged?.length && <p className="small muted">Merged into this actor: {p.merged.join(', ')}</p>}
      <div className="grid-2">
        <section className="panel">
          <h2>Aliases</h2>
          {aliases.length === 0 ? <p className="muted">No other names seen.</p> : (
            <ul className="aliases">
              {aliases.map((a) => (
                <li key={a}><span>{a}</span> <button type="button" className="small-btn" onClick={() => void split(a)} title="This name is a different actor: split it off">Split alias off</button></li>
              ))}
            </ul>
          )}
          <MergePicker self={p} onMerged={(into) => navigate(actorHref(into))} />
        </section>
        <section className="panel">
          <h2>Affiliations over time</h2>
          {p.affiliations?.length ? (
            <>
              <MiniTimeline items={p.affiliations.map((f, i) => ({
                id: `${i}`, label: `${f.predicate} ${f.object.name} ${f.start ?? '?'}–${f.end ?? 'now'}`,
                when: f.start ? { start: f.start, end: f.end ?? new Date().toISOString().slice(0, 10), precision: 'range', text: '' } : null,
                colour: FAMILY_COLOUR[familyOf(f.predicate)],
              }))} />
              <table className="table compact">
                <tbody>
                  {p.affiliations.map((f, i) => (
                    <tr key={i}><td><PredicateLabel predicate={f.predicate} /></td><td><a href={actorHref(f.object.id)}>{f.object.name}</a></td><td className="muted">{f.start ?? '?'} – {f.end ?? 'now'}</td></tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : <p className="muted">No affiliations known.</p>}
        </section>
      </div>

      <section className="panel">
        <h2>Events <span className="count">{p.events?.length ?? 0}</span></h2>
        {p.events?.length ? (
          <>
            <MiniTimeline items={p.events.map((e) => ({ id: e.id, when: e.date, label: `${e.type}: ${e.summary}`, onClick: () => showDetail('Event', <EventCard event={e} onChanged={reload} />) }))} />
            <ul className="list">
              {p.events.map((e) => (
                <li key={e.id}>
                  <button type="button" className="item" onClick={() => showDetail('Event', <EventCard event={e} onChanged={reload} />)}>
                    <span className={`type-chip type-${e.type}`}>{e.type}</span> <span className="muted">{formatWhen(e.date)}</span> {e.place?.name ? `· ${e.place.name} ` : ''}— {e.summary}
                    <CorrectedBadge show={isCorrected(e)} />
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : <Empty>No events involve this actor.</Empty>}
      </section>

      <section className="panel">
        <h2>Relations <span className="count">{p.relations?.length ?? 0}</span></h2>
        {p.relations?.length ? (
          <div className="cards">{p.relations.map((r) => <RelationCard key={r.id} relation={r} onChanged={reload} />)}</div>
        ) : <Empty>No relations.</Empty>}
      </section>

      <div className="grid-2">
        <section className="panel">
          <h2>Quotes <span className="count">{p.quotes?.length ?? 0}</span></h2>
          {p.quotes?.length ? (
            <ul className="quotes">
              {p.quotes.map((q) => {
                const ev = Array.isArray(q.evidence) ? q.evidence[0] : q.evidence ?? undefined;
                return <li key={q.id}><blockquote>{q.text}</blockquote><a href={docHref(q.document, ev)} className="small">source</a> <span className="muted small">{formatWhen(q.date)}{q.venue ? ` · ${q.venue}` : ''}</span></li>;
              })}
            </ul>
          ) : <p className="muted">No quotes.</p>}
        </section>
        <section className="panel">
          <h2>Documents <span className="count">{p.documents?.length ?? 0}</span></h2>
          {p.documents?.length ? (
            <ul className="list">
              {p.documents.map((d) => <li key={d.id}><a href={docHref(d.id)}>{d.title ?? d.id}</a> <span className="muted small">{d.published ?? ''} · {d.mentions} mentions</span></li>)}
            </ul>
          ) : <p className="muted">Not mentioned in any document.</p>}
        </section>
      </div>
    </div>
  );
}

/** "Merge with…": find another actor by name and fold this one into it. */
function MergePicker({ self, onMerged }: { self: ActorProfile; onMerged: (into: string) => void }) {
  const { applyCorrection } = useApp();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [pick, setPick] = useState<ActorSummary | null>(null);
  const options = useApi(open ? () => api.actors({ q: q || undefined, limit: 20 }) : null, [open, q]);
  if (!open) return <button type="button" className="merge-open" onClick={() => setOpen(true)}>Merge with…</button>;
  return (
    <div className="merge-picker">
      <label>Merge <strong>{self.name}</strong> into: <input autoFocus type="search" value={q} onChange={(e) => { setQ(e.target.value); setPick(null); }} placeholder="find an actor" aria-label="Find actor to merge with" /></label>
      <Resource state={options} what="actors">
        {(d) => {
          const others = d.items.filter((a) => a.id !== self.id);
          return others.length === 0 ? <p className="muted small">No other actor matches.</p> : (
            <ul className="pick-list" role="listbox" aria-label="Actors">
              {others.map((a) => (
                <li key={a.id} role="option" aria-selected={pick?.id === a.id}>
                  <button type="button" className={`item${pick?.id === a.id ? ' selected' : ''}`} onClick={() => setPick(a)}>{a.name} <span className="muted small">{a.kind} · {a.mentions} mentions</span></button>
                </li>
              ))}
            </ul>
          );
        }}
      </Resource>
      <div className="actions">
        <button type="button" disabled={!pick} className="primary" onClick={async () => {
          // The picked actor is kept; this one folds into it.
          if (pick && await applyCorrection(corrections.mergeActors(self.id, pick.id))) onMerged(pick.id);
        }}>Merge{pick ? ` into ${pick.name}` : ''}</button>
        <button type="button" onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </div>
  );
}
