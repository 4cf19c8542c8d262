import Fuse from 'fuse.js';
import type { EntityRecord } from '../corpus/types';
import { normalize } from '../text';
import { aliasDistance, CLOSE_SPELLING, PART_OF_ALIAS_PENALTY } from './distance';
import { isStopword, lettersOf } from './stopwords';
import type { EntityHit, NearestName } from './types';

/** A fuzzy hit is returned as found up to this score: a close spelling (see CLOSE_SPELLING). */
export const ENTITY_MAX_SCORE = CLOSE_SPELLING;
/** Shorter selections are taken only exactly: one slip in "ira" or "sdf" makes another word. */
export const FUZZY_MIN_LETTERS = 4;
/**
 * Fuse (bitap) thresholds for gathering candidate words before the whole-word re-score. Bitap counts errors
 * per pattern letter, a swap (Dier/Deir) as two and a vowel slip as one, so a close spelling (at most one
 * full slip per six letters, see CLOSE_SPELLING) is at most 1/3 in bitap terms: 0.4 keeps a margin. The
 * "nearest names" of a term that is not in the corpus come from a looser search.
 */
export const CANDIDATE_THRESHOLD = 0.4;
export const NEAREST_THRESHOLD = 0.6;
/** Names further than this are not offered as "nearest": they share little more than a letter or two. */
export const NEAREST_MAX_SCORE = 0.75;
/**
 * Query words searched with Fuse, longest first: one word close to an alias word is enough to reach the
 * alias, which is then scored whole. Each search costs about a millisecond, so the loose one (for nearest
 * names only) uses the longest word alone.
 */
const CANDIDATE_WORDS = { strict: 2, loose: 1 } as const;

/** One name, alias or demonym of an entity, folded once at index time. */
export interface AliasDoc {
  entity: number;
  written: string;
  folded: string;
  demonym: boolean;
  /** Folds to a function word (IS → "is", US → "us"): matches only when written exactly so, and never fuzzily. */
  needsCase: boolean;
  /** A person's name: matched in part only by the surname (see aliasDistance). */
  person: boolean;
}

/**
 * Names, aliases and demonyms of every entity, folded with the one normalization: an exact table of folded
 * forms (equality is score 0) and a Fuse index over the words of those forms. Fuse runs over the ~1,100
 * distinct words, grouped by length, rather than over the ~1,300 whole aliases: bitap's cost grows with
 * pattern and text, and this measured two to six times faster per query; a misspelled word still reaches
 * every alias that holds its right spelling, and that alias is then scored whole (aliasDistance).
 */
export class EntityIndex {
  readonly docs: AliasDoc[] = [];
  private readonly exact = new Map<string, AliasDoc[]>();
  private readonly byId = new Map<string, number>();
  private readonly firstDoc: AliasDoc[] = [];
  /** Folded word → docs whose folded form contains it. */
  private readonly wordDocs = new Map<string, number[]>();
  /** Fuse over the distinct folded words, one pair of searchers per word length (see `searchWords`). */
  private readonly wordsByLength = new Map<number, { strict: Fuse<string>; loose: Fuse<string> }>();
  /** First folded word of every alias, and the longest alias in words: what the scan for names needs. */
  readonly firstWords = new Set<string>();
  maxWords = 1;

  constructor(readonly entities: readonly EntityRecord[]) {
    entities.forEach((e, entity) => {
      this.byId.set(e.id, entity);
      const seen = new Set<string>();
      const forms: Array<[string, boolean]> = [[e.name, false], ...e.aliases.map((a): [string, boolean] => [a, false]), ...e.demonyms.map((d): [string, boolean] => [d, true])];
      for (const [written, demonym] of forms) {
        const folded = normalize(written);
        if (folded.length === 0 || seen.has(folded)) continue;
        seen.add(folded);
        const doc: AliasDoc = { entity, written, folded, demonym, needsCase: isStopword(folded), person: e.type === 'person' };
        const at = this.docs.push(doc) - 1;
        this.firstDoc[entity] ??= doc;
        const same = this.exact.get(folded);
        if (same) same.push(doc);
        else this.exact.set(folded, [doc]);
        const words = folded.split(' ');
        this.firstWords.add(words[0] as string);
        if (words.length > this.maxWords) this.maxWords = words.length;
        for (const w of new Set(words)) {
          const list = this.wordDocs.get(w);
          if (list) list.push(at);
          else this.wordDocs.set(w, [at]);
        }
      }
    });
    const byLength = new Map<number, string[]>();
    for (const w of this.wordDocs.keys()) {
      const list = byLength.get(w.length);
      if (list) list.push(w);
      else byLength.set(w.length, [w]);
    }
    const options = {
      // Everything is folded already (lower case, no marks): Fuse must not fold again.
      isCaseSensitive: true,
      ignoreDiacritics: false,
      // A slip may be anywhere in the word.
      ignoreLocation: true,
      shouldSort: false,
    };
    for (const [length, words] of byLength) {
      const index = Fuse.createIndex<string>([], words);
      this.wordsByLength.set(length, {
        strict: new Fuse(words, { ...options, threshold: CANDIDATE_THRESHOLD }, index),
        loose: new Fuse(words, { ...options, threshold: NEAREST_THRESHOLD }, index),
      });
    }
  }

  entityIndexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** The entity's name as the index holds it. */
  nameDoc(entity: number): AliasDoc | undefined {
    return this.firstDoc[entity];
  }

