import { useRef, useState, type ChangeEvent } from 'react';
import { importSnippets, listSnippets, type ImportSummary } from '../../lib/db/snippets';
import { exportJson, exportMarkdown } from '../../lib/snippets/export';
import { importJson, type ImportProblem } from '../../lib/snippets/import';
import { getDb } from '../hooks/db';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = () => new Date().toISOString().slice(0, 10);

/** Export (JSON for a lossless copy, Markdown for notes) and import that only ever adds, and asks about conflicts. */
export function ImportExport() {
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [conflicting, setConflicting] = useState<unknown[]>([]);
  const exportAs = async (format: 'json' | 'md') => {
    const records = await listSnippets(getDb(), {});
    if (format === 'json') download(`crossframe-snippets-${stamp()}.json`, 'application/json', exportJson(records));
    else download(`crossframe-snippets-${stamp()}.md`, 'text/markdown', exportMarkdown(records));
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const parsed = importJson(await file.text());
    setProblems(parsed.errors);
    // Non-conflicting records go in at once; records whose id another, different snippet has wait for the reader.
    const result = await importSnippets(getDb(), parsed.valid, { onConflict: 'skip' });
    setSummary(result);
    setConflicting(result.conflicts.map((c) => c.incoming));
  };
  const keepBoth = async () => {
    const result = await importSnippets(getDb(), conflicting, { onConflict: 'keep-both' });
    setSummary((s) => (s ? { ...s, skipped: s.skipped - result.renamed, renamed: s.renamed + result.renamed } : result));
    setConflicting([]);
  };
  return (
    <section aria-labelledby="io-heading" className="import-export">
      <h3 id="io-heading">Export and import</h3>
      <div className="row">
        <button type="button" className="small-button" onClick={() => void exportAs('json')}>
          Export JSON
        </button>
        <button type="button" className="small-button" onClick={() => void exportAs('md')}>
          Export Markdown
        </button>
        <button type="button" className="small-button" onClick={() => input.current?.click()}>
          Import JSON…
        </button>
        <input ref={input} type="file" accept=".json,application/json" className="visually-hidden" aria-label="Import a JSON file of snippets" onChange={(e) => void onFile(e)} />
      </div>
      {summary && (
        <p role="status">
          Imported {summary.added} snippet{summary.added === 1 ? '' : 's'}
          {summary.skipped > 0 ? `, ${summary.skipped} already here` : ''}
          {summary.renamed > 0 ? `, ${summary.renamed} kept as copies` : ''}
          {problems.length > 0 ? `; ${problems.length} could not be read` : ''}.
        </p>
      )}
      {conflicting.length > 0 && (
        <div role="alertdialog" aria-labelledby="conflict-title" className="note">
          <p id="conflict-title">
            {conflicting.length} snippet{conflicting.length === 1 ? ' has' : 's have'} the id of a different snippet you already have. Yours are never replaced.
          </p>
          <div className="row">
            <button type="button" className="primary" onClick={() => void keepBoth()}>
              Keep both (import as copies)
            </button>
            <button type="button" className="small-button" onClick={() => setConflicting([])}>
              Skip them
            </button>
          </div>
        </div>
      )}
      {problems.length > 0 && (
        <ul className="import-problems" aria-label="Records that could not be imported">
          {problems.map((p, i) => (
            <li key={i}>
              Line {p.line}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
