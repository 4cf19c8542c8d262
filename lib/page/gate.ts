import { gateChar } from '../entities/gate-char';
import { gateExpressions, type GateSource } from '../entities/gate-pattern';
import type { MutationBatch } from './mutations';

/**
 * The cheap first look every page gets, before any matcher is built: does the page's title or text name an
 * entity of the decisive level (lib/entities/gate-pattern.ts)? If not, the page cannot be relevant, and the
 * content script stops there. The text is read as the browser stores it (text nodes, no styles asked for, no
 * block structure), a superset of what the full analysis reads: the gate may pass a page the analysis then
 * rules out, never the reverse.
 */

/**
 * Put between the text of two nodes: the full analysis may or may not see a word break there, and the
 * expressions allow both (it stands for a word's edge and may sit inside a word). The HTML parser never
 * leaves one in a page's text.
 */
const NODE_GAP = '\0';
/** Text read before the expressions run, and between two pauses for the page. */
const CHUNK_CHARS = 1 << 16;
/**
 * The end of one chunk goes again at the start of the next, for a name read across the two. A name written
 * across more than this (its words thousands of spaces apart) could be missed where a chunk ends.
 */
const TAIL_CHARS = 4096;
/** Text the full analysis never reads, and most of the characters of many pages. */
const SKIPPED_PARENTS = new Set(['script', 'style', 'noscript']);

interface Expressions {
  latin: RegExp;
  other: RegExp;
  cased: RegExp;
  rewrite: RegExp;
}

export class PageGate {
  private expressions: Expressions | null = null;
  private readonly folded = new Map<string, string>();

  constructor(private readonly source: GateSource) {}

  /** Built on first use. */
  private get re(): Expressions {
    if (this.expressions) return this.expressions;
    const sources = gateExpressions(this.source);
    return (this.expressions = {
      latin: new RegExp(sources.latin, 'g'),
      other: new RegExp(sources.other),
      cased: new RegExp(sources.cased),
      rewrite: new RegExp(`[${this.source.rewrite}]`, 'gu'),
    });
  }

  private readonly prefoldChar = (ch: string): string => {
    let out = this.folded.get(ch);
    if (out === undefined) this.folded.set(ch, (out = gateChar(ch)));
    return out;
  };

  /** Whether a text (nodes joined by NODE_GAP, or any string) may name a decisive entity. */
  textMayBeRelevant(text: string): boolean {
    const { latin, other, cased, rewrite } = this.re;
    const prefolded = text.replace(rewrite, this.prefoldChar);
    if (cased.test(prefolded)) return true;
    const lower = prefolded.toLowerCase();
    if (other.test(lower)) return true;
    // A Latin name counts where a word starts: not after a letter or digit ("crisis" does not name ISIS).
    latin.lastIndex = 0;
    for (let m = latin.exec(lower); m; m = latin.exec(lower)) {
      if (m.index === 0 || !isAsciiLetterOrDigit(lower.charCodeAt(m.index - 1))) return true;
      latin.lastIndex = m.index + 1;
    }
    return false;
  }

  /** The whole page: its title, then its text in chunks, pausing between them (a generator for runSliced). */
  *pageSteps(doc: Document): Generator<void, boolean> {
    if (this.textMayBeRelevant(doc.title ?? '')) return true;
    // The full analysis reads nothing from a document in design mode (an editor).
    if (doc.designMode === 'on') return false;
    const root = doc.body ?? doc.documentElement;
    return root ? yield* this.subtreeSteps(root) : false;
  }

  /**
   * Text a page added or changed (a batch of the MutationWatcher): an added element with its subtree, a changed
   * or added text node with its parent's whole text, so that a name split between old and new text is found.
   */
  *changesSteps(doc: Document, batch: MutationBatch): Generator<void, boolean> {
    if (this.textMayBeRelevant(doc.title ?? '')) return true;
    const roots = new Set<Node>();
    for (const node of batch.added) roots.add(node.nodeType === 1 ? node : (node.parentNode ?? node));
    for (const node of batch.changedText) if (node.parentNode) roots.add(node.parentNode);
    for (const root of roots) {
      if (!root.isConnected) continue;
      if (yield* this.subtreeSteps(root)) return true;
    }
    return false;
  }

  private *subtreeSteps(root: Node): Generator<void, boolean> {
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    let parts: string[] = [];
    let size = 0;
    let tail = '';
    const chunkNames = (): boolean => {
      const text = tail + NODE_GAP + parts.join(NODE_GAP);
      parts = [];
      size = 0;
      tail = text.slice(-TAIL_CHARS);
      return this.textMayBeRelevant(text);
    };
    // The root itself when it is a text node (a TreeWalker never returns its root).
    if (root.nodeType === 3) return this.textMayBeRelevant((root as Text).data);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentNode as Element | null;
      if (parent && SKIPPED_PARENTS.has(parent.localName)) continue;
      const data = (node as Text).data;
      // A huge node (one <pre> of megabytes) in slices, each a chunk of its own.
      for (let at = 0; at < data.length; at += CHUNK_CHARS) {
        const piece = at === 0 && data.length <= CHUNK_CHARS ? data : data.slice(at, at + CHUNK_CHARS);
        parts.push(piece);
        size += piece.length;
        if (size >= CHUNK_CHARS) {
          if (chunkNames()) return true;
          yield;
        }
      }
    }
    return size > 0 && chunkNames();
  }
}

function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}
