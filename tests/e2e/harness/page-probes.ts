import type { BrowserContext, Page, Worker } from 'playwright-core';

/**
 * Instruments every page of a context before its own scripts run (main world): records DOM mutations that
 * add nodes, and a snapshot of the DOM at DOMContentLoaded (content scripts run after it, at idle).
 */
export async function instrumentPages(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __added: string[]; __dclHtml: string };
    w.__added = [];
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of Array.from(r.addedNodes)) w.__added.push(n.nodeType === 1 ? (n as Element).tagName.toLowerCase() + ((n as Element).hasAttribute('data-crossframe') ? '[data-crossframe]' : '') : '#' + n.nodeType);
    }).observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', () => (w.__dclHtml = document.documentElement.outerHTML));
  });
}

export interface PageFootprint {
  highlights: Record<string, number>;
  adoptedSheets: number;
  ownNodes: string[];
  htmlUnchangedSinceDcl: boolean;
}

/** What Crossframe left on a page, read from the page's own world. */
export async function footprint(page: Page): Promise<PageFootprint> {
  return page.evaluate(() => {
    const w = window as unknown as { __added?: string[]; __dclHtml?: string };
    const reg = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
    return {
      highlights: Object.fromEntries([...reg.entries()].map(([k, v]) => [k, v.size])),
      adoptedSheets: document.adoptedStyleSheets.length,
      ownNodes: (w.__added ?? []).filter((t) => t.includes('crossframe')),
      htmlUnchangedSinceDcl: w.__dclHtml === document.documentElement.outerHTML,
    };
  });
}

/** How many ranges Crossframe's highlights hold on the page. */
export function markCount(page: Page): Promise<number> {
  return page.evaluate(() => [...(CSS.highlights as unknown as Map<string, { size: number }>).values()].reduce((n, h) => n + h.size, 0));
}

export interface FrameRecord {
  /** Ranges in Crossframe's highlights, at each frame. */
  marks: number[];
  /** Whether our host element was in the page, at each frame. */
  host: boolean[];
}

let recorders = 0;

/** Records the marks and our host at each animation frame from now on, for `frames` frames; returns a reader. */
export async function recordFrames(page: Page, frames: number): Promise<() => Promise<FrameRecord>> {
  const key = `__cfFrames${recorders++}`;
  await page.evaluate(
    ([k, n]) => {
      const rec: FrameRecord = { marks: [], host: [] };
      (window as unknown as Record<string, FrameRecord>)[k as string] = rec;
      const reg = CSS.highlights as unknown as Map<string, { size: number }>;
      const record = () => {
        rec.marks.push([...reg.values()].reduce((sum, h) => sum + h.size, 0));
        rec.host.push(document.querySelector('crossframe-ui') !== null);
        if (rec.marks.length < (n as number)) requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    },
    [key, frames] as const,
  );
  return () => page.evaluate((k) => (window as unknown as Record<string, FrameRecord>)[k] as FrameRecord, key);
}

/** The texts painted by each of Crossframe's highlights. */
export async function highlightedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const reg = (CSS as unknown as { highlights: Map<string, Iterable<AbstractRange>> }).highlights;
    const out: Record<string, string[]> = {};
    for (const [name, h] of reg.entries()) {
      out[name] = [...h].map((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString();
      });
    }
    return out;
  });
}

/** Counts messages that content scripts send to the background, per sending page URL (and per URL and type). */
export async function countContentMessages(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const g = self as unknown as {
      __cfCount?: Record<string, number>;
      __cfTypes?: Record<string, Record<string, number>>;
      chrome: { runtime: { onMessage: { addListener(f: (m: unknown, s: { tab?: unknown; url?: string }) => boolean): void } } };
    };
    if (g.__cfCount) return;
    g.__cfCount = {};
    g.__cfTypes = {};
    g.chrome.runtime.onMessage.addListener((m, s) => {
      if (!s.tab || !s.url) return false;
      g.__cfCount![s.url] = (g.__cfCount![s.url] ?? 0) + 1;
      const type = String((m as { type?: unknown } | null)?.type);
      const types = (g.__cfTypes![s.url] ??= {});
      types[type] = (types[type] ?? 0) + 1;
      return false;
    });
  });
}

/** Messages of one type from the page at `url` so far (countContentMessages must be on). */
export async function messagesOfType(worker: Worker, url: string, type: string): Promise<number> {
  return worker.evaluate(([u, t]) => (self as unknown as { __cfTypes: Record<string, Record<string, number>> }).__cfTypes[u]?.[t] ?? 0, [url, type] as const);
}

export async function messagesFrom(worker: Worker, url: string): Promise<number> {
  return worker.evaluate((u) => (self as unknown as { __cfCount: Record<string, number> }).__cfCount[u] ?? 0, url);
}
