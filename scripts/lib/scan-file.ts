import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { CompiledGazetteer } from '../../lib/entities/compile';
import type { Matcher } from '../../lib/entities/matcher';
import { analyzePage, type PageAnalysis } from '../../lib/page/analyze';
import { makeVisibilityCheck } from '../../lib/page/visibility';

export interface ScanEntity {
  id: string;
  type: string;
  name: string;
  /** Name mentions (adjectives such as "Kurdish" are counted apart). */
  count: number;
  demonyms: number;
  surfaces: string[];
  inMain: number;
  elsewhere: number;
  hits: Array<{ surface: string; where: 'main' | 'elsewhere'; demonym: boolean; start: number; end: number }>;
}

export interface ScanResult {
  file: string;
  relevant: boolean;
  score: number;
  mainRegion: boolean;
  title: string;
  /** Corpus entities named in the publisher's subject tags (meta article:tag, news_keywords, keywords). */
  tags: Array<{ id: string; surface: string }>;
  /** What the tags added to the score (capped). */
  tagScore: number;
  entities: ScanEntity[];
}

export class ScanError extends Error {}

const MAX_BYTES = 50 * 1024 * 1024;

/** Reads a saved page (.html) or an article text (.txt: title, blank line, body) into a DOM document. */
export function loadDocument(file: string): JSDOM {
  let stat;
  try {
    stat = statSync(file);
  } catch (e) {
    throw new ScanError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!stat.isFile()) throw new ScanError('not a file');
  if (stat.size > MAX_BYTES) throw new ScanError(`too large (${Math.round(stat.size / 1048576)} MB; the limit is 50 MB)`);
  const bytes = readFileSync(file);
  if (bytes.includes(0)) throw new ScanError('binary data, not a text or HTML file');
  const text = bytes.toString('utf8');
  const ext = extname(file).toLowerCase();
  // Scripts never run and nothing is fetched: the page is only parsed.
  const options = { virtualConsole: new VirtualConsole() };
  if (ext === '.html' || ext === '.htm') {
    if (!/<(html|body|head|p|div|article|main|title)\b/i.test(text)) throw new ScanError('not an HTML document (no html, body or text elements)');
    return new JSDOM(text, options);
  }
  if (ext === '.txt') {
    const dom = new JSDOM('<!doctype html><html><head><title></title></head><body><article></article></body></html>', options);
    const doc = dom.window.document;
    const [first = '', ...rest] = text.replace(/\r\n?/g, '\n').split('\n');
    const hasTitle = rest[0]?.trim() === '';
    doc.title = hasTitle ? first.trim() : '';
    const article = doc.querySelector('article') as Element;
    for (const para of (hasTitle ? rest.join('\n') : text).split(/\n\s*\n|\n/)) {
      if (!para.trim()) continue;
      const p = doc.createElement('p');
      p.textContent = para.trim();
      article.appendChild(p);
    }
    return dom;
  }
  throw new ScanError(`unsupported file type "${ext || '(none)'}" (expected .html or .txt)`);
}

/** Runs the content script's analysis on one file. */
export function scanFile(file: string, matcher: Matcher): ScanResult {
  const dom = loadDocument(file);
  const doc = dom.window.document;
  const analysis = analyzePage(doc, matcher, { isVisible: makeVisibilityCheck(dom.window as unknown as Window), locateHits: true });
  return toResult(file, doc.title, analysis, matcher.gazetteer);
}

function toResult(file: string, title: string, a: PageAnalysis, g: CompiledGazetteer): ScanResult {
  const byEntity = new Map<number, ScanEntity>();
  for (const h of a.hits) {
    const meta = g.entities[h.entity]!;
    let e = byEntity.get(h.entity);
    if (!e) {
      e = { id: meta.id, type: meta.type, name: meta.name, count: 0, demonyms: 0, surfaces: [], inMain: 0, elsewhere: 0, hits: [] };
      byEntity.set(h.entity, e);
    }
    if (h.demonym) e.demonyms++;
    else e.count++;
    if (h.inMain) e.inMain++;
    else e.elsewhere++;
    if (!e.surfaces.includes(h.surface)) e.surfaces.push(h.surface);
    e.hits.push({ surface: h.surface, where: h.inMain ? 'main' : 'elsewhere', demonym: h.demonym, start: h.start, end: h.end });
  }
  const entities = [...byEntity.values()].sort((x, y) => y.count - x.count || y.demonyms - x.demonyms || x.id.localeCompare(y.id));
  const tags: ScanResult['tags'] = [];
  for (const h of a.tagHits) {
    const id = g.entities[h.entity]!.id;
    if (!tags.some((t) => t.id === id && t.surface === h.surface)) tags.push({ id, surface: h.surface });
  }
  return { file, relevant: a.relevance.relevant, score: a.relevance.score, mainRegion: a.mainFound, title, tags, tagScore: a.relevance.tagScore, entities };
}
