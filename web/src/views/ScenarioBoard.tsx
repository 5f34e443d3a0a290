// The scenario board: every watched scenario (analyst YAML or found in a document) with its
// indicators' states, monthly history and the evidence that set them; indicators with a
// warning after the last-seen position are highlighted until "Mark all seen".
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client.js';
import type { BoardIndicator, BoardScenario, Warning } from '../api/types.js';
import { useApi } from '../hooks/useApi.js';
import { Empty, Resource } from '../components/StateViews.js';
import { DocLinks, EvidenceList, Sparkline, StatePill, Transition, useDocTitles, useLastSeen, type DocTitles } from '../components/WatchParts.js';
import { actorHref } from '../lib/actor-id.js';
import { docHref } from '../lib/router.js';
import { changedSince, fileName, indicatorKey, regionText, STATE_RANK, thresholdText, watchActorId } from '../lib/watch-board.js';
import { useWarnings } from './Warnings.js';

type Show = 'all' | 'active' | 'changed';
type Origin = 'any' | 'yaml' | 'document';

export function ScenarioBoard({ focus }: { focus: string | null }) {
  const board = useApi(() => api.scenarioBoard({ history: true }), []);
  const feed = useWarnings();
  const titles = useDocTitles();
  const [lastSeen, markSeen] = useLastSeen();
  const [show, setShow] = useState<Show>('all');
  const [origin, setOrigin] = useState<Origin>('any');
  const changed = useMemo(() => changedSince(feed.warnings, lastSeen), [feed.warnings, lastSeen]);
  const newest = feed.warnings.reduce((m, w) => Math.max(m, w.seq), 0);
  const fresh = feed.warnings.filter((w) => w.seq > lastSeen).length;

  useEffect(() => {
    if (!focus || !board.data) return;
    const el = document.querySelector(`[data-scenario="${CSS.escape(focus)}"]`);
    el?.scrollIntoView({ block: 'start' });
    el?.classList.add('flash');
  }, [focus, board.data]);

  return (
    <section className="view board-view">
      <header className="view-head">
        <h1>Scenario board</h1>
        {board.data && <span className="muted">as of {board.data.clock ?? 'no dated documents'}</span>}
        <label>Show
          <select value={show} onChange={(e) => setShow(e.target.value as Show)}>
            <option value="all">all scenarios</option><option value="active">rising or triggered</option><option value="changed">changed since last seen</option>
          </select>
        </label>
        <label>Origin
          <select value={origin} onChange={(e) => setOrigin(e.target.value as Origin)}>
            <option value="any">any</option><option value="yaml">analyst YAML</option><option value="document">from documents</option>
          </select>
        </label>
        <span className="push-right" />
        <span className={fresh ? 'new-count' : 'muted'}>{fresh} new warning{fresh === 1 ? '' : 's'} since last seen</span>
        <a href="#/warnings">Warnings feed</a>
        <button type="button" className="primary" disabled={newest <= lastSeen} onClick={() => markSeen(newest)}>Mark all seen</button>
      </header>
      <Resource state={board} what="the scenario board">
        {(b) => {
          if (!b.scenarios.length) {
            return <Empty><h2>No scenarios watched</h2><p>Add analyst scenarios as YAML files in <code>scenarios/</code> (or <code>$WATCHFLOOR_SCENARIOS</code>), or ingest documents that spell out scenarios.</p></Empty>;
          }
          const counts = { triggered: 0, rising: 0, quiet: 0 };
          for (const s of b.scenarios) counts[s.state]++;
          const list = b.scenarios
            .filter((s) => origin === 'any' || originKind(s) === origin)
            .filter((s) => show === 'all' || (show === 'active' ? s.state !== 'quiet' : s.indicators.some((i) => changed.has(indicatorKey(s.id, i.id)))))
            .sort((x, y) => STATE_RANK[y.state] - STATE_RANK[x.state] || Number(originKind(y) === 'yaml') - Number(originKind(x) === 'yaml'));
          return (
            <>
              <p className="board-summary small">
                {b.scenarios.length} scenarios: <StatePill state="triggered" /> {counts.triggered} <StatePill state="rising" /> {counts.rising} <StatePill state="quiet" /> {counts.quiet}
              </p>
              {!list.length ? <Empty>No scenario matches these filters.</Empty> : list.map((s) => (
                <ScenarioCard key={s.id} s={s} changed={changed} titles={titles} focused={s.id === focus} />
              ))}
            </>
          );
        }}
      </Resource>
    </section>
  );
}

