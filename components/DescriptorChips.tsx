import type { DescriptorUse, TermUse } from '../lib/corpus/types';

const KIND_LABEL: Record<DescriptorUse['kind'], string> = { label: 'label', premodifier: 'qualifier', apposition: 'apposition', name: 'name' };

/** What an article calls the entity: labels, qualifiers, appositions and names, with counts; quoted uses say so. */
export function DescriptorChips({ descriptors, limit = 8 }: { descriptors: DescriptorUse[]; limit?: number }) {
  if (descriptors.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="chips" aria-label="What the article calls it">
      {descriptors.slice(0, limit).map((d) => (
        <li key={`${d.kind}:${d.text}`} className={`chip chip-${d.kind}`}>
          <span className="chip-text">“{d.text}”</span>
          <span className="chip-meta">
            {KIND_LABEL[d.kind]}
            {d.count > 1 ? ` ×${d.count}` : ''}
            {d.quoted ? `, ${d.quoted} in quotes` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Contested terms near the entity, grouped by the rival terms they belong to. */
export function ContestedTerms({ terms }: { terms: TermUse[] }) {
  if (terms.length === 0) return <span className="muted">none</span>;
  const groups = new Map<string, TermUse[]>();
  for (const t of terms) groups.set(t.group, [...(groups.get(t.group) ?? []), t]);
  return (
    <ul className="terms">
      {[...groups].map(([group, list]) => (
        <li key={group}>
          {list.map((t) => (
            <span key={t.term} className="term">
              {t.term}
              {t.count > 1 ? ` ×${t.count}` : ''}
              {t.quoted ? ` (${t.quoted} quoted)` : ''}
            </span>
          ))}
          <span className="term-group"> — {group}</span>
        </li>
      ))}
    </ul>
  );
}
