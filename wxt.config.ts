import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { corpusPlugin } from './scripts/vite-corpus-plugin';

// Extension pages may load only their own code and talk only to their own origin.
const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'; connect-src 'self'; img-src 'self' data:; style-src 'self'";

const GECKO_ID = 'crossframe@crossframe.dev';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Tests that build a broken corpus write elsewhere, so they never clobber the real build.
  outDir: process.env.CROSSFRAME_OUT_DIR ?? '.output',
  // Explicit imports keep every dependency visible to ESLint's boundary rules.
  imports: false,
  vite: () => ({
    plugins: [corpusPlugin()],
    // WXT's content script context announces itself to every page (see private-context.ts): ours does not.
    resolve: { alias: { 'wxt/utils/content-script-context': fileURLToPath(new URL('./entrypoints/content/private-context.ts', import.meta.url)) } },
    // CROSSFRAME_TIMING_MARKS=1: the bench's own build, with User Timing marks (see entrypoints/content/index.ts).
    // A build variable of ours, not a WXT_ one: those are also read from .env files, where one could linger.
    define: { __CROSSFRAME_TIMING_MARKS__: JSON.stringify(process.env.CROSSFRAME_TIMING_MARKS === '1') },
    // CROSSFRAME_NO_MINIFY=1 keeps function names, for profiling.
    build: { target: 'es2022', chunkSizeWarningLimit: 1500, ...(process.env.CROSSFRAME_NO_MINIFY ? { minify: false } : {}) },
  }),
  manifest: ({ browser, mode }) => {
    const firefox = browser === 'firefox';
    const commands = {
      'lookup-selection': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Cross-reference the selected text',
      },
      'save-selection': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the selected text as a snippet',
      },
      'focus-marks': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Step through the names Crossframe marked on this page',
      },
    };
    return {
      name: 'Crossframe',
      description:
        'How five reference articles framed the people, places, groups and events on the Syria/ISIS page you are reading.',
      permissions: ['storage', 'contextMenus', 'unlimitedStorage'],
      action: { default_title: 'Crossframe' },
      // The full content script, which the gate script imports on pages that pass the gate (see
      // entrypoints/content/full-script.ts). In Chrome it is reachable only at a URL that changes every
      // session, so a page cannot probe for it to learn that Crossframe is installed; Firefox's extension URLs
      // are random per install already (WXT writes the MV2 form there).
      web_accessible_resources: [
        { resources: ['content-full.js'], matches: ['http://*/*', 'https://*/*'], ...(firefox ? {} : { use_dynamic_url: true }) },
      ],
      commands,
      icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
      ...(mode === 'production'
        ? {
            // MV3 form; WXT writes the MV2 string form for Firefox.
            content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
          }
        : {}),
      ...(firefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: GECKO_ID,
                strict_min_version: '140.0',
                data_collection_permissions: { required: ['none'] },
              },
              gecko_android: { strict_min_version: '142.0' },
            },
          }
        : { minimum_chrome_version: '128' }),
    };
  },
  zip: {
    excludeSources: ['node_modules/**', '.output/**', '.wxt/**', 'tests/artifacts/**', '.tmp/**'],
  },
});
