/**
 * Property-based tests of the page text and its offset maps (lib/page/collect.ts, lib/page/positions.ts) on
 * random DOM trees built with jsdom. Issue 9 "Prove it".
 */
import fc from 'fast-check';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzePage } from '../../lib/page/analyze';
import { collectText, type PageText } from '../../lib/page/collect';
import { nodeAtStart, segmentIndex, toDomPoint, toTextOffset } from '../../lib/page/positions';
import { shippedMatcher } from './helpers/corpus';
import { BLOCK_MARK, buildDom, domTree, EXCLUDED_MARK, DOM_RUNS, HIDDEN_MARKER, vocabularyWord, type BuiltDom } from './helpers/arbitraries';

const { document } = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
  // Random <style> texts are not CSS: keep jsdom's parse errors out of the test output.
  virtualConsole: new VirtualConsole(),
}).window;
const body = document.body;

/** Offsets of the page text that belong to no text node: the line breaks the collector puts between blocks. */
function separatorOffsets(page: PageText): number[] {
  const out: number[] = [];
  let at = 0;
  for (const s of page.segments) {
    for (; at < s.start; at++) out.push(at);
    at = s.start + s.node.data.length;
  }
  for (; at < page.text.length; at++) out.push(at);
  return out;
}

/** Whether `el` is a block element whose box the page renders, in the model of the random trees. */
function isRenderedBlock(el: Element): boolean {
  if (!el.hasAttribute(BLOCK_MARK)) return false;
  // Inside a subtree whose text is left out, only that subtree's root can separate.
  for (let e: Element | null = el.parentElement; e && e !== body; e = e.parentElement) if (e.hasAttribute(EXCLUDED_MARK)) return false;
  // A block whose text is left out still separates its neighbours when it is rendered (B5).
  if (el.hasAttribute(EXCLUDED_MARK)) return !el.hasAttribute('hidden') && (el as HTMLElement).style.display !== 'none';
  return true;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** Whether a rendered block element starts or ends between text nodes `a` and `b` (a before b). */
function blockBetween(a: Text, b: Text, blocks: Element[]): boolean {
  return blocks.some((el) => {
    const hasA = el.contains(a);
    const hasB = el.contains(b);
    if (hasA !== hasB) return true;
    return !hasA && (a.compareDocumentPosition(el) & FOLLOWING) !== 0 && (el.compareDocumentPosition(b) & FOLLOWING) !== 0;
  });
}

function collect(built: BuiltDom): { page: PageText; visible: Text[] } {
  const page = collectText(body);
  const visible = built.texts.filter((t) => !t.excluded && t.node.data.length > 0).map((t) => t.node);
  return { page, visible };
}

describe('page text properties', () => {
  it(`is exactly the visible text nodes in document order, with only line breaks between them`, () => {
    fc.assert(
      fc.property(domTree, (tree) => {
        const built = buildDom(body, tree);
        const { page, visible } = collect(built);
        // Excluded subtrees (script, style, textarea, input, [hidden], [aria-hidden=true], [contenteditable],
        // role=textbox, inline display:none / visibility:hidden, our own UI) contribute nothing.
        const nodes = page.segments.map((s) => s.node);
        if (nodes.length !== visible.length || nodes.some((n, i) => n !== visible[i])) {
          expect(nodes.map((n) => n.data)).toEqual(visible.map((n) => n.data));
        }
        expect(page.text.includes(HIDDEN_MARKER)).toBe(false);
        let prevEnd = 0;
        for (const s of page.segments) {
          expect(s.start).toBeGreaterThanOrEqual(prevEnd);
          expect(page.text.slice(s.start, s.start + s.node.data.length)).toBe(s.node.data);
          prevEnd = s.start + s.node.data.length;
        }
        expect(separatorOffsets(page).map((at) => page.text[at]).join('')).toMatch(/^\n*$/);
        expect(page.truncated).toBe(false);
      }),
      DOM_RUNS,
    );
  });

  it('puts a line break between the texts of two blocks, and none between inline elements', () => {
    fc.assert(
      fc.property(domTree, (tree) => {
        const built = buildDom(body, tree);
        const { page } = collect(built);
        const blocks = built.elements.filter((e) => isRenderedBlock(e.el)).map((e) => e.el);
        const separators = new Set(separatorOffsets(page));
        // Consecutive texts with something to read; whitespace-only texts between them may hold the break.
        const words = page.segments.filter((s) => /\S/.test(s.node.data));
        for (let k = 0; k + 1 < words.length; k++) {
          const a = words[k]!;
          const b = words[k + 1]!;
          let breaks = 0;
          for (let at = a.start + a.node.data.length; at < b.start; at++) if (separators.has(at)) breaks++;
          const context = `${JSON.stringify(a.node.data)} | ${JSON.stringify(b.node.data)} in ${body.innerHTML}`;
          if (blockBetween(a.node, b.node, blocks)) expect(breaks, context).toBeGreaterThan(0);
          else expect(breaks, context).toBe(0);
        }
      }),
      DOM_RUNS,
    );
  });

  // BUG B5 (lib/page/collect.ts walkText, `if (el !== root && isExcludedElement(el)) continue;` comes before the
  // block check): a block element whose text is left out but whose box is still rendered (aria-hidden="true",
  // contenteditable, role="textbox", visibility:hidden) puts no line break between its neighbours, so their
  // texts run together: <body><span>Deir</span><div aria-hidden="true">•</div><span>ez-Zor</span></body> gives
  // the page text "Deirez-Zor" (one word; "Raqqa" + "Syria" would give "RaqqaSyria" and match neither).
  it('B5: a rendered block whose text is left out still separates its neighbours', () => {
    fc.assert(
      fc.property(
        vocabularyWord,
        vocabularyWord,
        fc.constantFrom('div', 'p', 'li', 'section'),
        fc.constantFrom<Array<[string, string]>>(['aria-hidden', 'true'], ['contenteditable', 'true'], ['role', 'textbox'], ['style', 'visibility: hidden']),
        (before, after, tag, [name, value]) => {
          body.replaceChildren();
          const a = document.createElement('span');
          a.textContent = before;
          const block = document.createElement(tag);
          block.setAttribute(name, value);
          block.textContent = '•';
          const b = document.createElement('span');
          b.textContent = after;
          body.append(a, block, b);
          return collectText(body).text.includes(`${before}\n${after}`);
        },
      ),
      DOM_RUNS,
    );
  });

  it('maps every offset of a text node to that node and back (toDomPoint, nodeAtStart, toTextOffset, segmentIndex)', () => {
    fc.assert(
      fc.property(domTree, (tree) => {
        const built = buildDom(body, tree);
        const { page } = collect(built);
        const index = segmentIndex(page);
        expect(index.size).toBe(page.segments.length);
        // Plain comparisons in the loops (thousands of offsets per run); expect() only on a mismatch.
        page.segments.forEach((seg, i) => {
          if (index.get(seg.node) !== i) expect(index.get(seg.node)).toBe(i);
          const len = seg.node.data.length;
          for (let k = 0; k < len; k++) {
            const at = seg.start + k;
            const p = toDomPoint(page, at, 'start');
            if (p?.node !== seg.node || p.offset !== k || p.node.data[k] !== page.text[at] || toTextOffset(page, index, p.node, p.offset) !== at || nodeAtStart(page, at) !== seg.node) {
              expect({ at, point: p, char: p?.node.data[k] }).toEqual({ at, point: { node: seg.node, offset: k }, char: page.text[at] });
              expect(nodeAtStart(page, at)).toBe(seg.node);
              expect(toTextOffset(page, index, seg.node, k)).toBe(at);
            }
          }
          for (let k = 1; k <= len; k++) {
            const at = seg.start + k;
            const p = toDomPoint(page, at, 'end');
            if (p?.node !== seg.node || p.offset !== k || p.node.data[k - 1] !== page.text[at - 1] || toTextOffset(page, index, p.node, p.offset) !== at) {
              expect({ at, point: p, char: p?.node.data[k - 1] }).toEqual({ at, point: { node: seg.node, offset: k }, char: page.text[at - 1] });
              expect(toTextOffset(page, index, seg.node, k)).toBe(at);
            }
          }
        });
        // A text node that was not collected has no offset.
        for (const t of built.texts) if (!index.has(t.node)) expect(toTextOffset(page, index, t.node, 0)).toBe(-1);
      }),
      DOM_RUNS,
    );
  });

  it('moves a start on a line break forward to the next text node, an end backward to the previous one', () => {
    fc.assert(
      fc.property(domTree, (tree) => {
        const built = buildDom(body, tree);
        const { page } = collect(built);
        for (const at of separatorOffsets(page)) {
          const next = page.segments.find((s) => s.start > at);
          const prev = [...page.segments].reverse().find((s) => s.start < at);
          expect(toDomPoint(page, at, 'start')).toEqual(next ? { node: next.node, offset: 0 } : null);
          expect(nodeAtStart(page, at)).toBe(next?.node ?? null);
          if (prev) expect(toDomPoint(page, at, 'end')).toEqual({ node: prev.node, offset: prev.node.data.length });
        }
        expect(toDomPoint(page, page.text.length, 'start')).toBeNull();
        expect(nodeAtStart(page, page.text.length)).toBeNull();
      }),
      DOM_RUNS,
    );
  });

  it('a page bigger than a block of the walk reads the same: every text node at its offset, its collected length', () => {
    // Paragraphs of random words past several 64k-character blocks, so the walk joins its text in pieces.
    const paras = fc.sample(fc.array(vocabularyWord, { minLength: 1, maxLength: 40 }), 8000).map((w) => w.join(' '));
    body.replaceChildren(...paras.map((text) => Object.assign(document.createElement('p'), { textContent: text })));
    const page = collectText(body);
    expect(page.text.length).toBeGreaterThan(3 * 65_536);
    expect(page.segments).toHaveLength(paras.length);
    for (const s of page.segments) {
      expect(s.length).toBe(s.node.data.length);
      expect(page.text.slice(s.start, s.start + s.length)).toBe(s.node.data);
    }
    expect(page.text.replace(/\n/g, '')).toBe(paras.join(''));
    // The scan reads the blocks: together they are the text, and each ends after a line break (no name spans two).
    expect(page.blocks.length).toBeGreaterThan(2);
    expect(page.blocks.join('')).toBe(page.text);
    expect(page.length).toBe(page.text.length);
    for (const block of page.blocks.slice(0, -1)) expect(block).toMatch(/\n\s*$/);
  });

  it('a name split over inline elements is found wherever the walk cuts its blocks', () => {
    // Seven nodes a paragraph: the walk's pauses (every 500 nodes) fall at every position inside one in turn.
    const para = () => {
      const p = document.createElement('p');
      p.append('Fighting near Deir ez-', Object.assign(document.createElement('b'), { textContent: 'Zor' }), ' and ', Object.assign(document.createElement('i'), { textContent: 'Raqqa' }), ' went on for weeks, the monitors said.');
      return p;
    };
    const count = 6000;
    body.replaceChildren(...Array.from({ length: count }, para));
    const matcher = shippedMatcher();
    const analysis = analyzePage(body.ownerDocument, matcher, { chunkChars: 10_000 });
    expect(analysis.text.blocks.length).toBeGreaterThan(2);
    const named = (id: string) => analysis.hits.filter((h) => matcher.gazetteer.entities[h.entity]?.id === id).length;
    expect(named('deir-ez-zor')).toBe(count);
    expect(named('raqqa')).toBe(count);
  });
});
