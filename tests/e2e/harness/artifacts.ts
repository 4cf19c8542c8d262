import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './server';

export const ARTIFACTS = resolve(ROOT, 'tests/artifacts');

/** Saves a screenshot under tests/artifacts/ (looked at after each run) and returns its path. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = resolve(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: opts.fullPage ?? false });
  return path;
}
