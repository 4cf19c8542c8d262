import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CrossframeDB } from '../../lib/db/database';
import type { SnippetRecord } from '../../lib/db/snippet-types';
import { importSnippets, listSnippets, saveSnippet } from '../../lib/db/snippets';
import { exportJson, exportMarkdown } from '../../lib/snippets/export';
import { importJson } from '../../lib/snippets/import';
import { escapeMarkdown } from '../../lib/snippets/markdown';
import { validateSnippet } from '../../lib/snippets/schema';
import { describeSelection } from '../../lib/snippets/selectors';

let n = 0;
const freshDb = () => new CrossframeDB(`test-snippet-io-${++n}`);

function record(id: string, over: Partial<SnippetRecord> = {}, quote = 'Raqqa fell to the SDF'): SnippetRecord {
  const text = `In October 2017, ${quote} after a four-month battle.`;
  return {
    id,
    created: 1_700_000_000_000,
    updated: 1_700_000_000_000,
    deleted: 0,
    source: { kind: 'page', url: 'https://www.example.org/news/raqqa', title: 'Raqqa falls', site: 'www.example.org' },
    selectors: describeSelection(text, 17, 17 + quote.length),
    note: 'my note',
    tags: ['raqqa'],
    entities: ['raqqa'],
    ...over,
  };
}

const sortById = (rs: SnippetRecord[]) => [...rs].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('JSON export', () => {
  it('writes a versioned envelope with one snippet per line', () => {
    const json = exportJson([record('a'), record('b', {}, 'line one\nline two\u2028still two')], new Date('2026-11-21T12:00:00Z'));
    const lines = json.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('{"format":"crossframe-snippets","version":1,"exported":"2026-11-21T12:00:00.000Z","count":2,"snippets":[');
    expect(JSON.parse(lines[1]!.replace(/,$/, ''))).toMatchObject({ id: 'a' });
    expect(JSON.parse(lines[2]!)).toMatchObject({ id: 'b' });
    expect(lines[2]).not.toMatch(/\u2028/); // escaped, so no editor breaks the line
    expect(lines[3]).toBe(']}');
    expect(JSON.parse(json)).toMatchObject({ format: 'crossframe-snippets', version: 1, snippets: [{ id: 'a' }, { id: 'b' }] });
  });

  it('round-trips losslessly: export, import into an empty database, deep-equal records', async () => {
    const source = freshDb();
    const hostile = '<script>alert(1)</script> [x](javascript:alert(1)) # h \u2028 😀 "quotes" \\ back\\slash';
    await saveSnippet(source, record('page-1', { tags: ['Raqqa', 'coalition'], entities: ['raqqa', 'sdf'] }));
    await saveSnippet(source, record('page-2', { note: `multi\nline\r\nnote ${hostile}`, created: 1_700_000_000_500, updated: 1_700_000_100_000 }, hostile));
    await saveSnippet(source, {
      source: { kind: 'corpus', url: 'https://www.globalresearch.ca/isis-last-stand', title: 'ISIS Last Stand', site: 'corpus', article: 'whitney-isis-last-stand', passage: 12 },
      selectors: describeSelection('Abu Kamal fell to the Syrian army.', 0, 9),
      note: 'Ḥalab — ʿAbd al-Rahman',
      tags: [],
      entities: ['abu-kamal'],
    });
    await saveSnippet(source, record('trashed', { deleted: 1_700_000_200_000 }));
    const all = await listSnippets(source, { includeDeleted: true });
    expect(all).toHaveLength(4);

    const { valid, errors } = importJson(exportJson(all));
    expect(errors).toEqual([]);
    const target = freshDb();
    const summary = await importSnippets(target, valid, { onConflict: 'skip' });
    expect(summary).toMatchObject({ added: 4, skipped: 0, renamed: 0, conflicts: [], invalid: [] });
    expect(sortById(await target.snippets.toArray())).toEqual(sortById(await source.snippets.toArray()));
  });
});

