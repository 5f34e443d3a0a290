// Typed fetch helpers for the Watchfloor API. Every failure becomes an ApiError the UI can show.
import type {
  ActorProfile, ActorSummary, Correction, DocumentSummary, Event, Health, Network, NewCorrection, Page,
  PlacesGeoJson, Quote, Relation, Scenario, ScenarioBoardData, SearchHit, StoredDocument, Timeline, Warning, WarningPage,
} from './types.js';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly path: string, readonly hint?: string) {
    super(message);
    this.name = 'ApiError';
  }
  /** The route itself does not exist on this server (an endpoint not built yet). */
  get missingRoute(): boolean {
    return this.status === 404 && /no route|Route .* not found/i.test(this.message);
  }
}

type Query = Record<string, string | number | undefined | null | false>;

export function withQuery(path: string, query: Query = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '' && v !== false) q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', `The server could not be reached (${(e as Error).message}).`, path);
  }
  const text = await res.text();
  let body: unknown = null;
  if (text) {
    try { body = JSON.parse(text); } catch { body = null; }
  }
  if (!res.ok) {
    const b = (body ?? {}) as { error?: string; message?: string; hint?: string };
    throw new ApiError(res.status, b.error ?? `HTTP_${res.status}`, b.message ?? (res.statusText || `HTTP ${res.status}`), path, b.hint);
  }
  if (body === null && text) throw new ApiError(res.status, 'BAD_RESPONSE', 'The server answered with something that is not JSON.', path);
  return body as T;
}

const enc = encodeURIComponent;

export const api = {
  health: () => request<Health>('/api/health'),
  documents: (q: { limit?: number; offset?: number } = {}) => request<Page<DocumentSummary>>(withQuery('/api/documents', q)),
  document: (id: string) => request<StoredDocument>(`/api/documents/${enc(id)}`),
  search: (q: string, limit = 30) => request<Page<SearchHit>>(withQuery('/api/search', { q, limit })),
  actors: (q: { q?: string; kind?: string; limit?: number; offset?: number } = {}) => request<Page<ActorSummary>>(withQuery('/api/actors', q)),
  actor: (id: string) => request<ActorProfile>(`/api/actors/${enc(id)}`),
  events: (q: { actor?: string; type?: string; from?: string; to?: string; modality?: string; bbox?: string; limit?: number } = {}) => request<Page<Event>>(withQuery('/api/events', q)),
  relations: (q: { actor?: string; predicate?: string; modality?: string } = {}) => request<Page<Relation>>(withQuery('/api/relations', q)),
  network: (q: { asOf?: string; predicate?: string; modality?: string; actors?: string } = {}) => request<Network>(withQuery('/api/network', q)),
  timeline: (q: { actor?: string; type?: string; from?: string; to?: string; bucket?: string } = {}) => request<Timeline>(withQuery('/api/timeline', q)),
  places: (q: { from?: string; to?: string; type?: string; bbox?: string } = {}) => request<PlacesGeoJson>(withQuery('/api/places.geojson', q)),
  quotes: (q: { actor?: string; limit?: number } = {}) => request<Page<Quote>>(withQuery('/api/quotes', q)),
  scenarios: () => request<Page<Scenario>>('/api/scenarios'),
  corrections: () => request<Page<Correction>>('/api/corrections'),
  addCorrection: (c: NewCorrection) => request<Correction>('/api/corrections', { method: 'POST', body: JSON.stringify(c) }),
  undoCorrection: (id: string) => request<unknown>(`/api/corrections/${enc(id)}`, { method: 'DELETE' }),
  scenarioBoard: (q: { history?: boolean } = {}) => request<ScenarioBoardData>(withQuery('/api/scenarios/board', { history: q.history ? 'true' : undefined })),
  warnings: (q: { since?: number; limit?: number; unacked?: boolean; records?: boolean } = {}) => request<WarningPage>(withQuery('/api/warnings', { ...q, unacked: q.unacked ? 'true' : undefined, records: q.records ? 'true' : undefined })),
  ackWarning: (id: string, by?: string) => request<Warning>(`/api/warnings/${enc(id)}/ack`, { method: 'POST', body: JSON.stringify(by ? { by } : {}) }),
};
