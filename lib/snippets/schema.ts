import { z } from 'zod';
import type { SnippetRecord } from '../db/snippet-types';
import { CONTEXT_LENGTH, MAX_QUOTE_LENGTH } from './selectors';
import { MAX_TAG_LENGTH, MAX_TAGS, normalizeTags } from './tags';

/**
 * The shape every stored or imported snippet must have. Strict by default: an unknown field is an error, so a file
 * from another tool (or a typo) is reported instead of half-imported. Limits keep one record small enough to store,
 * list and re-anchor quickly, and keep a hostile file from filling the database with one huge record.
 */
export const MAX_NOTE_LENGTH = 20_000;
/** Browsers handle longer URLs, but a page worth quoting does not need more. */
export const MAX_URL_LENGTH = 4096;
export const MAX_TITLE_LENGTH = 1000;
export const MAX_ENTITIES = 200;
/** Largest time a JS Date can hold (ms). */
const MAX_TIME = 8.64e15;

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** White space or a control character (code points up to U+0020, and DEL). */
function hasSpaceOrControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f || (c > 0x7f && /\s/.test(s[i] as string))) return true;
  }
  return false;
}

/** Schemes that run code or embed content when a UI puts the URL in a link: never a page a reader quoted. */
const UNSAFE_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'blob:']);

function isUrl(s: string): boolean {
  if (hasSpaceOrControl(s)) return false;
  try {
    return !UNSAFE_SCHEMES.has(new URL(s).protocol);
  } catch {
    return false;
  }
}

const time = z.number().int('expected a whole number of milliseconds').min(0).max(MAX_TIME);
const url = z.string().min(1).max(MAX_URL_LENGTH, `URL longer than ${MAX_URL_LENGTH} characters`).refine(isUrl, 'not a valid URL (javascript:, data:, vbscript: and blob: URLs are refused)');
const title = z.string().max(MAX_TITLE_LENGTH, `title longer than ${MAX_TITLE_LENGTH} characters`);
const entityId = z.string().max(100).regex(KEBAB, 'expected a kebab-case entity id');
const articleId = z.string().max(100).regex(KEBAB, 'expected a kebab-case article id');

/** 'strict' rejects unknown fields (our own format version); 'strip' drops them (a newer minor version's additions). */
export type SchemaMode = 'strict' | 'strip';

function makeSchema(mode: SchemaMode) {
  const obj = <T extends z.ZodRawShape>(shape: T) => (mode === 'strict' ? z.strictObject(shape) : z.object(shape));
  const source = z.discriminatedUnion('kind', [
    obj({ kind: z.literal('page'), url, title, site: z.string().max(255).regex(/^[^\s]*$/, 'a site is a host name') }),
    obj({ kind: z.literal('corpus'), url, title, site: z.literal('corpus'), article: articleId, passage: z.number().int().min(0) }),
  ]);
  const quote = obj({
    type: z.literal('TextQuoteSelector'),
    exact: z
      .string()
      .min(1, 'the quote is empty')
      .max(MAX_QUOTE_LENGTH, `quote longer than ${MAX_QUOTE_LENGTH} characters`)
      .refine((s) => s.trim().length > 0, 'the quote is only white space'),
    prefix: z.string().max(CONTEXT_LENGTH),
    suffix: z.string().max(CONTEXT_LENGTH),
  });
  const position = obj({ type: z.literal('TextPositionSelector'), start: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), end: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });
  const selectors = z
    .tuple([quote, position])
    .refine(([q, p]) => p.end - p.start === q.exact.length, 'the position selector does not span the quote (end − start ≠ quote length)');
  return obj({
    id: z.string().regex(ID, 'expected an id of 1–128 letters, digits, "-", "_", ".", ":"'),
    created: time,
    updated: time,
    source,
    selectors,
    note: z.string().max(MAX_NOTE_LENGTH, `note longer than ${MAX_NOTE_LENGTH.toLocaleString('en')} characters`),
    tags: z
      .array(z.string().max(1000, 'tag longer than 1000 characters'))
      .max(1000)
      .transform(normalizeTags)
      .pipe(z.array(z.string().max(MAX_TAG_LENGTH, `tag longer than ${MAX_TAG_LENGTH} characters`)).max(MAX_TAGS, `more than ${MAX_TAGS} tags`)),
    entities: z
      .array(entityId)
      .max(MAX_ENTITIES, `more than ${MAX_ENTITIES} entities`)
      .transform((ids) => [...new Set(ids)]),
    deleted: time.default(0),
  }).refine((r) => r.updated >= r.created, { message: 'updated is earlier than created', path: ['updated'] });
}

export const SnippetRecordSchema = makeSchema('strict');
const lenient = makeSchema('strip');

// The schema's output must stay a SnippetRecord (compile-time check).
const _check: (r: z.output<typeof SnippetRecordSchema>) => SnippetRecord = (r) => r;

export class InvalidSnippetError extends Error {
  override readonly name = 'InvalidSnippetError';
}

export type SnippetValidation = { ok: true; record: SnippetRecord } | { ok: false; message: string };

/** Validates and normalizes one record (tags trimmed and deduped, entities deduped, `deleted` filled). Never throws. */
export function validateSnippet(value: unknown, mode: SchemaMode = 'strict'): SnippetValidation {
  const result = (mode === 'strict' ? SnippetRecordSchema : lenient).safeParse(value);
  if (result.success) return { ok: true, record: result.data };
  return { ok: false, message: describeIssues(result.error.issues) };
}

/** Like validateSnippet, for callers that store: throws InvalidSnippetError with a readable message. */
export function parseSnippet(value: unknown): SnippetRecord {
  const v = validateSnippet(value);
  if (!v.ok) throw new InvalidSnippetError(v.message);
  return v.record;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => {
    // zod says "expected string, received undefined" for a field that is simply not there.
    const message = i.code === 'invalid_type' && i.message.endsWith('received undefined') ? 'missing' : i.message;
    return i.path.length > 0 ? `${i.path.map(String).join('.')}: ${message}` : message;
  });
  if (issues.length > 3) shown.push(`and ${issues.length - 3} more`);
  return shown.join('; ');
}
