import { beforeEach, describe, expect, it, vi } from 'vitest';

// The extension's API as the content script sees it: an id while the extension is there.
const runtime: { id?: string } = {};
vi.mock('wxt/browser', () => ({ browser: { runtime } }));

const { ContentScriptContext } = await import('../../entrypoints/content/private-context');

describe('the content scripts’ private context', () => {
  beforeEach(() => {
    runtime.id = 'crossframe-test';
  });

  it('ends the older copy of the same script when a newer one starts, and only that one', () => {
    const older = new ContentScriptContext('content');
    const other = new ContentScriptContext('early-settings');
    const ended = vi.fn();
    older.onInvalidated(ended);
    expect(older.isInvalid).toBe(false);
    const newer = new ContentScriptContext('content');
    expect(ended).toHaveBeenCalledTimes(1);
    expect(older.isInvalid).toBe(true);
    expect(newer.isInvalid).toBe(false);
    expect(other.isInvalid).toBe(false);
  });

  it('ends when the extension is gone (reloaded, updated or removed)', () => {
    const ctx = new ContentScriptContext('orphan-test');
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    expect(ctx.isValid).toBe(true);
    delete runtime.id;
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.signal.aborted).toBe(true);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('lets a listener be cancelled', () => {
    const ctx = new ContentScriptContext('cancel-test');
    const ended = vi.fn();
    const cancel = ctx.onInvalidated(ended);
    cancel();
    new ContentScriptContext('cancel-test');
    expect(ctx.isInvalid).toBe(true);
    expect(ended).not.toHaveBeenCalled();
  });
});
