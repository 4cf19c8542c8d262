import { gateChar, gateSkeleton, withoutPlaceholders } from '../entities/gate-char';
import type { GateSource } from '../entities/gate-pattern';
import { collectText, isExcludedWithAncestors, walkText, type PageText } from './collect';
import type { MutationBatch } from './mutations';

/**
 * The cheap first look every page gets, before any matcher is built: does the page's title or text name an
 * entity of the decisive level (lib/entities/gate-pattern.ts)? If not, the page cannot be relevant and the
 * content script stops there. The text is the one the full analysis reads (walkText), and the look never
 * misses a name the analysis would find: it may pass a page the analysis then rules out, never the reverse.
 */

interface Expressions {
  latin: RegExp;
  other: RegExp;
  cased: RegExp;
  rewrite: RegExp;
}

export interface GateResult {
  pass: boolean;
  /** The page text read, for the analysis to use; null when the title decided before any was read. */
  text: PageText | null;
}

export class PageGate {
  private expressions: Expressions | null = null;

  constructor(private readonly source: GateSource) {}

  /** Compiled on first use (a fraction of a millisecond: the Latin names are plain strings). */
  private get re(): Expressions {
    return (this.expressions ??= {
      latin: new RegExp(this.source.latin, 'g'),
      other: new RegExp(this.source.other),
      cased: new RegExp(this.source.cased),
      rewrite: new RegExp(`[${this.source.rewrite}]`, 'gu'),
    });
  }

  /** Whether a text may name a decisive entity. */
  textMayBeRelevant(text: string): boolean {
    const { latin, other, cased, rewrite } = this.re;
    // gateChar's own look-ups are cached (classify's table, foldToken's map).
    const prefolded = text.replace(rewrite, gateChar);
    const folded = withoutPlaceholders(prefolded);
    if (cased.test(folded)) return true;
    if (other.test(folded.toLowerCase())) return true;
    // A Latin name counts where a word starts ("crisis" does not name ISIS): in the skeleton, after a space.
    const skeleton = gateSkeleton(prefolded.toLowerCase());
    latin.lastIndex = 0;
    for (let m = latin.exec(skeleton); m; m = latin.exec(skeleton)) {
      if (m.index === 0 || skeleton.charCodeAt(m.index - 1) === 0x20) return true;
      latin.lastIndex = m.index + 1;
    }
    return false;
  }

  /** The whole page: its title, then its text block by block (a generator for runSliced: it pauses between them). */
  *pageSteps(doc: Document, maxChars: number): Generator<void, GateResult> {
    if (this.titleMayBeRelevant(doc)) return { pass: true, text: null };
    return yield* this.bodySteps(doc, maxChars);
  }

  titleMayBeRelevant(doc: Document): boolean {
    return this.textMayBeRelevant(doc.title ?? '');
  }

  /** The page's text alone, block by block. */
  *bodySteps(doc: Document, maxChars: number): Generator<void, GateResult> {
    const text = yield* walkText(doc.body ?? doc.documentElement, { maxChars });
    // Blocks end at line breaks, which no name runs across.
    for (const block of text.blocks) {
      if (this.textMayBeRelevant(block)) return { pass: true, text };
      yield;
    }
    return { pass: false, text };
  }

  /**
   * Whether the title, or text a page added or changed since the first look, may name a decisive entity. An
   * added element is read with its subtree, a changed or added text node with its parent's whole text, so that a
   * name split between old and new text is found (as PageSession.onBatch reads them).
   */
  changesMayBeRelevant(doc: Document, batch: MutationBatch): boolean {
    if (this.titleMayBeRelevant(doc)) return true;
    const roots = new Set<Element>();
    for (const node of batch.added) {
      const root = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (root?.isConnected) roots.add(root);
    }
    for (const node of batch.changedText) if (node.parentElement?.isConnected) roots.add(node.parentElement);
    for (const root of roots) if (!isExcludedWithAncestors(root) && this.textMayBeRelevant(collectText(root).text)) return true;
    return false;
  }
}
