import { describe, expect, it } from 'vitest';
import type { FramingRecord } from '../../lib/corpus/types';
import { frameUnseenArticle, shippedBuild } from './helpers/corpus';

// An article the pipeline has never seen, with plain labels, run through analyzeArticle + computeFramings as a
// page a user adds would be.
const BODY = [
  'The US-backed Syrian Democratic Forces, the Kurdish-led militia, liberated Raqqa from ISIS terrorists in October.',
  'Bashar al-Assad, the Syrian President, called the SDF occupiers.',
  'The Assad regime wants to retake Raqqa. Residents of Raqqa fear that the regime will bring brutal violence back.',
].join('\n\n');

const framings = frameUnseenArticle(BODY, { id: 'unseen-raqqa', title: 'Raqqa after ISIS' });
const of = (entity: string): FramingRecord => framings.find((f) => f.entity === entity)!;
const kinds = (f: FramingRecord) => f.descriptors.map((d) => `${d.kind}:${d.text}`);
const terms = (f: FramingRecord) => f.contested.map((t) => t.term);

describe('an article the pipeline has never seen', () => {
  it('frames every entity of the gazetteer for it', () => {
    expect(framings).toHaveLength(shippedBuild().entities.length);
    expect(of('damascus').summary).toBe('does not mention it');
  });

  it('the SDF: "US-backed", "the Kurdish-led militia", and "occupiers" in Assad\'s words', () => {
    const sdf = of('syrian-democratic-forces');
    expect(sdf).toMatchObject({ count: 2, passages: [0, 1] });
    expect(kinds(sdf)).toEqual(
      expect.arrayContaining(['premodifier:US-backed', 'premodifier:Kurdish-led', 'apposition:the Kurdish-led militia', 'label:militia', 'label:occupiers']),
    );
    // Tone: the mean over its two sentences, −0.46 ("terrorists") and 0 (no AFINN word).
    expect(sdf.summary).toBe('calls it "militia"; tone −0.23; 2 mentions');
    expect(terms(sdf)).toEqual(expect.arrayContaining(['liberated', 'occupiers', 'backed']));
  });

  it('Bashar al-Assad: "the Syrian President"; the Syrian government: "regime", twice', () => {
    expect(kinds(of('bashar-al-assad'))).toContain('apposition:the Syrian President');
    const gov = of('syrian-government');
    expect(gov.descriptors[0]).toMatchObject({ kind: 'label', text: 'regime', count: 2 });
    expect(gov.contested).toEqual([
      { term: 'regime', group: 'regime / government / administration', count: 2 },
      { term: 'retake', group: 'liberated / captured / occupied / fell / seized / retaken / recaptured / freed', count: 1 },
    ]);
    // Tone reads only the sentence that names it; "the regime will bring brutal violence back" is a reference.
    expect(gov.tone).toBe(0);
  });

  it('ISIS: "terrorists", negative tone; Raqqa: three name mentions', () => {
    const isis = of('isis');
    expect(isis.descriptors[0]).toMatchObject({ kind: 'label', text: 'terrorists' });
    expect(isis.tone).toBeLessThan(0);
    expect(of('raqqa')).toMatchObject({ count: 3, passages: [0, 2, 3] });
    // "regime" inside the name "Assad regime" belongs to the Syrian government; the bare "the regime" is near Raqqa.
    expect(of('raqqa').contested.find((t) => t.term === 'regime')).toMatchObject({ count: 1 });
  });
});
