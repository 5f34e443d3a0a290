// The documents list, newest ingested first.
import { useState } from 'react';
import { api } from '../api/client.js';
import { useApi } from '../hooks/useApi.js';
import { Empty, Resource } from '../components/StateViews.js';
import { docHref } from '../lib/router.js';

const PAGE = 50;

export function DocumentsView() {
  const [offset, setOffset] = useState(0);
  const docs = useApi(() => api.documents({ limit: PAGE, offset }), [offset]);
  return (
    <section className="view">
      <header className="view-head"><h1>Documents</h1>{docs.data?.total !== undefined && <span className="muted">{docs.data.total} in store</span>}</header>
      <Resource state={docs} what="documents">
        {(d) => d.items.length === 0 ? (
          <Empty>
            <h2>No documents yet</h2>
            <p>Ingest some with <code>watchfloor ingest FILES…</code> or <code>POST /api/documents</code>.</p>
          </Empty>
        ) : (
          <>
            <table className="table doc-table">
              <thead><tr><th>Title</th><th>Published</th><th>Source</th><th className="num">Chars</th><th>Ingested</th></tr></thead>
              <tbody>
                {d.items.map((doc) => (
                  <tr key={doc.id} className="doc-row">
                    <td><a href={docHref(doc.id)}>{doc.title ?? <em className="muted">untitled ({doc.id})</em>}</a>{doc.nearDuplicateOf && <span className="badge" title={`near-duplicate of ${doc.nearDuplicateOf}`}>near-dup</span>}</td>
                    <td>{doc.published ?? '—'}</td>
                    <td>{doc.source ?? '—'}</td>
                    <td className="num">{doc.chars?.toLocaleString?.() ?? ''}</td>
                    <td className="muted">{doc.ingestedAt?.slice(0, 16).replace('T', ' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="pager">
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous</button>
              <span className="muted">{offset + 1}–{offset + d.items.length}</span>
              <button type="button" disabled={d.items.length < PAGE} onClick={() => setOffset(offset + PAGE)}>Next</button>
            </div>
          </>
        )}
      </Resource>
    </section>
  );
}
