import { useState } from 'react';
import type { SnippetRecord } from '../../lib/db/snippet-types';
import { updateSnippet } from '../../lib/db/snippets';
import { getDb } from '../hooks/db';

interface Props {
  snippet: SnippetRecord;
  entityName: (id: string) => string;
  selected: boolean;
  onToggleSelect: () => void;
  onDelete: () => void;
  onRestore?: () => void;
  onOpenEntity: (id: string) => void;
  onOpenArticle: (article: string) => void;
}

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** One saved snippet: the quote as text, where it came from, the names in it, and the reader's note and tags. */
export function SnippetItem({ snippet, entityName, selected, onToggleSelect, onDelete, onRestore, onOpenEntity, onOpenArticle }: Props) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(snippet.note);
  const [tags, setTags] = useState(snippet.tags.join(', '));
  const [error, setError] = useState('');
  const s = snippet.source;
  const save = async () => {
    try {
      await updateSnippet(getDb(), snippet.id, { note, tags: tags.split(',').map((t) => t.trim()).filter(Boolean) });
      setEditing(false);
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const label = `snippet-${snippet.id}`;
  return (
    <li className={`snippet${snippet.deleted ? ' deleted' : ''}`} aria-labelledby={label}>
      <div className="snippet-head">
        {!snippet.deleted && (
          <label className="select-box">
            <input type="checkbox" checked={selected} onChange={onToggleSelect} />
            <span className="visually-hidden">Select for comparison</span>
          </label>
        )}
        <p id={label} className="snippet-source">
          {s.kind === 'corpus' && s.article ? (
            <button type="button" className="link-button" onClick={() => onOpenArticle(s.article as string)}>
              Corpus: {s.title}
            </button>
          ) : isWebUrl(s.url) ? (
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              {s.title || s.url}
            </a>
          ) : (
            <span>{s.title || s.url}</span>
          )}
          <span className="muted"> · {s.site} · saved {new Date(snippet.created).toLocaleDateString()}</span>
        </p>
      </div>
      <blockquote>{snippet.selectors[0].exact}</blockquote>
      {snippet.entities.length > 0 && (
        <ul className="chips" aria-label="Names in the snippet">
          {snippet.entities.map((id) => (
            <li key={id} className="chip">
              <button type="button" className="link-button" onClick={() => onOpenEntity(id)}>
                {entityName(id)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <div className="snippet-edit">
          <label>
            Note
            <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
          </label>
          <label>
            Tags (comma-separated)
            <input value={tags} onChange={(e) => setTags(e.target.value)} />
          </label>
          {error && <p role="alert" className="error-text">{error}</p>}
          <div className="row">
            <button type="button" className="primary" onClick={() => void save()}>
              Save note and tags
            </button>
            <button type="button" className="small-button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          {snippet.note && <p className="note-text">{snippet.note}</p>}
          {snippet.tags.length > 0 && <p className="tags">{snippet.tags.map((t) => `#${t}`).join(' ')}</p>}
        </>
      )}
      <div className="row">
        {snippet.deleted ? (
          <button type="button" className="small-button" onClick={onRestore}>
            Restore
          </button>
        ) : (
          <>
            {!editing && (
              <button type="button" className="small-button" onClick={() => setEditing(true)}>
                Edit note and tags
              </button>
            )}
            <button type="button" className="small-button" onClick={onDelete}>
              Delete
            </button>
          </>
        )}
      </div>
    </li>
  );
}
