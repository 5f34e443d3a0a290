// Ranked full-text search results with highlighted snippets.
import { api } from '../api/client.js';
import { useApi } from '../hooks/useApi.js';
import { Empty, Resource } from '../components/StateViews.js';
import { Snippet } from '../components/Snippet.js';
import { docHref } from '../lib/router.js';

export function SearchView({ q }: { q: string }) {
  const res = useApi(q ? () => api.search(q) : null, [q]);
  return (
    <section className="view">
      <header className="view-head"><h1>Search</h1>{q && <span className="muted">“{q}”</span>}</header>
      {!q ? <Empty>Type a query in the search box (press <kbd>/</kbd>).</Empty> : (
        <Resource state={res} what="results">
          {(r) => r.items.length === 0 ? <Empty>No document matches “{q}”.</Empty> : (
            <ol className="results">
              {r.items.map((hit) => (
                <li key={hit.id} className="result">
                  <a href={docHref(hit.id)} className="result-title">{hit.title ?? hit.id}</a>
                  <span className="muted"> {hit.published ?? ''}</span>
                  <div><Snippet text={hit.snippet ?? ''} /></div>
                </li>
              ))}
            </ol>
          )}
        </Resource>
      )}
    </section>
  );
}
