// Hash routing: #/doc/:id, #/actor/:id, #/actors, #/graph, #/timeline, #/map, #/search?q=,
// #/corrections, #/board?s=<scenario>, #/warnings, and the documents list at #/.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'documents' } | { name: 'search'; q: string } | { name: 'doc'; id: string; at: [number, number] | null }
  | { name: 'actors' } | { name: 'actor'; id: string } | { name: 'graph' } | { name: 'timeline' }
  | { name: 'map' } | { name: 'corrections' } | { name: 'board'; scenario: string | null } | { name: 'warnings' }
  | { name: 'not-found'; path: string };

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
  const params = new URLSearchParams(query);
  switch (parts[0]) {
    case undefined: return { name: 'documents' };
    case 'search': return { name: 'search', q: params.get('q') ?? '' };
    case 'doc': return parts[1] ? { name: 'doc', id: parts[1], at: parseAt(params.get('at')) } : { name: 'documents' };
    case 'actors': return { name: 'actors' };
    case 'actor': return parts[1] ? { name: 'actor', id: parts.slice(1).join('/') } : { name: 'actors' };
    case 'graph': return { name: 'graph' };
    case 'timeline': return { name: 'timeline' };
    case 'map': return { name: 'map' };
    case 'corrections': return { name: 'corrections' };
    case 'board': return { name: 'board', scenario: params.get('s') || null };
    case 'warnings': return { name: 'warnings' };
    default: return { name: 'not-found', path };
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function navigate(hash: string): void {
  window.location.hash = hash;
}

function parseAt(v: string | null): [number, number] | null {
  const m = v ? /^(\d+)-(\d+)$/.exec(v) : null;
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Link to a document, optionally to a span in it (the reader scrolls to and flashes it). */
export function docHref(id: string, span?: { start: number; end: number } | null): string {
  return `#/doc/${encodeURIComponent(id)}${span ? `?at=${span.start}-${span.end}` : ''}`;
}
