import type { EntityType } from '../entities/schema';
import { buildContext, gap, inDemonym, inName, passageWords, type ArticleContext } from './framing/context';
import { findTerms, termsByPassage, termsFor, type TermHit } from './framing/contested';
import { demonymDescriptors, mentionDescriptors, type DescriptorHit } from './framing/descriptors';
import { rankDescriptors } from './framing/rank';
import { referringHeads, resolveReferences } from './framing/references';
import { summarize } from './framing/summary';
import { rankToneWords, scoreTokens, toneToken, type SentenceTone, type ToneToken } from './framing/tone';
import type { ArticleRecord, EntityRecord, FramingRecord, MentionRecord, PassageRecord, WeightedWord } from './types';

export interface FramingInput {
  articles: ArticleRecord[];
  entities: EntityRecord[];
  passages: PassageRecord[];
  mentions: MentionRecord[];
}

/**
 * One framing for every (entity, article) pair, including the pairs where the article is silent: descriptors,
 * tone, contested terms and a summary line. Rules and lexicons: lib/corpus/framing/README.md. Plain deterministic
 * code, since it also runs in the extension's background.
 */
export function computeFramings(input: FramingInput): FramingRecord[] {
  const types = new Map<string, EntityType>(input.entities.map((e) => [e.id, e.type]));
  const heads = referringHeads(input.entities);
  const passages = groupBy(input.passages, (p) => p.article);
  const mentions = groupBy(input.mentions, (m) => m.article);
  const analyses = input.articles.map((a) =>
    analyze(buildContext(a, passages.get(a.id) ?? [], mentions.get(a.id) ?? [], (id) => types.get(id)), heads),
  );
  const out: FramingRecord[] = [];
  for (const entity of input.entities) {
    for (const analysis of analyses) out.push(frameOne(entity.id, analysis));
  }
  return out;
}

interface ArticleAnalysis {
  ctx: ArticleContext;
  mentionsOf: Map<string, MentionRecord[]>;
  descriptorHits: Map<string, DescriptorHit[]>;
  /** Passages where a definite description refers back to the entity. */
  referencePassages: Map<string, Set<number>>;
  terms: Map<number, TermHit[]>;
  tones: Map<number, SentenceTone>;
}

function analyze(ctx: ArticleContext, heads: ReadonlyMap<string, ReadonlySet<string>>): ArticleAnalysis {
  const descriptorHits = new Map<string, DescriptorHit[]>();
  const push = (entity: string, hits: DescriptorHit[]) => {
    if (hits.length > 0) descriptorHits.set(entity, [...(descriptorHits.get(entity) ?? []), ...hits]);
  };
  for (const m of ctx.mentions) {
    if (m.nested) continue;
    push(m.entity, m.demonym ? demonymDescriptors(ctx, m) : mentionDescriptors(ctx, m));
  }
  const referencePassages = new Map<string, Set<number>>();
  for (const ref of resolveReferences(ctx, heads)) {
    push(ref.entity, ref.hits);
    const set = referencePassages.get(ref.entity) ?? new Set<number>();
    set.add(ref.passage);
    referencePassages.set(ref.entity, set);
  }
  return {
    ctx,
    mentionsOf: groupBy(ctx.mentions, (m) => m.entity),
    descriptorHits,
    referencePassages,
    terms: termsByPassage(findTerms(ctx)),
    tones: new Map(),
  };
}

function frameOne(entity: string, a: ArticleAnalysis): FramingRecord {
  const mentions = a.mentionsOf.get(entity) ?? [];
  const names = mentions.filter((m) => !m.demonym && !m.nested);
  const nested = mentions.filter((m) => m.nested);
  const demonyms = mentions.filter((m) => m.demonym);
  const passages = [...new Set(mentions.map((m) => m.passage))].sort((x, y) => x - y);
  const descriptors = rankDescriptors(a.descriptorHits.get(entity) ?? []);
  const { tone, toneWords } = toneOf(a, passages);
  const near = new Set([...passages, ...(a.referencePassages.get(entity) ?? [])]);
  return {
    entity,
    article: a.ctx.id,
    count: names.length,
    demonymCount: demonyms.length,
    nestedCount: nested.length,
    surfaces: countSurfaces(names),
    descriptors,
    tone,
    toneWords,
    contested: termsFor(entity, a.terms, near),
    passages,
    summary: summarize({
      count: names.length,
      demonymCount: demonyms.length,
      tone,
      descriptors,
      demonyms: demonyms.map((m) => m.surface),
      within: nested.map((m) => outerSurface(a.ctx, m)),
    }),
  };
}

/** Mean of the sentence tones (each sentence once), and the words behind them. */
function toneOf(a: ArticleAnalysis, passages: readonly number[]): { tone: number | null; toneWords: WeightedWord[] } {
  if (passages.length === 0) return { tone: null, toneWords: [] };
  let sum = 0;
  const words = new Map<string, WeightedWord>();
  for (const ordinal of passages) {
    const t = sentenceToneAt(a, ordinal);
    sum += t.value;
    for (const w of t.words) {
      const key = `${w.word}\u0000${w.negated ?? false}`;
      const prev = words.get(key);
      if (prev) prev.count += w.count;
      else words.set(key, { ...w });
    }
  }
  return { tone: round(sum / passages.length), toneWords: rankToneWords(words.values()) };
}

function sentenceToneAt(a: ArticleAnalysis, ordinal: number): SentenceTone {
  let t = a.tones.get(ordinal);
  if (!t) {
    const [first, end] = passageWords(a.ctx, ordinal);
    const tokens: ToneToken[] = [];
    // Names are not sentiment: words inside any mention are skipped.
    for (let i = first; i < end; i++) tokens.push(toneToken(a.ctx.words[i]!, i === first ? '' : gap(a.ctx, i - 1, i), inName(a.ctx, i) || inDemonym(a.ctx, i)));
    t = scoreTokens(tokens);
    a.tones.set(ordinal, t);
  }
  return t;
}

function countSurfaces(names: readonly MentionRecord[]): Array<{ text: string; count: number }> {
  const counts = new Map<string, number>();
  for (const m of names) counts.set(m.surface, (counts.get(m.surface) ?? 0) + 1);
  return [...counts].map(([text, count]) => ({ text, count })).sort((x, y) => y.count - x.count || x.text.localeCompare(y.text));
}

/** The longer name that holds a nested mention ("Battle of Raqqa" for "Raqqa"). */
function outerSurface(ctx: ArticleContext, m: MentionRecord): string {
  const outer = ctx.mentions.find((o) => !o.nested && !o.demonym && o.start <= m.start && m.end <= o.end && o !== m);
  return (outer ?? m).surface;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
