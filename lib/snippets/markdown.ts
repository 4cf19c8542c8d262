import type { SnippetRecord } from '../db/snippet-types';

/**
 * Markdown export for notes. Everything that comes from a page or a file (quote, title, URL, note, tags) is text, never
 * markup: a quote like `<script>`, `[x](javascript:…)` or `# heading` must show as typed, not become HTML, a link or a
 * heading in whatever renders the file. Only this module writes markup, and links only to http(s) URLs.
 */

// Characters with inline meaning in CommonMark/GFM: escapes, code, emphasis, links/images, raw HTML and autolinks,
// entities, tables, strikethrough, math ($ on GitHub). A backslash escape is valid before any ASCII punctuation.
const INLINE = /[\\`*_[\]()<>!|~&$#]/g;
// What makes a line a block when it opens one: list bullets, setext underlines, ordered-list numbers ("1." "1)").
const LINE_START = /^([-+=]|\d{1,9}(?=[.)]))/;

/** One line of text made inert: inline markup escaped, leading white space dropped (it would make a code block). */
function escapeLine(line: string): string {
  const escaped = line.trim().replace(INLINE, '\\$&');
  return escaped.replace(LINE_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** Text made inert and kept on one line (for headings, list items and fields). */
export function escapeMarkdown(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' '));
}

/** Non-empty lines of a multi-line text, each escaped. */
function escapedLines(text: string): string[] {
  return text
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map(escapeLine)
    .filter((l) => l.length > 0);
}

/**
 * A link destination, or null for anything but http(s). The URL parser percent-encodes spaces and angle brackets;
 * parentheses and the rest that could close the destination early are encoded here.
 */
function linkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(/[()<>\s\\"'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function formatTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

interface Group {
  key: string;
  title: string;
  url: string;
  site: string;
  article?: string;
  newest: number;
  snippets: SnippetRecord[];
}

function groupBySource(records: readonly SnippetRecord[]): Group[] {
  const groups = new Map<string, Group>();
  for (const r of records) {
    const s = r.source;
    const key = s.kind === 'corpus' && s.article ? `corpus:${s.article}` : `page:${s.url}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, title: s.title, url: s.url, site: s.site, article: s.kind === 'corpus' ? s.article : undefined, newest: r.created, snippets: [] };
      groups.set(key, g);
    }
    g.newest = Math.max(g.newest, r.created);
    g.snippets.push(r);
  }
  const list = [...groups.values()].sort((a, b) => b.newest - a.newest || a.key.localeCompare(b.key));
  // Within a source, reading order: by position in the text (corpus passages first by passage).
  for (const g of list) {
    g.snippets.sort((a, b) => (a.source.passage ?? 0) - (b.source.passage ?? 0) || a.selectors[1].start - b.selectors[1].start || a.created - b.created);
  }
  return list;
}

function sourceLines(g: Group): string[] {
  const lines = [`## ${escapeMarkdown(g.title) || 'Untitled page'}`, ''];
  if (g.article) {
    lines.push(`Corpus article ${escapeMarkdown(g.article)}`);
  } else {
    const target = linkTarget(g.url);
    const shown = escapeMarkdown(g.url);
    lines.push(target ? `[${shown}](${target})` : `Address: ${shown}`);
  }
  lines.push('');
  return lines;
}

function snippetLines(r: SnippetRecord): string[] {
  const lines: string[] = [];
  lines.push(escapedLines(r.selectors[0].exact).map((l) => `> ${l}`).join('\n>\n'), '');
  const note = escapedLines(r.note);
  if (note.length > 0) lines.push(`**Note:** ${note.join('\n\n')}`, '');
  if (r.tags.length > 0) lines.push(`**Tags:** ${r.tags.map(escapeMarkdown).join(', ')}`, '');
  if (r.entities.length > 0) lines.push(`**Entities:** ${r.entities.map(escapeMarkdown).join(', ')}`, '');
  const passage = r.source.kind === 'corpus' && r.source.passage !== undefined ? `passage ${r.source.passage}, ` : '';
  const edited = r.updated > r.created ? `, edited ${formatTime(r.updated)}` : '';
  lines.push(`*${passage}saved ${formatTime(r.created)}${edited}*`, '');
  return lines;
}

/** A readable document of the given snippets, grouped by page (or corpus article), newest source first. */
export function exportMarkdown(records: readonly SnippetRecord[], exported: Date = new Date()): string {
  const groups = groupBySource(records);
  const out = ['# Crossframe snippets', '', `Exported ${formatTime(exported.getTime())}: ${records.length} ${records.length === 1 ? 'snippet' : 'snippets'} from ${groups.length} ${groups.length === 1 ? 'source' : 'sources'}.`, ''];
  for (const g of groups) {
    out.push(...sourceLines(g));
    g.snippets.forEach((r, i) => {
      if (i > 0) out.push('* * *', '');
      out.push(...snippetLines(r));
    });
  }
  return `${out.join('\n').trimEnd()}\n`;
}
