// Places with events on a bundled world map (world-atlas TopoJSON drawn with d3-geo).
// Nearby places cluster in screen space, so clusters split as you zoom in.
import { useEffect, useMemo, useRef, useState } from 'react';
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import { api } from '../api/client.js';
import type { PlaceFeature } from '../api/types.js';
import { useApi } from '../hooks/useApi.js';
import { useApp } from '../hooks/app-context.js';
import { Empty, ErrorBox, Loading, Resource } from '../components/StateViews.js';
import { EventCard } from '../components/EventCard.js';
import { clusterPoints, type Cluster } from '../lib/cluster.js';
import { EVENT_TYPES } from '../lib/event-types.js';
import { tilesFor, validTileTemplate, type MercatorFrame } from '../lib/tiles.js';

const TILE_SETTING = 'watchfloor.tileUrl';

const W = 960; const H = 560;
type BBox = [number, number, number, number];
const PRESETS: { label: string; bbox: BBox }[] = [
  { label: 'World', bbox: [-170, -56, 179, 78] },
  { label: 'Middle East', bbox: [24, 12, 63, 42] },
  { label: 'Syria–Iraq', bbox: [35, 29, 49, 38] },
];
type View = { k: number; x: number; y: number };

function baseProjection(): GeoProjection {
  return geoMercator().fitExtent([[0, 0], [W, H]], { type: 'MultiPoint', coordinates: [[-170, -56], [179, 78]] });
}

function viewFor(proj: GeoProjection, [w, s, e, n]: BBox): View {
  const [x1, y1] = proj([w, n])!; const [x2, y2] = proj([e, s])!;
  const k = 0.95 * Math.min(W / (x2 - x1), H / (y2 - y1));
  return { k, x: W / 2 - (k * (x1 + x2)) / 2, y: H / 2 - (k * (y1 + y2)) / 2 };
}

function useCountries() {
  return useApi(async () => {
    const topo = (await import('world-atlas/countries-50m.json')).default as unknown as Topology<{ countries: GeometryCollection }>;
    return feature(topo, topo.objects.countries) as unknown as FeatureCollection<Geometry, { name: string }>;
  }, []);
}

export function MapView() {
  const { dataVersion } = useApp();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [type, setType] = useState('');
  const places = useApi(() => api.places({ from: from || undefined, to: to || undefined, type: type || undefined }), [from, to, type, dataVersion]);
  const countries = useCountries();
  return (
    <section className="view map-view">
      <header className="view-head">
        <h1>Map</h1>
        <label>From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <label>Type <select value={type} onChange={(e) => setType(e.target.value)}><option value="">all types</option>{EVENT_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}</select></label>
      </header>
      {countries.error && <ErrorBox error={countries.error} what="the base map" />}
      {places.error && <ErrorBox error={places.error} onRetry={places.reload} what="places" />}
      <MapCanvas countries={countries.data} features={places.data?.features ?? []} loading={places.loading || countries.loading} />
      {places.data && places.data.features.length === 0 && <Empty>No located places{from || to || type ? ' match these filters' : ' yet'}.</Empty>}
      {places.data && places.data.features.length > 0 && <PlaceTable features={places.data.features} />}
    </section>
  );
}

