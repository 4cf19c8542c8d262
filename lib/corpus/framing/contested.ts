import type { TermUse } from '../types';
import { passageAt, quotedAt, type ArticleContext } from './context';
import { isHyphenated } from './words';
import { CONTESTED_GROUPS } from './contested-terms';

/** One occurrence of a contested term in an article body. */
export interface TermHit {
  term: string;
  group: string;
  passage: number;
  quoted: boolean;
  /** The entity whose name holds the term ("regime" in "Assad regime"); it then counts for that entity only. */
  owner: string | null;
}

interface CompiledTerm {
  words: string[];
  term: string;
  group: string;
}

let compiled: Map<string, CompiledTerm[]> | undefined;

/** The lexicon keyed by first word, longest terms first; hyphens split words ("so-called" is "so", "called"). */
function lexicon(): Map<string, CompiledTerm[]> {
  if (compiled) return compiled;
  compiled = new Map();
  for (const g of CONTESTED_GROUPS) {
    for (const term of g.terms) {
      const words = term.split(/[\s-]+/);
      const list = compiled.get(words[0] as string) ?? [];
      list.push({ words, term, group: g.name });
      compiled.set(words[0] as string, list);
    }
  }
  for (const list of compiled.values()) list.sort((a, b) => b.words.length - a.words.length);
  return compiled;
}

interface Part {
  text: string;
  start: number;
  end: number;
}

/** The article's words in lowercase, hyphenated compounds split into their parts ("pro-regime" holds "regime"). */
function parts(ctx: ArticleContext): Part[] {
  const out: Part[] = [];
  for (const w of ctx.words) {
    if (!isHyphenated(w)) {
      out.push({ text: w.bare, start: w.start, end: w.start + w.bare.length });
      continue;
    }
    let at = w.start;
    for (const piece of w.bare.split('-')) {
      out.push({ text: piece, start: at, end: at + piece.length });
      at += piece.length + 1;
    }
  }
  return out;
}

/** Every contested term in the article, leftmost-longest, with the sentence and name that hold it. */
export function findTerms(ctx: ArticleContext): TermHit[] {
  const words = parts(ctx);
  const lex = lexicon();
  const names = ctx.mentions.filter((m) => !m.demonym);
  const hits: TermHit[] = [];
  for (let i = 0; i < words.length; ) {
    const found = lex.get((words[i] as Part).text)?.find((t) => t.words.every((w, k) => words[i + k]?.text === w));
    if (!found) {
      i++;
      continue;
    }
    const start = (words[i] as Part).start;
    const end = (words[i + found.words.length - 1] as Part).end;
    const owner = names.find((m) => m.start <= start && end <= m.end)?.entity ?? null;
    hits.push({ term: found.term, group: found.group, passage: passageAt(ctx, start), quoted: quotedAt(ctx, start), owner });
    i += found.words.length;
  }
  return hits;
}

/** The hits grouped by passage ordinal, so that each entity reads only its own sentences. */
export function termsByPassage(hits: readonly TermHit[]): Map<number, TermHit[]> {
  const out = new Map<number, TermHit[]>();
  for (const h of hits) {
    const list = out.get(h.passage);
    if (list) list.push(h);
    else out.set(h.passage, [h]);
  }
  return out;
}

/**
 * Terms near an entity: in the sentences that name it or refer to it, except terms inside another entity's name.
 * Grouped by term, in lexicon-group order then by count.
 */
export function termsFor(entity: string, byPassage: ReadonlyMap<number, readonly TermHit[]>, passages: Iterable<number>): TermUse[] {
  const uses = new Map<string, TermUse>();
  for (const ordinal of passages) {
    for (const h of byPassage.get(ordinal) ?? []) {
      if (h.owner !== null && h.owner !== entity) continue;
      const use = uses.get(h.term);
      if (use) {
        use.count++;
        if (h.quoted) use.quoted = (use.quoted ?? 0) + 1;
      } else uses.set(h.term, h.quoted ? { term: h.term, group: h.group, count: 1, quoted: 1 } : { term: h.term, group: h.group, count: 1 });
    }
  }
  return [...uses.values()].sort((a, b) => groupOrder(a.group) - groupOrder(b.group) || b.count - a.count || a.term.localeCompare(b.term));
}

const GROUP_ORDER = new Map(CONTESTED_GROUPS.map((g, k) => [g.name, k]));
const groupOrder = (group: string): number => GROUP_ORDER.get(group) ?? GROUP_ORDER.size;
