import type { DescriptorUse, MentionRecord } from '../types';
import { gap, inName, passageWords, quotedAt, type ArticleContext } from './context';
import { EVALUATIVE_ADJECTIVES, LABEL_NOUNS, STOP_WORDS, TITLES } from './labels';
import { isModifierCompound, labelEndingAt, labelStartingAt, modifiersBefore, plain, type Modifier } from './modifiers';
import { isCapitalized, wordAt, type Word } from './words';

/** One use of a descriptor, before counting. */
export interface DescriptorHit {
  entity: string;
  kind: DescriptorUse['kind'];
  text: string;
  /** Evaluative (weighs more in the ranking) rather than neutral. */
  telling: boolean;
  /** Body offset of the use: orders ties and tells whether it sits in a quotation. */
  pos: number;
  quoted: boolean;
}

const SPACE = /^\s+$/;
const BEFORE_NAME = /^\s*["“]?$/;
const AFTER_NAME = /^["”]?\s+$/;
const DETERMINERS = new Set(['the', 'a', 'an']);
const LIST_TRIGGERS = new Set(['like', 'including']);
const RELATIVES = new Set(['which', 'who', 'whose', 'that', 'where', 'when', 'while']);
/** Types whose name followed by a label is that label ("ISIS fighters"); after a place it is the place's ("US forces"). */
const LABELLED_AFTER = new Set(['group', 'organization']);
const MAX_APPOSITION_WORDS = 12;

/** Descriptors read around one name mention (not a demonym, not nested). See README.md for each rule. */
export function mentionDescriptors(ctx: ArticleContext, m: MentionRecord): DescriptorHit[] {
  const { words, body } = ctx;
  const [floor, ceil] = passageWords(ctx, m.passage);
  const i0 = wordAt(words, m.start);
  const last = wordAt(words, m.end - 1);
  const lastWord = words[last] as Word;
  const possessive = /^['’]s?(?!\p{L})/u.test(body.slice(m.end, m.end + 3));
  // The mention ends inside a compound ("US" in "US-backed").
  const tail = lastWord.end > m.end && !possessive;
  const next = last + 1;
  const type = ctx.typeOf(m.entity);
  const out = new Emitter(m.entity, m.start, quotedAt(ctx, m.start));

  out.add('name', cleanName(m.surface), false);
  surfaceDescriptors(ctx, m, i0, last, out);

  // A mention that opens a compound ("US" in "supposed US-backed offensive") is not what the words around qualify.
  if (tail) return out.hits;

  // Before the name. Premodifiers: "US-supported “Syrian Democratic Forces”", "the Kurdish led and US backed SDF".
  let p = i0;
  if (i0 > floor && (words[i0] as Word).start === m.start && BEFORE_NAME.test(gap(ctx, i0 - 1, i0))) {
    const { mods, first } = modifiersBefore(ctx, i0, floor);
    out.mods(mods);
    p = first;
  }
  if (p === i0) titleBefore(ctx, i0, floor, out);
  labelBefore(ctx, p, m, floor, out);
  if (type !== 'place') labelOfOrIn(ctx, p, floor, out);
  listLabel(ctx, p, floor, out);

  // After the name.
  if (next < ceil) {
    const after = body.slice(m.end, (words[next] as Word).start);
    if (possessive) possessiveLabel(ctx, next, ceil, out);
    else if (AFTER_NAME.test(after)) {
      if (type && LABELLED_AFTER.has(type)) {
        const label = labelStartingAt(ctx, next, ceil);
        if (label) out.add('label', label.text, label.info.telling);
      }
      asLabel(ctx, next, ceil, out);
    }
    appositionAfter(ctx, m, next, ceil, after, out);
  }
  return out.hits;
}

/** "Kurdish proxies", "Kurdish forces": a demonym of a group followed by a label. */
export function demonymDescriptors(ctx: ArticleContext, m: MentionRecord): DescriptorHit[] {
  const type = ctx.typeOf(m.entity);
  if (!type || !LABELLED_AFTER.has(type)) return [];
  const { words, body } = ctx;
  const [, ceil] = passageWords(ctx, m.passage);
  const last = wordAt(words, m.end - 1);
  if ((words[last] as Word).end !== m.end || last + 1 >= ceil) return [];
  if (!AFTER_NAME.test(body.slice(m.end, (words[last + 1] as Word).start))) return [];
  const label = labelStartingAt(ctx, last + 1, ceil);
  const out = new Emitter(m.entity, m.start, quotedAt(ctx, m.start));
  if (label) out.add('label', label.text, label.info.telling);
  return out.hits;
}

export class Emitter {
  readonly hits: DescriptorHit[] = [];
  private readonly seen = new Set<string>();
  constructor(
    private readonly entity: string,
    private readonly pos: number,
    private readonly quoted: boolean,
  ) {}

  add(kind: DescriptorUse['kind'], text: string, telling: boolean): void {
    const key = `${kind}\u0000${descriptorKey(text)}`;
    if (text.length === 0 || this.seen.has(key)) return;
    this.seen.add(key);
    this.hits.push({ entity: this.entity, kind, text, telling, pos: this.pos, quoted: this.quoted });
  }

  /** Only telling modifiers: a bare demonym ("the Kurdish PKK", "Syrian or Iraqi Sunnis") is nationality, not framing. */
  mods(mods: readonly Modifier[]): void {
    for (const mod of mods) if (mod.telling) this.add('premodifier', mod.text, true);
  }
}

/** Descriptors are counted together when they differ only in case, quotes, spacing or hyphenation. */
export function descriptorKey(text: string): string {
  return text.toLowerCase().replace(/[“”"]/g, '').replace(/[\s-]+/g, ' ').trim();
}

/**
 * The surface without the quotation marks around it (“Syrian Democratic Forces”); marks inside it stay when they
 * pair up (James "Mad Dog" Mattis) and go when the name cuts a quotation in two (“Islamic State” group).
 */
function cleanName(surface: string): string {
  const text = surface.replace(/\s+/g, ' ').replace(/^["“”]+|["“”]+$/g, '').trim();
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  const paired = count(/"/g) % 2 === 0 && count(/“/g) === count(/”/g);
  return paired ? text : text.replace(/["“”]/g, '');
}

/** Inside the surface itself: "Assad regime" (label "regime"), "pro-Assad coalition" (premodifier "pro-Assad"). */
function surfaceDescriptors(ctx: ArticleContext, m: MentionRecord, i0: number, last: number, out: Emitter): void {
  for (let i = i0; i <= last; i++) {
    const w = ctx.words[i] as Word;
    if (w.start < m.start || w.end > m.end + (w.possessive ? 2 : 0)) continue;
    if (isModifierCompound(w)) out.add('premodifier', w.text, true);
    // Only lowercase words: in "Syrian Democratic Forces" the noun is part of a proper name, not a label.
    const info = /^\p{Ll}/u.test(w.text) ? LABEL_NOUNS.get(w.bare) : undefined;
    if (info && (info.telling || info.polity)) out.add('label', plain(w), info.telling);
  }
}

/** "Russian President Vladimir Putin", "Deputy Defense Minister Valery Gerasimov". */
function titleBefore(ctx: ArticleContext, i0: number, floor: number, out: Emitter): void {
  const k = i0 - 1;
  const w = k >= floor ? (ctx.words[k] as Word) : undefined;
  if (!w || !isCapitalized(w) || !TITLES.has(w.lower) || !SPACE.test(gap(ctx, k, i0))) return;
  let from = k;
  while (from - 1 >= floor) {
    const v = ctx.words[from - 1] as Word;
    if (!isCapitalized(v) || STOP_WORDS.has(v.lower) || !SPACE.test(gap(ctx, from - 1, from))) break;
    from--;
  }
  out.add('apposition', ctx.words.slice(from, i0).map((x) => x.text).join(' '), false);
}

/**
 * A label right before the name: "the global jihadi terrorist group Al-Qaeda" (label), or set off by commas:
 * "the terrorist group, ISIS, which" (apposition and label). A determiner must open the phrase.
 */
function labelBefore(ctx: ArticleContext, p: number, m: MentionRecord, floor: number, out: Emitter): void {
  if (p - 1 < floor) return;
  const between = gap(ctx, p - 1, p);
  const comma = /^,\s+["“]?$/.test(between);
  if (!comma && !BEFORE_NAME.test(between)) return;
  if (comma && !/^["”]?\s*(?:[,.)—–]|$)/.test(ctx.body.slice(m.end, m.end + 3))) return;
  const label = labelEndingAt(ctx, p, floor);
  if (!label) return;
  const { mods, first } = modifiersBefore(ctx, label.from, floor);
  const det = first - 1 >= floor ? (ctx.words[first - 1] as Word) : undefined;
  if (!det || !DETERMINERS.has(det.lower)) return;
  out.add('label', label.text, label.info.telling);
  out.mods(mods);
  if (comma) out.add('apposition', ctx.words.slice(first - 1, label.to).map(plain).join(' '), true);
}

/** "the regime of Assad", "US proxies in the mostly-Kurdish SDF", "its allies in the “Syrian Democratic Forces”". */
function labelOfOrIn(ctx: ArticleContext, p: number, floor: number, out: Emitter): void {
  let t = p - 1;
  if (t < floor || !BEFORE_NAME.test(gap(ctx, t, p))) return;
  if ((ctx.words[t] as Word).lower === 'the') {
    t--;
    if (t < floor || !SPACE.test(gap(ctx, t, t + 1))) return;
  }
  const prep = (ctx.words[t] as Word).lower;
  if (prep !== 'of' && prep !== 'in') return;
  if (t - 1 < floor || !SPACE.test(gap(ctx, t - 1, t))) return;
  const label = labelEndingAt(ctx, t, floor);
  // "the proxies of Y": Y is the patron, not the proxy.
  if (!label || (prep === 'of' && label.info.relational)) return;
  out.add('label', label.text, label.info.telling);
}

/** "militant Jihadist groups like ISIS and Al-Qaeda", "terrorists including ISIS", "organisations such as Al-Qaeda". */
function listLabel(ctx: ArticleContext, p: number, floor: number, out: Emitter): void {
  let k = p - 1;
  for (let steps = 0; k >= floor && steps < 10; steps++, k--) {
    const w = ctx.words[k] as Word;
    const between = gap(ctx, k, k + 1);
    if (!/^,?\s+["“]?$/.test(between)) return;
    if (LIST_TRIGGERS.has(w.lower)) break;
    if (w.lower === 'as' && k - 1 >= floor && (ctx.words[k - 1] as Word).lower === 'such') {
      k--;
      break;
    }
    if (!inName(ctx, k) && w.lower !== 'and' && w.lower !== 'or') return;
  }
  if (k < floor || k - 1 < floor || !SPACE.test(gap(ctx, k - 1, k))) return;
  const label = labelEndingAt(ctx, k, floor);
  if (!label) return;
  out.add('label', label.text, label.info.telling);
  out.mods(modifiersBefore(ctx, label.from, floor).mods);
}

/** "Bashar Assad’s regime": only polity labels, so that "Iran's militias" does not call Iran a militia. */
function possessiveLabel(ctx: ArticleContext, k: number, ceil: number, out: Emitter): void {
  const w = ctx.words[k] as Word;
  let at = k;
  const mods: Modifier[] = [];
  if (EVALUATIVE_ADJECTIVES.has(w.bare) && k + 1 < ceil && SPACE.test(gap(ctx, k, k + 1))) {
    mods.push({ text: w.text, telling: true });
    at++;
  }
  const label = labelStartingAt(ctx, at, ceil);
  if (!label?.info.polity) return;
  out.add('label', label.text, label.info.telling);
  out.mods(mods);
}

/** "using terrorists including ISIS as proxy ground forces": "Y as [a] [modifiers] LABEL". */
function asLabel(ctx: ArticleContext, k: number, ceil: number, out: Emitter): void {
  if ((ctx.words[k] as Word).lower !== 'as') return;
  let at = k + 1;
  if (at < ceil && DETERMINERS.has((ctx.words[at] as Word).lower)) at++;
  const mods: Modifier[] = [];
  for (let steps = 0; at < ceil && steps < 4; steps++, at++) {
    if (!SPACE.test(gap(ctx, at - 1, at))) return;
    const label = labelStartingAt(ctx, at, ceil);
    if (label) {
      out.add('label', label.text, label.info.telling);
      out.mods(mods);
      return;
    }
    const w = ctx.words[at] as Word;
    if (EVALUATIVE_ADJECTIVES.has(w.bare) || isModifierCompound(w)) mods.push({ text: w.text, telling: true });
    else return;
  }
}

/**
 * "X, the front group for the Kurdish PKK," and "X (also known as Daesh)". A comma apposition must hold a label or
 * title and may not open with another name ("Syria, the US ..."); a parenthesis that only repeats the entity's
 * own names ("(SAA)", "(ISIS/ISIL/IS/Daesh)") is not an apposition.
 */
function appositionAfter(ctx: ArticleContext, m: MentionRecord, next: number, ceil: number, after: string, out: Emitter): void {
  const { words, body } = ctx;
  if (/^["”]?\s*\($/.test(after)) {
    const open = body.indexOf('(', m.end);
    const close = body.indexOf(')', open);
    if (close < 0 || close > (ctx.passages[m.passage]?.end ?? 0)) return;
    // Worth keeping: the entity's own name glossed ("SDF – Kurds", "also known as Daesh"), or a label or title.
    let ownName = false;
    let other = false;
    let labelled = false;
    let count = 0;
    for (let k = next; k < ceil && (words[k] as Word).end <= close; k++, count++) {
      const w = words[k] as Word;
      const idx = ctx.nameAt[k] ?? -1;
      if (idx !== -1 && ctx.mentions[idx]?.entity === m.entity) ownName = true;
      else other = true;
      if (idx === -1 && (LABEL_NOUNS.has(w.bare) || TITLES.has(w.bare))) labelled = true;
    }
    const text = body.slice(open + 1, close).replace(/\s+/g, ' ').trim();
    if (count <= 10 && ((ownName && other) || labelled)) out.add('apposition', text, true);
    return;
  }
  if (!/^["”]?,\s+$/.test(after) || !DETERMINERS.has((words[next] as Word).lower)) return;
  if (next + 1 >= ceil || inName(ctx, next + 1)) return;
  let end = next + 1;
  while (end < ceil && end - next <= MAX_APPOSITION_WORDS) {
    if (!SPACE.test(gap(ctx, end - 1, end)) || RELATIVES.has((words[end] as Word).lower)) break;
    end++;
  }
  if (end - next > MAX_APPOSITION_WORDS) return;
  // The head: the words before the first preposition ("the front group" in "the front group for the PKK").
  let head = next + 1;
  while (head < end && !STOP_WORDS.has((words[head] as Word).lower)) head++;
  let hasLabel = false;
  for (let k = next + 1; k < end; k++) {
    const w = words[k] as Word;
    if (!inName(ctx, k) && (LABEL_NOUNS.has(w.bare) || TITLES.has(w.bare))) hasLabel = true;
  }
  if (!hasLabel) return;
  out.add('apposition', words.slice(next, end).map(plain).join(' '), true);
  for (let k = head; k > next + 1; k--) {
    const label = labelEndingAt(ctx, k, next + 1);
    if (!label) continue;
    out.add('label', label.text, label.info.telling);
    out.mods(modifiersBefore(ctx, label.from, next + 1).mods);
    break;
  }
}
