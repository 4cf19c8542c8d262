import type { SnippetRecord, SnippetSource } from '../db/snippet-types';

export { exportMarkdown } from './markdown';

export const EXPORT_FORMAT = 'crossframe-snippets';
/** Major version of the file format; import refuses other majors. A compatible addition would be 1.1, 1.2… */
export const EXPORT_VERSION = 1;

/**
 * The JSON backup: a versioned envelope with one snippet per line, so that an import can report a bad record by its
 * line, and a diff of two backups shows one line per changed snippet. Every field of every record is written (keys in
 * a fixed order), so importing the file gives back deep-equal records.
 */
export function exportJson(records: readonly SnippetRecord[], exported: Date = new Date()): string {
  const head = `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exported":${JSON.stringify(exported.toISOString())},"count":${records.length},"snippets":[`;
  const lines = records.map((r) => oneLine(ordered(r)));
  return `${head}\n${lines.join(',\n')}${lines.length > 0 ? '\n' : ''}]}\n`;
}

/** JSON.stringify escapes newlines in strings but not U+2028/U+2029, which some editors show as line breaks. */
function oneLine(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function ordered(r: SnippetRecord): SnippetRecord {
  const [q, p] = r.selectors;
  return {
    id: r.id,
    created: r.created,
    updated: r.updated,
    deleted: r.deleted ?? 0,
    source: orderedSource(r.source),
    selectors: [
      { type: q.type, exact: q.exact, prefix: q.prefix, suffix: q.suffix },
      { type: p.type, start: p.start, end: p.end },
    ],
    note: r.note,
    tags: r.tags,
    entities: r.entities,
  };
}

function orderedSource(s: SnippetSource): SnippetSource {
  const out: SnippetSource = { kind: s.kind, url: s.url, title: s.title, site: s.site };
  if (s.article !== undefined) out.article = s.article;
  if (s.passage !== undefined) out.passage = s.passage;
  return out;
}
