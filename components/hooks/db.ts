import { useCallback, useEffect, useState } from 'react';
import { CrossframeDB } from '../../lib/db/database';

/** The extension-origin database, opened once per page. */
let instance: CrossframeDB | null = null;

export function getDb(): CrossframeDB {
  instance ??= new CrossframeDB();
  return instance;
}

/** An open that neither succeeds nor fails within this time is reported as a failure. */
const OPEN_TIMEOUT_MS = 8000;

export type DatabaseState = { state: 'opening' } | { state: 'ready' } | { state: 'error'; error: Error };

/**
 * Opens the database explicitly, so that a failure (storage blocked, a corrupt profile, a browser that never
 * answers) becomes a message with a retry instead of a panel that stays on "Loading…" for ever.
 */
export function useDatabase(): [DatabaseState, () => void] {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<DatabaseState>({ state: 'opening' });
  useEffect(() => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      setState({ state: 'error', error });
    };
    const timer = setTimeout(() => fail(new Error('The browser’s database did not answer.')), OPEN_TIMEOUT_MS);
    getDb()
      .open()
      .then(() => {
        if (settled) return;
        settled = true;
        setState({ state: 'ready' });
      })
      .catch((e: unknown) => fail(e instanceof Error ? e : new Error(String(e))));
    return () => {
      settled = true;
      clearTimeout(timer);
    };
  }, [attempt]);
  const retry = useCallback(() => {
    instance?.close();
    instance = null;
    setState({ state: 'opening' });
    setAttempt((a) => a + 1);
  }, []);
  return [state, retry];
}
