// The actor network: cytoscape graph of relations, filtered by predicate and modality, as of a
// chosen date. Clicking an edge shows its evidence; clicking a node links to the profile.
import { useEffect, useMemo, useRef, useState } from 'react';
import cytoscape, { type Core } from 'cytoscape';
import { api } from '../api/client.js';
import type { Network, Relation } from '../api/types.js';
import { useApi } from '../hooks/useApi.js';
import { useDebounced } from '../hooks/useDebounced.js';
import { useApp } from '../hooks/app-context.js';
import { Empty, ErrorBox, Loading } from '../components/StateViews.js';
import { RelationCard } from '../components/RelationCard.js';
import { KindBadge } from '../components/Badges.js';
import { actorHref } from '../lib/actor-id.js';
import { FAMILY_COLOUR, KIND_STYLE, MODALITIES, PREDICATES, familyOf, kindStyle, predicateLabel } from '../lib/predicates.js';
import { isoDay, parseIsoStart } from '../lib/dates.js';

const DAY = 86_400_000;

export function NetworkGraph() {
  const { dataVersion, showDetail } = useApp();
  const [predicate, setPredicate] = useState('');
  const [modality, setModality] = useState('');
  const [asOfOn, setAsOfOn] = useState(false);
  const [asOfDay, setAsOfDay] = useState<number>(() => Math.floor(Date.now() / DAY));
  // The unfiltered network gives the slider its range.
  const all = useApi(() => api.network({}), [dataVersion]);
  const asOf = useDebounced(asOfOn ? isoDay(asOfDay * DAY) : undefined);
  const net = useApi(() => api.network({ predicate: predicate || undefined, modality: modality || undefined, asOf }), [predicate, modality, asOf, dataVersion]);

  const range = useMemo(() => {
    const starts = (all.data?.edges ?? []).flatMap((e) => [parseIsoStart(e.valid?.start), parseIsoStart(e.valid?.end)]).filter((x): x is number => x !== null);
    const today = Math.floor(Date.now() / DAY);
    const min = starts.length ? Math.floor(Math.min(...starts) / DAY) : today - 365 * 15;
    return { min: Math.min(min, today - 365), max: today };
  }, [all.data]);

  async function openEdge(relationId: string, source: string, edgeLabel: string) {
    showDetail('Relation', <Loading what="evidence" />);
    try {
      const rels = await api.relations({ actor: source });
      const rel = rels.items.find((r: Relation) => r.id === relationId);
      showDetail('Relation', rel ? <RelationCard relation={rel} /> : <Empty>No evidence found for {edgeLabel}.</Empty>);
    } catch (e) {
      showDetail('Relation', <ErrorBox error={e as never} what="the relation's evidence" />);
    }
  }

  return (
    <section className="view graph-view">
      <header className="view-head">
        <h1>Network</h1>
        <label>Predicate <select value={predicate} onChange={(e) => setPredicate(e.target.value)}>
          <option value="">all</option>{PREDICATES.map((p) => <option key={p} value={p}>{predicateLabel(p)}</option>)}
        </select></label>
        <label>Modality <select value={modality} onChange={(e) => setModality(e.target.value)}>
          <option value="">all</option>{MODALITIES.map((m) => <option key={m} value={m}>{m}</option>)}
        </select></label>
        <label className="asof"><input type="checkbox" checked={asOfOn} onChange={(e) => setAsOfOn(e.target.checked)} /> As of</label>
        <input type="range" min={range.min} max={range.max} step={1} value={Math.min(Math.max(asOfDay, range.min), range.max)} disabled={!asOfOn}
          onChange={(e) => setAsOfDay(Number(e.target.value))} aria-label="As of date" className="asof-slider" />
        <span className="asof-date">{asOfOn ? isoDay(asOfDay * DAY) : 'all time'}</span>
      </header>
      <GraphLegend />
      {net.error ? <ErrorBox error={net.error} onRetry={net.reload} what="the network" /> : !net.data ? <Loading what="the network" /> :
        net.data.nodes.length === 0 ? <Empty>No relations{predicate || modality || asOfOn ? ' match these filters' : ' yet'}.</Empty> :
          <Graph net={net.data} onEdge={openEdge} onNode={(id, name, kind) => showDetail('Actor', (
            <div className="card"><h3><a href={actorHref(id)}>{name}</a></h3><KindBadge kind={kind} /><p><a href={actorHref(id)}>Open profile →</a></p></div>
          ))} />}
    </section>
  );
}

