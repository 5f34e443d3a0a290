// Every correction an analyst made, newest last, each undoable.
import { useEffect } from 'react';
import { useApp } from '../hooks/app-context.js';
import { correctionLabels } from '../api/corrections.js';
import { Empty, Loading } from '../components/StateViews.js';
import { actorHref } from '../lib/actor-id.js';

export function CorrectionsView() {
  const { corrections, correctionsAvailable, refreshCorrections, undoCorrection } = useApp();
  useEffect(() => { void refreshCorrections(); }, [refreshCorrections]);
  return (
    <section className="view">
      <header className="view-head"><h1>Corrections</h1><span className="muted">{corrections.filter((c) => !c.reverted_at).length} active</span></header>
      {correctionsAvailable === null ? <Loading what="corrections" /> : correctionsAvailable === false ? (
        <div className="state state-error" role="alert"><strong>Not available.</strong> This server does not answer <code>/api/corrections</code> yet.</div>
      ) : corrections.length === 0 ? (
        <Empty>No corrections yet. Merge or split actors on their profile, reject or edit events and relations where they are shown.</Empty>
      ) : (
        <table className="table corrections-table">
          <thead><tr><th>What</th><th>Target</th><th>Details</th><th>When</th><th /></tr></thead>
          <tbody>
            {corrections.map((c) => (
              <tr key={c.id} data-correction={c.id} className={c.reverted_at ? 'reverted' : ''}>
                <td>{correctionLabels[c.kind] ?? c.kind}</td>
                <td>{/^(kb|n):/.test(c.target) ? <a href={actorHref(c.target)}>{c.target}</a> : <code>{c.target}</code>}</td>
                <td><code className="payload">{JSON.stringify(c.payload)}</code></td>
                <td className="muted">{(c.createdAt ?? c.created_at ?? '').slice(0, 16).replace('T', ' ')}</td>
                <td>{c.reverted_at ? <span className="muted small">undone {c.reverted_at.slice(0, 16).replace('T', ' ')}</span> : <button type="button" onClick={() => void undoCorrection(c.id)}>Undo</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
