import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/corpus';

function runScan(args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync('npx', ['tsx', 'scripts/scan.ts', ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crossframe-scan-'));
  const txt = join(dir, 'story.txt');
  writeFileSync(txt, 'Fighting near Raqqa\n\nThe Syrian Democratic Forces said on Monday that Islamic State fighters had left Raqqa. Bashar al-Assad said Damascus would retake Deir ez-Zor. ISIS still holds Abu Kamal.\n');
  const binary = join(dir, 'image.html');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  const notHtml = join(dir, 'notes.html');
  writeFileSync(notHtml, 'just some words about Raqqa, not markup');
  const sample = resolve(ROOT, 'tests/fixtures/sample-news.html');

  it('prints one JSON object per file, with an error line for files it cannot read, and goes on', () => {
    const r = runScan(['--json', sample, join(dir, 'missing.html'), binary, notHtml, txt]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.error ?? 'ok')).toEqual([
      'ok',
      'cannot read: ENOENT',
      'binary data, not a text or HTML file',
      'not an HTML document (no html, body or text elements)',
      'ok',
    ]);
    const page = lines[0];
    expect(page.relevant).toBe(true);
    expect(page.title).toBe('Families return to Raqqa as fighting moves down the Euphrates | The Sample Courier');
    const raqqa = page.entities.find((e: { id: string }) => e.id === 'raqqa');
    expect(raqqa).toMatchObject({ type: 'place', name: 'Raqqa', count: 2 });
    expect(raqqa.hits.every((h: { where: string }) => h.where === 'main')).toBe(true);
    const story = lines[4];
    expect(story.title).toBe('Fighting near Raqqa');
    expect(story.entities.map((e: { id: string }) => e.id)).toEqual(
      expect.arrayContaining(['raqqa', 'syrian-democratic-forces', 'isis', 'bashar-al-assad', 'damascus', 'deir-ez-zor', 'abu-kamal']),
    );
    expect(story.relevant).toBe(true);
  });

  it('prints a readable report, and says nothing is relevant on an unrelated page', () => {
    const r = runScan([resolve(ROOT, 'tests/fixtures/unrelated-news.html')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('relevant: false');
    expect(r.stdout).toContain('entities: 0');
  });
}, 60_000);
