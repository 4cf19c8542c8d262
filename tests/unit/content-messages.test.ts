/** The gate script's zod-free check of the background's messages must accept exactly what the schema accepts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readContentMessage } from '../../lib/content-messages';
import { BackgroundToContentSchema, parseMessage } from '../../lib/messages';

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
