/**
 * The one message protocol between the extension's worlds, named by direction. Every message is parsed with
 * these schemas on arrival; anything that does not fit is dropped. zod/mini keeps the content script small.
 *
 * Each schema is built on its first use (`z.lazy`; the field helpers below are functions for the same
 * reason): the content script evaluates this module on every page, building all its schemas there was
 * about 40% of that evaluation in a CPU profile, and most pages need one or two of them.
 */
import * as z from 'zod/mini';
import { MAX_PAGE_TEXT, MAX_TITLE, MAX_URL } from './limits';

export { MAX_PAGE_TEXT };
const MAX_ENTITIES = 2000;
const id = () => z.string().check(z.minLength(1), z.maxLength(120), z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/));
const count = () => z.int().check(z.minimum(0), z.maximum(10_000_000));
const shortText = (max: number) => z.string().check(z.maxLength(max));
const textOffset = () => z.int().check(z.minimum(0), z.maximum(MAX_PAGE_TEXT));

export const PageEntitySchema = z.lazy(() => z.object({
  id: id(),
  /** Name mentions on the page. */
  count: count(),
  /** Of those, how many sit in the main article region. */
  inMain: count(),
  demonyms: count(),
  surfaces: z.array(shortText(200)).check(z.maxLength(20)),
}));
export type PageEntity = z.infer<typeof PageEntitySchema>;

export const PageReportSchema = z.lazy(() => z.object({
  url: shortText(MAX_URL),
  title: shortText(MAX_TITLE),
  relevant: z.boolean(),
  score: z.number().check(z.minimum(0), z.maximum(1_000_000)),
  entities: z.array(PageEntitySchema).check(z.maxLength(MAX_ENTITIES)),
  /** Number of marks drawn, and whether the cap cut some off. */
  marks: count(),
  capped: z.boolean(),
  /** Why the page was not scanned fully ("too-large"), if it was not. */
  note: z.optional(shortText(300)),
}));
export type PageReport = z.infer<typeof PageReportSchema>;

const SelectorsSchema = z.lazy(() => z.tuple([
  z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().check(z.minLength(1), z.maxLength(20_000)),
    prefix: shortText(64),
    suffix: shortText(64),
  }),
  z.object({ type: z.literal('TextPositionSelector'), start: count(), end: count() }),
]));

/** A snippet as the content script proposes it; the background fills in the rest and validates the record. */
export const PageSnippetDraftSchema = z.lazy(() => z.object({
  url: z.string().check(z.minLength(1), z.maxLength(MAX_URL)),
  title: shortText(MAX_TITLE),
  selectors: SelectorsSchema,
  entities: z.array(id()).check(z.maxLength(200)),
}));
export type PageSnippetDraft = z.infer<typeof PageSnippetDraftSchema>;

const snippetId = () => z.string().check(z.minLength(1), z.maxLength(128));

/** Content script → background. */
export const ContentToBackgroundSchema = z.lazy(() => z.discriminatedUnion('type', [
  z.object({ type: z.literal('snippet/save'), draft: PageSnippetDraftSchema }),
  /** The page's text, for the background to find the reader's saved snippets in (off the page's main thread). */
  z.object({ type: z.literal('page/anchor-snippets'), url: shortText(MAX_URL), text: shortText(MAX_PAGE_TEXT) }),
  z.object({ type: z.literal('page/report'), report: PageReportSchema }),
  z.object({ type: z.literal('page/open-entity'), entity: id() }),
  z.object({ type: z.literal('entity/summaries'), ids: z.array(id()).check(z.maxLength(MAX_ENTITIES)) }),
]));
export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;

/** Background → content script. The content script checks these with `readContentMessage` (lib/content-messages.ts), which must agree. */
export const BackgroundToContentSchema = z.lazy(() => z.discriminatedUnion('type', [
  z.object({ type: z.literal('content/ping') }),
  z.object({ type: z.literal('content/focus-marks') }),
  z.object({ type: z.literal('content/get-selection') }),
  z.object({ type: z.literal('content/save-selection') }),
]));

/** The background's answer to a page report: how many of the reader's snippets were saved on this page (null: none). */
export const ReportReplySchema = z.lazy(() => z.object({ saved: count() }));

/** Where the saved snippets were found in the text the content script sent (orphans are not listed). */
export const AnchorReplySchema = z.lazy(() => z.object({
  ranges: z.array(z.object({ id: snippetId(), start: textOffset(), end: textOffset() })).check(z.maxLength(5000)),
}));
export type AnchorReply = z.infer<typeof AnchorReplySchema>;

/** The background's answer to a snippet save. */
export const SaveReplySchema = z.lazy(() => z.object({
  ok: z.boolean(),
  /** The save failed but the snippet is kept and will be retried. */
  kept: z.optional(z.boolean()),
  message: shortText(500),
}));
export type SaveReply = z.infer<typeof SaveReplySchema>;
export type BackgroundToContent = z.infer<typeof BackgroundToContentSchema>;

/** Side panel and other extension pages → background. */
export const PanelToBackgroundSchema = z.lazy(() => z.discriminatedUnion('type', [
  z.object({ type: z.literal('panel/get-tab'), tabId: count() }),
  z.object({ type: z.literal('corpus/status') }),
  z.object({ type: z.literal('corpus/retry') }),
  z.object({ type: z.literal('snippets/retry') }),
]));
export type PanelToBackground = z.infer<typeof PanelToBackgroundSchema>;

export const EntitySummarySchema = z.lazy(() => z.object({
  id: id(),
  name: shortText(200),
  type: z.enum(['person', 'place', 'organization', 'group', 'event']),
  /** How many corpus articles mention it. */
  articles: count(),
  totalArticles: count(),
  /** One line contrasting how the articles frame it. */
  contrast: shortText(500),
}));
export type EntitySummary = z.infer<typeof EntitySummarySchema>;

/** What the content script keeps in reply to a ping: how far it got. */
export const ContentStateSchema = z.lazy(() => z.object({
  state: z.enum(['idle', 'scanning', 'irrelevant', 'marked', 'disabled', 'error']),
  url: shortText(MAX_URL),
}));
export type ContentState = z.infer<typeof ContentStateSchema>;

export const CorpusStatusSchema = z.lazy(() => z.object({
  state: z.enum(['starting', 'ready', 'error']),
  version: z.optional(shortText(100)),
  error: z.optional(shortText(2000)),
}));
export type CorpusStatus = z.infer<typeof CorpusStatusSchema>;

export function parseMessage<T>(schema: z.ZodMiniType<T>, raw: unknown): T | null {
  const result = z.safeParse(schema, raw);
  return result.success ? result.data : null;
}
