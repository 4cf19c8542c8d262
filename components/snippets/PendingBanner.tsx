import { useState } from 'react';
import { usePendingSnippets } from '../hooks/useSnippets';

/** Snippets a failed save kept (storage full, a database error): said plainly, with a retry. */
export function PendingBanner() {
  const [pending, retry] = usePendingSnippets();
  const [busy, setBusy] = useState(false);
  if (pending.length === 0) return null;
  return (
    <div role="alert" className="error-box">
      <p>
        <strong>
          {pending.length} snippet{pending.length === 1 ? '' : 's'} could not be saved yet.
        </strong>{' '}
        They are kept safely and saved as soon as the browser’s storage allows.
      </p>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void retry().finally(() => setBusy(false));
        }}
      >
        Retry now
      </button>
    </div>
  );
}
