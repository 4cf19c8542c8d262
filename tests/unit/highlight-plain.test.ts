/**
 * Huge pages get plain marks (tints without underlines): Chromium repaints the whole page's text for an
 * underlined ::highlight. Issue 9 "no frozen tab".
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../lib/entities/types';
import { collectText, type PageText } from '../../lib/page/collect';
import {
  DEMONYM_HIGHLIGHT,
  FOCUS_HIGHLIGHT,
  highlightName,
  Highlighter,
  plainHighlight,
  PLAIN_MARKS_FROM_CHARS,
  type HighlightEnv,
  type MarkSpec,
} from '../../lib/page/highlight';
import { highlightCss } from '../../lib/page/highlight-styles';
import { clearSnippets, paintSnippets, SNIPPET_HIGHLIGHT } from '../../lib/page/snippet-marks';

const { window } = new JSDOM('<!doctype html><html><body><p>Raqqa and Kurdish fighters</p></body></html>');
const small = collectText(window.document.body);
/** The same text, as long as a page from which marks are plain (only the length is read for that). */
const huge: PageText = { ...small, length: PLAIN_MARKS_FROM_CHARS };
const justBelow: PageText = { ...small, length: PLAIN_MARKS_FROM_CHARS - 1 };

const at = (word: string) => small.text.indexOf(word);
const MARKS: MarkSpec[] = [
  { start: at('Raqqa'), end: at('Raqqa') + 5, entity: 0, type: 'place', surface: 'Raqqa', demonym: false },
  { start: at('Kurdish'), end: at('Kurdish') + 7, entity: 1, type: 'group', surface: 'Kurdish', demonym: true },
];

function fakeEnv(): HighlightEnv & { registry: Map<string, unknown> } {
  return {
    registry: new Map(),
    createHighlight: (ranges) => ({ ranges: [...ranges] }),
    createRange: (init) => new window.StaticRange(init),
  };
}

describe('plain marks on huge pages', () => {
  it('draws, focuses and clears plain highlights from the size on, and underlined ones below it', () => {
    for (const [page, plain] of [[huge, true], [justBelow, false]] as const) {
      const env = fakeEnv();
      const h = new Highlighter(env);
      const drawn = h.draw(page, MARKS);
      const name = (n: string) => (plain ? plainHighlight(n) : n);
      expect([...env.registry.keys()].sort()).toEqual([name(DEMONYM_HIGHLIGHT), name(highlightName('place'))].sort());
      h.focus(drawn[0]!);
      expect(env.registry.has(name(FOCUS_HIGHLIGHT))).toBe(true);
      expect(env.registry.has(plain ? FOCUS_HIGHLIGHT : plainHighlight(FOCUS_HIGHLIGHT))).toBe(false);
      h.clear();
      expect(env.registry.size).toBe(0);
    }
  });

  it('paints saved snippets plain on a huge page, and clears either kind', () => {
    const env = fakeEnv();
    paintSnippets(env, huge, [{ id: 'a', start: 0, end: 5 }]);
    expect([...env.registry.keys()]).toEqual([plainHighlight(SNIPPET_HIGHLIGHT)]);
    paintSnippets(env, small, [{ id: 'a', start: 0, end: 5 }]);
    expect([...env.registry.keys()]).toEqual([SNIPPET_HIGHLIGHT]);
    clearSnippets(env);
    expect(env.registry.size).toBe(0);
  });

  it('has a rule for every highlight, each plain one a tint without underline', () => {
    const rules = new Map(highlightCss().split('\n').map((r) => [/::highlight\(([^)]+)\)/.exec(r)![1]!, r]));
    const names = [...ENTITY_TYPES.map(highlightName), DEMONYM_HIGHLIGHT, SNIPPET_HIGHLIGHT, FOCUS_HIGHLIGHT];
    expect([...rules.keys()].sort()).toEqual([...names, ...names.map(plainHighlight)].sort());
    for (const n of names) {
      expect(rules.get(n)).toMatch(/text-decoration: underline/);
      expect(rules.get(plainHighlight(n))).not.toMatch(/text-decoration/);
      expect(rules.get(plainHighlight(n))).toMatch(/background-color/);
    }
  });
});
