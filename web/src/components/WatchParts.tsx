// Pieces shared by the scenario board and the warnings feed: state pills, the monthly
// sparkline, evidence records with links to their documents, and the evidence detail panel
// (the full event or relation card, found through the picture API).
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client.js';
import type { EvidenceRecord, IndicatorState } from '../api/types.js';
import { useApi } from '../hooks/useApi.js';
import { useApp } from '../hooks/app-context.js';
import { actorHref } from '../lib/actor-id.js';
import { docHref } from '../lib/router.js';
import { addMonths, LAST_SEEN_EVENT, readLastSeen, sparkPoints, watchActorId, writeLastSeen } from '../lib/watch-board.js';
import { EventCard } from './EventCard.js';
import { RelationCard } from './RelationCard.js';
import { Loading } from './StateViews.js';

export function StatePill({ state }: { state: IndicatorState }) {
  return <span className={`state-pill state-${state}`} data-state={state}>{state}</span>;
}

export function Transition({ from, to }: { from: IndicatorState; to: IndicatorState }) {
  return <span className="transition"><StatePill state={from} /><span aria-label="to"> → </span><StatePill state={to} /></span>;
}

/** Monthly counts as bars; the newest month is at the right. */
export function Sparkline({ counts, from, state, width = 170, height = 26 }: { counts: number[]; from: string; state: IndicatorState; width?: number; height?: number }) {
  if (!counts.length) return <span className="muted small">no dated records</span>;
  const total = counts.reduce((a, b) => a + b, 0);
  const max = Math.max(...counts);
  const to = addMonths(from, counts.length - 1);
  // Months keep a readable width when there are few; the newest month sits at the right edge.
  const bw = Math.min(width / counts.length, 8);
  const x0 = width - bw * counts.length;
  const label = `${total} matching record${total === 1 ? '' : 's'} ${from} – ${to} (busiest month ${max})`;
  return (
    <span className="sparkline">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className={`spark spark-${state}`}>
        <title>{label}</title>
        <line x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} className="spark-axis" />
        {max > 0 && counts.map((c, i) => c > 0 && (
          <rect key={i} x={x0 + i * bw} width={Math.max(1, bw - (bw > 3 ? 1 : 0))} y={height - 1 - Math.max(2, (c / max) * (height - 2))} height={Math.max(2, (c / max) * (height - 2))} className="spark-bar">
            <title>{`${addMonths(from, i)}: ${c}`}</title>
          </rect>
        ))}
        {max === 0 && <polyline points={sparkPoints(counts, width, height)} className="spark-flat" />}
      </svg>
      <span className="spark-range muted">{from} – {to} · {total}</span>
    </span>
  );
}

export type DocTitles = Map<string, string>;

/** Titles of stored documents (newest 500), so evidence links read as titles. */
export function useDocTitles(): DocTitles {
  const docs = useApi(() => api.documents({ limit: 500 }), []);
  return useMemo(() => new Map((docs.data?.items ?? []).map((d) => [d.id, d.title ?? d.id])), [docs.data]);
}

export function DocLinks({ ids, titles }: { ids: string[]; titles: DocTitles }) {
  if (!ids.length) return <span className="muted">—</span>;
  return <>{ids.map((id, i) => <span key={id}>{i > 0 && ', '}<a href={docHref(id)} className="doc-link" title={id}>{titles.get(id) ?? id}</a></span>)}</>;
}

/** Evidence records (newest first), the first `show` visible, the rest behind a toggle. */
export function EvidenceList({ records, ids, titles, show = 2 }: { records: EvidenceRecord[]; ids: string[]; titles: DocTitles; show?: number }) {
  const [all, setAll] = useState(false);
  const { showDetail } = useApp();
  const missing = ids.length - records.length;
  if (!ids.length) return <span className="muted small">none in the window</span>;
  const visible = all ? records : records.slice(0, show);
  return (
    <ul className="evidence-records">
      {visible.map((r) => (
        <li key={r.id} className="evidence-record" data-record={r.id}>
          <span className="type-chip">{r.kind === 'event' ? r.what : 'relation'}</span>{' '}
          <span className="muted small">{r.day ?? 'undated'}</span>{' '}
          <button type="button" className="item-link" onClick={() => showDetail(r.kind === 'event' ? 'Event' : 'Relation', <EvidenceDetail record={r} titles={titles} />)}>
            {r.kind === 'relation' ? r.what : shortText(r.text, 90)}
          </button>
          <div className="small"><DocLinks ids={r.documents} titles={titles} /></div>
        </li>
      ))}
      {records.length > show && <li><button type="button" className="small-btn" onClick={() => setAll((x) => !x)}>{all ? 'Fewer' : `${records.length - show} more`}</button></li>}
      {missing > 0 && <li className="muted small">{missing} record{missing === 1 ? '' : 's'} no longer in the store</li>}
    </ul>
  );
}

function shortText(t: string, n: number): string {
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** The record as the watch saw it, then the full card from the picture API when it is found. */
export function EvidenceDetail({ record, titles }: { record: EvidenceRecord; titles: DocTitles }) {
  const found = useApi(async () => {
    if (record.kind === 'event') {
      if (!record.day) return null;
      const page = await api.events({ from: record.day.slice(0, 10), to: record.day.slice(0, 10), limit: 500 });
      return { event: page.items.find((e) => e.id === record.id) ?? null, relation: null };
    }
    const subject = record.actors[0];
    if (!subject) return null;
    const page = await api.relations({ actor: watchActorId(subject) });
    return { event: null, relation: page.items.find((r) => r.id === record.id) ?? null };
  }, [record.id]);
  return (
    <div className="evidence-detail">
      <p><span className="type-chip">{record.kind === 'event' ? record.what : 'relation'}</span> <span className="muted">{record.day ?? 'undated'}</span> <code className="small">{record.id}</code></p>
      {record.kind === 'relation' && <p className="predicate">{record.what}</p>}
      <blockquote>{record.text}</blockquote>
      {!!record.actors.length && <p className="small">Actors: {record.actors.map((a, i) => <span key={a}>{i > 0 && ', '}<a href={actorHref(watchActorId(a))}>{a}</a></span>)}</p>}
      <p className="small">Reported in: <DocLinks ids={record.documents} titles={titles} /></p>
      {found.loading ? <Loading what="the full record" /> : found.data?.event ? <EventCard event={found.data.event} /> : found.data?.relation ? <RelationCard relation={found.data.relation} /> : (
        <p className="muted small">The full card is not available (the record may have been merged or corrected since).</p>
      )}
    </div>
  );
}

/** The last warning seq the analyst marked seen, kept in localStorage and shared between views. */
export function useLastSeen(): [number, (seq: number) => void] {
  const [seen, setSeen] = useState(() => readLastSeen());
  useEffect(() => {
    const sync = () => setSeen(readLastSeen());
    window.addEventListener(LAST_SEEN_EVENT, sync);
    window.addEventListener('storage', sync);
    return () => { window.removeEventListener(LAST_SEEN_EVENT, sync); window.removeEventListener('storage', sync); };
  }, []);
  return [seen, writeLastSeen];
}
