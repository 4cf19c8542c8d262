import { describe, expect, it } from 'vitest';
import { shippedBuild } from './helpers/corpus';

// Counted by hand in the bodies (names of the entity, including those inside a longer name such as
// "Deir Ezzor province" or "pro-Assad coalition"; adjectives like "Kurdish-led" are not names).
const HAND_COUNTED: Record<string, Record<string, number>> = {
  'whitney-isis-last-stand': { 'abu-kamal': 6, 'vladimir-putin': 10, 'bashar-al-assad': 7, hezbollah: 1, 'james-mattis': 3 },
  'mercouris-isis-final-days': { 'deir-ez-zor': 4, raqqa: 3, 'abu-bakr-al-baghdadi': 5, 'al-omar-oil-field': 2 },
  'cartalucci-liquidating-assets': { cnn: 4, isis: 31, 'al-anbar-governorate': 3, 'popular-mobilization-units': 3 },
  'unsigned-devils-bargain-iran': { 'al-qaryatayn': 4, 'bashar-al-assad': 14, 'deir-ez-zor': 5, 'popular-mobilization-units': 4 },
  'magnier-isis-dropping': { raqqa: 6, 'al-tanf': 5, 'deir-ez-zor': 4, 'syrian-democratic-forces': 2, 'abu-kamal': 2 },
};

describe('mention index over the corpus bodies', () => {
  const build = shippedBuild();
  const count = (article: string, entity: string) => build.mentions.filter((m) => m.article === article && m.entity === entity && !m.demonym).length;

  for (const [article, expected] of Object.entries(HAND_COUNTED)) {
    it(`${article}: counts match the hand count`, () => {
      const got = Object.fromEntries(Object.keys(expected).map((e) => [e, count(article, e)]));
      expect(got).toEqual(expected);
    });
  }

  it('keeps every mention inside its passage, with the surface at its offsets', () => {
    const bodies = new Map(build.articles.map((a) => [a.id, a.body]));
    const passages = new Map(build.passages.map((p) => [`${p.article}#${p.ordinal}`, p]));
    for (const m of build.mentions) {
      expect(bodies.get(m.article)!.slice(m.start, m.end)).toBe(m.surface);
      const p = passages.get(`${m.article}#${m.passage}`)!;
      expect(m.start >= p.start && m.end <= p.end, `${m.surface} in passage ${m.passage}`).toBe(true);
    }
  });

  it('reports adjectives apart from names', () => {
    const kurdish = build.mentions.filter((m) => m.entity === 'kurds' && m.article === 'mercouris-isis-final-days');
    expect(kurdish.filter((m) => m.demonym).map((m) => m.surface)).toContain('Kurdish');
    expect(kurdish.filter((m) => !m.demonym).map((m) => m.surface)).toContain('Kurds');
  });
});
