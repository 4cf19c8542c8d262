import { z } from 'zod';

/** Cleaning steps a body may ask for, applied in this order. */
export const CLEAN_STEPS = ['strip-markup', 'join-broken-paragraphs'] as const;
export type CleanStep = (typeof CLEAN_STEPS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const notStated = z.literal('not stated');

/** A date is either stated by the text or not; an unstated one carries the period inferred from the events reported. */
export const ArticleDateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('stated'), value: isoDate }),
  z.object({
    status: z.literal('not stated'),
    inferred: z.object({
      label: z.string().min(1),
      from: isoDate,
      to: isoDate,
      basis: z.string().min(1),
    }),
  }),
]);

export const BodyRulesSchema = z.object({
  /** The body begins at the first occurrence of this text in the raw file. */
  start: z.string().min(1),
  /** The body ends after the first occurrence of this text that follows `start`. */
  end: z.string().min(1),
  clean: z.array(z.enum(CLEAN_STEPS)),
});

export const ArticleMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lowercase kebab-case id'),
  file: z.string().regex(/^raw\/[^/]+\.txt$/, 'expected raw/<name>.txt'),
  title: z.string().min(1),
  subtitle: z.string().min(1).nullable(),
  author: z.union([z.string().min(1), notStated]),
  outlet: z.union([z.string().min(1), notStated]),
  firstPublisher: z.union([
    z.object({ name: z.string().min(1), date: z.union([isoDate, notStated]) }),
    notStated,
  ]),
  date: ArticleDateSchema,
  language: z.string().regex(/^[a-z]{2}$/, 'expected an ISO 639-1 code'),
  perspective: z.string().min(1),
  body: BodyRulesSchema,
});

export const ArticlesFileSchema = z.object({
  version: z.string().min(1),
  articles: z.array(ArticleMetaSchema).min(1),
});

export type ArticleDate = z.infer<typeof ArticleDateSchema>;
export type BodyRules = z.infer<typeof BodyRulesSchema>;
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;
export type ArticlesFile = z.infer<typeof ArticlesFileSchema>;
