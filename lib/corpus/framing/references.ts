import type { EntityRecord, MentionRecord } from '../types';
import { gap, inDemonym, inName, passageAt, quotedAt, type ArticleContext } from './context';
import { Emitter, type DescriptorHit } from './descriptors';
import { REFERRING_HEADS, STOP_WORDS } from './labels';
import { labelEndingAt, modifiersBefore } from './modifiers';
import type { Word } from './words';

/** A definite description resolved to the entity it refers back to. */
export interface Reference {
  entity: string;
  passage: number;
  hits: DescriptorHit[];
}

/** Paragraphs searched for the antecedent: the description's own and the two before it. */
const PARAGRAPH_WINDOW = 2;
const MAX_MODIFIER_WORDS = 3;

/**
 * For each entity, the heads its aliases end in ("Islamic State group" → group, "Assad regime" → regime):
 * "the group" can refer back to ISIS, never to the Kurds.
 */
export function referringHeads(entities: readonly EntityRecord[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of entities) {
    const heads = new Set<string>();
    for (const alias of e.aliases) {
      const head = REFERRING_HEADS.get(alias.slice(alias.lastIndexOf(' ') + 1).toLowerCase());
      if (head) heads.add(head);
    }
    if (heads.size > 0) out.set(e.id, heads);
  }
  return out;
}

/**
 * "the [modifiers] HEAD" not part of a name, read as a reference to the nearest preceding name mention (within the
 * paragraph window) of an entity that takes that head. Descriptions followed by a name ("the terrorist group
 * Al-Qaeda"), by "of" ("the regime of ...") or forming a compound ("regime change") are left to other rules.
 */
export function resolveReferences(ctx: ArticleContext, heads: ReadonlyMap<string, ReadonlySet<string>>): Reference[] {
  const { words } = ctx;
  const names = ctx.mentions.filter((m) => !m.demonym && !m.nested);
  const out: Reference[] = [];
  for (let h = 1; h < words.length; h++) {
    const w = words[h] as Word;
    const head = REFERRING_HEADS.get(w.bare);
    if (!head || inName(ctx, h) || inDemonym(ctx, h) || !/^\p{Ll}/u.test(w.text)) continue;
    const det = findDeterminer(ctx, h);
    if (det < 0 || !followedByNothingSpecial(ctx, h) || appositive(ctx, det)) continue;
    const start = (words[det] as Word).start;
    const passage = passageAt(ctx, start);
    const antecedent = nearestTaking(ctx, names, heads, head, start, ctx.paragraphOf[passage] ?? 0);
    if (!antecedent) continue;
    const emit = new Emitter(antecedent.entity, start, quotedAt(ctx, start));
    const label = labelEndingAt(ctx, h + 1, det + 1);
    if (label) emit.add('label', label.text, label.info.telling);
    emit.mods(modifiersBefore(ctx, label ? label.from : h, det + 1).mods);
    out.push({ entity: antecedent.entity, passage, hits: emit.hits });
  }
  return out;
}

/** Index of "the"/"this" opening a description that ends at head h, with at most three words between; -1 if none. */
function findDeterminer(ctx: ArticleContext, h: number): number {
  for (let k = h - 1; k >= 0 && h - k - 1 <= MAX_MODIFIER_WORDS; k--) {
    const w = ctx.words[k] as Word;
    if (!/^\s+$/.test(gap(ctx, k, k + 1)) && !/^,\s+$/.test(gap(ctx, k, k + 1))) return -1;
    if (w.lower === 'the' || w.lower === 'this') return inName(ctx, k) ? -1 : k;
    if (inName(ctx, k) || w.possessive || (STOP_WORDS.has(w.lower) && w.lower !== 'and')) return -1;
  }
  return -1;
}

/** "“Syrian Democratic Forces”, the front group for ...": an apposition of the name before it, read with that name. */
function appositive(ctx: ArticleContext, det: number): boolean {
  return det > 0 && /^["”]?,\s+$/.test(gap(ctx, det - 1, det)) && inName(ctx, det - 1);
}

function followedByNothingSpecial(ctx: ArticleContext, h: number): boolean {
  const w = ctx.words[h] as Word;
  const next = ctx.words[h + 1];
  if (!next || w.possessive) return true;
  const between = gap(ctx, h, h + 1);
  if (/^,?\s+["“]?$/.test(between) && inName(ctx, h + 1)) return false;
  if (!/^\s+$/.test(between)) return true;
  return next.lower !== 'of' && next.lower !== 'change' && !/^\p{Lu}/u.test(next.text);
}

function nearestTaking(
  ctx: ArticleContext,
  names: readonly MentionRecord[],
  heads: ReadonlyMap<string, ReadonlySet<string>>,
  head: string,
  before: number,
  paragraph: number,
): MentionRecord | undefined {
  for (let k = names.length - 1; k >= 0; k--) {
    const m = names[k] as MentionRecord;
    if (m.start >= before) continue;
    if ((ctx.paragraphOf[m.passage] ?? 0) < paragraph - PARAGRAPH_WINDOW) return undefined;
    if (heads.get(m.entity)?.has(head)) return m;
  }
  return undefined;
}
