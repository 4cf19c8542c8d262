import { readFileSync } from 'node:fs';

export interface NetlogRequests {
  /** Requests made in the extension's own name (its pages or its service worker). */
  fromExtension: string[];
  /** Requests made by a page's context (page scripts or content scripts) to anything but the test server. */
  fromPagesOutward: string[];
  /** Chromium's own background services (network time, accounts, component updates): not a page's, not ours. */
  fromBrowser: string[];
}

/**
 * Sorts every URL request of a Chromium net-log by who made it. A request made for a frame or a worker
 * carries that origin in its network isolation key; the browser's own service requests carry none.
 */
export function classifyNetlog(path: string, extensionOrigin: string, pageOrigin: string): NetlogRequests {
  const log = JSON.parse(readFileSync(path, 'utf8')) as {
    constants: { logEventTypes: Record<string, number> };
    events: Array<{ type: number; source: { id: number }; params?: { url?: string; network_isolation_key?: string } }>;
  };
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const out: NetlogRequests = { fromExtension: [], fromPagesOutward: [], fromBrowser: [] };
  const ext = extensionOrigin.replace(/\/$/, '');
  const host = new URL(pageOrigin);
  for (const e of log.events) {
    if (e.type !== startJob || !e.params?.url) continue;
    const url = e.params.url;
    const key = e.params.network_isolation_key ?? '';
    if (key.includes(ext)) out.fromExtension.push(url);
    else if (key.includes(`${host.protocol}//${host.hostname}`)) {
      if (!url.startsWith(pageOrigin)) out.fromPagesOutward.push(url);
    } else if (!url.startsWith(pageOrigin)) out.fromBrowser.push(url);
  }
  for (const k of Object.keys(out) as Array<keyof NetlogRequests>) out[k] = [...new Set(out[k])];
  return out;
}
