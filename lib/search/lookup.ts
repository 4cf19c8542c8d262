import type { EntityRecord, MentionRecord, PassageRecord } from '../corpus/types';
import { bestPerEntity, EntityIndex } from './entity-index';
import { namesIn, type NameFinder, type NamedSpan } from './named';
import { PassageIndex } from './passage-index';
import { shapeQuery, TERM_MAX_CHARS, TERM_MAX_WORDS } from './query';
import { lettersOf } from './stopwords';
import type { EntityHit, LookupResult, PassageHit, PassageMatchKind, TextRange } from './types';

/** What the side panel reads from IndexedDB (or a test from buildCorpus). */
export interface LookupData {
  entities: readonly EntityRecord[];
  passages: readonly PassageRecord[];
  mentions: readonly MentionRecord[];
}

export interface LookupOptions {
  /** The content script's Matcher, for reading long selections with its context rules; optional. */
  matcher?: NameFinder;
  /** Passages returned at most (best first); `totalPassages` tells how many there were. */
  passageLimit?: number;
}

/** A passage that names an entity only through a demonym ("Syrian") ranks after one that names it. */
const DEMONYM_PENALTY = 0.2;
const DEFAULT_PASSAGE_LIMIT = 100;
const NEAREST_NAMES = 5;

export interface Lookup {
  lookup(query: string): LookupResult;
  readonly entityIndex: EntityIndex;
  readonly passageIndex: PassageIndex;
}

/** Builds both indexes once (a few milliseconds for the seed corpus); each look-up then takes well under 10 ms. */
export function createLookup(data: LookupData, options: LookupOptions = {}): Lookup {
  const entityIndex = new EntityIndex(data.entities);
  const passageIndex = new PassageIndex(data.passages, data.mentions);
  return { entityIndex, passageIndex, lookup: (query) => lookupIn(entityIndex, passageIndex, query, options) };
}

export function lookupIn(entities: EntityIndex, passages: PassageIndex, query: string, options: LookupOptions = {}): LookupResult {
  const limit = options.passageLimit ?? DEFAULT_PASSAGE_LIMIT;
  const shape = shapeQuery(query);
  switch (shape.kind) {
    case 'empty':
      return { status: 'empty', message: 'Select a word or a name on the page to look it up in the corpus.' };
    case 'no-letters':
      return { status: 'no-letters', message: 'The selection has no letters to look up: select a word or a name.' };
    case 'huge':
      return { status: 'too-long', message: `The selection is too long to read (${shape.chars.toLocaleString('en')} characters): select a name or a sentence.` };
    case 'long':
      return lookupNamesInText(entities, passages, shape.text, limit, options.matcher);
    case 'term':
      break;
  }
  const { text, folded, core, onlyStopwords } = shape;
  const quoted = quote(text);

  const exact = [...entities.exactHits(folded, text), ...(core !== folded ? entities.exactHits(core, text) : [])];
  const hits = [...exact];
  if (!onlyStopwords) {
    if (exact.length > 0) hits.push(...entities.containingHits(core));
    // Fuse and the re-score run only when the selection is not already a name.
    else hits.push(...entities.fuzzyHits(core));
    // Several words may name something inside them ("US-backed Syrian Democratic Forces fighters").
    if (shape.words.length > 1) hits.push(...namedHits(entities, text, namesIn(entities, text, options.matcher)));
  }
  const found = bestPerEntity(hits);

  const collector = new PassageCollector(passages);
  for (const e of entitiesForPassages(found)) {
    for (const m of passages.mentionsOf(e.id)) collector.add(m.passage, m, 'entity', e.score + (m.demonym ? DEMONYM_PENALTY : 0), e.id);
  }
  if (!onlyStopwords) {
    // The words as selected, function words included: "IS fighters" must not become every "fighters".
    const literal = passages.findPhrase(folded);
    for (const s of literal) collector.add(s.passage, s, 'text', 0);
    // Close spellings only when neither a name nor the words themselves were found: "Bagdadi" is a name, and "Baghdad" a different one.
    if (exact.length === 0 && literal.length === 0) {
      for (const s of passages.findClose(shape.words)) collector.add(s.passage, s, 'fuzzy', s.score);
    }
  }

  if (found.length === 0 && collector.size === 0) {
    if (onlyStopwords) return { status: 'not-in-corpus', message: `${quoted} is a common word: select a name or a longer phrase.`, nearest: [] };
    const nearest = entities.nearest(core, NEAREST_NAMES);
    const names = nearest.length ? ` Nearest names: ${nearest.map((n) => n.name).join(', ')}.` : '';
    return { status: 'not-in-corpus', message: `${quoted} is not in the corpus.${names}`, nearest };
  }
  const all = collector.results();
  return { status: 'found', mode: 'term', entities: found, passages: all.slice(0, limit), totalPassages: all.length };
}

