/**
 * Where an article reports someone else's words. A descriptor inside a quotation is the quoted speaker's, not the
 * author's: Whitney quotes Josh Rogin's "the Assad regime" in order to attack it. Quotations of up to
 * MAX_SCARE_WORDS words are scare quotes or coined terms ("Syrian Democratic Forces", "last stand") and stay the
 * author's.
 */

const MAX_SCARE_WORDS = 4;
/** A quotation still open after this many paragraphs is taken to have closed there (a lost closing mark). */
const MAX_QUOTE_PARAGRAPHS = 4;
const OPENS_BEFORE = /[\s([{\u2014\u2013-]/;

export interface QuoteSpans {
  /** Sorted, non-overlapping [start, end) ranges of reported speech. */
  spans: Array<[number, number]>;
}

export function findQuotations(body: string): QuoteSpans {
  const spans: Array<[number, number]> = [];
  const paragraphs = paragraphRanges(body);
  let depth = 0;
  let openAt = 0;
  let openParagraph = 0;
  const close = (end: number) => {
    if (countWords(body.slice(openAt, end)) > MAX_SCARE_WORDS) spans.push([openAt, end]);
    depth = 0;
  };
  paragraphs.forEach(([pStart, pEnd], p) => {
    if (depth > 0 && p - openParagraph >= MAX_QUOTE_PARAGRAPHS) close((paragraphs[p - 1] as [number, number])[1]);
    const marks = /["“”]/g;
    marks.lastIndex = pStart;
    for (let mark = marks.exec(body); mark && mark.index < pEnd; mark = marks.exec(body)) {
      const i = mark.index;
      const ch = mark[0];
      // A straight quote opens after a space, a bracket or a dash, and closes after anything else.
      const opens = ch === '“' || (ch === '"' && (i === 0 || OPENS_BEFORE.test(body[i - 1] as string)));
      if (opens) {
        if (depth === 0) {
          openAt = i;
          openParagraph = p;
        }
        depth++;
      } else if (depth > 0 && --depth === 0) close(i + 1);
    }
  });
  if (depth > 0) close(body.length);
  // A paragraph that ends with a colon introduces a block quotation whose marks the page's markup carried.
  paragraphs.forEach(([pStart, pEnd], p) => {
    const next = paragraphs[p + 1];
    if (!next || !/:\s*$/.test(body.slice(pStart, pEnd))) return;
    const text = body.slice(next[0], next[1]);
    if (!/^\s*["“]/.test(text)) spans.push(next);
  });
  spans.sort((a, b) => a[0] - b[0]);
  return { spans };
}

export function isQuoted(quotes: QuoteSpans, pos: number): boolean {
  let lo = 0;
  let hi = quotes.spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = quotes.spans[mid] as [number, number];
    if (pos < s) hi = mid;
    else if (pos >= e) lo = mid + 1;
    else return true;
  }
  return false;
}

function paragraphRanges(body: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    out.push([start, m.index]);
    start = m.index + m[0].length;
  }
  out.push([start, body.length]);
  return out;
}

/** Whitespace-separated words, quotation marks aside: enough to tell a scare quote from a quotation. */
function countWords(text: string): number {
  const trimmed = text.replace(/["“”]/g, ' ').trim();
  return trimmed.length === 0 ? 0 : trimmed.split(/\s+/).length;
}
