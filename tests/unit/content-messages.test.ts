/** The gate script's zod-free check of the background's messages must accept exactly what the schema accepts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReportReply, readContentMessage, saysSnippetsSaved } from '../../lib/content-messages';
import { BackgroundToContentSchema, parseMessage, ReportReplySchema } from '../../lib/messages';

const TYPES = ['content/ping', 'content/focus-marks', 'content/get-selection', 'content/save-selection', 'content/other', 'page/report', 'content/ping '];

/** Objects near the real messages (a known or almost-known type, extra keys), and anything else. */
const nearMessage = fc.oneof(
  fc.record({ type: fc.constantFrom(...TYPES) }),
  fc.record({ type: fc.constantFrom(...TYPES), extra: fc.anything() }),
  fc.record({ type: fc.anything() }, { requiredKeys: [] }),
  fc.constantFrom(...TYPES).map((t) => [t]),
  fc.anything(),
);

describe('readContentMessage', () => {
  it('agrees with BackgroundToContentSchema on random input', () => {
    fc.assert(
      fc.property(nearMessage, (raw) => {
        expect(readContentMessage(raw)).toEqual(parseMessage(BackgroundToContentSchema, raw));
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts each message and drops unknown keys', () => {
    expect(readContentMessage({ type: 'content/save-selection', html: '<img onerror=x>' })).toEqual({ type: 'content/save-selection' });
    expect(readContentMessage({ type: 'content/ping' })).toEqual({ type: 'content/ping' });
    expect(readContentMessage({ type: 'content/delete' })).toBeNull();
    expect(readContentMessage(['content/ping'])).toBeNull();
    expect(readContentMessage('content/ping')).toBeNull();
  });
});

describe('replies to a page report', () => {
  const reply = fc.oneof(
    fc.record({ saved: fc.oneof(fc.integer({ min: -3, max: 12_000_000 }), fc.double(), fc.constantFrom(0, 1, 2.5, '3', null, Number.NaN, 10_000_000, 10_000_001)) }),
    fc.record({ saved: fc.integer({ min: 1, max: 50 }), extra: fc.anything() }),
    fc.record({ error: fc.string() }),
    fc.constantFrom(null, undefined),
    fc.anything(),
  );

  it('saysSnippetsSaved is true exactly when ReportReplySchema accepts the reply with snippets saved', () => {
    fc.assert(
      fc.property(reply, (raw) => {
        const parsed = parseMessage(ReportReplySchema, raw);
        expect(saysSnippetsSaved(raw)).toBe(parsed !== null && parsed.saved > 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('isReportReply is true exactly for null and what ReportReplySchema accepts', () => {
    fc.assert(
      fc.property(reply, (raw) => {
        expect(isReportReply(raw)).toBe(raw === null || parseMessage(ReportReplySchema, raw) !== null);
      }),
      { numRuns: 3000 },
    );
    // Errors and lost messages are not replies: the page is reported again.
    expect(isReportReply({ error: 'The database is closed' })).toBe(false);
    expect(isReportReply(undefined)).toBe(false);
  });
});
