/**
 * The gate every page gets (lib/page/gate.ts, lib/entities/gate-pattern.ts): it must never rule out a page
 * that the full analysis would find relevant, and it should rule out pages that name no decisive entity.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { compileGazetteer } from '../../lib/entities/compile';
import { compileGateSource } from '../../lib/entities/gate-pattern';
import { Matcher } from '../../lib/entities/matcher';
import { DECISIVE_LEVEL, HitWeights, scoreRelevance } from '../../lib/entities/relevance';
import { EntitiesFileSchema, type EntitiesFile } from '../../lib/entities/schema';
import { analyzePage } from '../../lib/page/analyze';
import { collectText } from '../../lib/page/collect';
import { PageGate } from '../../lib/page/gate';
import type { MutationBatch } from '../../lib/page/mutations';
import { makeVisibilityCheck } from '../../lib/page/visibility';
import { loadDocument } from '../../scripts/lib/scan-file';
import { buildDom, domTree, gazetteerFile, hostilePiece, JOINER_CHARS, vocabularyText, DOM_RUNS } from './helpers/arbitraries';
import { REALPAGES, shippedInput, shippedMatcher } from './helpers/corpus';

/** GATE_SCALE=20 runs every property twenty times as often (a search for counterexamples, not for CI). */
const SCALE = Number(process.env.GATE_SCALE ?? 1);
const full = shippedMatcher();
const gate = new PageGate(compileGateSource(full.gazetteer));
const isDecisive = (m: Matcher, entity: number) => m.gazetteer.entities[entity]?.relevance === DECISIVE_LEVEL;
const namesDecisive = (m: Matcher, text: string) => m.find(text).some((x) => isDecisive(m, x.entity));

function run<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const page = (body: string, title = 'A page') => new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`).window.document;
const passes = (doc: Document, g = gate) => run(g.pageSteps(doc, Number.POSITIVE_INFINITY)).pass;

/** Ways a page may write a name that the matcher still reads as that name (some it reads as another: no matter). */
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'ï', o: 'ö', u: 'ū', c: 'ç', n: 'ñ', s: 'ş', z: 'ž', h: 'ḥ', d: 'ḍ', t: 'ṭ', r: 'ř', y: 'ý', l: 'ł', A: 'Ā', D: 'Ḍ', R: 'Ŕ', S: 'Š' };
const spelling = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toLowerCase(),
  (s: string) => s.toUpperCase(),
  (s: string) => s.normalize('NFD'),
  (s: string) => s.replace(/[a-z]/gi, (c) => (Math.random() < 0.5 ? (ACCENTED[c] ?? c) : c)),
  (s: string) => s.replace(/([a-z])/i, '$1$1'),
  (s: string) => s.replace(/([a-z])([a-z])/i, `$1${JOINER_CHARS[5]}$2`),
  (s: string) => s.replace(/[a-z]/, (c) => String.fromCodePoint(0xff41 + c.charCodeAt(0) - 0x61)),
  (s: string) => s.replace(/a$/, 'ah'),
  (s: string) => s.replace(/ee/, 'i').replace(/i(?!.*i)/, 'ee'),
  (s: string) => `${s}’s`,
  (s: string) => `al-${s}`,
  (s: string) => `d’${s}`,
  (s: string) => `qu'${s}`,
  (s: string) => `و${s}`,
  (s: string) => s.replace(/ /g, ' \u00a0 '),
);

