import type { Match, Matcher } from '../entities/matcher';
import { HitWeights, relevanceLowerBound, relevanceUpperBound, RELEVANCE_THRESHOLD, scoreRelevance, type RelevanceResult } from '../entities/relevance';
import { walkText, type PageText } from './collect';
import { nodeAtStart } from './positions';
import { readTopicTags } from './topic-tags';

export interface PageHit extends Match {
  inMain: boolean;
}

export interface PageAnalysis {
  text: PageText;
  /** Matches in visible text, in page order. */
  hits: PageHit[];
  titleHits: Match[];
  /** Entities in the publisher's subject tags (a relevance signal only: never marked). */
  tagHits: Match[];
  relevance: RelevanceResult;
  /** Whether a main article region was found (otherwise the whole page counts as main). */
  mainFound: boolean;
  /**
   * Relevant whatever the main region: it is still to be found (`locateMainSteps`), and until then every
   * hit counts as main and the score is the lower bound that decided.
   */
  mainPending: boolean;
  /** Readability was not run because the cheap first look already ruled the page out. */
  gatedOut: boolean;
}

export interface AnalyzeOptions {
  /** Whether an element is rendered; the browser asks its layout, other hosts have only attributes to go by. */
  isVisible?: (el: Element) => boolean;
  maxChars?: number;
  /** Characters matched per slice; the caller may pause between slices. */
  chunkChars?: number;
  /**
   * Find the main region even when the quick look already ruled the page out, to say where each hit sits
   * (`npm run scan`). The relevance decision is the same either way: the quick look's bound is an upper bound.
   */
  locateHits?: boolean;
  /**
   * When the page is relevant whatever its main region (see relevanceLowerBound), return before looking
   * for the region: the content script draws the marks first and locates the hits afterwards.
   */
  deferMain?: boolean;
  /** The page text, when already read (by the gate): not read again. */
  text?: PageText;
}

/**
 * The analysis's first part (analyze.ts has the whole): visible text → all aliases in one pass → hidden hits
 * dropped → a cheap relevance bound. The main region is left to find (`mainPending`), unless the bound already
 * ruled the page out (`gatedOut`). Apart from analyze.ts so that the gate script can draw marks with it while
 * the full script, which carries Readability, loads. A generator: it yields between slices of work.
 */
export function* findHitsSteps(doc: Document, matcher: Matcher, opts: AnalyzeOptions = {}): Generator<void, PageAnalysis> {
  const text: PageText = opts.text ?? (yield* walkText(doc.body ?? doc.documentElement, { maxChars: opts.maxChars }));
  // Each hit is built once and only its `inMain` flag changes later: a huge page has a hundred thousand.
  const raw: PageHit[] = [];
  for (const [offset, chunk] of chunks(text.blocks, opts.chunkChars ?? 32_000)) {
    // The matches become the hits (no copy: on a huge page every object counts for the garbage collector).
    for (const m of matcher.find(chunk) as PageHit[]) {
      m.start += offset;
      m.end += offset;
      m.inMain = true;
      raw.push(m);
    }
    yield;
  }
  // The first visibility question makes the browser compute styles: this step is sliced like the others,
  // and each element is asked once (a paragraph holds many hits).
  const hits: PageHit[] = [];
  const seen = new Map<Element, boolean>();
  const isVisible = opts.isVisible
    ? (el: Element) => {
        let v = seen.get(el);
        if (v === undefined) seen.set(el, (v = (opts.isVisible as (e: Element) => boolean)(el)));
        return v;
      }
    : undefined;
  // Weighed as they are kept, all in the main text for now: the scores below then take no pass over the hits.
  const weights = new HitWeights(matcher.gazetteer);
  for (let i = 0; i < raw.length; i++) {
    const m = raw[i] as PageHit;
    if (!isVisible || isHitVisible(text, m, isVisible)) {
      hits.push(m);
      weights.add(m, true);
    }
    if (i % 500 === 499) yield;
  }
  const titleHits = matcher.find(doc.title ?? '');
  const tagHits = matcher.find(readTopicTags(doc));
  const evidence = { weights, titleHits, tagHits };
  if (!opts.locateHits && relevanceUpperBound(matcher.gazetteer, evidence) < RELEVANCE_THRESHOLD) {
    const relevance = scoreRelevance(matcher.gazetteer, { ...evidence, mainWords: wordsIn(text.length) });
    return { text, hits, titleHits, tagHits, relevance, mainFound: false, mainPending: false, gatedOut: true };
  }
  return { text, hits, titleHits, tagHits, relevance: relevanceLowerBound(matcher.gazetteer, evidence), mainFound: false, mainPending: true, gatedOut: false };
}

/**
 * The first slice's size. The matcher's code starts cold on every page (interpreted, then compiled as it
 * runs), so the first slices are small and they double up to the caller's size: on a 10 MB page a first
 * 32k-character slice took 30 ms.
 */
const FIRST_CHUNK_CHARS = 4_000;

/** Slices of the text's blocks cut at line breaks, which no name spans, with their offsets in the text. */
function* chunks(blocks: readonly string[], maxSize: number): Generator<[number, string]> {
  let size = Math.min(FIRST_CHUNK_CHARS, maxSize);
  let offset = 0;
  for (const block of blocks) {
    let start = 0;
    while (start < block.length) {
      let end = Math.min(block.length, start + size);
      if (end < block.length) {
        const cut = block.lastIndexOf('\n', end);
        end = cut > start ? cut + 1 : block.indexOf('\n', end) + 1 || block.length;
      }
      yield [offset + start, start === 0 && end === block.length ? block : block.slice(start, end)];
      start = end;
      size = Math.min(size * 2, maxSize);
    }
    offset += block.length;
  }
}

function isHitVisible(text: PageText, m: Match, isVisible: (el: Element) => boolean): boolean {
  const parent = nodeAtStart(text, m.start)?.parentElement;
  return parent ? isVisible(parent) : false;
}

/** Words, estimated from characters (six per word with its space): the count only feeds a density threshold. */
const CHARS_PER_WORD = 6;

export function wordsIn(chars: number): number {
  return Math.round(chars / CHARS_PER_WORD);
}