function MapCanvas({ countries, features, loading }: { countries: FeatureCollection<Geometry, { name: string }> | null; features: PlaceFeature[]; loading: boolean }) {
  const { showDetail } = useApp();
  const proj = useMemo(baseProjection, []);
  const [view, setView] = useState<View>(() => viewFor(proj, PRESETS[1]!.bbox));
  // Optional online tiles (an XYZ URL template kept in this browser); offline, the bundled map alone.
  const [tileTemplate, setTileTemplate] = useState(() => localStorage.getItem(TILE_SETTING) ?? '');
  const tilesOn = validTileTemplate(tileTemplate);
  const frame = useMemo<MercatorFrame>(() => {
    const [x0, y0] = proj([-180, 85.0511287798])!; const [x1] = proj([180, 0])!;
    return { x0, y0, worldWidth: x1 - x0 };
  }, [proj]);
  const tiles = useMemo(() => (tilesOn ? tilesFor(frame, { ...view, w: W, h: H }, tileTemplate) : []), [tilesOn, frame, view, tileTemplate]);
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ px: number; py: number; v: View } | null>(null);
  const paths = useMemo(() => {
    if (!countries) return [];
    const path = geoPath(proj);
    return countries.features.map((f, i) => ({ key: i, d: path(f) ?? '', name: f.properties?.name ?? '' }));
  }, [countries, proj]);

  // Map client pixels to viewBox units (the SVG scales with its container).
  const toBox = (cx: number, cy: number) => {
    const r = svg.current!.getBoundingClientRect();
    return [((cx - r.left) / r.width) * W, ((cy - r.top) / r.height) * H] as const;
  };
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const [px, py] = toBox(e.clientX, e.clientY);
      setView((v) => {
        const k = Math.min(400, Math.max(0.8, v.k * Math.exp(-e.deltaY * 0.0015)));
        return { k, x: px - ((px - v.x) * k) / v.k, y: py - ((py - v.y) * k) / v.k };
      });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const clusters = useMemo(() => {
    const pts = features.flatMap((f) => {
      if (!f.geometry) return [];
      const p = proj(f.geometry.coordinates);
      if (!p) return [];
      return [{ x: p[0] * view.k + view.x, y: p[1] * view.k + view.y, weight: Math.max(1, f.properties.events ?? 0), item: f }];
    }).filter((p) => p.x > -50 && p.x < W + 50 && p.y > -50 && p.y < H + 50);
    return clusterPoints(pts, 18);
  }, [features, proj, view]);

  const open = (c: Cluster<PlaceFeature>) => showDetail(c.items.length > 1 ? `${c.items.length} places` : c.items[0]!.properties.name, <PlacesDetail places={c.items} />);

  return (
    <div className="map-wrap">
      <div className="map-tools" role="group" aria-label="Zoom presets">
        {PRESETS.map((p) => <button key={p.label} type="button" onClick={() => setView(viewFor(proj, p.bbox))}>{p.label}</button>)}
        <button type="button" aria-label="Zoom in" onClick={() => setView((v) => zoomAt(v, 1.6))}>+</button>
        <button type="button" aria-label="Zoom out" onClick={() => setView((v) => zoomAt(v, 1 / 1.6))}>−</button>
        {loading && <span className="muted small">loading…</span>}
        <details className="tile-setting">
          <summary>Online tiles</summary>
          <label>Tile URL (optional; needs the network) <input type="url" placeholder="https://…/{z}/{x}/{y}.png" value={tileTemplate}
            onChange={(e) => { setTileTemplate(e.target.value); localStorage.setItem(TILE_SETTING, e.target.value); }} /></label>
          {tileTemplate && !tilesOn && <span className="muted small">needs http(s) and {'{z}'}, {'{x}'}, {'{y}'}</span>}
        </details>
      </div>
      <svg ref={svg} className="map" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Map of places with events"
        onPointerDown={(e) => { if ((e.target as Element).closest('.place')) return; (e.currentTarget as SVGSVGElement).setPointerCapture(e.pointerId); const [px, py] = toBox(e.clientX, e.clientY); drag.current = { px, py, v: view }; }}
        onPointerMove={(e) => { const d = drag.current; if (!d) return; const [px, py] = toBox(e.clientX, e.clientY); setView({ ...d.v, x: d.v.x + px - d.px, y: d.v.y + py - d.py }); }}
        onPointerUp={() => { drag.current = null; }}>
        <rect width={W} height={H} className="sea" />
        <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
          {tiles.map((t) => <image key={`${t.z}/${t.x}/${t.y}`} href={t.url} x={t.left} y={t.top} width={t.size} height={t.size} />)}
          {paths.map((p) => <path key={p.key} d={p.d} className={tilesOn ? 'country outline' : 'country'}><title>{p.name}</title></path>)}
        </g>
        {!countries && <text x={W / 2} y={H / 2} textAnchor="middle" className="tick">loading base map…</text>}
        {clusters.map((c, i) => {
          const r = Math.min(28, 4 + 3 * Math.sqrt(c.weight));
          const label = c.items.length > 1 ? `${c.items.length} places, ${c.weight} events` : `${c.items[0]!.properties.name}: ${c.items[0]!.properties.events} events`;
          return (
            <g key={i} className={`place${c.items.length > 1 ? ' cluster' : ''}`} tabIndex={0} role="button" aria-label={label}
              onClick={() => open(c)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(c); } }}>
              <circle cx={c.x} cy={c.y} r={r}><title>{label}</title></circle>
              {c.items.length > 1 && <text x={c.x} y={c.y + 3} textAnchor="middle" className="cluster-count">{c.items.length}</text>}
              {c.items.length === 1 && view.k > 4 && <text x={c.x + r + 2} y={c.y + 3} className="place-label">{c.items[0]!.properties.name}</text>}
            </g>
          );
        })}
      </svg>
      <p className="muted small">Circle area ∝ number of events. Scroll to zoom, drag to pan. Map data: Natural Earth via world-atlas{tilesOn ? ', tiles from the URL set under “Online tiles”' : ''}.</p>
    </div>
  );
}

