// Loads one API resource with loading/error state; `reload` re-runs the request.
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';

export type Loaded<T> = { data: T | null; error: ApiError | null; loading: boolean; reload: () => void };

export function useApi<T>(load: (() => Promise<T>) | null, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: !!load });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!load) { setState({ data: null, error: null, loading: false }); return; }
    let live = true;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    load().then(
      (data) => { if (live) setState({ data, error: null, loading: false }); },
      (e: unknown) => {
        if (!live) return;
        const err = e instanceof ApiError ? e : new ApiError(0, 'CLIENT', (e as Error)?.message ?? String(e), '');
        setState({ data: null, error: err, loading: false });
      },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
