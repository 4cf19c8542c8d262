import { describe, expect, it } from 'vitest';
import type { FramingRecord } from '../../lib/corpus/types';
import { frameUnseenArticle } from './helpers/corpus';

/** Frames a short article written for the test against the shipped gazetteer; framings by entity id. */
function frame(body: string): Map<string, FramingRecord> {
  return new Map(frameUnseenArticle(body, { id: 'rules', title: 'Rules' }).map((f) => [f.entity, f]));
}
const texts = (f: FramingRecord | undefined, kind: string) => (f?.descriptors ?? []).filter((d) => d.kind === kind).map((d) => d.text);

describe('premodifiers', () => {
  it('reads hyphenated compounds, open compounds with a hedge, and evaluative adjectives', () => {
    const f = frame('The allegedly Iranian backed and lawless Hezbollah fought the self-proclaimed Islamic State.');
    expect(texts(f.get('hezbollah'), 'premodifier')).toEqual(['allegedly Iranian-backed', 'lawless']);
    expect(texts(f.get('isis'), 'premodifier')).toEqual(['self-proclaimed']);
  });

  it('does not read a compound that a name opens: "supposed US-backed offensive" says nothing of the US', () => {
    const f = frame('This was a supposed US-backed offensive.');
    expect(f.get('united-states')?.descriptors.filter((d) => d.kind !== 'name')).toEqual([]);
  });
});

describe('labels', () => {
  it('after a group\'s name, but not after a place\'s: "ISIS fighters", "Kurdish proxies", not "Iranian proxies"', () => {
    const f = frame('ISIS fighters attacked Iranian proxies and Kurdish proxies.');
    expect(texts(f.get('isis'), 'label')).toEqual(['fighters']);
    expect(texts(f.get('kurds'), 'label')).toEqual(['proxies']);
    expect(texts(f.get('iran'), 'label')).toEqual([]);
  });

  it('"Y\'s X" only for polities: "Bashar Assad\'s regime" labels Assad, "Iran\'s militias" does not label Iran', () => {
    // ("Assad's regime" alone is an alias of the Syrian government.)
    const f = frame("Bashar Assad's regime relied on Iran's militias.");
    expect(texts(f.get('bashar-al-assad'), 'label')).toEqual(['regime']);
    expect(texts(f.get('iran'), 'label')).toEqual([]);
  });

  it('"X such as / like Y" and a label right before the name', () => {
    const f = frame('Washington sent arms to jihadi groups such as Hezbollah. Later the global jihadi terrorist group Al-Qaeda grew.');
    expect(texts(f.get('hezbollah'), 'label')).toEqual(['groups']);
    expect(texts(f.get('hezbollah'), 'premodifier')).toEqual(['jihadi']);
    expect(texts(f.get('al-qaeda'), 'label')).toEqual(['terrorist group']);
  });

  it('"LABEL in the Y" takes the patron along ("US proxies in the SDF"); "the proxies of Y" does not label Y', () => {
    const f = frame('US proxies in the SDF took the town. The proxies of Hezbollah fled.');
    expect(texts(f.get('syrian-democratic-forces'), 'label')).toEqual(['US proxies']);
    expect(texts(f.get('hezbollah'), 'label')).toEqual([]);
  });

  it('a lowercase label inside the name itself ("Assad regime"), not a capitalised one ("Syrian Democratic Forces")', () => {
    const f = frame('The Assad regime fought the Syrian Democratic Forces.');
    expect(texts(f.get('syrian-government'), 'label')).toEqual(['regime']);
    expect(texts(f.get('syrian-democratic-forces'), 'label')).toEqual([]);
  });
});

