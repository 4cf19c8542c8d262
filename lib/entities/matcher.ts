import { isAscii, isKeyedWord, skeletonKey, tokenizeLazily, wordNorm, WordKind, type Words } from '../text';
import { AliasFlag, type CompiledGazetteer } from './compile';
import { contextRuleFor, notInShoutedText, type ContextRule } from './context-rules';
import { compareFirstWord, findWord, firstWordIsLowered, FirstWordKeys, SHARED_KEY, type FirstWordIndex } from './first-words';

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
  /** A case-sensitive alias's letters and digits as written ("U.S." → "US"); empty for the others. */
  written: string;
  rule: ContextRule | undefined;
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  /** `keyBit`s of the ASCII words in `next`: an ASCII word of the text not among them goes no further. */
  nextKeys?: Set<number>;
  out: Candidate[] | null;
}

const NON_WORD = /[^\p{L}\p{N}]/gu;
const NON_WORD_ASCII = /[^A-Za-z0-9]/g;

/** Letters and digits only; ASCII without the Unicode-property expression, whose first use compiles for a millisecond. */
function wordCharsOf(s: string): string {
  return isAscii(s) ? s.replace(NON_WORD_ASCII, '') : s.replace(NON_WORD, '');
}
/** Words whose arrays a matcher keeps for the next text: 64k, enough for the content script's 32k-character chunks. */
const SPARE_LIMIT = 1 << 16;

/** Bits of the hashes in a trie node's `nextKeys`. */
const KEY_BITS = 18;

function keyBit(key: number): number {
  // The key's low bits carry the last letter most: mix before taking the high bits.
  return Math.imul(key ^ (key >>> 16), 0x45d9f3b) >>> (32 - KEY_BITS);
}

/**
 * All aliases of a gazetteer in one word trie: a text is scanned once, left to right, and at each word the
 * longest alias starting there wins (leftmost-longest); word boundaries come free with word-level matching.
 * (A flat table of phrases and prefixes was tried: cheaper to build, but half as fast to match.)
 */
export class Matcher {
  private readonly index: FirstWordIndex;
  /** The ASCII first words by skeleton key: an ASCII word of the text whose key is not here starts no alias. */
  private readonly firstKeys: FirstWordKeys;
  /** Each first word's subtree (by the index of its group in `index.offsets`), laid out the first time a text contains the word. */
  private readonly roots: Array<TrieNode | undefined> = [];
  /** The last text's words, done with once `find` returns: the next text reuses their arrays (up to a size). */
  private spare: Words | undefined;

  /**
   * Nothing per alias here: the first words come sorted from the compiled gazetteer, and a first word's
   * subtree is built the first time a text contains it. This runs on every page load.
   */
  constructor(readonly gazetteer: CompiledGazetteer) {
    this.index = gazetteer.firstWords;
    this.firstKeys = new FirstWordKeys(this.index);
  }

  /** The words of a text, in the arrays of the last text's words when they are big enough. */
  private wordsOf(text: string): Words {
    const words = tokenizeLazily(text, this.spare);
    // A huge text's arrays are not worth keeping for the page's lifetime.
    this.spare = words.starts.length <= SPARE_LIMIT ? words : undefined;
    return words;
  }

  /** The subtree of first word `w`, laid out on first use. */
  private rootAt(w: number): TrieNode {
    let node = this.roots[w];
    if (node) return node;
    node = { next: null, out: null };
    const offsets = this.index.offsets;
    for (let a = offsets[w] as number; a < (offsets[w + 1] as number); a++) {
      const [folded, entity, flags, written] = this.gazetteer.aliases[a]!;
      const rule = contextRuleFor(folded) ?? (flags & AliasFlag.CaseSensitive ? notInShoutedText : undefined);
      const candidate: Candidate = { entity, flags, written: flags & AliasFlag.CaseSensitive ? wordCharsOf(written) : '', rule };
      let at = node;
      const words = folded.split(' ');
      for (let i = 1; i < words.length; i++) {
        const word = words[i]!;
        const next = (at.next ??= new Map());
        let child = next.get(word);
        if (!child) {
          child = { next: null, out: null };
          next.set(word, child);
          if (isKeyedWord(word)) (at.nextKeys ??= new Set()).add(keyBit(skeletonKey(word)));
        }
        at = child;
      }
      (at.out ??= []).push(candidate);
    }
    this.roots[w] = node;
    return node;
  }

