import { tokenize, type Tokens } from '../text';
import { AliasFlag, type CompiledGazetteer } from './compile';
import { contextRuleFor, notInShoutedText, type ContextRule } from './context-rules';

export interface Match {
  /** Index into the gazetteer's entities. */
  entity: number;
  /** Offsets in the original text. */
  start: number;
  end: number;
  /** The words as the text writes them. */
  surface: string;
  /** An adjective or demonym ("Kurdish-led", "Russian jets"), kept apart from name mentions. */
  demonym: boolean;
  /** Inside a longer match of another entity (only from `findAll`). */
  nested?: boolean;
}

interface Candidate {
  entity: number;
  flags: number;
  written: string;
  rule: ContextRule | undefined;
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  out: Candidate[] | null;
  /** Aliases not yet built into this first word's subtree: built the first time a text contains the word. */
  pending?: Array<{ rest: string[]; candidate: Candidate }>;
}

const NON_WORD = /[^\p{L}\p{N}]/gu;

/**
 * All aliases of a gazetteer in one word trie: a text is scanned once, left to right, and at each word the
 * longest alias starting there wins (leftmost-longest); word boundaries come free with word-level matching.
 * (A flat table of phrases and prefixes was tried: cheaper to build, but half as fast to match.)
 */
export class Matcher {
  private readonly root = new Map<string, TrieNode>();

  /**
   * Only the first words are laid out up front; a first word's subtree is built the first time a text
   * contains it. A page meets few of the gazetteer's first words, and this runs on every page load.
   */
  constructor(readonly gazetteer: CompiledGazetteer) {
    for (const [folded, entity, flags, written] of gazetteer.aliases) {
      const rule = contextRuleFor(folded) ?? (flags & AliasFlag.CaseSensitive ? notInShoutedText : undefined);
      const candidate: Candidate = { entity, flags, written, rule };
      const space = folded.indexOf(' ');
      const first = space < 0 ? folded : folded.slice(0, space);
      let node = this.root.get(first);
      if (!node) {
        node = { next: null, out: null };
        this.root.set(first, node);
      }
      if (space < 0) (node.out ??= []).push(candidate);
      else (node.pending ??= []).push({ rest: folded.slice(space + 1).split(' '), candidate });
    }
  }

  private static grow(node: TrieNode): void {
    for (const { rest, candidate } of node.pending ?? []) {
      let at = node;
      for (const word of rest) {
        const next = (at.next ??= new Map());
        let child = next.get(word);
        if (!child) {
          child = { next: null, out: null };
          next.set(word, child);
        }
        at = child;
      }
      (at.out ??= []).push(candidate);
    }
    node.pending = undefined;
  }

  /** Leftmost-longest, non-overlapping matches. */
  find(text: string, tokens: Tokens = tokenize(text)): Match[] {
    const matches: Match[] = [];
    const { norms, length } = tokens;
    const root = this.root;
    for (let i = 0; i < length; ) {
      // Most words start no alias: one hash lookup and on.
      if (!root.has(norms[i] as string)) {
        i++;
        continue;
      }
      const found = this.longestAt(text, tokens, i, length);
      if (found) {
        matches.push(found.match);
        i = found.last;
      } else i++;
    }
    return matches;
  }

  /**
   * The leftmost-longest matches plus, inside each, the names of other entities it contains
   * ("siege of Deir ez-Zor" also names Deir ez-Zor), flagged `nested`. Used for the corpus mention index.
   */
  findAll(text: string, tokens: Tokens = tokenize(text)): Match[] {
    const matches: Match[] = [];
    for (const outer of this.findWithWords(text, tokens)) {
      matches.push(outer.match);
      // Names of other entities inside the outer match; the outer entity's own shorter aliases are skipped.
      const other = (c: Candidate) => c.entity !== outer.match.entity && (c.flags & AliasFlag.Demonym) === 0;
      for (let i = outer.first; i < outer.last; ) {
        const limit = i === outer.first ? outer.last - 1 : outer.last;
        const inner = this.longestAt(text, tokens, i, limit, other);
        if (inner) {
          matches.push({ ...inner.match, nested: true });
          i = inner.last;
        } else i++;
      }
    }
    return matches.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  private findWithWords(text: string, tokens: Tokens): Array<{ match: Match; first: number; last: number }> {
    const out: Array<{ match: Match; first: number; last: number }> = [];
    for (let i = 0; i < tokens.length; ) {
      const found = this.longestAt(text, tokens, i, tokens.length);
      if (found) {
        out.push({ match: found.match, first: i, last: found.last });
        i = found.last;
      } else i++;
    }
    return out;
  }

  /** The longest accepted alias starting at word `first` and ending at or before word `limit`. */
  private longestAt(
    text: string,
    tokens: Tokens,
    first: number,
    limit: number,
    allow?: (c: Candidate) => boolean,
  ): { match: Match; last: number } | null {
    if (limit <= first) return null;
    let node = this.root.get(tokens.norms[first] as string);
    if (node?.pending) Matcher.grow(node);
    let best: { match: Match; last: number } | null = null;
    let j = first;
    while (node) {
      j++;
      if (node.out) {
        const accepted = this.accept(text, tokens, first, j, allow ? node.out.filter(allow) : node.out);
        if (accepted) best = { match: accepted, last: j };
      }
      // A name never runs across a line break: the page text puts one between blocks, the corpus between paragraphs.
      if (j >= limit || !node.next || hasLineBreak(text, tokens.ends[j - 1] as number, tokens.starts[j] as number)) break;
      node = node.next.get(tokens.norms[j] as string);
    }
    return best;
  }

  private accept(text: string, tokens: Tokens, first: number, last: number, candidates: Candidate[]): Match | null {
    const start = tokens.starts[first] as number;
    let end = tokens.ends[last - 1] as number;
    // A dotted abbreviation keeps its final period ("U.S.", "U.N."), which is not part of a word.
    if (text.charCodeAt(end) === 46 && end - start >= 3 && text.charCodeAt(end - 2) === 46) end++;
    const surface = text.slice(start, end);
    for (const c of candidates) {
      if (c.flags & AliasFlag.CaseSensitive && surface.replace(NON_WORD, '') !== c.written.replace(NON_WORD, '')) continue;
      if (c.rule && !c.rule({ text, tokens, first, last, surface })) continue;
      return { entity: c.entity, start, end, surface, demonym: (c.flags & AliasFlag.Demonym) !== 0 };
    }
    return null;
  }
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}
