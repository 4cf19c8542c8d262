import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { SnippetRecord } from '../db/snippet-types';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';
import { validateSnippet, type SchemaMode } from './schema';

export interface ImportProblem {
  /** 1-based line of the file. */
  line: number;
  message: string;
  /** The record's id, when it could be read. */
  id?: string;
}

export interface ImportResult {
  valid: SnippetRecord[];
  errors: ImportProblem[];
}

/** Largest file read (characters): far above any real backup (10,000 snippets ≈ 10 MB), low enough not to exhaust memory. */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;
export const MAX_IMPORT_RECORDS = 100_000;
/** Problems listed before the rest are summed up in one line: a garbage file would otherwise yield one per character. */
const MAX_PROBLEMS = 500;
/** A snippet is 4 levels deep; anything much deeper is not one (and must not exhaust the stack). */
const MAX_DEPTH = 12;

const SYNTAX: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the end of the data',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'comment not closed',
  UnexpectedEndOfString: 'string not closed',
  UnexpectedEndOfNumber: 'number cut off',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

/**
 * Reads a JSON backup made by exportJson. Tolerant: jsonc-parser recovers from syntax errors, so a damaged line costs
 * only the record on it; every problem is reported with its line. Never throws, whatever the input.
 */
export function importJson(input: unknown): ImportResult {
  try {
    return read(input);
  } catch (e) {
    // Last resort (e.g. a file nested so deep that the parser runs out of stack).
    return { valid: [], errors: [{ line: 1, message: `The file could not be read: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

function read(input: unknown): ImportResult {
  const errors: ImportProblem[] = [];
  const fail = (line: number, message: string): ImportResult => ({ valid: [], errors: [...errors, { line, message }] });
  if (typeof input !== 'string') return fail(1, 'Expected the text of a JSON file.');
  if (input.length > MAX_IMPORT_CHARS) return fail(1, `The file is too large (${input.length.toLocaleString('en')} characters; at most ${MAX_IMPORT_CHARS.toLocaleString('en')}).`);
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lineOf = lineIndex(text);

  const syntax: ParseError[] = [];
  const root = parseTree(text, syntax, { allowTrailingComma: true, disallowComments: false });
  if (!root || root.type !== 'object') {
    for (const e of syntax.slice(0, 3)) errors.push({ line: lineOf(e.offset), message: `Syntax error: ${syntaxMessage(e)}.` });
    return fail(1, `Not a Crossframe snippets file: expected a JSON object with "format": "${EXPORT_FORMAT}".`);
  }

  const format = findNodeAtLocation(root, ['format']);
  if (format?.value !== EXPORT_FORMAT) {
    const found = format && typeof format.value === 'string' ? ` (format is "${format.value.slice(0, 60)}")` : '';
    return fail(format ? lineOf(format.offset) : 1, `Not a Crossframe snippets file${found}: expected "format": "${EXPORT_FORMAT}".`);
  }
  const version = findNodeAtLocation(root, ['version']);
  if (typeof version?.value !== 'number' || !Number.isFinite(version.value) || version.value < 1) {
    return fail(version ? lineOf(version.offset) : lineOf(format.offset), 'The file has no valid "version" number.');
  }
  if (Math.floor(version.value) !== EXPORT_VERSION) {
    const newer = version.value > EXPORT_VERSION ? ': it was made by a newer Crossframe; update the extension to import it' : '';
    return fail(lineOf(version.offset), `Version ${version.value} of the snippets format is not supported (this Crossframe reads version ${EXPORT_VERSION})${newer}.`);
  }
  // 1.x with x > 0: a compatible newer file; fields this version does not know are dropped instead of refused.
  const mode: SchemaMode = version.value === EXPORT_VERSION ? 'strict' : 'strip';
  const list = findNodeAtLocation(root, ['snippets']);
  if (!list || list.type !== 'array') {
    return fail(list ? lineOf(list.offset) : 1, 'The file has no "snippets" list.');
  }

  const items = list.children ?? [];
  // Each syntax error belongs to the record it falls in; that record is refused (a recovered parse may not be what was
  // meant), the others are read. Errors between records are reported on their own.
  const inRecord = new Map<Node, string[]>();
  for (const e of syntax) {
    const item = findContaining(items, e.offset, text.length);
    const message = syntaxMessage(e);
    if (item) inRecord.set(item, [...(inRecord.get(item) ?? []), message]);
    else errors.push({ line: lineOf(e.offset), message: `Syntax error: ${message}.` });
  }

  const valid: SnippetRecord[] = [];
  for (const item of items.slice(0, MAX_IMPORT_RECORDS)) {
    const line = lineOf(item.offset);
    const id = peekId(item);
    const broken = inRecord.get(item);
    if (broken) {
      errors.push(withId({ line, message: `Syntax error: ${[...new Set(broken)].join(', ')}.` }, id));
      continue;
    }
    const value = toValue(item, 0);
    if (value === TOO_DEEP) {
      errors.push(withId({ line, message: 'Not a snippet: nested too deeply.' }, id));
      continue;
    }
    const checked = validateSnippet(value, mode);
    if (checked.ok) valid.push(checked.record);
    else errors.push(withId({ line, message: `Invalid snippet: ${checked.message}.` }, id));
  }
  if (items.length > MAX_IMPORT_RECORDS) {
    errors.push({ line: lineOf(items[MAX_IMPORT_RECORDS]!.offset), message: `Only the first ${MAX_IMPORT_RECORDS.toLocaleString('en')} snippets were read.` });
  }
  const count = findNodeAtLocation(root, ['count']);
  if (typeof count?.value === 'number' && count.value !== items.length) {
    errors.push({ line: lineOf(list.offset + Math.max(0, list.length - 1)), message: `The file says it holds ${count.value} snippets but ${items.length} were found: it may be cut off.` });
  }
  errors.sort((a, b) => a.line - b.line);
  if (errors.length > MAX_PROBLEMS) {
    const more = errors.length - MAX_PROBLEMS;
    errors.length = MAX_PROBLEMS;
    errors.push({ line: errors[MAX_PROBLEMS - 1]!.line, message: `…and ${more.toLocaleString('en')} more problems.` });
  }
  return { valid, errors };
}

function withId(p: ImportProblem, id: string | undefined): ImportProblem {
  return id === undefined ? p : { ...p, id };
}

function syntaxMessage(e: ParseError): string {
  const name = printParseErrorCode(e.error);
  return SYNTAX[name] ?? name;
}

/** Maps an offset to its 1-based line (\n, \r\n and \r all end a line). */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The record (array element) whose text holds `offset`; items are in order, so a binary search. */
function findContaining(items: Node[], offset: number, textLength: number): Node | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid] as Node;
    const end = item.length < 0 ? textLength : item.offset + item.length;
    if (offset < item.offset) hi = mid - 1;
    else if (offset >= end) lo = mid + 1;
    else return item;
  }
  return undefined;
}

function peekId(item: Node): string | undefined {
  if (item.type !== 'object') return undefined;
  const id = findNodeAtLocation(item, ['id'])?.value;
  return typeof id === 'string' && id.length > 0 ? id.slice(0, 128) : undefined;
}

const TOO_DEEP = Symbol('too deep');

/**
 * The plain value of a parse-tree node. Own properties are defined, not assigned, so a "__proto__" key stays a key
 * (and is refused by the strict schema) instead of changing the object's prototype.
 */
function toValue(node: Node, depth: number): unknown {
  if (depth > MAX_DEPTH) return TOO_DEEP;
  switch (node.type) {
    case 'object': {
      const obj: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [key, valueNode] = prop.children ?? [];
        if (!key || typeof key.value !== 'string') continue;
        const value = valueNode ? toValue(valueNode, depth + 1) : undefined;
        if (value === TOO_DEEP) return TOO_DEEP;
        Object.defineProperty(obj, key.value, { value, enumerable: true, writable: true, configurable: true });
      }
      return obj;
    }
    case 'array': {
      const arr: unknown[] = [];
      for (const child of node.children ?? []) {
        const value = toValue(child, depth + 1);
        if (value === TOO_DEEP) return TOO_DEEP;
        arr.push(value);
      }
      return arr;
    }
    default:
      return node.value;
  }
}
