import { describe, expect, it } from 'vitest';
import { contrastLine, namesEntity } from '../../lib/corpus/contrast';
import { shippedBuild } from './helpers/corpus';

const build = shippedBuild();
const line = (entity: string) => {
  const e = build.entities.find((x) => x.id === entity)!;
  return contrastLine(build.framings.filter((f) => f.entity === entity), build.articles, e.name);
};

describe('the hover card’s one-line contrast', () => {
  it('shows each article’s label where it has one', () => {
    const sdf = line('syrian-democratic-forces');
    expect(sdf).toContain('Whitney: “US proxies”');
    expect(sdf).toContain('unsigned: “front group”');
    expect(sdf).toMatch(/1 never mentions it$/);
  });

  it('shows how often an article names it when it only uses the plain name', () => {
    const raqqa = line('raqqa');
    expect(raqqa).toMatch(/Magnier: named 6×/);
    expect(raqqa).toMatch(/2 never mention it$/);
  });

  it('counts a name inside a longer name as naming it', () => {
    const ghouta = build.framings.filter((f) => f.entity === 'ghouta');
    expect(ghouta.some(namesEntity)).toBe(true);
    expect(line('ghouta')).not.toBe('No corpus article mentions it.');
  });
});
