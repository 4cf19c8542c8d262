import type { DescriptorUse } from '../types';
import { descriptorKey, type DescriptorHit } from './descriptors';

/** Names come after every label, premodifier and apposition, however often they are used. */
const tier = (use: DescriptorUse): number => (use.kind === 'name' ? 1 : 0);
const KIND_ORDER: Record<DescriptorUse['kind'], number> = { label: 0, premodifier: 1, apposition: 2, name: 3 };
/** A use inside someone else's quotation counts a quarter of the author's own. */
const QUOTED_WEIGHT = 0.25;

/**
 * Counts descriptor uses and puts the most telling first, since the hover card shows descriptors[0] as the
 * article's label: labels, premodifiers and appositions before names; within each tier by
 * score = weight × (own uses + ¼ quoted uses), with weight 2 for evaluative descriptors and 1 for neutral ones
 * ("government", "forces", a demonym, a title).
 * Ties go to labels, then premodifiers, appositions, names; then to the earliest use.
 */
export function rankDescriptors(hits: readonly DescriptorHit[]): DescriptorUse[] {
  const byKey = new Map<string, { use: DescriptorUse; telling: boolean; first: number }>();
  for (const h of hits) {
    const key = `${h.kind}\u0000${descriptorKey(h.text)}`;
    const entry = byKey.get(key);
    if (entry) {
      entry.use.count++;
      if (h.quoted) entry.use.quoted = (entry.use.quoted ?? 0) + 1;
      entry.telling ||= h.telling;
      entry.first = Math.min(entry.first, h.pos);
    } else {
      const use: DescriptorUse = h.quoted ? { text: h.text, kind: h.kind, count: 1, quoted: 1 } : { text: h.text, kind: h.kind, count: 1 };
      byKey.set(key, { use, telling: h.telling, first: h.pos });
    }
  }
  const score = (e: { use: DescriptorUse; telling: boolean }) => {
    const weight = e.telling ? 2 : 1;
    const quoted = e.use.quoted ?? 0;
    return weight * (e.use.count - quoted + QUOTED_WEIGHT * quoted);
  };
  return [...byKey.values()]
    .sort((a, b) => tier(a.use) - tier(b.use) || score(b) - score(a) || KIND_ORDER[a.use.kind] - KIND_ORDER[b.use.kind] || a.first - b.first || a.use.text.localeCompare(b.use.text))
    .map((e) => e.use);
}
