// Errors from actions (corrections, searches) shown at the top of the main pane.
import { useApp } from '../hooks/app-context.js';

export function ErrorBanner() {
  const { banners, dismiss } = useApp();
  if (!banners.length) return null;
  return (
    <div className="banners" role="alert" aria-live="assertive">
      {banners.map((b) => (
        <div key={b.id} className="banner banner-error">
          <span>{b.message}</span>
          <button type="button" className="link" aria-label="Dismiss" onClick={() => dismiss(b.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
