import { loadGazetteer } from 'virtual:crossframe/gazetteer';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { Matcher } from '../../lib/entities/matcher';
import { createLookup, type Lookup } from '../../lib/search';
import { getDb } from './db';

/** The look-up over the corpus in IndexedDB: indexes are built once per panel (and again after a re-seed). */
export function useLookup(): Lookup | undefined {
  const data = useLiveQuery(async () => {
    const db = getDb();
    const [entities, passages, mentions] = await Promise.all([db.entities.toArray(), db.passages.toArray(), db.mentions.toArray()]);
    return { entities, passages, mentions };
  }, []);
  return useMemo(() => (data ? createLookup(data, { matcher: new Matcher(loadGazetteer()) }) : undefined), [data]);
}
