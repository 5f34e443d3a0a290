// Loading, empty and error states, so no view is ever blank.
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.js';
import { errorMessage } from '../hooks/app-context.js';

export function Loading({ what }: { what?: string }) {
  return <div className="state state-loading" role="status" aria-live="polite"><span className="spinner" aria-hidden /> Loading{what ? ` ${what}` : ''}…</div>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

export function ErrorBox({ error, onRetry, what }: { error: ApiError; onRetry?: () => void; what?: string }) {
  return (
    <div className="state state-error" role="alert" data-status={error.status}>
      <strong>Could not load {what ?? 'this'}.</strong>{' '}
      <span>{errorMessage(error)}</span>
      {onRetry && <> {' '}<button type="button" onClick={onRetry}>Retry</button></>}
    </div>
  );
}

/** Renders the loading/error state of a resource, or its content once loaded. */
export function Resource<T>({ state, what, children }: {
  state: { data: T | null; error: ApiError | null; loading: boolean; reload: () => void };
  what?: string;
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorBox error={state.error} onRetry={state.reload} what={what} />;
  if (state.data === null) return <Loading what={what} />;
  return <>{children(state.data)}</>;
}
