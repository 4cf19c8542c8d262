import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';

interface Props {
  location: string;
  navigate: (to: string) => void;
  /** Reads the selection on the page the panel describes; null when there is no readable page. */
  readSelection?: () => Promise<string | null>;
  /** Saves the selection on the page as a snippet; resolves to a message for the reader. */
  saveSelection?: () => Promise<string>;
  children: ReactNode;
}

const SECTIONS = [
  { path: '/', label: 'This page' },
  { path: '/articles', label: 'Articles' },
  { path: '/saved', label: 'Saved' },
  { path: '/settings', label: 'Settings' },
];

/** The panel's frame: back/forward, sections, the look-up box, and the current view. */
export function PanelShell({ location, navigate, readSelection, saveSelection, children }: Props) {
  const [query, setQuery] = useState('');
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // After a navigation, bring keyboard and screen-reader focus to the new view (not on first load).
    if (first.current) {
      first.current = false;
      return;
    }
    if (!main.current?.contains(document.activeElement)) main.current?.focus();
  }, [location]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowLeft') history.back();
      else if (e.key === 'ArrowRight') history.forward();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const [selectionNote, setSelectionNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/search/${encodeURIComponent(query)}`);
  };
  const lookUpSelection = async () => {
    const text = await readSelection?.();
    if (text === null || text === undefined) {
      setSelectionNote('Crossframe can’t read a selection on this page.');
      return;
    }
    setSelectionNote('');
    navigate(`/search/${encodeURIComponent(text.slice(0, 200_000))}`);
  };
  const section = SECTIONS.find((s) => (s.path === '/' ? location === '/' : location.startsWith(s.path)));
  return (
    <div className="panel">
      <header className="panel-head">
        <div className="head-row">
          <h1 className="app-title">Crossframe</h1>
          <div className="history" role="group" aria-label="History">
            <button type="button" className="icon-button" onClick={() => history.back()} aria-label="Back" title="Back (Alt+←)">
              ←
            </button>
            <button type="button" className="icon-button" onClick={() => history.forward()} aria-label="Forward" title="Forward (Alt+→)">
              →
            </button>
          </div>
        </div>
        <nav aria-label="Sections">
          <ul className="sections">
            {SECTIONS.map((s) => (
              <li key={s.path}>
                <a href={`#${s.path}`} aria-current={section === s ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <form role="search" className="lookup" onSubmit={submit}>
          <label htmlFor="lookup-input">Look up a name or term</label>
          <div className="lookup-row">
            <input id="lookup-input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. Dier ez Zor, Hashd al-Shaabi, داعش" autoComplete="off" />
            <button type="submit">Look up</button>
          </div>
          <div className="row selection-buttons">
            {readSelection && (
              <button type="button" className="small-button" onClick={() => void lookUpSelection()}>
                Look up the page’s selection
              </button>
            )}
            {saveSelection && (
              <button type="button" className="small-button" onClick={() => void saveSelection().then(setSelectionNote)}>
                Save the page’s selection
              </button>
            )}
          </div>
          {selectionNote && <p role="status" className="muted">{selectionNote}</p>}
        </form>
      </header>
      <main ref={main} tabIndex={-1} className="panel-main">
        {children}
      </main>
    </div>
  );
}
