import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBody } from '../../lib/corpus/body';
import { splitSentences } from '../../lib/corpus/sentences';
import { ArticlesFileSchema } from '../../lib/corpus/schema';
import { ROOT } from './helpers/corpus';

const file = ArticlesFileSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'corpus/articles.json'), 'utf8')));
const body = (id: string) => {
  const meta = file.articles.find((a) => a.id === id)!;
  return extractBody(readFileSync(resolve(ROOT, 'corpus', meta.file), 'utf8'), meta.body);
};
const first = (text: string) => splitSentences(text)[0]!.text;
const last = (text: string) => splitSentences(text).at(-1)!.text;

// First and last sentences read off the raw pages by hand.
const EXPECTED: Record<string, { first: string; last: string }> = {
  'whitney-isis-last-stand': {
    first: '"There can be no doubt about it, the ISIS of just two years ago was the most powerful, well-led, generously-armed and resource-efficient paramilitary force in modern history, having carved out for itself an empire between two sovereign states and devastating their armies in the process.',
    last: 'Which is it?',
  },
  'mercouris-isis-final-days': {
    first: 'Though ISIS has held together surprisingly strongly in the face of the attacks of its multiple enemies, the last two weeks suggest that the tipping point has finally been reached, and that its disintegration has now begun.',
    last: 'As for ISIS – discredited by its failure in Syria and Iraq and disgraced by its grotesque atrocities – its time of power and terror is almost up.',
  },
  'cartalucci-liquidating-assets': {
    first: 'That the "final stronghold" of the self-proclaimed Islamic State (ISIS) resides in US occupied territory in Syria says it all.',
    last: 'The real story isn\'t that the US is finally moving in on ISIS\' "last stronghold," it\'s that the US presided over the "last stronghold" for so long.',
  },
  'unsigned-devils-bargain-iran': {
    first: 'The “defeat” of ISIS, signified by its eviction from Mosul in July, its impending loss of Raqqa, and an apparent resurgence of Bashar Assad’s regime in Syria, seemed to augur a new era of stability for the Middle East.',
    last: 'These alien occupation militias cannot pacify these zones, but they will provide the sectarian fuel to keep ISIS alive long into the future.',
  },
  'magnier-isis-dropping': {
    first: 'The United States gave the green light to its allies in the “Syrian Democratic Forces” (SDF – Kurds) to start the “Warth of Euphrates” attack on the city of Raqqah, one of the main strongholds of the “Islamic State” group (ISIS), to break into the city from three axes: the east (al-Mashalab), the north-east (division 17 army base) and the west (ash Sabahiyyah).',
    last: 'Otherwise, the return of ISIS cannot be ruled out.',
  },
};

describe('article bodies cut by the recorded rules', () => {
  it('has rules for exactly the five seed articles', () => {
    expect(file.articles.map((a) => a.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [id, want] of Object.entries(EXPECTED)) {
    it(`${id}: first and last sentence`, () => {
      const text = body(id);
      expect(first(text)).toBe(want.first);
      expect(last(text)).toBe(want.last);
    });
  }

  it('leaves no page chrome in any body', () => {
    const chrome = [
      /Become a Member/i, /Disclaimer/, /globalresearch\.ca/, /Comment on Global Research/, /Region:/, /In-depth Report/,
      /Helsinki/, /Hillary/, /Theresa May/, /Continue Reading/, /Advertisement/, /Views\b/, /Connect with us/, /Published\s*$/m,
      /[\u0600-\u06ff]/, /Key words:/, /Published here/, /Comments are closed/, /Note to readers/, /Featured image/,
      /Mike Whitney lives/, /Tony Cartalucci is/, /<\/?u>/, /\*\*/, /fergiewhitney/, /The original source/,
    ];
    for (const id of Object.keys(EXPECTED)) {
      const text = body(id);
      for (const re of chrome) expect(text, `${id} contains ${re}`).not.toMatch(re);
    }
  });

  it('rejoins a sentence that the saved page broke across paragraphs', () => {
    const text = body('whitney-isis-last-stand');
    expect(text).toContain('In the current climate in the US');
    expect(text).toContain('a military cordon around the country.');
  });

  it('keeps the quoted opening and its attribution in the Whitney body', () => {
    expect(body('whitney-isis-last-stand')).toContain('The Defeat of ISIS, Andrew Illingworth, Almasdar News');
  });

  it('does not let a rule run past its end marker', () => {
    expect(() => extractBody('start text middle', { start: 'start', end: 'absent', clean: [] })).toThrow(/end marker/);
    expect(() => extractBody('text', { start: 'absent', end: 'text', clean: [] })).toThrow(/start marker/);
  });
});
