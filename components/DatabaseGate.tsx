import type { ReactNode } from 'react';
import { useDatabase } from './hooks/db';

/** Renders its children once the database is open; says what went wrong, with a retry, when it cannot be. */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const [db, retry] = useDatabase();
  if (db.state === 'opening') return <p role="status">Opening the corpus database…</p>;
  if (db.state === 'error') {
    return (
      <div role="alert" className="error-box">
        <p>
          <strong>Could not read the corpus database.</strong> {db.error.message}
        </p>
        <p className="muted">Your saved snippets are not affected. If this persists, restart the browser.</p>
        <button type="button" onClick={retry}>
          Retry
        </button>
      </div>
    );
  }
  return <>{children}</>;
}
