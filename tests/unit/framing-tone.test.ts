import { describe, expect, it } from 'vitest';
import { formatTone } from '../../lib/corpus/framing/summary';
import { ALPHA, sentenceTone } from '../../lib/corpus/framing/tone';
import type { FramingRecord } from '../../lib/corpus/types';
import { frameUnseenArticle, shippedBuild } from './helpers/corpus';

/** Frames a short article written for the test against the shipped gazetteer. */
function frameText(body: string, entity: string): FramingRecord {
  return frameUnseenArticle(body).find((f) => f.entity === entity)!;
}

describe('tone on the corpus', () => {
  it('ISIS in 001 (Mercouris) is negative, driven by "terror", "slavery", "murderous"', () => {
    // "disgraced by its grotesque atrocities – its time of power and terror is almost up"; "the bleak and
    // bloodthirsty rule of an organisation like ISIS – with public beheadings ..., slavery, ... murderous gangsterism".
    const f = shippedBuild().framings.find((x) => x.entity === 'isis' && x.article === 'mercouris-isis-final-days')!;
    expect(f.tone).toBeLessThan(0);
    const words = new Map(f.toneWords.map((w) => [w.word, w]));
    expect(words.get('terror')?.score).toBe(-3);
    expect(words.get('slavery')?.score).toBe(-3);
    expect(words.get('murderous')?.score).toBe(-3);
    // "It rules the areas it controls by violence and terror" names ISIS only by a pronoun: not one of its sentences.
    expect(words.has('violence')).toBe(false);
    expect(f.summary).toBe(`calls it "organisation"; tone ${formatTone(f.tone!)}; 63 mentions`);
    expect(f.summary).toMatch(/tone −0\.\d\d;/);
  });

  it('toneWords come strongest first (|score| × count)', () => {
    for (const f of shippedBuild().framings) {
      const strength = f.toneWords.map((w) => Math.abs(w.score) * w.count);
      expect(strength).toEqual([...strength].sort((a, b) => b - a));
    }
  });
});

describe('tone of written sentences', () => {
  it('a clearly positive sentence set gives a positive tone', () => {
    const f = frameText('Residents of Raqqa welcomed the soldiers with joy.\n\nThe people of Raqqa were happy and grateful for the peace.', 'raqqa');
    expect(f.tone).toBeGreaterThan(0.5);
    expect(f.toneWords.map((w) => w.word)).toEqual(expect.arrayContaining(['joy', 'happy', 'grateful', 'welcomed', 'peace']));
  });

  it('a clearly negative one gives a negative tone', () => {
    const f = frameText('In Raqqa, ISIS killed prisoners with brutal violence and terror.', 'isis');
    expect(f.tone).toBeLessThan(-0.5);
  });

  it('normalizes a sentence sum s as s / sqrt(s² + 15)', () => {
    // joy (+3) + happy (+3) = 6.
    expect(sentenceTone('Joy and happy.').value).toBeCloseTo(6 / Math.sqrt(36 + ALPHA), 10);
    expect(sentenceTone('The town is on the river.').value).toBe(0);
  });

  it('skips words inside entity names: "Popular Mobilization Forces" is not praise', () => {
    const f = frameText('The Popular Mobilization Forces entered the town.', 'popular-mobilization-units');
    expect(f.tone).toBe(0);
    expect(f.toneWords).toEqual([]);
  });
});

describe('negation', () => {
  it('a negator flips the sign of a sentiment word within three words', () => {
    const plain = sentenceTone('The offensive against ISIS succeeded.');
    const negated = sentenceTone('The offensive against ISIS never succeeded.');
    expect(plain.words).toEqual([{ word: 'succeeded', score: 3, count: 1 }]);
    expect(negated.words).toEqual([{ word: 'succeeded', score: -3, count: 1, negated: true }]);
    expect(negated.value).toBeCloseTo(-plain.value, 10);
  });

  it('turns an entity\'s tone around: "were not happy" under ISIS', () => {
    expect(frameText('The people of Raqqa were happy.', 'raqqa').tone).toBeGreaterThan(0);
    const f = frameText("The people of Raqqa weren't happy.", 'raqqa');
    expect(f.tone).toBeLessThan(0);
    expect(f.toneWords).toEqual([{ word: 'happy', score: -3, count: 1, negated: true }]);
  });

  it('stops at the clause boundary and after three words', () => {
    expect(sentenceTone('There was no help, and peace came.').words).toEqual([
      { word: 'help', score: -2, count: 1, negated: true },
      { word: 'peace', score: 2, count: 1 },
    ]);
    expect(sentenceTone('Nobody in the whole town was happy.').words).toEqual([{ word: 'happy', score: 3, count: 1 }]);
  });
});
