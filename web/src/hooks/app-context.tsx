// App-wide state the views share: the error banner, the right-hand detail panel and the set
// of corrected targets (for badges).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api/client.js';
import type { Correction, NewCorrection } from '../api/types.js';

type Banner = { id: number; message: string };
type Ctx = {
  banners: Banner[];
  reportError: (e: unknown, what?: string) => void;
  dismiss: (id: number) => void;
  detail: ReactNode;
  detailTitle: string;
  showDetail: (title: string, node: ReactNode) => void;
  closeDetail: () => void;
  corrections: Correction[];
  correctionsAvailable: boolean | null;
  correctedTargets: Set<string>;
  /** Whether an item carries a correction (its own marker, or a target of an active correction). */
  isCorrected: (item: { id: string; corrected?: boolean; corrections?: string[] }) => boolean;
  refreshCorrections: () => Promise<void>;
  applyCorrection: (c: NewCorrection) => Promise<Correction | null>;
  undoCorrection: (id: string) => Promise<boolean>;
  /** Bumped after every correction so views re-query their data. */
  dataVersion: number;
};

const AppCtx = createContext<Ctx | null>(null);

export function errorMessage(e: unknown, what?: string): string {
  const base = e instanceof ApiError
    ? (e.missingRoute ? `${e.path.split('?')[0]} is not available on this server yet (404).` : `${e.message}${e.hint ? ` — ${e.hint}` : ''} (${e.code})`)
    : (e as Error)?.message ?? String(e);
  return what ? `${what}: ${base}` : base;
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [banners, setBanners] = useState<Banner[]>([]);
  const [detail, setDetail] = useState<{ title: string; node: ReactNode } | null>(null);
  const [corrections, setCorrections] = useState<Correction[]>([]);
  const [correctionsAvailable, setAvailable] = useState<boolean | null>(null);
  const [dataVersion, setVersion] = useState(0);

  const reportError = useCallback((e: unknown, what?: string) => {
    setBanners((b) => [...b.slice(-3), { id: Date.now() + Math.random(), message: errorMessage(e, what) }]);
  }, []);
  const dismiss = useCallback((id: number) => setBanners((b) => b.filter((x) => x.id !== id)), []);

  const refreshCorrections = useCallback(async () => {
    try {
      const r = await api.corrections();
      setCorrections(r.items ?? []);
      setAvailable(true);
    } catch (e) {
      setAvailable(false);
      if (!(e instanceof ApiError && e.status === 404)) reportError(e, 'Loading corrections');
    }
  }, [reportError]);

  useEffect(() => { void refreshCorrections(); }, [refreshCorrections]);

  const applyCorrection = useCallback(async (c: NewCorrection) => {
    try {
      const stored = await api.addCorrection(c);
      await refreshCorrections();
      setVersion((v) => v + 1);
      return stored;
    } catch (e) {
      reportError(e, 'Correction failed');
      return null;
    }
  }, [refreshCorrections, reportError]);

  const undoCorrection = useCallback(async (id: string) => {
    try {
      await api.undoCorrection(id);
      await refreshCorrections();
      setVersion((v) => v + 1);
      return true;
    } catch (e) {
      reportError(e, 'Undo failed');
      return false;
    }
  }, [refreshCorrections, reportError]);

  const correctedTargets = useMemo(() => {
    const s = new Set<string>();
    for (const c of corrections) {
      if (c.reverted_at) continue;
      s.add(c.target);
      const other = c.payload?.other;
      if (typeof other === 'string') s.add(other);
    }
    return s;
  }, [corrections]);

  const value: Ctx = {
    banners, reportError, dismiss,
    detail: detail?.node ?? null, detailTitle: detail?.title ?? '',
    showDetail: useCallback((title: string, node: ReactNode) => setDetail({ title, node }), []),
    closeDetail: useCallback(() => setDetail(null), []),
    isCorrected: (item) => !!item.corrected || (item.corrections?.length ?? 0) > 0 || correctedTargets.has(item.id),
    corrections, correctionsAvailable, correctedTargets, refreshCorrections, applyCorrection, undoCorrection, dataVersion,
  };
  return <AppCtx.Provider value={value}>{children}</AppCtx.Provider>;
}

export function useApp(): Ctx {
  const c = useContext(AppCtx);
  if (!c) throw new Error('useApp outside AppProvider');
  return c;
}