function originKind(s: BoardScenario): 'yaml' | 'document' {
  return s.source?.kind ?? (s.origin.startsWith('document ') ? 'document' : 'yaml');
}

function Origin({ s }: { s: BoardScenario }) {
  const src = s.source ?? (s.origin.startsWith('document ') ? { kind: 'document' as const, document: s.origin.slice(9) } : { kind: 'yaml' as const, file: s.origin });
  return src.kind === 'yaml'
    ? <span className="badge origin-yaml" title={src.file}>analyst YAML · {fileName(src.file)}</span>
    : <a className="badge origin-doc" href={docHref(src.document)} title="The document that spells out this scenario">from a document</a>;
}

function ScenarioCard({ s, changed, titles, focused }: { s: BoardScenario; changed: Map<string, Warning>; titles: DocTitles; focused: boolean }) {
  const nChanged = s.indicators.filter((i) => changed.has(indicatorKey(s.id, i.id))).length;
  return (
    <article className={`panel scenario-card scenario-${s.state}${nChanged ? ' changed' : ''}${focused ? ' focused' : ''}`} data-scenario={s.id}>
      <header className="scenario-head">
        <StatePill state={s.state} />
        <h2>{s.title}</h2>
        <Origin s={s} />
        {nChanged > 0 && <span className="badge badge-new">{nChanged} changed</span>}
      </header>
      <dl className="scenario-meta">
        {s.outcome && <><dt>Outcome</dt><dd>{s.outcome}</dd></>}
        <dt>Actors</dt>
        <dd>{s.actors.length ? s.actors.map((a, i) => <span key={a}>{i > 0 && ', '}<a href={actorHref(watchActorId(a))}>{a}</a></span>) : <span className="muted">—</span>}</dd>
        <dt>Region</dt><dd>{regionText(s.region)}</dd>
        <dt>Horizon</dt><dd>{s.horizon ? `${s.horizon.from ?? '…'} – ${s.horizon.to ?? '…'}` : <span className="muted">open</span>}</dd>
      </dl>
      {!s.indicators.length ? <p className="muted small">No indicators: nothing in this scenario maps to a watchable query yet.</p> : (
        <table className="table compact indicator-table">
          <thead><tr><th>State</th><th>Indicator</th><th className="num">In window</th><th>Matching records per month</th><th>Evidence</th></tr></thead>
          <tbody>
            {s.indicators.map((i) => <IndicatorRow key={i.id} s={s} i={i} change={changed.get(indicatorKey(s.id, i.id))} titles={titles} />)}
          </tbody>
        </table>
      )}
    </article>
  );
}

function IndicatorRow({ s, i, change, titles }: { s: BoardScenario; i: BoardIndicator; change: Warning | undefined; titles: DocTitles }) {
  const st = i.status;
  return (
    <tr className={`indicator-row ind-${st.state}${change ? ' changed' : ''}`} data-indicator={indicatorKey(s.id, i.id)}>
      <td><StatePill state={st.state} /></td>
      <td>
        <div className="indicator-label">{i.label}</div>
        <div className="muted small">{i.kind} · {thresholdText(i)}{i.definition.region ? ` · ${regionText(i.definition.region)}` : ''}</div>
        {change && <div className="small change-note"><span className="badge badge-new">new</span> <Transition from={change.from} to={change.to} /> on {change.day} <a href="#/warnings">warning #{change.seq}</a></div>}
      </td>
      <td className="num">
        <strong>{st.count}</strong>
        {st.baseline > 0 && <div className="muted small">baseline {st.baseline}</div>}
        {st.ratio !== null && <div className="muted small">{st.ratio.toFixed(2)}×</div>}
      </td>
      <td>{i.history ? <Sparkline counts={i.history.counts} from={i.history.from} state={st.state} /> : <span className="muted small">—</span>}</td>
      <td className="evidence-cell">
        {i.evidence_records ? <EvidenceList records={i.evidence_records} ids={st.evidence} titles={titles} /> : <DocLinks ids={st.documents} titles={titles} />}
      </td>
    </tr>
  );
}
