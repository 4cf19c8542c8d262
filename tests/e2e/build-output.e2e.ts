import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness/server';

const out = (browser: string) => resolve(ROOT, '.output', browser);
const manifest = (browser: string) => JSON.parse(readFileSync(join(out(browser), 'manifest.json'), 'utf8'));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
}

describe('the built extension (least privilege, no remote code)', () => {
  it('asks Chrome only for the permissions it uses', () => {
    const m = manifest('chrome-mv3');
    expect([...m.permissions].sort()).toEqual(['contextMenus', 'sidePanel', 'storage', 'unlimitedStorage']);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_permissions).toBeUndefined();
    // One resource, the full content script the gate script imports, at a URL that changes every session.
    expect(m.web_accessible_resources).toEqual([{ resources: ['content-full.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }]);
    expect(m.externally_connectable).toBeUndefined();
    // On every page: the settings asked for at document start, and the gate at document idle (it loads the
    // rest only on pages that pass).
    expect(m.content_scripts).toEqual([
      expect.objectContaining({ matches: ['http://*/*', 'https://*/*'], run_at: 'document_idle', js: ['content-scripts/content.js'] }),
      { matches: ['http://*/*', 'https://*/*'], run_at: 'document_start', js: ['content-scripts/early-settings.js'] },
    ]);
    for (const cs of m.content_scripts) expect(cs.all_frames).toBeUndefined();
  });

  it('asks Firefox for the same, without the Chrome-only side panel permission', () => {
    const m = manifest('firefox-mv2');
    expect([...m.permissions].sort()).toEqual(['contextMenus', 'storage', 'unlimitedStorage']);
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.web_accessible_resources).toEqual(['content-full.js']);
  });

  it('has a strict content security policy for its pages', () => {
    const csp: string = manifest('chrome-mv3').content_security_policy.extension_pages;
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'object-src': "'none'",
      'connect-src': "'self'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(manifest('firefox-mv2').content_security_policy).toBe(csp);
  });

  it('loads no code from anywhere but itself', () => {
    for (const f of files(out('chrome-mv3')).filter((p) => p.endsWith('.html'))) {
      const html = readFileSync(f, 'utf8');
      for (const [, src] of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)) expect(src, f).toMatch(/^\/|^\.\//);
    }
    for (const f of files(out('chrome-mv3')).filter((p) => p.endsWith('.js'))) {
      const js = readFileSync(f, 'utf8');
      expect(js, f).not.toMatch(/import\(\s*["'`]https?:/);
      expect(js, f).not.toMatch(/importScripts\(/);
    }
  });

  it('keeps React, Dexie, Fuse.js and the framing NLP out of the content scripts', () => {
    for (const file of ['content-scripts/content.js', 'content-full.js']) {
      const cs = readFileSync(join(out('chrome-mv3'), file), 'utf8');
      expect(cs, file).not.toMatch(/react-dom|__SECRET_INTERNALS|createRoot/);
      expect(cs, file).not.toMatch(/Dexie|IDBKeyRange|indexedDB/);
      expect(cs, file).not.toMatch(/Fuse\b|useExtendedSearch/);
      expect(cs, file).not.toMatch(/afinn|abandon.{0,6}-2/);
    }
    // What every page evaluates: the gate, with the gazetteer and matcher for its first marks (lib/page/premark.ts)
    // but without the schemas or Readability; the bench measures what it costs a page it rules out.
    const gate = readFileSync(join(out('chrome-mv3'), 'content-scripts/content.js'), 'utf8');
    expect(gate).not.toMatch(/_zod|safeParse|Readability|readerable/i);
    const gazetteer = /~entities~:\[|"entities":\[/;
    expect(gate).toMatch(gazetteer);
    expect(gate.length).toBeLessThan(220_000);
    // The full script takes the gate's matcher: the gazetteer ships once.
    expect(readFileSync(join(out('chrome-mv3'), 'content-full.js'), 'utf8')).not.toMatch(gazetteer);
    expect(readFileSync(join(out('chrome-mv3'), 'content-scripts/early-settings.js'), 'utf8').length).toBeLessThan(3_000);
    expect(existsSync(join(out('chrome-mv3'), 'content-scripts/content.css'))).toBe(true);
  });

  it('builds both content scripts, for both browsers, with the private context and no timing marks', () => {
    for (const build of ['chrome-mv3', 'firefox-mv2'])
      for (const name of ['content-scripts/content.js', 'content-full.js']) {
        const js = readFileSync(join(out(build), name), 'utf8');
        // The gate script makes the context; the full script is handed it.
        if (name.startsWith('content-scripts/')) expect(js, `${build} ${name}`).toContain('crossframe.context.');
        expect(js, `${build} ${name}`).not.toMatch(/content-script-started|postMessage|dispatchEvent/);
        // The bench's marks (CROSSFRAME_TIMING_MARKS=1) never ship: pages read the performance timeline.
        expect(js, `${build} ${name}`).not.toContain('crossframe:injected');
      }
  });
});