describe('appositions', () => {
  it('comma appositions with a label or title, before or after the name', () => {
    const f = frame('Bashar al-Assad, the Syrian President, spoke. The city fell to the terrorist group, ISIS, which held it.');
    expect(texts(f.get('bashar-al-assad'), 'apposition')).toEqual(['the Syrian President']);
    expect(texts(f.get('isis'), 'apposition')).toEqual(['the terrorist group']);
    expect(texts(f.get('isis'), 'label')).toEqual(['terrorist group']);
  });

  it('a parenthesis counts when it glosses the name, not when it only repeats it or says where', () => {
    const f = frame('The Islamic State (also known as Daesh) and the Syrian Arab Army (SAA) met near Raqqa (along the Euphrates).');
    expect(texts(f.get('isis'), 'apposition')).toEqual(['also known as Daesh']);
    expect(texts(f.get('syrian-arab-army'), 'apposition')).toEqual([]);
    expect(texts(f.get('raqqa'), 'apposition')).toEqual([]);
  });

  it('does not take a clause after a comma for an apposition ("In Syria, the US ...")', () => {
    const f = frame('In Syria, the US forces attacked the terrorists.');
    expect(texts(f.get('syria'), 'apposition')).toEqual([]);
  });
});

describe('references back to a named entity', () => {
  it('"the group" and "the regime" refer to the nearest entity whose aliases end in that noun', () => {
    const f = frame('ISIS lost Raqqa to the Kurds.\n\nThe group fled south, and the Syrian government pressed on.\n\nThe sovereign government said the regime would win.');
    expect(texts(f.get('isis'), 'label')).toEqual(['group']);
    expect(texts(f.get('kurds'), 'label')).toEqual([]);
    const gov = f.get('syrian-government')!;
    expect(texts(gov, 'premodifier')).toEqual(['sovereign']);
    expect(texts(gov, 'label')).toEqual(['government', 'regime']);
    // References add descriptors and contested terms, never name mentions.
    expect(gov.count).toBe(1);
    expect(gov.contested.map((t) => t.term)).toEqual(['government', 'regime', 'sovereign']);
  });

  it('looks back at most two paragraphs, and not into "regime change"', () => {
    const f = frame('ISIS held Mosul.\n\nIt was hot.\n\nIt rained.\n\nThe group left. Regime change was the aim of the regime change lobby.');
    expect(texts(f.get('isis'), 'label')).toEqual([]);
    expect(f.get('isis')?.contested).toEqual([]);
  });
});

describe('quotations', () => {
  it('counts descriptors in reported speech as quoted, scare quotes of up to four words as the author\'s', () => {
    const f = frame('Rogin wrote: "The brutal Assad regime must be stopped before it is too late." The author disagrees with the “Assad regime” label.');
    const regime = f.get('syrian-government')!.descriptors.find((d) => d.text === 'regime')!;
    expect(regime).toMatchObject({ kind: 'label', count: 2, quoted: 1 });
    expect(f.get('syrian-government')!.contested).toEqual([
      { term: 'regime', group: 'regime / government / administration', count: 2, quoted: 1 },
    ]);
  });

  it('ranks quoted uses below the author\'s own, and says so when only quotations use a label', () => {
    const quotedOnly = frame('He said: "The Assad regime will fall within the year, mark my words," and left Damascus.').get('syrian-government')!;
    expect(quotedOnly.summary).toMatch(/^quotes others calling it "regime"; tone /);
    const mixed = frame('"The Assad regime is finished and will soon be gone," he said. The Syrian government disagreed. The Syrian government stayed.').get('syrian-government')!;
    expect(mixed.descriptors.map((d) => d.text).slice(0, 2)).toEqual(['government', 'regime']);
  });
});

describe('ranking', () => {
  it('puts every label, premodifier and apposition before the names, however often a name is used', () => {
    const f = frame('ISIS fled. ISIS hid. ISIS regrouped. ISIS attacked. The self-proclaimed Islamic State lost.').get('isis')!;
    expect(f.descriptors.map((d) => d.kind)).toEqual(['premodifier', 'name', 'name']);
    expect(f.summary).toMatch(/^calls it "self-proclaimed"; /);
  });
});
