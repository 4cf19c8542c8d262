import { useMemo, useState } from 'react';
import { deleteSnippet, restoreSnippet, type SnippetFilters } from '../../lib/db/snippets';
import { getDb } from '../hooks/db';
import { useEntities } from '../hooks/useEntity';
import { useSnippetFacets, useSnippets } from '../hooks/useSnippets';
import { ImportExport } from '../snippets/ImportExport';
import { PendingBanner } from '../snippets/PendingBanner';
import { SnippetCompare } from '../snippets/SnippetCompare';
import { SnippetItem } from '../snippets/SnippetItem';

interface Props {
  onOpenEntity: (id: string) => void;
  onOpenArticle: (article: string) => void;
}

/** The reader's saved snippets: filter, edit, delete with undo, compare two to four, export and import. */
export function SavedView({ onOpenEntity, onOpenArticle }: Props) {
  const [filters, setFilters] = useState<SnippetFilters>({});
  const [showDeleted, setShowDeleted] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [undo, setUndo] = useState<string | null>(null);
  const snippets = useSnippets(showDeleted ? { ...filters, onlyDeleted: true } : filters);
  const facets = useSnippetFacets();
  const entities = useEntities();
  const names = useMemo(() => new Map((entities ?? []).map((e) => [e.id, e.name])), [entities]);
  const entityName = (id: string) => names.get(id) ?? id;
  const set = (patch: SnippetFilters) => setFilters((f) => ({ ...f, ...patch }));
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length < 4 ? [...s, id] : s));
  const remove = async (id: string) => {
    await deleteSnippet(getDb(), id);
    setSelected((s) => s.filter((x) => x !== id));
    setUndo(id);
  };
  const comparing = (snippets ?? []).filter((s) => selected.includes(s.id));
  return (
    <section aria-labelledby="saved-heading">
      <h2 id="saved-heading">Saved snippets</h2>
      <PendingBanner />
      {undo && (
        <div role="status" className="note row">
          <span>Snippet deleted.</span>
          <button
            type="button"
            className="small-button"
            onClick={() => {
              void restoreSnippet(getDb(), undo);
              setUndo(null);
            }}
          >
            Undo
          </button>
        </div>
      )}
      <fieldset className="filters">
        <legend>Filter</legend>
        <label>
          Text
          <input type="search" value={filters.text ?? ''} onChange={(e) => set({ text: e.target.value || undefined })} />
        </label>
        <label>
          Entity
          <select value={filters.entity ?? ''} onChange={(e) => set({ entity: e.target.value || undefined })}>
            <option value="">any</option>
            {facets?.entities.map((id) => (
              <option key={id} value={id}>
                {entityName(id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <select value={filters.tag ?? ''} onChange={(e) => set({ tag: e.target.value || undefined })}>
            <option value="">any</option>
            {facets?.tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Site
          <select value={filters.site ?? ''} onChange={(e) => set({ site: e.target.value || undefined })}>
            <option value="">any</option>
            {facets?.sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="toggle">
          <input type="checkbox" checked={showDeleted} onChange={(e) => setShowDeleted(e.target.checked)} />
          Show deleted
        </label>
      </fieldset>
      <p className="muted" role="status">
        {selected.length < 2 ? 'Tick two to four snippets to compare them.' : `${selected.length} selected for comparison.`}
        {selected.length > 0 && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => setSelected([])}>
              Clear selection
            </button>
          </>
        )}
      </p>
      {comparing.length >= 2 && <SnippetCompare snippets={comparing} entityName={entityName} onOpenEntity={onOpenEntity} />}
      {snippets === undefined ? (
        <p role="status">Loading…</p>
      ) : snippets.length === 0 ? (
        <p className="muted">
          {showDeleted ? 'No deleted snippets.' : 'No snippets yet. Select text on a page and use “Save as a Crossframe snippet”, or save a corpus passage from an entity’s view.'}
        </p>
      ) : (
        <ol className="snippets">
          {snippets.map((s) => (
            <SnippetItem
              key={s.id}
              snippet={s}
              entityName={entityName}
              selected={selected.includes(s.id)}
              onToggleSelect={() => toggle(s.id)}
              onDelete={() => void remove(s.id)}
              onRestore={() => void restoreSnippet(getDb(), s.id)}
              onOpenEntity={onOpenEntity}
              onOpenArticle={onOpenArticle}
            />
          ))}
        </ol>
      )}
      <ImportExport />
    </section>
  );
}