describe('Markdown export', () => {
  const hostile = [
    '<script>alert(1)</script>',
    'Click [here](javascript:alert(1)) or ![img](https://evil.example/x.png)',
    '# heading',
    '- not a list',
    '1. not a list either',
    '> not a quote',
    '| a | b |',
    '**bold** _em_ ~~gone~~ `code` $x$ &copy; <b>',
    '===',
  ].join('\n');
  const md = exportMarkdown(
    [
      record('h', {
        note: hostile,
        tags: ['<img src=x onerror=alert(1)>', '](javascript:x)'],
        source: { kind: 'page', url: 'https://evil.example/a_(b)<c>', title: '# [Title](javascript:alert(1)) <iframe>', site: 'evil.example' },
      }, hostile),
      record('js', { created: 1_600_000_000_000, updated: 1_600_000_000_000, source: { kind: 'page', url: 'file:///home/me/page.html', title: 'Local', site: '' } }),
    ],
    new Date('2026-11-21T12:00:00Z'),
  );

  /** Markdown-significant characters of a line that are not backslash-escaped. */
  const unescaped = (line: string) => {
    const found: string[] = [];
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '\\') {
        i++;
        continue;
      }
      if ('<>[]()`*_~|$&!#'.includes(line[i]!)) found.push(line[i]!);
    }
    return found;
  };

  it('escapes hostile page text so that it cannot become HTML, a link, a heading or a list', () => {
    expect(md).not.toMatch(/(^|[^\\])<(script|b|img|iframe)/);
    expect(md).not.toMatch(/[^\\]\]\(javascript/);
    const lines = md.split('\n');
    // Only our own headings open with "#".
    expect(lines.filter((l) => l.startsWith('#'))).toEqual(['# Crossframe snippets', expect.stringMatching(/^## \\# /), '## Local']);
    for (const line of lines) {
      if (line.startsWith('[') || line === '# Crossframe snippets' || line === '* * *') continue; // our own markup (links checked below)
      const body = line.replace(/^(## |> |\*\*(Note|Tags|Entities):\*\* |>$)/, '').replace(/^\*(.*)\*$/, '$1');
      expect(unescaped(body), line).toEqual([]);
      expect(body, line).not.toMatch(/^([-+=]|\d+[.)])/);
    }
  });

  it('links only to http(s) pages, with the destination encoded so that it cannot break out', () => {
    const links = md.split('\n').filter((l) => l.startsWith('['));
    expect(links).toEqual(['[https://evil.example/a\\_\\(b\\)\\<c\\>](https://evil.example/a_%28b%29%3Cc%3E)']);
    expect(md).toContain('Address: file:///home/me/page.html');
  });

  it('shows the text as it was: removing the escapes gives back the quote', () => {
    const quoteLines = md.split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2).replace(/\\(.)/g, '$1'));
    expect(quoteLines.slice(0, 9)).toEqual(hostile.split('\n'));
  });

  it('groups snippets by source with title, quote, note, tags, entities and date', () => {
    const doc = exportMarkdown(
      [
        record('a', { created: 1_700_000_000_000, updated: 1_700_000_000_000 }),
        record('b', { created: 1_700_000_500_000, updated: 1_700_000_900_000, note: '', tags: [], entities: [] }, 'the coalition said'),
        record('c', { created: 1_600_000_000_000, updated: 1_600_000_000_000, source: { kind: 'corpus', url: 'https://example.org/x', title: 'ISIS Last Stand', site: 'corpus', article: 'whitney-isis-last-stand', passage: 4 } }),
      ],
      new Date('2026-11-21T12:00:00Z'),
    );
    expect(doc).toBe(
      [
        '# Crossframe snippets',
        '',
        'Exported 2026-11-21 12:00 UTC: 3 snippets from 2 sources.',
        '',
        '## Raqqa falls',
        '',
        '[https://www.example.org/news/raqqa](https://www.example.org/news/raqqa)',
        '',
        '> Raqqa fell to the SDF',
        '',
        '**Note:** my note',
        '',
        '**Tags:** raqqa',
        '',
        '**Entities:** raqqa',
        '',
        '*saved 2023-11-14 22:13 UTC*',
        '',
        '* * *',
        '',
        '> the coalition said',
        '',
        '*saved 2023-11-14 22:21 UTC, edited 2023-11-14 22:28 UTC*',
        '',
        '## ISIS Last Stand',
        '',
        'Corpus article whitney-isis-last-stand',
        '',
        '> Raqqa fell to the SDF',
        '',
        '**Note:** my note',
        '',
        '**Tags:** raqqa',
        '',
        '**Entities:** raqqa',
        '',
        '*passage 4, saved 2020-09-13 12:26 UTC*',
        '',
      ].join('\n'),
    );
  });

  it('escapeMarkdown: any text comes back unchanged once the escapes are removed, with nothing left unescaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'#*_[]()<>!|~&$`\\-+=.1 a\n') }), fc.string(), (a, b) => {
        for (const s of [a, b]) {
          const out = escapeMarkdown(s);
          expect(out.replace(/\\(.)/g, '$1')).toBe(s.replace(/\s+/g, ' ').trim());
          expect(unescaped(out)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('JSON import: errors by line', () => {
  const file = (records: SnippetRecord[]) => exportJson(records, new Date('2026-11-21T12:00:00Z'));
  const lines = (text: string) => text.split('\n');

  it('imports the other records when one in the middle is bad, and names the bad one by line and id', () => {
    const ls = lines(file([record('a'), record('b'), record('c')]));
    ls[2] = ls[2]!.replace('"created":1700000000000', '"created":"yesterday"');
    const { valid, errors } = importJson(ls.join('\n'));
    expect(valid.map((r) => r.id)).toEqual(['a', 'c']);
    expect(errors).toEqual([{ line: 3, id: 'b', message: expect.stringMatching(/^Invalid snippet: created: .*expected number/) }]);
  });

  it('reports a syntax error with its line and keeps the records around it', () => {
    const ls = lines(file([record('a'), record('b'), record('c'), record('d')]));
    ls[3] = ls[3]!.replace('"note":', '"note"'); // line 4: missing colon
    const { valid, errors } = importJson(ls.join('\n'));
    expect(valid.map((r) => r.id)).toEqual(['a', 'b', 'd']);
    expect(errors).toEqual([{ line: 4, id: 'c', message: expect.stringMatching(/^Syntax error: expected ":"/) }]);
  });

  it('reports a file cut off in the middle of a record', () => {
    const text = file([record('a'), record('b'), record('c')]);
    const cut = text.slice(0, text.indexOf('"id":"b"') + 40);
    const { valid, errors } = importJson(cut);
    expect(valid.map((r) => r.id)).toEqual(['a']);
    expect(errors.map((e) => e.line)).toContain(3);
    expect(errors.some((e) => /holds 3 snippets but 2 were found/.test(e.message))).toBe(true);
  });

  it('reports invalid JSON (not an object at all) with the syntax error line', () => {
    const { valid, errors } = importJson('{\n  "format": "crossframe-snippets",\n  "version": 1\n  "snippets": []\n}');
    expect(valid).toEqual([]);
    expect(errors[0]).toEqual({ line: 4, message: 'Syntax error: expected ",".' });
    expect(importJson('not json at all').errors).toContainEqual({ line: 1, message: expect.stringMatching(/^Not a Crossframe snippets file/) });
  });

  it.each([
    ['another format', '{"format":"hypothesis-annotations","version":1,"snippets":[]}', /format is "hypothesis-annotations"/],
    ['no format', '{"version":1,"snippets":[]}', /Not a Crossframe snippets file/],
    ['an array', '[{"id":"a"}]', /expected a JSON object/],
    ['no version', '{"format":"crossframe-snippets","snippets":[]}', /no valid "version"/],
    ['a version string', '{"format":"crossframe-snippets","version":"1","snippets":[]}', /no valid "version"/],
    ['no snippets list', '{"format":"crossframe-snippets","version":1,"snippets":{}}', /no "snippets" list/],
  ])('rejects a wrong envelope: %s', (_label, text, message) => {
    const { valid, errors } = importJson(text);
    expect(valid).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(message);
  });

  it('rejects an unknown major version with a message, and reads a newer minor version, dropping unknown fields', () => {
    const v2 = file([record('a')]).replace('"version":1', '"version":2');
    expect(importJson(v2)).toEqual({ valid: [], errors: [{ line: 1, message: expect.stringMatching(/Version 2 .* not supported .*newer Crossframe/) }] });
    const v1_1 = file([record('a')]).replace('"version":1', '"version":1.1').replace('"note":', '"colour":"red","note":');
    expect(importJson(v1_1)).toEqual({ valid: [record('a')], errors: [] });
    // In version 1 itself an unknown field is an error.
    const v1 = file([record('a')]).replace('"note":', '"colour":"red","note":');
    expect(importJson(v1).errors).toEqual([{ line: 2, id: 'a', message: expect.stringMatching(/colour/) }]);
  });

  it.each([
    ['tags as a string', { tags: 'raqqa' }, /tags: .*expected array/],
    ['a negative time', { created: -5 }, /created/],
    ['a passage that is not a number', { source: { kind: 'corpus', url: 'https://x.org/', title: 't', site: 'corpus', article: 'a-b', passage: '3' } }, /source\.passage/],
    ['a missing note', { note: undefined }, /note: missing/],
    ['an entity that is not kebab-case', { entities: ['Raqqa City'] }, /kebab-case/],
    ['a javascript: URL', { source: { kind: 'page', url: 'javascript:alert(1)', title: 't', site: 'x' } }, /source\.url: not a valid URL/],
    ['an oversize note (20,001 characters)', { note: 'x'.repeat(20_001) }, /note: note longer than 20,000 characters/],
    ['31 tags', { tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }, /more than 30 tags/],
    ['a 51-character tag', { tags: ['x'.repeat(51)] }, /tag longer than 50 characters/],
    ['selectors that disagree', { selectors: [record('x').selectors[0], { type: 'TextPositionSelector', start: 0, end: 3 }] }, /does not span the quote/],
    ['updated before created', { updated: 1 }, /updated is earlier than created/],
  ])('reports fields of the wrong type or size: %s', (_label, change, message) => {
    const bad = { ...record('bad'), ...change } as Record<string, unknown>;
    const text = `{"format":"crossframe-snippets","version":1,"snippets":[\n${JSON.stringify(record('ok'))},\n${JSON.stringify(bad)}\n]}`;
    const { valid, errors } = importJson(text);
    expect(valid.map((r) => r.id)).toEqual(['ok']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, id: 'bad' });
    expect(errors[0]!.message).toMatch(message);
  });

  it('normalizes tags on import (trimmed, deduplicated ignoring case)', () => {
    const text = `{"format":"crossframe-snippets","version":1,"snippets":[\n${JSON.stringify(record('a', { tags: [' Raqqa ', 'raqqa', '', 'sdf  forces'] }))}\n]}`;
    expect(importJson(text).valid[0]!.tags).toEqual(['Raqqa', 'sdf forces']);
  });

  it('keeps a "__proto__" key a key: refused as unknown, nothing polluted', () => {
    const text = `{"format":"crossframe-snippets","version":1,"snippets":[\n${JSON.stringify(record('a')).replace('{"id"', '{"__proto__":{"polluted":true},"id"')}\n]}`;
    const { valid, errors } = importJson(text);
    expect(valid).toEqual([]);
    expect(errors[0]!.message).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts comments and trailing commas (hand-edited files)', () => {
    const text = `// my backup\n{"format":"crossframe-snippets","version":1,"snippets":[\n${JSON.stringify(record('a'))}, /* second */\n${JSON.stringify(record('b'))},\n],}`;
    expect(importJson(text)).toEqual({ valid: [record('a'), record('b')], errors: [] });
  });
});

describe('JSON import never throws (fast-check)', () => {
  const check = (input: unknown) => {
    const result = importJson(input);
    expect(Array.isArray(result.valid)).toBe(true);
    expect(Array.isArray(result.errors)).toBe(true);
    for (const r of result.valid) expect(validateSnippet(r).ok).toBe(true);
    for (const e of result.errors) {
      expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
      expect(typeof e.message).toBe('string');
    }
    return result;
  };
  const good = exportJson([record('a'), record('b', { note: 'second' }), record('c', { tags: ['x', 'y'] })]);

  it('on any value, any string and any JSON', () => {
    fc.assert(fc.property(fc.anything(), (v) => void check(v)), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => void check(s)), { numRuns: 300 });
    fc.assert(fc.property(fc.json(), (s) => void check(s)), { numRuns: 300 });
  });

  it('on an envelope holding anything', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 5 }), fc.oneof(fc.constant(1), fc.double(), fc.jsonValue()), (snippets, version) => {
        check(JSON.stringify({ format: 'crossframe-snippets', version, snippets }));
      }),
      { numRuns: 300 },
    );
  });

  it('on a real export with random damage, keeping undamaged records', () => {
    fc.assert(
      fc.property(fc.nat({ max: good.length }), fc.nat({ max: 40 }), fc.string({ maxLength: 10 }), (at, remove, insert) => {
        const damaged = good.slice(0, at) + insert + good.slice(at + remove);
        const result = check(damaged);
        // Damage inside one record's values (no JSON punctuation, which can desync the parser's recovery) costs
        // at most that record: the records on the other lines are still read.
        const line = good.slice(0, at).split('\n').length;
        // The characters on either side too: text put between a closing quote and a comma is outside any value.
        const touched = good.slice(Math.max(0, at - 1), at) + insert + good.slice(at, at + remove + 1);
        if (line > 1 && line < 5 && good.slice(0, at + remove).split('\n').length === line && !/[\n"\\/{}[\],:]/.test(touched)) {
          const untouched = [2, 3, 4].filter((l) => l !== line).map((l) => ['a', 'b', 'c'][l - 2]!);
          for (const id of untouched) expect(result.valid.map((r) => r.id)).toContain(id);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('on huge and deeply nested input', () => {
    expect(check('['.repeat(200_000)).errors[0]!.message).toMatch(/could not be read|Not a Crossframe/);
    const deep = `{"format":"crossframe-snippets","version":1,"snippets":[${'{"a":'.repeat(50)}1${'}'.repeat(50)}]}`;
    expect(check(deep).errors[0]!.message).toMatch(/nested too deeply/);
    const many = `{"format":"crossframe-snippets","version":1,"snippets":[${Array(200_000).fill('1').join(',')}]}`;
    const r = check(many);
    expect(r.errors.at(-1)!.message).toMatch(/more problems/);
    expect(check('x'.repeat(70 * 1024 * 1024)).errors[0]!.message).toMatch(/too large/);
  });
});
