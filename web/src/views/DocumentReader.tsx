// One document: cleaned text with its annotations by layer, what was extracted, and what
// cleaning removed.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client.js';
import type { Analysis, Span, StoredDocument } from '../api/types.js';
import { useApi } from '../hooks/useApi.js';
import { Resource } from '../components/StateViews.js';
import { HighlightedText, LAYERS, type Focus, type LayerKey, type TextMark } from '../components/HighlightedText.js';
import { KindBadge, ModalityBadge, PredicateLabel } from '../components/Badges.js';
import { actorHref, actorProfileId } from '../lib/actor-id.js';
import { formatWhen } from '../lib/dates.js';
import { docHref } from '../lib/router.js';

export function DocumentReader({ id, at }: { id: string; at: [number, number] | null }) {
  const doc = useApi(() => api.document(id), [id]);
  return <section className="view reader-view"><Resource state={doc} what="the document">{(d) => <Reader doc={d} at={at} />}</Resource></section>;
}

function marksOf(a: Analysis): TextMark[] {
  const out: TextMark[] = [];
  const name = new Map(a.actors.map((x) => [x.id, x.name]));
  for (const x of a.actors) for (const m of x.mentions) out.push({ ...m, layer: 'actor', ref: x.id, label: `Actor: ${x.name} (${x.kind})`, href: actorHref(actorProfileId(x)) });
  for (const x of a.places) for (const m of x.mentions) out.push({ ...m, layer: 'place', ref: x.id, label: `Place: ${x.name}${x.country ? `, ${x.country}` : ''} (${x.kind})` });
  for (const x of a.times) for (const m of x.mentions) out.push({ ...m, layer: 'time', ref: x.id, label: `Date: ${formatWhen(x.when)} (${x.when.precision})` });
  for (const x of a.events) for (const m of x.evidence) out.push({ ...m, layer: 'event', ref: x.id, label: `Event: ${x.type} — ${x.summary}` });
  for (const x of a.quotes) for (const m of x.evidence) out.push({ ...m, layer: 'quote', ref: x.id, label: `Quote${x.speaker ? ` by ${name.get(x.speaker) ?? x.speaker}` : ''}` });
  return out;
}

function Reader({ doc, at }: { doc: StoredDocument; at: [number, number] | null }) {
  const a = doc.analysis;
  const [layers, setLayers] = useState<Set<LayerKey>>(() => new Set(LAYERS.map((l) => l.key)));
  const [focus, setFocus] = useState<Focus | null>(null);
  const marks = useMemo(() => (a ? marksOf(a) : []), [a]);
  useEffect(() => { if (at) setFocus({ start: at[0], end: at[1], nonce: Date.now() }); }, [at]);

  const text = a?.document.text ?? doc.text;
  const focusSpan = (s: Span | undefined) => { if (s) setFocus({ start: s.start, end: s.end, nonce: Date.now() }); };
  const toggle = (k: LayerKey) => setLayers((prev) => { const n = new Set(prev); if (n.has(k)) n.delete(k); else n.add(k); return n; });

  return (
    <div className="reader">
      <div className="reader-main">
        <header className="view-head doc-head">
          <h1>{doc.title ?? 'Untitled document'}</h1>
          <div className="meta muted">
            {doc.published && <span>Published {doc.published}</span>}
            {doc.source && <span>{doc.source}</span>}
            {doc.url && <a href={doc.url} rel="noreferrer noopener" target="_blank">original</a>}
            <span>{doc.language}</span>
            <span>{text.length.toLocaleString()} chars</span>
            {doc.nearDuplicateOf && <span>near-duplicate of <a href={docHref(doc.nearDuplicateOf)}>{doc.nearDuplicateOf}</a></span>}
          </div>
        </header>
        <div className="layer-bar" role="group" aria-label="Highlight layers">
          {LAYERS.map((l) => (
            <label key={l.key} className={`layer-toggle legend-${l.key}`}>
              <input type="checkbox" checked={layers.has(l.key)} onChange={() => toggle(l.key)} />
              <span className={`swatch hl-${l.key}`} aria-hidden>Ab</span> {l.label}
            </label>
          ))}
        </div>
        {!a && <div className="state state-empty">This document has no analysis yet; showing the cleaned text only.</div>}
        <HighlightedText text={text} marks={marks} layers={layers} focus={focus} />
        <Removed doc={doc} />
      </div>
      <aside className="reader-side" aria-label="Extracted from this document">
        {a ? <Extracted a={a} onPick={focusSpan} /> : <p className="muted">Nothing extracted.</p>}
      </aside>
    </div>
  );
}

