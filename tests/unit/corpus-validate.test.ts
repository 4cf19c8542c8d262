import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../lib/corpus/validate';
import { readCorpus } from '../../scripts/lib/read-corpus';
import { ROOT } from './helpers/corpus';

/** A copy of corpus/ to break on purpose. */
function brokenCopy(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'crossframe-corpus-'));
  cpSync(resolve(ROOT, 'corpus'), dir, { recursive: true });
  edit(dir);
  return dir;
}

const messages = (dir: string) => readCorpus(dir).problems.map(formatProblem);
const editJson = (file: string, fn: (data: any) => void) => {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  fn(data);
  writeFileSync(file, JSON.stringify(data, null, 2));
};

describe('corpus validation names the file and the field', () => {
  it('accepts the shipped corpus', () => {
    expect(readCorpus(resolve(ROOT, 'corpus')).problems).toEqual([]);
  });

  it('reports a missing raw file', () => {
    const dir = brokenCopy((d) => rmSync(join(d, 'raw/003_995d1822d3988a63.txt')));
    expect(messages(dir)).toEqual(['corpus/raw/003_995d1822d3988a63.txt: missing (named by corpus/articles.json articles[3].file)']);
  });

  it('reports a malformed date with its field', () => {
    const dir = brokenCopy((d) => editJson(join(d, 'articles.json'), (a) => (a.articles[2].date.value = '30/03/2019')));
    expect(messages(dir)).toEqual(['corpus/articles.json: articles[2].date.value: expected a date as YYYY-MM-DD']);
  });

  it('reports a body rule whose marker is not in the raw text', () => {
    const dir = brokenCopy((d) => editJson(join(d, 'articles.json'), (a) => (a.articles[1].body.end = 'no such sentence')));
    expect(messages(dir)[0]).toMatch(/^corpus\/articles\.json: articles\[1\]\.body\.end: end marker not found/);
  });

  it('reports a missing field of an entity', () => {
    const dir = brokenCopy((d) => editJson(join(d, 'entities.json'), (e) => delete e.entities[4].type));
    expect(messages(dir)).toEqual([expect.stringMatching(/^corpus\/entities\.json: entities\[4\]\.type: /)]);
  });

  it('reports a file that is not JSON', () => {
    const dir = brokenCopy((d) => writeFileSync(join(d, 'entities.json'), '{ "version": '));
    expect(messages(dir)).toEqual([expect.stringMatching(/^corpus\/entities\.json: not valid JSON/)]);
  });

  it('reports an alias claimed by two entities', () => {
    const dir = brokenCopy((d) => editJson(join(d, 'entities.json'), (e) => e.entities[0].aliases.push('Raqqa')));
    const [message, ...rest] = messages(dir);
    expect(rest).toEqual([]);
    // Both claimants are named: the entity that got the alias first and the one that claims it again.
    expect(message).toMatch(/^corpus\/entities\.json: entities\[\d+\]\.aliases\[\d+\]: alias "Raqqa" \(folded "raqa"\) is also claimed by/);
    expect(message).toContain(`entities[0].aliases[`);
    expect(message).toMatch(/entities\[\d+\]\.aliases\[0\]/);
  });

  it('fails the real build with that message', () => {
    const dir = brokenCopy((d) => editJson(join(d, 'articles.json'), (a) => (a.articles[0].language = 'english')));
    const out = mkdtempSync(join(tmpdir(), 'crossframe-out-'));
    let output = '';
    let failed = false;
    try {
      execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, CROSSFRAME_CORPUS_DIR: dir, CROSSFRAME_OUT_DIR: out }, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      failed = true;
      const err = e as { stdout?: string; stderr?: string };
      output = `${err.stdout ?? ''}${err.stderr ?? ''}`;
    }
    expect(failed).toBe(true);
    expect(output).toContain('corpus/articles.json: articles[0].language: expected an ISO 639-1 code');
  }, 120_000);
});