/**
 * A long selection (a paragraph, a page) is not a term: it is read for the corpus entities it names, most
 * named first, and the passages listed are those that name most of them.
 */
function lookupNamesInText(entities: EntityIndex, passages: PassageIndex, text: string, limit: number, matcher?: NameFinder): LookupResult {
  const counts = new Map<number, { span: NamedSpan; count: number }>();
  for (const span of namesIn(entities, text, matcher)) {
    const c = counts.get(span.doc.entity);
    if (c) c.count++;
    else counts.set(span.doc.entity, { span, count: 1 });
  }
  if (counts.size === 0) {
    return {
      status: 'too-long',
      message: `The selection is too long to look up as one term (over ${TERM_MAX_WORDS} words or ${TERM_MAX_CHARS} characters), and it names no person, place or group of the corpus. Select a name or a short phrase.`,
    };
  }
  const max = Math.max(...[...counts.values()].map((c) => c.count));
  const found = bestPerEntity(
    [...counts.values()].map(({ span, count }) => ({ ...entities.hit(span.doc, 0.05 + 0.25 * (1 - count / max), 'named'), count })),
  );
  const collector = new PassageCollector(passages);
  for (const e of found) for (const m of passages.mentionsOf(e.id)) collector.add(m.passage, m, 'entity', 0, e.id);
  // Passages that name more of the selection's entities first.
  const all = collector.results((a, b) => b.entities.length - a.entities.length);
  for (const p of all) p.score = 1 - p.entities.length / found.length;
  return { status: 'found', mode: 'names-in-text', entities: found, passages: all.slice(0, limit), totalPassages: all.length };
}

/**
 * Names written inside a multi-word selection. Score 0.05–0.3 by how much of the selection the names leave
 * uncovered, always within the found range: a name written word for word is a confident hit.
 */
function namedHits(entities: EntityIndex, text: string, spans: NamedSpan[]): EntityHit[] {
  const total = lettersOf(text).length || 1;
  const covered = new Map<number, number>();
  for (const s of spans) covered.set(s.doc.entity, (covered.get(s.doc.entity) ?? 0) + lettersOf(text.slice(s.start, s.end)).length);
  return spans.map((s) => entities.hit(s.doc, 0.05 + 0.25 * Math.max(0, 1 - (covered.get(s.doc.entity) as number) / total), 'named'));
}

/**
 * Passages come from the exact hits and the names written in the selection (not demonyms: "Islamic" in
 * "Islamic Stat" is not about Muslims); failing those, from the best fuzzy hit and its ties.
 */
function entitiesForPassages(found: EntityHit[]): EntityHit[] {
  const sure = found.filter((e) => e.kind === 'exact' || (e.kind === 'named' && !e.demonym));
  if (sure.length > 0) return sure;
  const best = found[0];
  return best ? found.filter((e) => e.score <= best.score + 1e-9) : [];
}

function quote(text: string): string {
  return `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
}

const KIND_ORDER: Record<PassageMatchKind, number> = { text: 0, entity: 1, fuzzy: 2 };

/** Gathers ranges per passage from every reason a passage matched; keeps the best reason and score. */
class PassageCollector {
  private readonly byPassage = new Map<number, PassageHit>();

  constructor(private readonly index: PassageIndex) {}

  get size(): number {
    return this.byPassage.size;
  }

  add(passage: number, range: TextRange, kind: PassageMatchKind, score: number, entity?: string): void {
    let hit = this.byPassage.get(passage);
    if (!hit) {
      const p = this.index.passages[passage] as PassageRecord;
      hit = { article: p.article, ordinal: p.ordinal, paragraph: p.paragraph, text: p.text, ranges: [], kind, score, entities: [] };
      this.byPassage.set(passage, hit);
    } else if (score < hit.score || (score === hit.score && KIND_ORDER[kind] < KIND_ORDER[hit.kind])) {
      hit.kind = kind;
      hit.score = score;
    }
    hit.ranges.push({ start: range.start, end: range.end });
    if (entity !== undefined && !hit.entities.includes(entity)) hit.entities.push(entity);
  }

  /** Best first, then in corpus order; ranges sorted and merged. */
  results(first?: (a: PassageHit, b: PassageHit) => number): PassageHit[] {
    const order = new Map<PassageHit, number>();
    for (const [i, hit] of this.byPassage) {
      hit.ranges = mergeRanges(hit.ranges);
      order.set(hit, i);
    }
    return [...this.byPassage.values()].sort(
      (a, b) => (first ? first(a, b) : 0) || a.score - b.score || (order.get(a) as number) - (order.get(b) as number),
    );
  }
}

export function mergeRanges(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextRange[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
