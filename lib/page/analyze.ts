import type { Matcher } from '../entities/matcher';
import { HitWeights, scoreRelevance } from '../entities/relevance';
import type { PageText } from './collect';
import { findHitsSteps, wordsIn, type AnalyzeOptions, type PageAnalysis, type PageHit } from './find-hits';
import { findMainTextNodesSteps } from './main-region';
import { nodeAtStart } from './positions';

export type { AnalyzeOptions, PageAnalysis, PageHit } from './find-hits';

/**
 * The content script's analysis, shared with `npm run scan`: visible text → all aliases in one pass →
 * hidden hits dropped → a cheap relevance bound (gate) → main region → relevance.
 * A generator: it yields between slices of work so that a browser caller can keep every task short.
 */
export function* analyzePageSteps(doc: Document, matcher: Matcher, opts: AnalyzeOptions = {}): Generator<void, PageAnalysis> {
  return yield* finishAnalysisSteps(doc, matcher, yield* findHitsSteps(doc, matcher, opts), opts.deferMain ?? false);
}

/**
 * Finds the main region of an analysis from `findHitsSteps` when the decision needs it: always, or with
 * `deferMain`, only when the page is not already relevant whatever its main region.
 */
export function* finishAnalysisSteps(doc: Document, matcher: Matcher, analysis: PageAnalysis, deferMain: boolean): Generator<void, PageAnalysis> {
  if (analysis.mainPending && !(deferMain && analysis.relevance.relevant)) yield* locateMainSteps(doc, matcher, analysis);
  return analysis;
}

/** Finds the main region of an analysis that was returned without it (`mainPending`), and scores the page with it. */
export function* locateMainSteps(doc: Document, matcher: Matcher, analysis: PageAnalysis): Generator<void, void> {
  const { text, hits } = analysis;
  yield;
  const main = yield* findMainTextNodesSteps(doc, text);
  yield;
  const weights = new HitWeights(matcher.gazetteer);
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as PageHit;
    if (main) h.inMain = inMainRegion(text, h, main);
    weights.add(h, h.inMain);
    if (i % 500 === 499) yield;
  }
  const mainWords = main ? wordsInNodes(main) : wordsIn(text.length);
  analysis.relevance = scoreRelevance(matcher.gazetteer, { weights, titleHits: analysis.titleHits, tagHits: analysis.tagHits, mainWords });
  analysis.mainFound = main !== null;
  analysis.mainPending = false;
}

export function analyzePage(doc: Document, matcher: Matcher, opts: AnalyzeOptions = {}): PageAnalysis {
  const steps = analyzePageSteps(doc, matcher, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function inMainRegion(text: PageText, m: PageHit, main: Set<Text>): boolean {
  const node = nodeAtStart(text, m.start);
  return node ? main.has(node) : false;
}

/** Words, estimated from characters: see wordsIn. */
function wordsInNodes(nodes: Set<Text>): number {
  let n = 0;
  for (const t of nodes) n += t.length;
  return wordsIn(n);
}
