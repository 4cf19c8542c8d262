import { tokenize } from './tokenize';

/** The folded text: every word folded, words joined by single spaces. Two spellings of a name fold alike. */
export function normalize(text: string): string {
  return tokenize(text).norms.join(' ');
}

export interface NormalizedText {
  text: string;
  /** For each character of `text`, where its word starts in the original. */
  starts: Int32Array;
  /** For each character of `text`, where its word ends (exclusive) in the original. */
  ends: Int32Array;
}

/**
 * The folded text with a map back to the original. Folding can change a word's length (Raqqah → raqa),
 * so positions map at word granularity: a range in the folded text maps to the original words it touches.
 */
export function normalizeWithMap(text: string): NormalizedText {
  const tokens = tokenize(text);
  const folded = tokens.norms.join(' ');
  const starts = new Int32Array(folded.length);
  const ends = new Int32Array(folded.length);
  let at = 0;
  for (let t = 0; t < tokens.length; t++) {
    const norm = tokens.norms[t] as string;
    const s = tokens.starts[t] as number;
    const e = tokens.ends[t] as number;
    starts.fill(s, at, at + norm.length);
    ends.fill(e, at, at + norm.length);
    at += norm.length;
    if (t + 1 < tokens.length) {
      // The space between two words stands for the gap between them.
      starts[at] = e;
      ends[at] = tokens.starts[t + 1] as number;
      at++;
    }
  }
  return { text: folded, starts, ends };
}

/** Maps a range of the folded text back to a range of the original text. */
export function toOriginalRange(map: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (map.text.length === 0 || end <= start) {
    const at = map.text.length === 0 ? 0 : (map.starts[Math.min(start, map.text.length - 1)] as number);
    return { start: at, end: at };
  }
  return { start: map.starts[start] as number, end: map.ends[end - 1] as number };
}
