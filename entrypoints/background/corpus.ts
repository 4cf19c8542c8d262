import corpusInput, { version as shippedVersion } from 'virtual:crossframe/corpus';
import { buildCorpus } from '../../lib/corpus/pipeline';
import { CrossframeDB } from '../../lib/db/database';
import { ensureCorpus } from '../../lib/db/seed';
import type { CorpusStatus } from '../../lib/messages';

export const db = new CrossframeDB();

let status: CorpusStatus = { state: 'starting' };
let running: Promise<CorpusStatus> | null = null;

/**
 * Seeds on first install, re-seeds when the shipped corpus changed, heals a damaged copy; runs at every
 * background start (cheap when all is well). Concurrent callers share one run.
 */
export function ensureShippedCorpus(): Promise<CorpusStatus> {
  running ??= ensureCorpus(db, shippedVersion, () => buildCorpus(corpusInput))
    .then((state) => {
      if (state.status === 'seeded') console.info(`Crossframe: corpus ${state.version} seeded (${state.reason})`);
      return (status = { state: 'ready', version: state.version });
    })
    .catch((e: unknown) => {
      console.error('Crossframe: corpus seeding failed', e);
      return (status = { state: 'error', version: shippedVersion, error: String((e as Error)?.message ?? e) });
    })
    .finally(() => {
      running = null;
    });
  return running;
}

export function corpusStatus(): CorpusStatus {
  return status;
}
