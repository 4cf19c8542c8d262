import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = resolve(ROOT, 'tests/fixtures');
export const REALPAGES = resolve(ROOT, '../shared/realpages');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
};

export interface TestServer {
  origin: string;
  /** Every request the server received, in order. */
  requests: Array<{ method: string; url: string }>;
  /** Serves `html` at `path` until the server closes. */
  route(path: string, body: string, type?: string): string;
  close(): Promise<void>;
}

/**
 * A static server on 127.0.0.1: /fixtures/* from tests/fixtures, /realpages/* from ../shared/realpages
 * (read in place, never copied), plus pages a test registers. Article texts (.txt) are wrapped in a plain
 * HTML page so that the extension meets them the way a reader would.
 */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, { body: string; type: string }>();
  const requests: TestServer['requests'] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '' });
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const routed = routes.get(path);
    if (routed) {
      res.writeHead(200, { 'content-type': routed.type });
      res.end(routed.body);
      return;
    }
    const file = resolveFile(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    if (file.endsWith('.txt') && path.startsWith('/realpages/')) {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end(textAsPage(readFileSync(file, 'utf8')));
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    route(path, body, type = TYPES['.html'] as string) {
      routes.set(path, { body, type });
      return origin + path;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}

function resolveFile(path: string): string | null {
  const [base, rest] = path.startsWith('/fixtures/') ? [FIXTURES, path.slice(10)] : path.startsWith('/realpages/') ? [REALPAGES, path.slice(11)] : [null, ''];
  if (!base) return null;
  const file = resolve(base, rest);
  if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** article.txt is "title, blank line, body": served as a minimal news page. */
export function textAsPage(text: string): string {
  const [title = '', ...rest] = text.split('\n');
  const paragraphs = rest.join('\n').split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><header><nav><a href="/">Home</a> · <a href="/world">World</a></nav></header><main><article><h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</article></main><footer><p>© Test outlet</p></footer></body></html>`;
}

export function realpageUrl(origin: string, name: string): string {
  const dir = resolve(REALPAGES, name);
  return existsSync(resolve(dir, 'source.html')) ? `${origin}/realpages/${name}/source.html` : `${origin}/realpages/${name}/article.txt`;
}

export const hasRealpages = () => existsSync(resolve(REALPAGES, 'INDEX.tsv'));
