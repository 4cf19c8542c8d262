import type { Plugin } from 'vite';
import { compileGazetteer } from '../lib/entities/compile';
import { compileGateSource } from '../lib/entities/gate-pattern';
import { highlightCss } from '../lib/page/highlight-styles';
import { HOST_PAGE_CSS } from '../lib/page/ui-host';
import { corpusVersion } from '../lib/corpus/version';
import { corpusDir, loadCorpusOrThrow } from './lib/read-corpus';

const MODULES = {
  /** The validated corpus input and its version, for the background's seeding. */
  'virtual:crossframe/corpus': () => {
    const input = loadCorpusOrThrow();
    return `export const version = ${JSON.stringify(corpusVersion(input))};\nexport default ${JSON.stringify(input)};`;
  },
  /** The compiled gazetteer (no descriptions, aliases folded): all the content script needs. */
  'virtual:crossframe/gazetteer': () => {
    const input = loadCorpusOrThrow();
    // A JSON string parses faster than the same object as a literal, and only when first asked for: the content
    // script asks in a task of its own, not in the one that evaluates it on every page.
    const text = quotelessJson(compileGazetteer(input.entities).gazetteer);
    return `let parsed;\nexport function loadGazetteer() {\n  return (parsed ??= JSON.parse(${JSON.stringify(text)}.replaceAll(${JSON.stringify(QUOTE_STAND_IN)}, '"')));\n}`;
  },
  /** The gate's expressions (lib/entities/gate-pattern.ts): a few kilobytes, for the look every page gets. */
  'virtual:crossframe/gate': () => {
    const source = compileGateSource(compileGazetteer(loadCorpusOrThrow().entities).gazetteer);
    return `export const gateSource = ${JSON.stringify(source)};`;
  },
  /**
   * The ::highlight rules and our host's one page-level rule, declared as the content script's manifest CSS:
   * applied with the page's first style pass (no style recalculation later), inert on pages without our
   * highlights and host, never in the DOM.
   */
  'virtual:crossframe/page.css': () => `${highlightCss()}\n${HOST_PAGE_CSS}`,
} as const;

type ModuleId = keyof typeof MODULES;

/** Stands for the JSON's double quotes in the gate script's copy of the gazetteer (see quotelessJson). */
const QUOTE_STAND_IN = '~';

/**
 * JSON with its double quotes written as QUOTE_STAND_IN, so that the minifier keeps it a plain string literal,
 * with nothing to escape, rather than a template literal: every page compiles the gate script, and V8 scanned the
 * 121 KB gazetteer in about 0.5 ms as the one against 0.9 ms as the other (Node, median of 30 compiles).
 */
function quotelessJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json.includes(QUOTE_STAND_IN) || json.includes('\\')) throw new Error(`The gazetteer holds "${QUOTE_STAND_IN}" or a backslash: pick another stand-in for its quotes`);
  return json.replaceAll('"', QUOTE_STAND_IN);
}

/** Fails the build, naming file and field, when a corpus file is missing or malformed; serves the corpus to the bundles. */
export function corpusPlugin(): Plugin {
  return {
    name: 'crossframe-corpus',
    buildStart() {
      try {
        loadCorpusOrThrow();
      } catch (e) {
        this.error((e as Error).message);
      }
      this.addWatchFile(corpusDir());
    },
    resolveId(id) {
      return id in MODULES ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith('\0')) return null;
      const name = id.slice(1);
      return name in MODULES ? MODULES[name as ModuleId]() : null;
    },
  };
}
