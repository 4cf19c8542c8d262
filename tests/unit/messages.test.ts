import { describe, expect, it } from 'vitest';
import {
  AnchorReplySchema,
  BackgroundToContentSchema,
  ContentToBackgroundSchema,
  MAX_PAGE_TEXT,
  PanelToBackgroundSchema,
  parseMessage,
} from '../../lib/messages';
import { classifySender } from '../../lib/senders';

const report = {
  url: 'https://news.example/story',
  title: 'A story',
  relevant: true,
  score: 12.5,
  entities: [{ id: 'raqqa', count: 2, inMain: 2, demonyms: 0, surfaces: ['Raqqa'] }],
  marks: 2,
  capped: false,
};

describe('the message protocol accepts the messages it defines and nothing else', () => {
  it('accepts a well-formed report', () => {
    expect(parseMessage(ContentToBackgroundSchema, { type: 'page/report', report })).toEqual({ type: 'page/report', report });
  });

  it.each([
    ['not an object', 'page/report'],
    ['null', null],
    ['an unknown type', { type: 'page/delete-everything' }],
    ['a missing field', { type: 'page/report', report: { ...report, relevant: undefined } }],
    ['a wrong type', { type: 'page/report', report: { ...report, score: '12' } }],
    ['a negative count', { type: 'page/report', report: { ...report, marks: -1 } }],
    ['a fractional count', { type: 'page/report', report: { ...report, marks: 1.5 } }],
    ['an id with markup', { type: 'page/open-entity', entity: '<img src=x onerror=alert(1)>' }],
    ['an id with a path', { type: 'page/open-entity', entity: '../../etc' }],
    ['a huge title', { type: 'page/report', report: { ...report, title: 'x'.repeat(100_000) } }],
    ['too many entities', { type: 'entity/summaries', ids: Array(5000).fill('raqqa') }],
    ['too many surfaces', { type: 'page/report', report: { ...report, entities: [{ ...report.entities[0], surfaces: Array(100).fill('Raqqa') }] } }],
  ])('rejects a content message with %s', (_what, raw) => {
    expect(parseMessage(ContentToBackgroundSchema, raw)).toBeNull();
  });

  it('keeps each direction to its own messages', () => {
    expect(parseMessage(PanelToBackgroundSchema, { type: 'page/report', report })).toBeNull();
    expect(parseMessage(ContentToBackgroundSchema, { type: 'corpus/retry' })).toBeNull();
    expect(parseMessage(BackgroundToContentSchema, { type: 'page/report', report })).toBeNull();
    expect(parseMessage(BackgroundToContentSchema, { type: 'content/ping' })).toEqual({ type: 'content/ping' });
  });

  it('drops fields the protocol does not know', () => {
    const parsed = parseMessage(ContentToBackgroundSchema, { type: 'page/open-entity', entity: 'raqqa', evil: 'x' });
    expect(parsed).toEqual({ type: 'page/open-entity', entity: 'raqqa' });
  });

  it('takes a page text for finding snippets up to the size the content script reads, and no more', () => {
    const msg = (text: string) => ({ type: 'page/anchor-snippets', url: 'https://news.example/story', text });
    expect(parseMessage(ContentToBackgroundSchema, msg('Raqqa fell.'))).toEqual(msg('Raqqa fell.'));
    expect(parseMessage(ContentToBackgroundSchema, msg('x'.repeat(MAX_PAGE_TEXT + 1)))).toBeNull();
  });

  it('takes found snippets only as offsets inside such a text', () => {
    expect(parseMessage(AnchorReplySchema, { ranges: [{ id: 's1', start: 4, end: 9 }] })).toEqual({ ranges: [{ id: 's1', start: 4, end: 9 }] });
    expect(parseMessage(AnchorReplySchema, { ranges: [{ id: 's1', start: -1, end: 9 }] })).toBeNull();
    expect(parseMessage(AnchorReplySchema, { ranges: [{ id: 's1', start: 0, end: MAX_PAGE_TEXT + 1 }] })).toBeNull();
    expect(parseMessage(AnchorReplySchema, { ranges: [{ id: '', start: 0, end: 1 }] })).toBeNull();
  });
});

describe('who may send', () => {
  const id = 'abcdefghijklmnop';
  const origin = `chrome-extension://${id}/`;
  it.each([
    ['our content script in a top frame', { id, url: 'https://news.example/a', tab: { id: 3 }, frameId: 0 }, 'content'],
    ['our side panel page', { id, url: `${origin}sidepanel.html` }, 'extension'],
    ['our panel opened in a tab', { id, url: `${origin}sidepanel.html?tab=3`, tab: { id: 9 }, frameId: 0 }, 'extension'],
    ['our content script in a sub-frame', { id, url: 'https://ads.example/', tab: { id: 3 }, frameId: 7 }, null],
    ['another extension', { id: 'someoneelse', url: 'https://news.example/a', tab: { id: 3 }, frameId: 0 }, null],
    ['a sender without a tab or our origin', { id, url: 'https://news.example/a' }, null],
    ['a page pretending to be our origin in its path', { id, url: `https://evil.example/${origin}`, tab: { id: 3 }, frameId: 0 }, 'content'],
  ] as const)('%s', (_what, sender, kind) => {
    expect(classifySender(sender, id, origin)).toBe(kind);
  });
});
