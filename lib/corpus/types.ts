import type { EntityType, RelevanceLevel } from '../entities/schema';
import type { ArticleMeta } from './schema';

export type ArticleSource = 'seed' | 'user';

export interface ArticleRecord extends Omit<ArticleMeta, 'body' | 'file'> {
  /** Where the raw text came from: a file shipped in corpus/raw, or null for an article a user added. */
  file: string | null;
  body: string;
  source: ArticleSource;
  words: number;
}

/** One sentence of an article body: the unit of passages, mentions and tone. */
export interface PassageRecord {
  article: string;
  ordinal: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export interface EntityRecord {
  id: string;
  type: EntityType;
  name: string;
  description: string;
  relevance: RelevanceLevel;
  aliases: string[];
  demonyms: string[];
}

export interface MentionRecord {
  entity: string;
  article: string;
  /** Ordinal of the passage (sentence) that holds the mention. */
  passage: number;
  /** Offsets in the article body. */
  start: number;
  end: number;
  surface: string;
  demonym: boolean;
  nested: boolean;
}

export interface WeightedWord {
  word: string;
  score: number;
  count: number;
  /** The word was scored with its sign flipped because a negation preceded it. */
  negated?: boolean;
}

export interface TermUse {
  term: string;
  /** The group of rival terms it belongs to ("regime / government"). */
  group: string;
  count: number;
  /** How many of `count` are inside a quotation of someone else's words; absent when none. */
  quoted?: number;
}

export interface DescriptorUse {
  text: string;
  kind: 'premodifier' | 'apposition' | 'label' | 'name';
  count: number;
  /** How many of `count` are inside a quotation of someone else's words; absent when none. */
  quoted?: number;
}

/** How one article frames one entity. */
export interface FramingRecord {
  entity: string;
  article: string;
  /** Name mentions (demonyms and nested mentions excluded). */
  count: number;
  demonymCount: number;
  /** Mentions only inside another entity's longer name ("Raqqa" in "Battle of Raqqa"). */
  nestedCount: number;
  /** Surface forms used, most frequent first. */
  surfaces: Array<{ text: string; count: number }>;
  /** What the article calls the entity, most telling first: descriptors[0] is the article's label for it. */
  descriptors: DescriptorUse[];
  /** Mean tone of the sentences that mention the entity (any mention), -1..1; null when there is none. */
  tone: number | null;
  /** The words behind the tone, strongest first. */
  toneWords: WeightedWord[];
  /** Contested terms in the sentences that name the entity or refer back to it; lexicon group order. */
  contested: TermUse[];
  /** Ordinals of the passages that mention the entity (names, demonyms, nested), in order. */
  passages: number[];
  /** One line: `calls it "regime"; tone −0.40; 3 mentions`, or exactly "does not mention it". */
  summary: string;
}

export interface CorpusMeta {
  key: 'corpus';
  version: string;
  counts: { articles: number; passages: number; entities: number; mentions: number; framings: number };
  seededAt: number;
}

export interface CorpusBuild {
  version: string;
  articles: ArticleRecord[];
  passages: PassageRecord[];
  entities: EntityRecord[];
  mentions: MentionRecord[];
  framings: FramingRecord[];
}
