/**
 * Visible text of a page as one string, with a map from string offsets back to text nodes. Scripts, styles,
 * templates, hidden and aria-hidden elements, form fields and editable areas are left out; block elements
 * are separated by a newline so that no name is matched across two paragraphs.
 */

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the page text. */
  start: number;
  /** The node's length when collected: reading `node.data` copies the node's text into a new string. */
  length: number;
}

export interface PageText {
  /** The whole text; on a page read in several blocks, joined the first time it is asked for. */
  readonly text: string;
  /**
   * The text in pieces that end at a line break (or at the end), so that no name spans two: the scan reads
   * these, and a huge page's text is not copied into one string (10 MB: a 20–30 ms step) unless asked for.
   */
  blocks: string[];
  /** text.length, without joining the blocks. */
  length: number;
  segments: TextSegment[];
  /** True when the collection stopped at the character limit. */
  truncated: boolean;
  /** How deep the element tree went (news pages: about 25; some costs grow with it). */
  maxDepth: number;
}

/** Our own elements carry this attribute; the collector never reads them. */
export const OWN_ATTRIBUTE = 'data-crossframe';

/** By `localName`: lower case in HTML documents, so no case conversion per element (the walk visits them all). */
const SKIP_TAGS = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas', 'svg', 'math',
  'audio', 'video', 'textarea', 'input', 'select', 'option', 'button', 'head', 'title', 'meta', 'link', 'datalist', 'output',
]);

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'img', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'body',
]);

const EDITABLE_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

/** Whether an element is left out, by itself or by an ancestor (text a page adds later sits in such a subtree). */
export function isExcludedWithAncestors(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isExcludedElement(e)) return true;
  return false;
}

/** Whether an element (and so its subtree) is left out by its tag or attributes alone, without asking for styles. */
export function isExcludedElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  if (el.hasAttribute(OWN_ATTRIBUTE)) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const role = el.getAttribute('role');
  if (role && EDITABLE_ROLES.has(role)) return true;
  const style = inlineStyle(el);
  return !!style && (style.display === 'none' || style.visibility === 'hidden');
}

/**
 * The element's inline style, or null when it has none. Reading `style` of an element without a style
 * attribute makes the browser build an empty declaration object for it: one per element of the page.
 */
function inlineStyle(el: Element): CSSStyleDeclaration | null {
  return el.hasAttribute('style') ? ((el as HTMLElement).style ?? null) : null;
}

/** Not rendered at all (so it separates nothing): the hidden attribute or an inline display:none. */
function isNotRendered(el: Element): boolean {
  return el.hasAttribute('hidden') || inlineStyle(el)?.display === 'none';
}

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName);
}

export interface CollectOptions {
  /** Stop after this many characters (huge pages); the rest of the page is not read. */
  maxChars?: number;
}

/**
 * Walks the subtree once. A generator so that a browser caller can pause between slices on huge pages;
 * `collectText` runs it to the end.
 */
export function* walkText(root: Element, opts: CollectOptions = {}): Generator<void, PageText> {
  const doc = root.ownerDocument;
  const maxChars = opts.maxChars ?? Number.POSITIVE_INFINITY;
  const segments: TextSegment[] = [];
  const parts: string[] = [];
  // Joined into blocks as the walk goes (after line breaks): one join of a huge page's every piece was a long task.
  const blocks: string[] = [];
  let joinedUpTo = 0;
  let length = 0;
  let lastWasBreak = true;
  let truncated = false;
  const pushBreak = () => {
    if (!lastWasBreak) {
      parts.push('\n');
      length += 1;
      lastWasBreak = true;
    }
  };
  let maxDepth = 0;
  if (doc.designMode === 'on') return pageText([], 0, segments, truncated, maxDepth);
  // Depth-first by sibling and parent links, not a stack of children: an element with 50,000 children
  // costs nothing up front, so every slice stays short. Leaving a block element adds its closing break.
  if (isBlockElement(root)) pushBreak();
  let node: Node | null = root.firstChild;
  let depth = 1;
  let visited = 0;
  walk: while (node) {
    if (depth > maxDepth) maxDepth = depth;
    // A block ends after a line break, which no name runs across.
    if (lastWasBreak && length - joinedUpTo > BLOCK_CHARS) {
      blocks.push(parts.join(''));
      parts.length = 0;
      joinedUpTo = length;
    }
    if (++visited % 500 === 0) yield;
    let enter = false;
    if (node.nodeType === 3) {
      const value = (node as Text).data;
      if (value.length > 0) {
        if (length + value.length > maxChars) {
          truncated = true;
          break;
        }
        segments.push({ node: node as Text, start: length, length: value.length });
        parts.push(value);
        length += value.length;
        if (/\S/.test(value)) lastWasBreak = false;
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (isExcludedElement(el)) {
        // Its text is left out, but a rendered block still separates its neighbours ("Deir" | aria-hidden div | "ez-Zor").
        if (isBlockElement(el) && !isNotRendered(el)) pushBreak();
      } else {
        if (isBlockElement(el)) pushBreak();
        enter = el.firstChild !== null;
        if (!enter && isBlockElement(el)) pushBreak();
      }
    }
    if (enter) {
      node = node.firstChild;
      depth++;
      continue;
    }
    // Next: the sibling, or the sibling of the nearest ancestor that has one, closing blocks on the way up.
    while (!node.nextSibling) {
      node = node.parentNode;
      depth--;
      if (!node || node === root) break walk;
      if (isBlockElement(node as Element)) pushBreak();
    }
    node = node.nextSibling;
  }
  if (!truncated && isBlockElement(root)) pushBreak();
  blocks.push(parts.join(''));
  return pageText(blocks, length, segments, truncated, maxDepth);
}

function pageText(blocks: string[], length: number, segments: TextSegment[], truncated: boolean, maxDepth: number): PageText {
  let joined: string | undefined = blocks.length === 0 ? '' : blocks.length === 1 ? blocks[0] : undefined;
  return {
    get text() {
      return (joined ??= blocks.join(''));
    },
    blocks,
    length,
    segments,
    truncated,
    maxDepth,
  };
}

/** Characters after which the walk closes a block of the page text, at the next line break. */
const BLOCK_CHARS = 1 << 16;

export function collectText(root: Element, opts: CollectOptions = {}): PageText {
  const walk = walkText(root, opts);
  for (;;) {
    const step = walk.next();
    if (step.done) return step.value;
  }
}
