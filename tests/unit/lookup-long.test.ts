import { describe, expect, it } from 'vitest';
import { createLookup, SELECTION_MAX_CHARS, TERM_MAX_WORDS } from '../../lib/search';
import { shippedBuild, shippedMatcher } from './helpers/corpus';

const build = shippedBuild();
const plain = createLookup(build);
const withMatcher = createLookup(build, { matcher: shippedMatcher() });

/** Entities the corpus pipeline found in an article body (names and demonyms, not names inside longer names). */
function namedInArticle(article: string): Set<string> {
  return new Set(build.mentions.filter((m) => m.article === article && !m.nested).map((m) => m.entity));
}

describe('look-up of a long selection: the corpus entities it names', () => {
  it.each(build.articles.map((a) => [a.id]))('a whole article body (%s) → the entities the pipeline found in it', (id) => {
    const article = build.articles.find((a) => a.id === id)!;
    for (const { lookup } of [plain, withMatcher]) {
      const r = lookup(article.body);
      if (r.status !== 'found') throw new Error(r.status);
      expect(r.mode).toBe('names-in-text');
      expect(new Set(r.entities.map((e) => e.id))).toEqual(namedInArticle(id));
      // Most named first; the counts are the selection's, not the corpus's.
      const counts = r.entities.map((e) => e.count!);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(r.entities.every((e) => e.kind === 'named' && e.score > 0 && e.score <= 0.3)).toBe(true);
    }
  });

  it('lists first the passages that name most of the selection’s entities', () => {
    const text = 'The SDF and US forces pushed ISIS out of Raqqa while the Syrian army, backed by Russian jets, reached Deir ez-Zor and Abu Kamal on the Euphrates.';
    const r = plain.lookup(text);
    if (r.status !== 'found') throw new Error(r.status);
    expect(r.mode).toBe('names-in-text');
    expect(r.entities.map((e) => e.id)).toEqual(
      expect.arrayContaining(['syrian-democratic-forces', 'us-armed-forces', 'isis', 'raqqa', 'syrian-arab-army', 'russian-aerospace-forces', 'deir-ez-zor', 'abu-kamal', 'euphrates']),
    );
    const sizes = r.passages.map((p) => p.entities.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sizes[0]).toBeGreaterThanOrEqual(3);
    for (const p of r.passages) expect(p.score).toBeCloseTo(1 - p.entities.length / r.entities.length, 9);
  });

  it('reads 50 KB of text and finds its names (its time is a figure of npm run bench -- lookup)', () => {
    let text = '';
    while (text.length < 50_000) text += `${build.articles.map((a) => a.body).join('\n\n')}\n\n`;
    text = text.slice(0, 50_000);
    const r = plain.lookup(text);
    expect(r.status).toBe('found');
  });

  it('returns too-long for a long selection that names nothing, and for one too big to read', () => {
    const lorem = plain.lookup('lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore');
    expect(lorem.status).toBe('too-long');
    const huge = plain.lookup(`Raqqa ${'x'.repeat(SELECTION_MAX_CHARS)}`);
    expect(huge.status).toBe('too-long');
    expect('message' in huge && huge.message).toMatch(/too long/);
  });

  it(`takes up to ${TERM_MAX_WORDS} words as a term, and more as text`, () => {
    const words = 'one two three four five six seven eight nine ten eleven Raqqa'.split(' ');
    expect(words).toHaveLength(TERM_MAX_WORDS);
    const asTerm = plain.lookup(words.join(' '));
    expect(asTerm.status === 'found' && asTerm.mode).toBe('term');
    const asText = plain.lookup(`${words.join(' ')} thirteen`);
    expect(asText.status === 'found' && asText.mode).toBe('names-in-text');
  });

  it('keeps the capitals rule in long text: "is" and "us" are words, "IS" and "US" are names', () => {
    const r = plain.lookup('What is left for us to say about this long selection of words? Nothing at all, it is only a test of words.');
    expect(r.status).toBe('too-long');
    const named = plain.lookup('What is left for us to say? The IS fighters fled as US aircraft struck, and nothing else is named here at all.');
    if (named.status !== 'found') throw new Error(named.status);
    expect(named.entities.map((e) => e.id).sort()).toEqual(['isis', 'united-states']);
  });
});
