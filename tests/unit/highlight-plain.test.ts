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

  it('keeps drawing plain marks for text the huge page adds later, however short', () => {
    const env = fakeEnv();
    const h = new Highlighter(env);
    h.draw(huge, MARKS.slice(0, 1));
    h.append(small, MARKS.slice(1));
    expect([...env.registry.keys()].sort()).toEqual([plainHighlight(DEMONYM_HIGHLIGHT), plainHighlight(highlightName('place'))].sort());
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
    // Without underlines, no two kinds may look alike: their tints over a white page differ in hue, lightness
    // or saturation (the focus once had a snippet's yellow, and a snippet a person's pale amber).
    const looks = names.map((n) => [n, hsl(overWhite(rules.get(plainHighlight(n))!))] as const);
    for (const [i, [a, x]] of looks.entries()) {
      for (const [b, y] of looks.slice(i + 1)) {
        const hueApart = x.s >= 0.2 && y.s >= 0.2 && Math.min(Math.abs(x.h - y.h), 360 - Math.abs(x.h - y.h)) >= 25;
        expect(hueApart || Math.abs(x.l - y.l) >= 0.15 || Math.abs(x.s - y.s) >= 0.3, `${a} and ${b} look alike`).toBe(true);
      }
    }
  });
});

/** A rule's background colour composited over white, as 0–255 RGB. */
function overWhite(rule: string): [number, number, number] {
  const hex = /background-color: #([0-9a-f]{6})/i.exec(rule);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1]!.slice(i, i + 2), 16)) as [number, number, number];
  const [r, g, b, a] = /background-color: rgba\(([^)]+)\)/.exec(rule)![1]!.split(',').map(Number) as [number, number, number, number];
  return [r, g, b].map((c) => a * c + (1 - a) * 255) as [number, number, number];
}

function hsl([r, g, b]: [number, number, number]): { h: number; s: number; l: number } {
  const [x, y, z] = [r / 255, g / 255, b / 255];
  const max = Math.max(x, y, z);
  const min = Math.min(x, y, z);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  const h = max === x ? 60 * (((y - z) / d + 6) % 6) : max === y ? 60 * ((z - x) / d + 2) : 60 * ((x - y) / d + 4);
  return { h, s, l };
}
