// Actors merged across documents, ordered by mentions, with a name filter and kind filter.
import { useState } from 'react';
import { api } from '../api/client.js';
import { useApi } from '../hooks/useApi.js';
import { useApp } from '../hooks/app-context.js';
import { Empty, Resource } from '../components/StateViews.js';
import { CorrectedBadge, KindBadge } from '../components/Badges.js';
import { actorHref } from '../lib/actor-id.js';
import { KIND_STYLE } from '../lib/predicates.js';

export function ActorsView() {
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const { dataVersion, isCorrected } = useApp();
  const actors = useApi(() => api.actors({ q: q || undefined, kind: kind || undefined, limit: 200 }), [q, kind, dataVersion]);
  return (
    <section className="view">
      <header className="view-head">
        <h1>Actors</h1>
        <input type="search" placeholder="Filter by name" value={q} onChange={(e) => setQ(e.target.value)} aria-label="Filter actors by name" />
        <select value={kind} onChange={(e) => setKind(e.target.value)} aria-label="Actor kind">
          <option value="">all kinds</option>
          {Object.keys(KIND_STYLE).map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
      </header>
      <Resource state={actors} what="actors">
        {(d) => d.items.length === 0 ? <Empty>No actors{q || kind ? ' match the filter' : ' yet — ingest documents first'}.</Empty> : (
          <table className="table">
            <thead><tr><th>Name</th><th>Kind</th><th>Aliases</th><th className="num">Docs</th><th className="num">Mentions</th></tr></thead>
            <tbody>
              {d.items.map((a) => (
                <tr key={a.id}>
                  <td><a href={actorHref(a.id)}>{a.name}</a> <CorrectedBadge show={isCorrected(a)} /></td>
                  <td><KindBadge kind={a.kind} /></td>
                  <td className="muted">{a.aliases?.filter((x) => x !== a.name).slice(0, 4).join(', ')}</td>
                  <td className="num">{a.documents}</td>
                  <td className="num">{a.mentions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Resource>
    </section>
  );
}
