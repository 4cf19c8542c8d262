export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (blank-line separated block) the sentence belongs to. */
  paragraph: number;
}

/** Titles that are never the end of a sentence. */
const TITLES = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Rep|Sen|Gov|Pres|Prof|Rev|St|Jr|Sr|No|vs|ie|eg|etc|approx)\.\s*$/i;
/** Dotted abbreviations; they end a sentence only when a typical sentence opener follows. */
const DOTTED = /(?:^|[\s(])(?:[A-Z]\.){2,}\s*$/;
const OPENERS = /^(?:The|A|An|It|Its|He|She|They|We|I|This|That|These|Those|In|On|At|But|And|Yet|So|There|Here|What|Why|How|When|If|As|After|Before|While)\b/;

let segmenter: Intl.Segmenter | undefined;

/**
 * Splits a body into sentences with the platform's Unicode segmenter (the same in Node and the browser),
 * then rejoins the splits it makes after titles and dotted abbreviations ("Mr. Putin", "U.S. President").
 */
export function splitSentences(body: string): Sentence[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: Sentence[] = [];
  const paragraphs = paragraphStarts(body);
  let paragraph = 0;
  let pending: { start: number; end: number } | null = null;
  const flush = () => {
    if (!pending) return;
    const raw = body.slice(pending.start, pending.end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text.length > 0) {
      const start = pending.start + lead;
      while (paragraph + 1 < paragraphs.length && (paragraphs[paragraph + 1] as number) <= start) paragraph++;
      out.push({ start, end: start + text.length, text, paragraph });
    }
    pending = null;
  };
  for (const seg of segmenter.segment(body)) {
    const start = seg.index;
    const end = start + seg.segment.length;
    if (pending && shouldJoin(body.slice(pending.start, pending.end), seg.segment)) {
      pending.end = end;
      continue;
    }
    flush();
    pending = { start, end };
  }
  flush();
  return out;
}

function shouldJoin(previous: string, next: string): boolean {
  if (/\n\s*\n\s*$/.test(previous)) return false;
  if (TITLES.test(previous)) return true;
  return DOTTED.test(previous) && !OPENERS.test(next.trimStart());
}

function paragraphStarts(body: string): number[] {
  const starts = [0];
  const re = /\n\s*\n/g;
  for (let m = re.exec(body); m; m = re.exec(body)) starts.push(m.index + m[0].length);
  return starts;
}
