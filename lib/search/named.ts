import type { Matcher } from '../entities/matcher';
import { normalize, tokenize, type Tokens } from '../text';
import type { AliasDoc, EntityIndex } from './entity-index';

/** The part of the Matcher the look-up uses; pass the content script's Matcher to get its context rules too. */
export type NameFinder = Pick<Matcher, 'find' | 'gazetteer'>;

export interface NamedSpan {
  doc: AliasDoc;
  /** Offsets in the scanned text. */
  start: number;
  end: number;
}

/**
 * Corpus names written word for word in a text, leftmost-longest, as the Matcher reads a page. With a
 * Matcher its context rules apply (IS after "it", Hafez's Assad); without one, a word scan over the look-up's
 * own alias table does the same minus those rules, keeping two generic ones: capitals for IS/US/UN (see
 * stopwords) and "a given name before an al- surname is a relative" (isAnotherRelative).
 */
export function namesIn(index: EntityIndex, text: string, matcher?: NameFinder): NamedSpan[] {
  return matcher ? viaMatcher(index, text, matcher) : scan(index, text);
}

function scan(index: EntityIndex, text: string): NamedSpan[] {
  const tokens = tokenize(text);
  const { norms, starts, ends, length } = tokens;
  const out: NamedSpan[] = [];
  for (let i = 0; i < length; ) {
    if (!index.firstWords.has(norms[i] as string)) {
      i++;
      continue;
    }
    let found: NamedSpan | null = null;
    let key = '';
    for (let j = i; j < length && j - i < index.maxWords; j++) {
      // A name never runs across a line break (the Matcher's rule).
      if (j > i && text.slice(ends[j - 1], starts[j]).includes('\n')) break;
      key = j === i ? (norms[j] as string) : `${key} ${norms[j]}`;
      const start = starts[i] as number;
      const end = ends[j] as number;
      const doc = index.exactDocs(key, text.slice(start, end))[0];
      if (doc) found = { doc, start, end };
    }
    if (found && !isAnotherRelative(text, tokens, i, found)) {
      out.push(found);
      i = tokenEndingAt(tokens.ends, i, found.end) + 1;
    } else i++;
  }
  return out;
}

const ARTICLE_FIRST = /^(?:al|el|ad|ar|as|ash|at|az|an|ed|es|et|ez|en|er)[-\u2010\u2011 ]/i;
const CAPITAL = /^\p{Lu}/u;

/**
 * "Hafez al-Assad", "Maher al-Assad", "Ibrahim al-Baghdadi": a capitalised given name that is not part of
 * the alias, before a person's one-word "al-" surname, names another member of the family. (The Matcher's
 * context rule does this for the Assads; this generic form keeps the scan from claiming them.)
 */
function isAnotherRelative(text: string, tokens: Tokens, first: number, span: NamedSpan): boolean {
  if (!span.doc.person || span.doc.folded.includes(' ') || first === 0) return false;
  if (!ARTICLE_FIRST.test(text.slice(span.start, span.end))) return false;
  const before = first - 1;
  const gap = text.slice(tokens.ends[before], span.start);
  return /^[ \u00a0]+$/.test(gap) && CAPITAL.test(text.slice(tokens.starts[before], tokens.ends[before]));
}

function tokenEndingAt(ends: Int32Array, from: number, end: number): number {
  let t = from;
  while ((ends[t] as number) < end) t++;
  return t;
}

function viaMatcher(index: EntityIndex, text: string, matcher: NameFinder): NamedSpan[] {
  const out: NamedSpan[] = [];
  for (const m of matcher.find(text)) {
    const id = matcher.gazetteer.entities[m.entity]?.id;
    const entity = id === undefined ? undefined : index.entityIndexOf(id);
    if (entity === undefined) continue;
    const folded = normalize(m.surface);
    const doc = index.exactDocs(folded, m.surface).find((d) => d.entity === entity) ?? index.nameDoc(entity);
    if (doc) out.push({ doc, start: m.start, end: m.end });
  }
  return out;
}