function Removed({ doc }: { doc: StoredDocument }) {
  const removed = doc.removed ?? [];
  return (
    <details className="removed">
      <summary>Cleaning removed {removed.length} passage{removed.length === 1 ? '' : 's'}</summary>
      {removed.length === 0 ? <p className="muted">Nothing was removed.</p> : (
        <ul>
          {removed.map((r, i) => (
            <li key={i}><span className="badge">{r.reason}</span> <span className="removed-text">{r.text.length > 400 ? `${r.text.slice(0, 400)}…` : r.text}</span></li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** A clickable extracted item: each click moves to the next span it points at. */
function Item({ spans, onPick, children, className }: { spans: Span[]; onPick: (s: Span | undefined) => void; children: ReactNode; className?: string }) {
  const [i, setI] = useState(0);
  return (
    <li className={className}>
      <button type="button" className="item" disabled={!spans.length} onClick={() => { onPick(spans[i % spans.length]); setI(i + 1); }}
        title={spans.length > 1 ? `${spans.length} places in the text — click again for the next` : undefined}>
        {children}
      </button>
    </li>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <details className="side-section" open={count > 0}>
      <summary>{title} <span className="count">{count}</span></summary>
      {count === 0 ? <p className="muted small">none</p> : <ul className="items">{children}</ul>}
    </details>
  );
}

function Extracted({ a, onPick }: { a: Analysis; onPick: (s: Span | undefined) => void }) {
  const name = (id: string | null) => (id ? a.actors.find((x) => x.id === id)?.name ?? id : '—');
  const place = (id: string | null) => (id ? a.places.find((x) => x.id === id)?.name ?? id : null);
  return (
    <div className="extracted">
      <Section title="Actors" count={a.actors.length}>
        {a.actors.map((x) => (
          <Item key={x.id} spans={x.mentions} onPick={onPick} className="with-link">
            <span className="dot legend-actor" aria-hidden /> {x.name} <KindBadge kind={x.kind} /> <span className="muted">×{x.mentions.length}</span>
          </Item>
        ))}
      </Section>
      {a.actors.length > 0 && (
        <p className="small muted">Profiles: {a.actors.slice(0, 12).map((x, i) => <span key={x.id}>{i ? ', ' : ''}<a href={actorHref(actorProfileId(x))}>{x.name}</a></span>)}</p>
      )}
      <Section title="Places" count={a.places.length}>
        {a.places.map((x) => (
          <Item key={x.id} spans={x.mentions} onPick={onPick}>
            <span className="dot legend-place" aria-hidden /> {x.name}<span className="muted">{x.country ? `, ${x.country}` : ''} · {x.kind}{x.lat !== null && x.lon !== null ? ` · ${x.lat.toFixed(2)}, ${x.lon.toFixed(2)}` : ''}</span>
          </Item>
        ))}
      </Section>
      <Section title="Dates" count={a.times.length}>
        {a.times.map((x) => (
          <Item key={x.id} spans={x.mentions} onPick={onPick}>
            <span className="dot legend-time" aria-hidden /> {formatWhen(x.when)} <span className="badge">{x.when.precision}</span> <span className="muted">“{x.when.text}”</span>
          </Item>
        ))}
      </Section>
      <Section title="Events" count={a.events.length}>
        {a.events.map((x) => (
          <Item key={x.id} spans={x.evidence} onPick={onPick}>
            <span className={`type-chip type-${x.type}`}>{x.type}</span> {formatWhen(x.date)}{place(x.place) ? ` · ${place(x.place)}` : ''} <ModalityBadge modality={x.modality} />
            <div className="small">{x.summary}</div>
            {x.actors.length > 0 && <div className="small muted">{x.actors.map((r) => `${name(r.actor)} (${r.role})`).join(', ')}</div>}
          </Item>
        ))}
      </Section>
      <Section title="Relations" count={a.relations.length}>
        {a.relations.map((x) => (
          <Item key={x.id} spans={x.evidence} onPick={onPick}>
            {name(x.subject)} <PredicateLabel predicate={x.predicate} /> {name(x.object)} <ModalityBadge modality={x.modality} />
            {x.origin === 'pack' && <span className="badge">pack</span>}
          </Item>
        ))}
      </Section>
      <Section title="Quotes" count={a.quotes.length}>
        {a.quotes.map((x) => (
          <Item key={x.id} spans={x.evidence} onPick={onPick}>
            <span className="dot legend-quote" aria-hidden /> <q>{x.text.length > 160 ? `${x.text.slice(0, 160)}…` : x.text}</q>
            <div className="small muted">{x.speaker ? name(x.speaker) : 'unattributed'}{x.venue ? ` · ${x.venue}` : ''}{x.date ? ` · ${formatWhen(x.date)}` : ''}</div>
          </Item>
        ))}
      </Section>
      <Section title="Scenarios" count={a.scenarios.length}>
        {a.scenarios.map((x) => (
          <Item key={x.id} spans={x.evidence} onPick={onPick}>
            <strong>{x.title}</strong>
            <div className="small">If {x.conditions.join('; ')} → {x.outcome}</div>
          </Item>
        ))}
      </Section>
      <Section title="Assessments" count={a.assessments.length}>
        {a.assessments.map((x) => (
          <Item key={x.id} spans={x.evidence} onPick={onPick}><span className="badge">{x.likelihood}</span> {x.statement}</Item>
        ))}
      </Section>
      <Section title="Statistics" count={a.statistics.length}>
        {a.statistics.map((x) => <Item key={x.id} spans={x.evidence} onPick={onPick}>{x.statement}</Item>)}
      </Section>
    </div>
  );
}
