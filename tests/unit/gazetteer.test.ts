import { describe, expect, it } from 'vitest';
import { compileGazetteer } from '../../lib/entities/compile';
import { hasContextRule } from '../../lib/entities/context-rules';
import { normalize } from '../../lib/text';
import { shippedBuild, shippedInput, shippedMatcher } from './helpers/corpus';

const file = shippedInput().entities;
const matcher = shippedMatcher();

describe('the shipped gazetteer (corpus/entities.json)', () => {
  it('has well over a hundred entities of every type', () => {
    expect(file.entities.length).toBeGreaterThan(100);
    const types = new Set(file.entities.map((e) => e.type));
    expect([...types].sort()).toEqual(['event', 'group', 'organization', 'person', 'place']);
  });

  it('compiles without an alias claimed by two entities (unless a context rule settles it)', () => {
    expect(compileGazetteer(file).problems).toEqual([]);
    const owners = new Map<string, Set<string>>();
    for (const e of file.entities) for (const a of [...e.aliases, ...(e.demonyms ?? [])]) owners.set(normalize(a), (owners.get(normalize(a)) ?? new Set()).add(e.id));
    const shared = [...owners].filter(([, ids]) => ids.size > 1);
    for (const [folded] of shared) expect(hasContextRule(folded), folded).toBe(true);
  });

  it('resolves every alias and demonym, alone in a sentence, to its own entity', () => {
    const failures: string[] = [];
    for (const e of file.entities) {
      for (const [alias, demonym] of [...e.aliases.map((a) => [a, false] as const), ...(e.demonyms ?? []).map((a) => [a, true] as const)]) {
        const text = `Reports said ${alias} was there.`;
        const matches = matcher.find(text);
        const written = alias.replace(/['’]s$/, '').replace(/(?<!\.\p{L})[^\p{L}\p{N}]+$/u, '');
        const whole = matches.find((m) => m.start === 13 && m.end === 13 + written.length);
        const got = whole ? matcher.gazetteer.entities[whole.entity]!.id : `[${matches.map((m) => `${matcher.gazetteer.entities[m.entity]!.id}:${m.surface}`).join(', ')}]`;
        if (got !== e.id || whole?.demonym !== demonym) failures.push(`${e.id}: "${alias}" → ${got}${whole && whole.demonym !== demonym ? ' (kind differs)' : ''}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('carries Arabic-script names and German/French names where they differ', () => {
    const arabic = file.entities.filter((e) => e.aliases.some((a) => /[\u0600-\u06ff]/.test(a)));
    expect(arabic.length).toBeGreaterThan(file.entities.length * 0.8);
    const find = (text: string) => matcher.find(text).map((m) => matcher.gazetteer.entities[m.entity]!.id);
    expect(find('Damaskus, Rakka, Islamischer Staat, État islamique, Alep, دير الزور, حزب الله')).toEqual([
      'damascus', 'raqqa', 'isis', 'isis', 'aleppo', 'deir-ez-zor', 'hezbollah',
    ]);
    // German adjectives take endings after an article: "die Syrische…", "der Syrischen Demokratischen Kräfte".
    expect(find('Kämpfer der Syrischen Demokratischen Kräfte und der Islamischen Republik Iran, im Vereinigten Königreich')).toEqual([
      'syrian-democratic-forces', 'iran', 'united-kingdom',
    ]);
  });

  it('knows the required spellings of the issue', () => {
    const find = (text: string) => matcher.find(text).map((m) => matcher.gazetteer.entities[m.entity]!.id);
    expect(find('Deir ez-Zor, Deir Ezzor, Deir al-Zour, Deir az-Zor, Dayr az-Zawr')).toEqual(Array(5).fill('deir-ez-zor'));
    expect(find('Abu Kamal, Albu Kamal, Al-Bukamal')).toEqual(Array(3).fill('abu-kamal'));
    expect(find('ISIS, ISIL, IS, Islamic State, Daesh')).toEqual(Array(5).fill('isis'));
    expect(find('Popular Mobilization Units, Popular Mobilisation Forces, PMU, PMF, Hashd al-Shaabi, al-Hashd al-Shabi')).toEqual(Array(6).fill('popular-mobilization-units'));
  });

  it('does not take the given name "Shia" for the branch of Islam', () => {
    const shia = (text: string) => matcher.find(text).filter((m) => matcher.gazetteer.entities[m.entity]!.id === 'shia-islam').map((m) => m.surface);
    expect(shia('Prime Minister Mohammed Shia al-Sudani met Shia leaders.')).toEqual(['Shia']);
    expect(shia('Iraq’s prime minister, Mohammed Shia al-Sudani, spoke.')).toEqual([]);
    // Not a name: a lower-case word before it, or punctuation between.
    expect(shia('the Shia al-Wefaq party; Sunni, Shia, al-Sadr’s men')).toEqual(['Shia', 'Shia']);
  });

  it('names only entities that a corpus body mentions', () => {
    const mentioned = new Set(shippedBuild().mentions.map((m) => m.entity));
    expect(file.entities.filter((e) => !mentioned.has(e.id)).map((e) => e.id)).toEqual([]);
  });
});
