import { useState } from 'react';
import type { MentionRecord, PassageRecord } from '../lib/corpus/types';
import { usePassages } from './hooks/useEntity';
import { Highlighted } from './Highlighted';

interface Props {
  article: string;
  ordinals: number[];
  mentions: MentionRecord[];
  /** How many passages to show before "Show all". */
  initial?: number;
  onSave?: (p: PassageRecord) => void;
}

/** The sentences that name the entity, with its words highlighted; more context (the sentences around) on demand. */
export function PassageList({ article, ordinals, mentions, initial = 3, onSave }: Props) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? ordinals : ordinals.slice(0, initial);
  const passages = usePassages(article, shown);
  if (!passages) return <p className="muted">Loading passages…</p>;
  return (
    <>
      <ol className="passages">
        {passages.map((p) => (
          <PassageItem key={p.ordinal} passage={p} mentions={mentions} onSave={onSave} />
        ))}
      </ol>
      {ordinals.length > initial && (
        <button type="button" className="small-button" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
          {showAll ? 'Show fewer passages' : `Show all ${ordinals.length} passages`}
        </button>
      )}
    </>
  );
}

function PassageItem({ passage, mentions, onSave }: { passage: PassageRecord; mentions: MentionRecord[]; onSave?: (p: PassageRecord) => void }) {
  const [context, setContext] = useState(false);
  const around = usePassages(passage.article, context ? [passage.ordinal - 1, passage.ordinal + 1].filter((o) => o >= 0) : []);
  const ranges = mentions
    .filter((m) => m.start >= passage.start && m.end <= passage.end)
    .map((m) => ({ start: m.start - passage.start, end: m.end - passage.start }));
  const before = around?.find((p) => p.ordinal === passage.ordinal - 1);
  const after = around?.find((p) => p.ordinal === passage.ordinal + 1);
  return (
    <li className="passage">
      {context && before && <p className="context">{before.text}</p>}
      <p>
        <Highlighted text={passage.text} ranges={ranges} />
      </p>
      {context && after && <p className="context">{after.text}</p>}
      <div className="passage-actions">
        <button type="button" className="small-button" onClick={() => setContext((v) => !v)} aria-expanded={context}>
          {context ? 'Less context' : 'More context'}
        </button>
        {onSave && (
          <button type="button" className="small-button" onClick={() => onSave(passage)}>
            Save snippet
          </button>
        )}
      </div>
    </li>
  );
}
