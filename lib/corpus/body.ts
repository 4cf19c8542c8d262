import type { BodyRules, CleanStep } from './schema';

export class BodyRuleError extends Error {
  constructor(
    readonly field: 'start' | 'end',
    message: string,
  ) {
    super(message);
    this.name = 'BodyRuleError';
  }
}

/** Cuts the article body out of a raw page text by its recorded rules, then cleans it. */
export function extractBody(raw: string, rules: BodyRules): string {
  const text = raw.replace(/\r\n?/g, '\n');
  const start = text.indexOf(rules.start);
  if (start < 0) throw new BodyRuleError('start', `start marker not found: ${JSON.stringify(rules.start)}`);
  const endAt = text.indexOf(rules.end, start);
  if (endAt < 0) throw new BodyRuleError('end', `end marker not found after start: ${JSON.stringify(rules.end)}`);
  let body = text.slice(start, endAt + rules.end.length);
  for (const step of rules.clean) body = CLEANERS[step](body);
  return toParagraphs(body);
}

const CLEANERS: Record<CleanStep, (text: string) => string> = {
  // The saved pages keep a little inline markup: <u> links and **bold**/*italic* emphasis.
  'strip-markup': (text) =>
    text
      .replace(/<\/?[a-z][a-z0-9]*\s*>/gi, '')
      .replace(/\*+(?=\S)|(?<=\S)\*+/g, ''),
  // A saved page can break a sentence across paragraphs ("In the\n\ncurrent climate"): rejoin when the
  // first part has no closing punctuation and the next starts in lower case.
  'join-broken-paragraphs': (text) => text.replace(/([^\s.!?:;"”’)\]…])[ \t]*\n\s*\n\s*(?=\p{Ll})/gu, '$1 '),
};

/** One paragraph per non-empty line, trimmed, inner runs of spaces collapsed, paragraphs joined by a blank line. */
function toParagraphs(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n\n');
}
