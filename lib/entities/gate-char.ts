import { CharClass, classify } from '../text/chars';
import { foldToken } from '../text/fold';

/**
 * What the gate's prefold turns one character of a page into: its fold inside a word (é → e, أ → ا, a mark →
 * nothing), an apostrophe for a joiner (’ ʿ), a space for anything else. Shared by the build, which lists the
 * characters it changes (gate-pattern.ts), and the content script, which rewrites them (lib/page/gate.ts).
 */
export function gateChar(ch: string): string {
  const cls = classify(ch.codePointAt(0) ?? 0);
  if (cls === CharClass.Joiner) return "'";
  if (cls === CharClass.Word) return foldToken(ch);
  return ' ';
}
