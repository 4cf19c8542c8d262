import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../lib/entities/matcher';
import { RELEVANCE_THRESHOLD, TAGS_MAX } from '../../lib/entities/relevance';
import { analyzePage } from '../../lib/page/analyze';
import { MAX_TAG_CHARS, readTopicTags } from '../../lib/page/topic-tags';
import { miniGazetteer } from './helpers/corpus';

const matcher = new Matcher(miniGazetteer());

function page(head: string, body: string): Document {
  return new JSDOM(`<!doctype html><html><head><title>Police shoot suspect in Milan</title>${head}</head><body>${body}</body></html>`).window.document;
}

const filler = (words: number) => Array.from({ length: words }, (_, i) => `word${i % 50}`).join(' ');
/** An article that names two core entities once each: 6 points, under the threshold of 9 on its own. */
const borderlineStory = `<article><p>${filler(150)}</p><p>He had travelled through Raqqa in Syria before the attack.</p><p>${filler(150)}</p></article>`;

describe('readTopicTags', () => {
  it('reads article:tag, news_keywords and keywords, one tag per line, each tag once', () => {
    const doc = page(
      `<meta property="article:tag" content="Germany"><meta property="article:tag" content="ISIS">
       <meta name="news_keywords" content="isis, Berlin attack"><meta name="keywords" content="Terrorism,Germany">
       <meta name="description" content="Raqqa">`,
      '<p>x</p>',
    );
    expect(readTopicTags(doc).split('\n')).toEqual(['Germany', 'ISIS', 'Berlin attack', 'Terrorism']);
  });

  it('accepts the non-standard value attribute some publishing systems write', () => {
    expect(readTopicTags(page('<meta value="ISIS" name="article:tag">', ''))).toBe('ISIS');
  });

  it('ignores meta elements a page script or a comment widget put in the body', () => {
    expect(readTopicTags(page('', '<meta name="keywords" content="Syria">'))).toBe('');
  });

  it('reads only the start of an oversized keyword list', () => {
    const many = Array.from({ length: 2000 }, (_, i) => `tag${i}`).join(',');
    expect(readTopicTags(page(`<meta name="keywords" content="${many}">`, '')).length).toBeLessThanOrEqual(MAX_TAG_CHARS);
  });

  it('never joins two tags into one name', () => {
    const doc = page('<meta name="keywords" content="Islamic, State, Deir, ez-Zor">', '');
    expect(matcher.find(readTopicTags(doc))).toEqual([]);
  });
});

describe('publisher tags in the relevance score', () => {
  it('tip a story that names its subject too little on its own', () => {
    const without = analyzePage(page('', borderlineStory), matcher).relevance;
    const tagged = analyzePage(page('<meta property="article:tag" content="ISIS">', borderlineStory), matcher).relevance;
    expect(without.relevant).toBe(false);
    expect(without.tagScore).toBe(0);
    expect(tagged.tagScore).toBe(TAGS_MAX);
    expect(tagged.score).toBeCloseTo(without.score + TAGS_MAX, 5);
    expect(tagged.relevant).toBe(true);
  });

  it('never make a page relevant whose text names no Syria/ISIS entity, however many tags it stuffs', () => {
    const stuffed = '<meta name="keywords" content="Syria, ISIS, Raqqa, Deir ez-Zor, Bashar al-Assad, Syrian Arab Army">';
    const r = analyzePage(page(stuffed, `<article><p>${filler(300)}</p></article>`), matcher, { locateHits: true }).relevance;
    expect(r.tagScore).toBe(TAGS_MAX);
    expect(r.score).toBeLessThan(RELEVANCE_THRESHOLD);
    expect(r.relevant).toBe(false);
  });

  it('count no more than one core entity, so stuffed tags cannot carry a page that names Syria once', () => {
    const stuffed = '<meta name="keywords" content="Syria, ISIS, Raqqa, Deir ez-Zor, Bashar al-Assad">';
    const once = `<article><p>${filler(150)} Syria ${filler(150)}</p></article>`;
    expect(analyzePage(page(stuffed, once), matcher).relevance.relevant).toBe(false);
  });
});