describe('the gate on text', () => {
  const forms = shippedInput().entities.entities.flatMap((e) => [...e.aliases, ...(e.demonyms ?? [])]);
  const written = fc.tuple(fc.constantFrom(...forms), spelling).map(([a, f]) => f(a));
  const text = fc
    .array(fc.tuple(fc.oneof(written, vocabularyText, hostilePiece), fc.constantFrom(' ', ', ', '\n', ' the ', '-', "'s ", ' of ', '', 'x')), { maxLength: 10 })
    .map((parts) => parts.map(([a, s]) => a + s).join(''));

  it('passes wherever the full matcher finds a decisive name (shipped aliases in many spellings, hostile text around)', () => {
    let named = 0;
    fc.assert(
      fc.property(text, (t) => {
        if (!namesDecisive(full, t)) return;
        named++;
        expect(gate.textMayBeRelevant(t), t).toBe(true);
      }),
      { numRuns: 1500 * SCALE },
    );
    // The property was exercised, not vacuous.
    expect(named).toBeGreaterThan(300);
  });

  it('passes wherever the full matcher finds a decisive name (random gazetteers, random levels)', () => {
    const leveled = gazetteerFile.chain((file) =>
      fc.array(fc.boolean(), { minLength: file.entities.length, maxLength: file.entities.length }).map(
        (core): EntitiesFile => ({ ...file, entities: file.entities.map((e, i) => ({ ...e, relevance: core[i] ? 'core' : 'regional' })) }),
      ),
    );
    const withText = leveled.chain((file) => {
      const names = file.entities.flatMap((e) => [...e.aliases, ...(e.demonyms ?? [])]);
      const fromNames = fc
        .array(fc.tuple(fc.constantFrom(...names), spelling, fc.constantFrom(' ', ', ', '\n', ' the ', '-', '')), { maxLength: 8 })
        .map((parts) => parts.map(([a, f, s]) => f(a) + s).join(''));
      return fc.tuple(fc.constant(file), fc.oneof(fromNames, fc.tuple(fromNames, vocabularyText).map(([a, b]) => a + b)));
    });
    let named = 0;
    fc.assert(
      fc.property(withText, ([file, t]) => {
        const m = new Matcher(compileGazetteer(EntitiesFileSchema.parse(file)).gazetteer);
        if (!namesDecisive(m, t)) return;
        named++;
        expect(new PageGate(compileGateSource(m.gazetteer)).textMayBeRelevant(t), t).toBe(true);
      }),
      { numRuns: 150 * SCALE },
    );
    expect(named).toBeGreaterThan(20);
  }, 30_000 * SCALE);

  it('looks for a Latin name where a word starts and ends, and for a case-sensitive one in its case', () => {
    expect(gate.textMayBeRelevant('The crisis deepened; Raqqawi food.')).toBe(false);
    expect(gate.textMayBeRelevant('What is it? This island.')).toBe(false);
    expect(gate.textMayBeRelevant('fighters of IS took the town')).toBe(true);
    expect(gate.textMayBeRelevant('ISIS')).toBe(true);
    expect(gate.textMayBeRelevant('Ar-Raqqah’s streets')).toBe(true);
    expect(gate.textMayBeRelevant('الرقة')).toBe(true);
    // Found by the property above at 20 and 100 times its runs: a mark before an elidable letter (no elision
    // then), an apostrophe inside a word before "at" (no particle then); and an elision after a quote.
    expect(gate.textMayBeRelevant('\u064bs‛yrische Regierung')).toBe(true);
    expect(gate.textMayBeRelevant('Ét‛at islamique en Irak')).toBe(true);
    expect(gate.textMayBeRelevant('‘l’État islamique’')).toBe(true);
    // A page's own placeholder characters separate words, as the tokenizer reads them.
    expect(gate.textMayBeRelevant('\u0002l’État islamique')).toBe(true);
    expect(gate.textMayBeRelevant('\u0001Raqqa')).toBe(true);
    expect(gate.textMayBeRelevant('Markets in London and Paris, Iran and Russia.')).toBe(false);
  });
});