  /** Aliases whose folded form is exactly `folded`; `written` is the text as written, for the aliases that need their capitals. */
  exactDocs(folded: string, written: string): AliasDoc[] {
    const docs = this.exact.get(folded) ?? [];
    return docs.filter((d) => !d.needsCase || lettersOf(d.written) === lettersOf(written));
  }

  /** Entities whose name, alias or demonym is exactly the folded selection: score 0. */
  exactHits(folded: string, written: string): EntityHit[] {
    return bestPerEntity(this.exactDocs(folded, written).map((doc) => this.hit(doc, 0, 'exact')));
  }

  /**
   * Entities with a longer name that contains the folded selection word for word ("Deir ez-Zor" →
   * "Deir ez-Zor Governorate", "Siege of Deir ez-Zor"): related, ranked after the exact hit.
   */
  containingHits(folded: string): EntityHit[] {
    const words = folded.split(' ');
    const lists = words.map((w) => this.wordDocs.get(w) ?? []);
    const rarest = lists.reduce((a, b) => (b.length < a.length ? b : a));
    const padded = ` ${folded} `;
    const hits: EntityHit[] = [];
    for (const i of rarest) {
      const doc = this.docs[i] as AliasDoc;
      if (!doc.needsCase && doc.folded !== folded && ` ${doc.folded} `.includes(padded)) hits.push(this.hit(doc, PART_OF_ALIAS_PENALTY, 'fuzzy'));
    }
    return bestPerEntity(hits);
  }

  /**
   * Entities with an alias that is a close spelling of the folded selection or of some words of it
   * ("Dier ez Zor", "Damascas"), best alias per entity, closest first.
   */
  fuzzyHits(folded: string): EntityHit[] {
    if (lettersOf(folded).length < FUZZY_MIN_LETTERS) return [];
    return this.scored(folded, 'strict', ENTITY_MAX_SCORE + 1e-9);
  }

  /** The closest names whatever their distance (a looser Fuse search), for "not in the corpus; nearest: …". */
  nearest(folded: string, n = 5): NearestName[] {
    return this.scored(folded, 'loose', NEAREST_MAX_SCORE)
      .slice(0, n)
      .map((h) => ({ id: h.id, name: h.name, alias: h.alias, score: h.score }));
  }

  /** Candidates are the aliases holding a word Fuse finds near a query word (the longest few); each is then scored whole. */
  private scored(folded: string, mode: 'strict' | 'loose', limit: number): EntityHit[] {
    const words = [...new Set(folded.split(' '))].filter((w) => !isStopword(w)).sort((a, b) => b.length - a.length);
    const candidates = new Set<number>();
    for (const w of words.slice(0, CANDIDATE_WORDS[mode])) {
      for (const d of this.wordDocs.get(w) ?? []) candidates.add(d);
      for (const near of this.searchWords(w, mode)) for (const d of this.wordDocs.get(near) ?? []) candidates.add(d);
    }
    const hits: EntityHit[] = [];
    // In index order, so that among equally close aliases the entity's name or first alias is the one shown.
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const doc = this.docs[i] as AliasDoc;
      if (doc.needsCase) continue;
      const d = aliasDistance(folded, doc.folded, limit, doc.person);
      // Never 0: score 0 means the folded forms are equal, and that is the exact table's answer.
      if (d <= limit) hits.push(this.hit(doc, Math.max(0.01, d), 'fuzzy'));
    }
    return bestPerEntity(hits);
  }

  /**
   * Alias words near `word`, by Fuse. Only words of a plausible length are searched: a close spelling
   * changes the length by at most a third (each letter added or dropped costs at least half a slip), so
   * the strict search looks at lengths 2/3 to 3/2 of the word's, the loose one at 1/2 to 2. Bitap would
   * happily find "ira" inside "iraqi"; the length gate also saves most of Fuse's time.
   */
  private searchWords(word: string, mode: 'strict' | 'loose'): string[] {
    const n = word.length;
    const [lo, hi] = mode === 'strict' ? [Math.ceil((2 * n) / 3), Math.floor((3 * n) / 2)] : [Math.ceil(n / 2), 2 * n];
    const out: string[] = [];
    for (let len = lo; len <= hi; len++) {
      const fuse = this.wordsByLength.get(len)?.[mode];
      if (fuse) for (const { item } of fuse.search(word)) out.push(item);
    }
    return out;
  }

  hit(doc: AliasDoc, score: number, kind: EntityHit['kind']): EntityHit {
    const e = this.entities[doc.entity] as EntityRecord;
    return { id: e.id, name: e.name, type: e.type, score, kind, alias: doc.written, demonym: doc.demonym };
  }
}

const KIND_ORDER = { exact: 0, named: 1, fuzzy: 2 } as const;

/** Orders hits best first: score, then exact before named before fuzzy, then names before demonyms. */
export function compareHits(a: EntityHit, b: EntityHit): number {
  return a.score - b.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || Number(a.demonym) - Number(b.demonym) || a.name.localeCompare(b.name);
}

/** One hit per entity, the best one, sorted best first. */
export function bestPerEntity(hits: EntityHit[]): EntityHit[] {
  const best = new Map<string, EntityHit>();
  for (const h of hits) {
    const prev = best.get(h.id);
    if (!prev || compareHits(h, prev) < 0) best.set(h.id, h);
  }
  return [...best.values()].sort(compareHits);
}