function GraphLegend() {
  return (
    <div className="legend">
      {(['cooperation', 'hostility', 'membership', 'other'] as const).map((f) => (
        <span key={f} className="legend-item"><span className="line" style={{ background: FAMILY_COLOUR[f] }} />{f}</span>
      ))}
      <span className="legend-sep" />
      {Object.entries(KIND_STYLE).slice(0, 10).map(([k, s]) => (
        <span key={k} className="legend-item"><span className="node-dot" style={{ background: s.colour }} />{k}</span>
      ))}
      <span className="legend-item muted">dashed = not asserted (claimed, alleged, planned…)</span>
    </div>
  );
}

function Graph({ net, onEdge, onNode }: {
  net: Network; onEdge: (relation: string, source: string, label: string) => void; onNode: (id: string, name: string, kind: string) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const handlers = useRef({ onEdge, onNode });
  handlers.current = { onEdge, onNode };

  useEffect(() => {
    if (!host.current) return;
    const ids = new Set(net.nodes.map((n) => n.id));
    const maxW = Math.max(1, ...net.nodes.map((n) => n.weight || 1));
    const c = cytoscape({
      container: host.current,
      elements: [
        ...net.nodes.map((n) => ({ data: { id: n.id, label: n.name, kind: n.kind, colour: kindStyle(n.kind).colour, shape: kindStyle(n.kind).shape, size: 18 + 26 * Math.sqrt((n.weight || 1) / maxW) } })),
        ...net.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({
          data: { id: `e:${e.id}`, source: e.source, target: e.target, relation: e.relation ?? e.id, label: predicateLabel(e.predicate),
            colour: FAMILY_COLOUR[familyOf(e.predicate)], width: 1 + Math.min(5, e.weight || 1), dashed: e.modality && e.modality !== 'asserted' ? 'dashed' : 'solid' },
        })),
      ],
      style: [
        { selector: 'node', style: { 'background-color': 'data(colour)', shape: 'data(shape)' as never, width: 'data(size)', height: 'data(size)', label: 'data(label)', 'font-size': 10, color: '#1c2833', 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'wrap', 'text-max-width': '120px' } },
        { selector: 'edge', style: { 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', width: 'data(width)', 'line-style': 'data(dashed)' as never, label: 'data(label)', 'font-size': 8, color: '#566573', 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': '1px' } },
        { selector: ':selected', style: { 'overlay-color': '#2c3e50', 'overlay-opacity': 0.15, 'border-width': 2, 'border-color': '#2c3e50' } },
      ],
      layout: { name: net.nodes.length > 1 ? 'cose' : 'grid', animate: false, padding: 40, nodeRepulsion: () => 40000, idealEdgeLength: () => 140, nodeOverlap: 40, componentSpacing: 120, randomize: false } as never,
      wheelSensitivity: 0.3,
    });
    c.on('tap', 'edge', (ev) => { const d = ev.target.data(); handlers.current.onEdge(d.relation, d.source, `${d.source} ${d.label} ${d.target}`); });
    c.on('tap', 'node', (ev) => { const d = ev.target.data(); handlers.current.onNode(d.id, d.label, d.kind); });
    cy.current = c;
    (window as unknown as { __cy?: Core }).__cy = c; // lets browser tests click edges
    return () => { c.destroy(); cy.current = null; };
  }, [net]);

  return (
    <div className="graph-wrap">
      <div ref={host} className="graph" role="img" aria-label={`Network of ${net.nodes.length} actors and ${net.edges.length} relations`} data-nodes={net.nodes.length} data-edges={net.edges.length} />
      <div className="graph-list">
        <details>
          <summary>Relations as a list ({net.edges.length}) — keyboard access</summary>
          <ul className="list">
            {net.edges.map((e) => {
              const s = net.nodes.find((n) => n.id === e.source)?.name ?? e.source;
              const t = net.nodes.find((n) => n.id === e.target)?.name ?? e.target;
              return <li key={e.id}><button type="button" className="item edge-item" onClick={() => onEdge(e.relation ?? e.id, e.source, `${s} ${e.predicate} ${t}`)}>{s} <span style={{ color: FAMILY_COLOUR[familyOf(e.predicate)] }}>{predicateLabel(e.predicate)}</span> {t} <span className="muted small">{e.modality}</span></button></li>;
            })}
          </ul>
        </details>
      </div>
    </div>
  );
}