function zoomAt(v: View, f: number): View {
  const k = Math.min(400, Math.max(0.8, v.k * f));
  return { k, x: W / 2 - ((W / 2 - v.x) * k) / v.k, y: H / 2 - ((H / 2 - v.y) * k) / v.k };
}

function typesOf(t: PlaceFeature['properties']['types']): string {
  if (!t) return '';
  return Array.isArray(t) ? t.join(', ') : Object.entries(t).map(([k, n]) => `${k} ${n}`).join(', ');
}

function PlacesDetail({ places }: { places: PlaceFeature[] }) {
  const [shown, setShown] = useState<PlaceFeature | null>(places.length === 1 ? places[0]! : null);
  return (
    <div>
      <ul className="list">
        {[...places].sort((a, b) => b.properties.events - a.properties.events).map((p) => (
          <li key={p.properties.id}>
            <button type="button" className={`item${shown === p ? ' selected' : ''}`} onClick={() => setShown(p)}>
              <strong>{p.properties.name}</strong> <span className="muted small">{p.properties.kind}{p.properties.country ? `, ${p.properties.country}` : ''} · {p.properties.events} events</span>
              <div className="small muted">{typesOf(p.properties.types)}</div>
            </button>
          </li>
        ))}
      </ul>
      {shown && <PlaceEvents place={shown} />}
    </div>
  );
}

function PlaceEvents({ place }: { place: PlaceFeature }) {
  const [lon, lat] = place.geometry?.coordinates ?? [0, 0];
  const d = 0.02;
  const evs = useApi(() => api.events({ bbox: `${lon - d},${lat - d},${lon + d},${lat + d}`, limit: 100 }), [place.properties.id]);
  return (
    <div className="place-events">
      <h4>Events at {place.properties.name}</h4>
      <Resource state={evs} what="events">
        {(r) => r.items.length === 0 ? <p className="muted">No events listed.</p> : <div className="cards">{r.items.map((e) => <EventCard key={e.id} event={e} />)}</div>}
      </Resource>
    </div>
  );
}

function PlaceTable({ features }: { features: PlaceFeature[] }) {
  const top = [...features].sort((a, b) => b.properties.events - a.properties.events).slice(0, 25);
  if (!top.length) return <Loading />;
  return (
    <details className="place-table">
      <summary>Places by events ({features.length})</summary>
      <table className="table compact">
        <thead><tr><th>Place</th><th>Kind</th><th>Country</th><th>Precision</th><th className="num">Events</th></tr></thead>
        <tbody>{top.map((f) => <tr key={f.properties.id}><td>{f.properties.name}</td><td>{f.properties.kind}</td><td>{f.properties.country ?? ''}</td><td>{f.properties.precision ?? ''}</td><td className="num">{f.properties.events}</td></tr>)}</tbody>
      </table>
    </details>
  );
}
