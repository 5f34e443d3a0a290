// The warnings feed: every indicator state change the watch raised, newest first; the
// unacknowledged ones stand out and can be acknowledged; those after the last-seen position
// are marked new until "Mark all seen".
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import type { EvidenceRecord, Warning } from '../api/types.js';
import { useApp } from '../hooks/app-context.js';
import { DocLinks, EvidenceList, Transition, useDocTitles, useLastSeen } from '../components/WatchParts.js';
import { Empty, ErrorBox, Loading } from '../components/StateViews.js';

const PAGE = 500;
const MAX_PAGES = 20;
const POLL_MS = 30_000;

export type WarningsState = {
  warnings: Warning[]; records: Record<string, EvidenceRecord>; error: ApiError | null; loading: boolean;
  reload: () => void; ack: (id: string) => Promise<void>;
};

/** Every warning, oldest first as the API gives them (paged by seq), re-polled for new ones. */
export function useWarnings(opts: { records?: boolean } = {}): WarningsState {
  const { reportError } = useApp();
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [records, setRecords] = useState<Record<string, EvidenceRecord>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const withRecords = opts.records === true;

  useEffect(() => {
    let live = true;
    (async () => {
      const all: Warning[] = [];
      const recs: Record<string, EvidenceRecord> = {};
      let since = 0;
      for (let p = 0; p < MAX_PAGES; p++) {
        const page = await api.warnings({ since, limit: PAGE, records: withRecords });
        all.push(...page.items);
        Object.assign(recs, page.records ?? {});
        if (page.items.length < PAGE) break;
        since = page.next;
      }
      if (!live) return;
      setWarnings(all); setRecords(recs); setError(null); setLoading(false);
    })().catch((e: unknown) => {
      if (!live) return;
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String((e as Error)?.message ?? e), '/api/warnings'));
      setLoading(false);
    });
    return () => { live = false; };
  }, [tick, withRecords]);

  useEffect(() => {
    const t = window.setInterval(() => setTick((x) => x + 1), POLL_MS);
    return () => window.clearInterval(t);
  }, []);

  const ack = useCallback(async (id: string) => {
    try {
      const done = await api.ackWarning(id);
      setWarnings((ws) => ws.map((w) => (w.id === id ? { ...w, ...done } : w)));
    } catch (e) {
      reportError(e, 'Acknowledging the warning failed');
    }
  }, [reportError]);

  return { warnings, records, error, loading, reload: useCallback(() => setTick((x) => x + 1), []), ack };
}

export function WarningsView() {
  const feed = useWarnings({ records: true });
  const titles = useDocTitles();
  const [lastSeen, markSeen] = useLastSeen();
  const [onlyOpen, setOnlyOpen] = useState(false);
  const newest = feed.warnings.reduce((m, w) => Math.max(m, w.seq), 0);
  const unacked = feed.warnings.filter((w) => !w.acked_at).length;
  const fresh = feed.warnings.filter((w) => w.seq > lastSeen).length;
  const shown = [...feed.warnings].reverse().filter((w) => !onlyOpen || !w.acked_at);

  return (
    <section className="view warnings-view">
      <header className="view-head">
        <h1>Warnings</h1>
        {!feed.loading && !feed.error && <span className="muted">{feed.warnings.length} raised · <strong className={unacked ? 'unacked-count' : ''}>{unacked} unacknowledged</strong> · {fresh} new since last seen</span>}
        <label><input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} /> only unacknowledged</label>
        <span className="push-right" />
        <button type="button" onClick={feed.reload}>Refresh</button>
        <button type="button" className="primary" disabled={newest <= lastSeen} onClick={() => markSeen(newest)}>Mark all seen</button>
      </header>
      {feed.error ? <ErrorBox error={feed.error} onRetry={feed.reload} what="the warnings" /> : feed.loading ? <Loading what="warnings" /> : !feed.warnings.length ? (
        <Empty><h2>No warnings yet</h2><p>Warnings appear when an indicator of a watched scenario changes state as documents arrive. See the <a href="#/board">scenario board</a>.</p></Empty>
      ) : !shown.length ? <Empty>Every warning is acknowledged.</Empty> : (
        <ol className="warning-list">
          {shown.map((w) => (
            <WarningItem key={w.id} w={w} isNew={w.seq > lastSeen} records={feed.records} titles={titles} onAck={() => feed.ack(w.id)} />
          ))}
        </ol>
      )}
    </section>
  );
}

function WarningItem({ w, isNew, records, titles, onAck }: { w: Warning; isNew: boolean; records: Record<string, EvidenceRecord>; titles: Map<string, string>; onAck: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const moved = w.moved_by.map((id) => records[id]).filter((r): r is EvidenceRecord => !!r);
  const evidence = w.evidence.map((id) => records[id]).filter((r): r is EvidenceRecord => !!r);
  return (
    <li className={`warning card to-${w.to}${w.acked_at ? ' acked' : ' unacked'}${isNew ? ' is-new' : ''}`} data-warning={w.id} data-seq={w.seq}>
      <header>
        <span className="muted small">#{w.seq}</span>
        <strong className="warning-day">{w.day}</strong>
        <Transition from={w.from} to={w.to} />
        {isNew && <span className="badge badge-new">new</span>}
        <a href={`#/board?s=${encodeURIComponent(w.scenario)}`} className="warning-scenario">{w.scenario_title}</a>
        <span className="push-right" />
        {w.acked_at
          ? <span className="muted small ack-note">acknowledged {w.acked_at.slice(0, 16).replace('T', ' ')}{w.acked_by ? ` by ${w.acked_by}` : ''}</span>
          : <button type="button" className="ack-btn" disabled={busy} onClick={async () => { setBusy(true); await onAck(); setBusy(false); }}>Acknowledge</button>}
      </header>
      <p className="warning-indicator">{w.indicator_label}</p>
      <p className="small">
        {w.count} in window{w.baseline ? `, baseline ${w.baseline}` : ''}{w.ratio !== null ? `, ${w.ratio.toFixed(2)}× baseline` : ''}
        {' · '}raised {w.raised_at.slice(0, 16).replace('T', ' ')}
      </p>
      <div className="warning-evidence small">
        {w.moved_by.length ? (
          <details open={!w.acked_at}>
            <summary>Moved by {w.moved_by.length} record{w.moved_by.length === 1 ? '' : 's'}</summary>
            <EvidenceList records={moved} ids={w.moved_by} titles={titles} />
          </details>
        ) : <p className="muted">Moved by time passing: records left the window.</p>}
        {w.evidence.length > 0 && w.to !== 'quiet' && (
          <details>
            <summary>{w.evidence.length} record{w.evidence.length === 1 ? '' : 's'} in the window</summary>
            <EvidenceList records={evidence} ids={w.evidence} titles={titles} show={5} />
          </details>
        )}
        <p>Documents: <DocLinks ids={w.documents} titles={titles} /></p>
      </div>
    </li>
  );
}
