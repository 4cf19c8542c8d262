import { namesEntity } from '../../lib/corpus/contrast';
import type { EntityType } from '../../lib/entities/types';
import type { PageEntity } from '../../lib/messages';
import { useArticles } from '../hooks/useCorpus';
import { useEntities, useFramingsOf } from '../hooks/useEntity';
import type { PageStatus, SnippetsOnPage } from '../hooks/useActiveTab';
import { useSnippets } from '../hooks/useSnippets';
import { TYPE_ORDER, TYPE_PLURAL, TypeBadge } from '../TypeBadge';

interface Props {
  status: PageStatus;
  onOpenEntity: (id: string) => void;
  onOpenSaved: () => void;
}

/** The corpus entities the active tab's page names, grouped by type, most named first. */
export function ThisPageView({ status, onOpenEntity, onOpenSaved }: Props) {
  if (status.kind === 'no-tab') return <Status title="No page">Open a news page in this window.</Status>;
  if (status.kind === 'loading') return <Status title="Waiting for the page…">Crossframe reads the page once it has loaded.</Status>;
  if (status.kind === 'scanning') return <Status title="Reading the page…">Looking for the people, places and groups the corpus knows.</Status>;
  if (status.kind === 'unreadable')
    return (
      <Status title="Crossframe can’t read this page">
        Browser pages, the extension store, PDFs and other extensions’ pages are off limits to extensions. You can still look up a name above.
      </Status>
    );
  if (status.kind === 'failed')
    return (
      <Status title="Crossframe could not read this page">
        Something went wrong while Crossframe read this page, and it left the page as it was. Reload the page to try again; you can still look up a name above.
      </Status>
    );
  const { report } = status;
  const saved = <SavedOnThisPage url={report.url} found={status.snippets} onOpenSaved={onOpenSaved} />;
  if (!report.relevant)
    return (
      <>
        <Status title="Not about Syria or ISIS">
          This page doesn’t seem to be about the war in Syria or ISIS, so Crossframe leaves it alone. Select a name and use “Cross-reference” to look it up anyway.
        </Status>
        {saved}
      </>
    );
  return (
    <>
      <EntityList title={report.title} entities={report.entities} note={report.note} onOpenEntity={onOpenEntity} />
      {saved}
    </>
  );
}

/** The reader's snippets saved on this page, and whether each was found again; an orphan is shown, never dropped. */
function SavedOnThisPage({ url, found, onOpenSaved }: { url: string; found?: SnippetsOnPage; onOpenSaved: () => void }) {
  const hash = url.indexOf('#');
  const snippets = useSnippets({ url: hash < 0 ? url : url.slice(0, hash) });
  if (!snippets || snippets.length === 0) return null;
  return (
    <section aria-labelledby="saved-here" className="saved-here">
      <h2 id="saved-here">Saved on this page</h2>
      <ul className="saved-here-list">
        {snippets.map((s) => {
          const state = found?.orphans.includes(s.id) ? 'orphan' : found?.anchored.includes(s.id) ? 'found' : 'pending';
          return (
            <li key={s.id} className={`saved-${state}`}>
              <q>{s.selectors[0].exact.length > 160 ? `${s.selectors[0].exact.slice(0, 160)}…` : s.selectors[0].exact}</q>
              <span className="saved-state">
                {state === 'found' ? ' — marked on the page' : state === 'orphan' ? ' — no longer found on the page (the page changed)' : ' — looking for it…'}
              </span>
            </li>
          );
        })}
      </ul>
      <button type="button" className="link-button" onClick={onOpenSaved}>
        All saved snippets
      </button>
    </section>
  );
}

function Status({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="status" role="status" aria-live="polite">
      <h2>{title}</h2>
      <p>{children}</p>
    </section>
  );
}

function EntityList({ title, entities, note, onOpenEntity }: { title: string; entities: PageEntity[]; note?: string; onOpenEntity: (id: string) => void }) {
  const records = useEntities();
  const articles = useArticles();
  const framings = useFramingsOf(entities.map((e) => e.id));
  if (!records || !articles || !framings) return <p role="status">Loading…</p>;
  const byId = new Map(records.map((r) => [r.id, r]));
  const groups = new Map<EntityType, PageEntity[]>();
  for (const e of entities) {
    const r = byId.get(e.id);
    if (!r) continue;
    groups.set(r.type, [...(groups.get(r.type) ?? []), e]);
  }
  return (
    <section aria-labelledby="on-page">
      <h2 id="on-page">On this page</h2>
      {title && <p className="page-title">{title}</p>}
      {note && <p className="note">{note}</p>}
      {TYPE_ORDER.filter((t) => groups.has(t)).map((type) => (
        <section key={type} className="entity-group" aria-labelledby={`group-${type}`}>
          <h3 id={`group-${type}`}>{TYPE_PLURAL[type]}</h3>
          <ul className="entity-list">
            {groups.get(type)!.map((e) => {
              const r = byId.get(e.id)!;
              const naming = framings.filter((f) => f.entity === e.id && namesEntity(f)).length;
              const times = e.count > 0 ? `${e.count}×` : `${e.demonyms}× as an adjective`;
              return (
                <li key={e.id}>
                  <button type="button" className="entity-row" onClick={() => onOpenEntity(e.id)}>
                    <span className="entity-name">{r.name}</span>
                    <TypeBadge type={r.type} />
                    <span className="entity-meta">
                      {times} here · named in {naming} of {articles.length} articles
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