  /** Leftmost-longest, non-overlapping matches. */
  find(text: string, tokens: Words = this.wordsOf(text)): Match[] {
    const matches: Match[] = [];
    const { kinds, keys, length } = tokens;
    const firstKeys = this.firstKeys;
    for (let i = 0; i < length; ) {
      // Most words start no alias: an ASCII word is ruled out by its key (no string built), others by a search.
      const w = kinds[i] === WordKind.Folded ? findWord(this.gazetteer.aliases, this.index, wordNorm(tokens, text, i)) : firstKeys.find(keys[i] as number);
      if (w === -1) {
        i++;
        continue;
      }
      const found = this.longestAt(text, tokens, i, length, undefined, w);
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
  findAll(text: string, tokens: Words = this.wordsOf(text)): Match[] {
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

  private findWithWords(text: string, tokens: Words): Array<{ match: Match; first: number; last: number }> {
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

  /**
   * The longest accepted alias starting at word `first` and ending at or before word `limit`. `looked`: what
   * the caller's look-up of the first word gave (by key for an ASCII word, by string for another).
   */
  private longestAt(
    text: string,
    tokens: Words,
    first: number,
    limit: number,
    allow?: (c: Candidate) => boolean,
    looked?: number,
  ): { match: Match; last: number } | null {
    if (limit <= first) return null;
    // An ASCII word finds its first word by key, without a string; the word itself is compared only if a name ends.
    const ascii = tokens.kinds[first] !== WordKind.Folded;
    let w = looked ?? (ascii ? this.firstKeys.find(tokens.keys[first] as number) : SHARED_KEY);
    if (w === -1) return null;
    // Found by key: the first word is still to be compared (below, once a name ends there).
    let byKey = ascii && w >= 0;
    if (w === SHARED_KEY) w = findWord(this.gazetteer.aliases, this.index, wordNorm(tokens, text, first));
    let node: TrieNode | undefined = w >= 0 ? this.rootAt(w) : undefined;
    let best: { match: Match; last: number } | null = null;
    let j = first;
    while (node) {
      j++;
      if (node.out) {
        if (byKey) {
          const alias = this.gazetteer.aliases[this.index.offsets[w] as number]![0];
          const same =
            tokens.kinds[first] === WordKind.Plain
              ? firstWordIsLowered(alias, text, tokens.wordStarts[first] as number, tokens.ends[first] as number)
              : compareFirstWord(alias, wordNorm(tokens, text, first)) === 0;
          if (!same) return null;
          byKey = false;
        }
        const accepted = this.accept(text, tokens, first, j, allow ? node.out.filter(allow) : node.out);
        if (accepted) best = { match: accepted, last: j };
      }
      // A name never runs across a line break: the page text puts one between blocks, the corpus between paragraphs.
      if (j >= limit || !node.next || hasLineBreak(text, tokens.ends[j - 1] as number, tokens.starts[j] as number)) break;
      if (tokens.kinds[j] !== WordKind.Folded && !node.nextKeys?.has(keyBit(tokens.keys[j] as number))) break;
      node = node.next.get(wordNorm(tokens, text, j));
    }
    return best;
  }

  private accept(text: string, tokens: Words, first: number, last: number, candidates: Candidate[]): Match | null {
    const start = tokens.starts[first] as number;
    let end = tokens.ends[last - 1] as number;
    // A dotted abbreviation keeps its final period ("U.S.", "U.N."), which is not part of a word.
    if (text.charCodeAt(end) === 46 && end - start >= 3 && text.charCodeAt(end - 2) === 46) end++;
    const surface = text.slice(start, end);
    let letters: string | undefined;
    for (const c of candidates) {
      if (c.flags & AliasFlag.CaseSensitive && (letters ??= wordCharsOf(surface)) !== c.written) continue;
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
