// The workbench shell: left navigation (with the search box), main pane, right detail panel.
import { Suspense, lazy, useEffect, useRef, useState, type ReactNode } from 'react';
import { AppProvider, useApp } from './hooks/app-context.js';
import { navigate, useRoute, type Route } from './lib/router.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { ErrorBanner } from './components/ErrorBanner.js';
import { DocumentsView } from './views/DocumentsView.js';
import { SearchView } from './views/SearchView.js';
import { DocumentReader } from './views/DocumentReader.js';
import { ActorsView } from './views/ActorsView.js';
import { ActorProfileView } from './views/ActorProfile.js';
import { TimelineView } from './views/TimelineView.js';
import { CorrectionsView } from './views/CorrectionsView.js';
import { ScenarioBoard } from './views/ScenarioBoard.js';
import { WarningsView } from './views/Warnings.js';
import { Loading } from './components/StateViews.js';

// The graph (cytoscape) and the map (d3 + world atlas) load on first visit.
const NetworkGraph = lazy(() => import('./views/NetworkGraph.js').then((m) => ({ default: m.NetworkGraph })));
const MapView = lazy(() => import('./views/MapView.js').then((m) => ({ default: m.MapView })));

export function App() {
  return <AppProvider><Shell /></AppProvider>;
}

const NAV: { name: Route['name']; href: string; label: string }[] = [
  { name: 'documents', href: '#/', label: 'Documents' },
  { name: 'actors', href: '#/actors', label: 'Actors' },
  { name: 'graph', href: '#/graph', label: 'Network' },
  { name: 'timeline', href: '#/timeline', label: 'Timeline' },
  { name: 'map', href: '#/map', label: 'Map' },
  { name: 'board', href: '#/board', label: 'Scenarios' },
  { name: 'warnings', href: '#/warnings', label: 'Warnings' },
  { name: 'corrections', href: '#/corrections', label: 'Corrections' },
];

function Shell() {
  const route = useRoute();
  const { detail, detailTitle, closeDetail, corrections } = useApp();
  const activeCorrections = corrections.filter((c) => !c.reverted_at).length;
  const search = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState(route.name === 'search' ? route.q : '');

  useEffect(() => { if (route.name === 'search') setQ(route.q); }, [route]);
  useEffect(() => { closeDetail(); }, [route.name, closeDetail]);
  useEffect(() => {
    // "/" focuses search from anywhere except while typing; Escape closes the detail panel.
    const on = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey) { e.preventDefault(); search.current?.focus(); search.current?.select(); }
      if (e.key === 'Escape' && !typing) closeDetail();
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, [closeDetail]);

  const active = route.name === 'doc' ? 'documents' : route.name === 'actor' ? 'actors' : route.name;
  return (
    <div className={`shell${detail ? ' with-detail' : ''}`}>
      <nav className="sidebar" aria-label="Main">
        <a className="brand" href="#/">Watchfloor</a>
        <form role="search" onSubmit={(e) => { e.preventDefault(); if (q.trim()) navigate(`#/search?q=${encodeURIComponent(q.trim())}`); }}>
          <input ref={search} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search documents  ( / )" aria-label="Search documents" />
        </form>
        <ul>
          {NAV.map((n) => (
            <li key={n.name}>
              <a href={n.href} className={active === n.name ? 'active' : ''} aria-current={active === n.name ? 'page' : undefined}>
                {n.label}{n.name === 'corrections' && activeCorrections ? <span className="count">{activeCorrections}</span> : null}
              </a>
            </li>
          ))}
        </ul>
        <p className="hint muted">Press <kbd>/</kbd> to search, <kbd>Esc</kbd> to close details.</p>
      </nav>
      <main className="main" id="main">
        <ErrorBanner />
        <ErrorBoundary key={routeKey(route)} label={route.name}>
          <Suspense fallback={<Loading what="the view" />}>{renderRoute(route)}</Suspense>
        </ErrorBoundary>
      </main>
      {detail && (
        <aside className="detail" aria-label="Details">
          <header className="detail-head">
            <h3>{detailTitle}</h3>
            <button type="button" className="link" onClick={closeDetail} aria-label="Close details">×</button>
          </header>
          <ErrorBoundary key={detailTitle} label="details">{detail}</ErrorBoundary>
        </aside>
      )}
    </div>
  );
}

function routeKey(r: Route): string {
  return r.name === 'doc' || r.name === 'actor' ? `${r.name}:${r.id}` : r.name;
}

function renderRoute(r: Route): ReactNode {
  switch (r.name) {
    case 'documents': return <DocumentsView />;
    case 'search': return <SearchView q={r.q} />;
    case 'doc': return <DocumentReader id={r.id} at={r.at} />;
    case 'actors': return <ActorsView />;
    case 'actor': return <ActorProfileView id={r.id} />;
    case 'graph': return <NetworkGraph />;
    case 'timeline': return <TimelineView />;
    case 'map': return <MapView />;
    case 'corrections': return <CorrectionsView />;
    case 'board': return <ScenarioBoard focus={r.scenario} />;
    case 'warnings': return <WarningsView />;
    case 'not-found': return <div className="state state-empty"><h2>No such page</h2><p>Nothing lives at <code>{r.path}</code>. <a href="#/">Back to documents</a>.</p></div>;
  }
}
