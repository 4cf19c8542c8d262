import type { WeightedWord } from '../lib/corpus/types';

export function formatTone(tone: number): string {
  const v = tone.toFixed(2);
  return tone > 0 ? `+${v}` : tone < 0 ? `−${v.slice(1)}` : v;
}

export function toneWord(tone: number): string {
  if (tone <= -0.5) return 'strongly negative';
  if (tone <= -0.15) return 'negative';
  if (tone < 0.15) return 'neutral';
  if (tone < 0.5) return 'positive';
  return 'strongly positive';
}

/** Tone of the sentences naming the entity, −1..1, with the words that drove it (so a reader can see why). */
export function ToneMeter({ tone, words, compact = false }: { tone: number | null; words: WeightedWord[]; compact?: boolean }) {
  if (tone === null) return <span className="muted">—</span>;
  const pct = ((tone + 1) / 2) * 100;
  return (
    <div className="tone">
      <div className="tone-line">
        <span className="tone-value">{formatTone(tone)}</span>
        <span
          className="tone-bar"
          role="meter"
          aria-valuemin={-1}
          aria-valuemax={1}
          aria-valuenow={Number(tone.toFixed(2))}
          aria-label={`Tone ${formatTone(tone)}, ${toneWord(tone)}`}
        >
          <span className="tone-mid" />
          <span className={`tone-dot ${tone < 0 ? 'neg' : tone > 0 ? 'pos' : ''}`} style={{ left: `${pct}%` }} />
        </span>
        <span className="muted">{toneWord(tone)}</span>
      </div>
      {!compact && words.length > 0 && (
        <p className="tone-words">
          <span className="muted">from </span>
          {words.slice(0, 8).map((w, i) => (
            <span key={`${w.word}-${i}`} className={`word ${w.score < 0 ? 'neg' : 'pos'}`} title={w.negated ? 'negated: sign flipped' : undefined}>
              {w.word}
              {w.negated ? ' (negated)' : ''} {w.score > 0 ? '+' : '−'}
              {Math.abs(w.score)}
              {w.count > 1 ? ` ×${w.count}` : ''}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