describe('relevance needs a decisive entity', () => {
  it('never finds a page relevant on other entities alone, however many and wherever', () => {
    const g = full.gazetteer;
    const others = g.entities.map((e, i) => (e.relevance === DECISIVE_LEVEL ? -1 : i)).filter((i) => i >= 0);
    const hit = fc.record({ entity: fc.constantFrom(...others), demonym: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.tuple(hit, fc.boolean(), fc.integer({ min: 1, max: 50 })), { maxLength: 80 }), fc.array(hit, { maxLength: 10 }), fc.array(hit, { maxLength: 10 }), (hits, titleHits, tagHits) => {
        const weights = new HitWeights(g);
        for (const [h, inMain, times] of hits) for (let k = 0; k < times; k++) weights.add(h, inMain);
        expect(scoreRelevance(g, { weights, titleHits, tagHits, mainWords: 0 }).relevant).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the gate on a page', () => {
  it('passes wherever the analysis finds a decisive name in the page text or title (random DOM trees)', () => {
    const doc = page('');
    let named = 0;
    fc.assert(
      fc.property(domTree, (specs) => {
        buildDom(doc.body, specs);
        const analysis = analyzePage(doc, full, { locateHits: true });
        if (![...analysis.hits, ...analysis.titleHits].some((h) => isDecisive(full, h.entity))) return;
        named++;
        expect(passes(doc), doc.body.innerHTML).toBe(true);
      }),
      { numRuns: DOM_RUNS.numRuns * SCALE },
    );
    expect(named).toBeGreaterThan(10);
  }, 30_000 * SCALE);

  it('passes on a decisive name in the title or the text, and not on other names or on scripts', () => {
    expect(passes(page('<p>Markets in London and Paris.</p>', 'Fighting near Raqqa'))).toBe(true);
    expect(passes(page('<p>The siege of <b>Deir</b> ez-Z<i>or</i> went on.</p>'))).toBe(true);
    expect(passes(page('<p>Iran, Russia and Turkey met in London.</p><script>var s = "Syria Raqqa ISIS";</script><style>.aleppo{}</style>', 'Talks'))).toBe(false);
    // Text the analysis never reads: an editor, a form field, a hidden element.
    expect(passes(page('<p>Nothing to see.</p><textarea>Aleppo</textarea><div contenteditable>Damascus</div><p hidden>Raqqa</p>'))).toBe(false);
  });

  it('reads a huge page block by block, pausing between them, and finds a name in the last', () => {
    const filler = '<p>Markets rose in London and Paris today.</p>'.repeat(6000);
    const steps = gate.pageSteps(page(`${filler}<p>Shelling near Damascus.</p>`), Number.POSITIVE_INFINITY);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(step.value.pass).toBe(true);
    expect(step.value.text?.blocks.length).toBeGreaterThan(3);
    expect(pauses).toBeGreaterThan(10);
    expect(passes(page(filler))).toBe(false);
  });

  it('follows added and changed text, and the title', () => {
    const doc = page('<article><p id="p">Football results.</p></article>');
    const batch = (over: Partial<MutationBatch>): MutationBatch => ({ added: [], changedText: new Set(), removed: false, records: 1, flood: false, ...over });
    const changes = (b: MutationBatch) => gate.changesMayBeRelevant(doc, b);
    const p = doc.getElementById('p')!;
    const added = doc.createElement('p');
    added.textContent = 'Transfers and fixtures.';
    doc.body.append(added);
    expect(changes(batch({ added: [added] }))).toBe(false);
    added.textContent = 'Convoys left Aleppo.';
    expect(changes(batch({ added: [added] }))).toBe(true);
    // A name split between old text and a new text node: the parent's whole text is read.
    p.textContent = 'Near Deir ';
    const rest = doc.createTextNode('ez-Zor today.');
    p.append(rest);
    added.remove();
    expect(changes(batch({ added: [rest] }))).toBe(true);
    expect(changes(batch({ changedText: new Set([p.firstChild!]) }))).toBe(true);
    p.textContent = 'Football results.';
    expect(changes(batch({ changedText: new Set([p.firstChild!]) }))).toBe(false);
    // Added where the page text never comes from: an editor.
    const editor = doc.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.append(doc.createElement('p'));
    editor.firstElementChild!.textContent = 'Damascus';
    doc.body.append(editor);
    expect(changes(batch({ added: [editor.firstChild!] }))).toBe(false);
    doc.title = 'Live: Palmyra';
    expect(changes(batch({}))).toBe(true);
  });
});

const present = existsSync(resolve(REALPAGES, 'INDEX.tsv'));
if (!present) console.warn(`gate on real pages: skipped, ${REALPAGES} is absent`);

describe.skipIf(!present)('the gate on ../shared/realpages', () => {
  // Every page of the set: its HTML where there is one, else its text (as relevance.realpages.test.ts reads them).
  const files = readdirSync(REALPAGES)
    .map((name) => resolve(REALPAGES, name))
    .filter((dir) => existsSync(resolve(dir, 'source.html')) || existsSync(resolve(dir, 'article.txt')))
    .map((dir) => ({ name: basename(dir), file: existsSync(resolve(dir, 'source.html')) ? resolve(dir, 'source.html') : resolve(dir, 'article.txt') }));

  it('passes every page the full analysis finds relevant, and rules out every page that names no decisive entity', () => {
    let relevant = 0;
    let ruledOut = 0;
    for (const p of files) {
      const dom = loadDocument(p.file);
      const doc = dom.window.document;
      const passed = passes(doc);
      const analysis = analyzePage(doc, full, { isVisible: makeVisibilityCheck(dom.window as unknown as Window) });
      if (analysis.relevance.relevant) {
        relevant++;
        expect(passed, p.name).toBe(true);
      }
      // The full gazetteer over the same text, hidden parts included: no decisive name there, no pass.
      if (!namesDecisive(full, doc.title) && !namesDecisive(full, collectText(doc.body).text)) {
        ruledOut++;
        expect(passed, p.name).toBe(false);
      }
    }
    console.log(`gate on real pages: ${files.length} pages, ${relevant} relevant (all passed), ${ruledOut} name no decisive entity (all ruled out)`);
    expect(relevant).toBeGreaterThan(20);
    expect(ruledOut).toBeGreaterThan(10);
  });
});
